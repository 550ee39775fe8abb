import type { UnitOfWork } from '../../shared/db/unit-of-work';
import type { JobDefinition } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import type { ConversationsService } from '../conversations/conversations.service';
import { MessageAuthor } from '../conversations/message.entity';
import type { ExtensionsService } from '../extensions/extensions.service';
import { afterHoursNotice, opening, type Opening } from './business-hours';
import type { WebChatWaitsRepository } from './web-chat-waits.repository';

export const NOTICE_WAITING = 'web-chat.notice-waiting';
const BATCH = 100;

/**
 * Tells a web chat customer who has waited too long for a person that they have not been
 * forgotten, once per wait: a sweep on the durable queue (so a restart or a second instance
 * neither loses nor doubles it) claims each wait in the same transaction as the message.
 * Also answers when the business is open, for the chat window's after-hours notice.
 */
export class WebChatWaitsService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: WebChatWaitsRepository;
      conversations: ConversationsService;
      extensions: ExtensionsService;
      logger: Logger;
      timeZone: string;
      waitNoticeSeconds: number;
      retries: { retryLimit: number; retryDelaySeconds: number };
    },
  ) {}

  jobs(): Array<JobDefinition<object>> {
    return [
      {
        name: NOTICE_WAITING,
        ...this.deps.retries,
        expireInSeconds: 60,
        concurrency: 1,
        // Often enough that no wait runs much past its limit.
        everySeconds: Math.max(1, Math.min(30, Math.floor(this.deps.waitNoticeSeconds / 4))),
        handle: async () => {
          await this.noticeWaiting();
        },
      },
    ];
  }

  /** Whether someone works now and, if not, when they next do, with the sentence the chat shows. */
  async availability(now = new Date()): Promise<Opening & { notice: string | null }> {
    const extensions = await this.deps.uow.run((tx) => this.deps.extensions.allForRouting(tx));
    const state = opening(
      extensions.map((extension) => extension.workingHours),
      now,
      this.deps.timeZone,
    );
    return { ...state, notice: afterHoursNotice(state, now, this.deps.timeZone) };
  }

  /** Sends the waiting notice to every customer past the limit; returns how many were told. */
  async noticeWaiting(): Promise<number> {
    const waits = await this.deps.repository.waitingLongerThan(this.deps.waitNoticeSeconds, BATCH);
    if (waits.length === 0) return 0;
    const { notice } = await this.availability();
    const text = notice
      ? `Thanks for waiting. ${notice}`
      : 'Thanks for waiting, we have not forgotten you. Everyone on our team is helping other customers; someone will answer here as soon as they are free.';
    let told = 0;
    for (const wait of waits) {
      await this.deps.uow.run(async (tx, events) => {
        const conversation = await this.deps.conversations.lockThreadById(tx, wait.conversationId);
        if (!(await this.deps.repository.claim(tx, wait))) return;
        const message = await this.deps.conversations.sendReply(tx, events, conversation, { author: MessageAuthor.SYSTEM, text });
        await this.deps.repository.recordNotice(tx, { waitingMessageId: wait.waitingMessageId, noticeMessageId: message.id });
        told++;
      });
    }
    this.deps.logger.info({ told }, 'web chat waiting notices sent');
    return told;
  }
}

import { SendError, type MessageSender, type OutboundChannel, type OutgoingMessage } from '../../providers/outbound.port';
import type { SmsSender, SmsStatus } from '../../providers/sms/sms.port';
import { PendingEvents, type Tx, type UnitOfWork } from '../../shared/db/unit-of-work';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { ConversationTopic } from '../conversations/conversations.events';
import { toSnapshot } from '../conversations/conversations.service';
import { DeliveryStatus, type Message } from '../conversations/message.entity';
import type { ConsentService } from './consent';
import type { DeliveryReport } from './inbound-events';
import { SETTLED, type OutboundSend, type SendState } from './outbound-send.entity';
import type { OutboundRepository, Seen } from './outbound.repository';
import { nextSendWindow, respectsQuietHours, type SendWindow } from './quiet-hours';
import { recipientTimeZone } from './recipient-time-zone';

/** Channels addressed by a phone number, whose area code can tell the recipient's clock. */
const PHONE_CHANNELS: ReadonlySet<OutboundChannel> = new Set(['SMS', 'WHATSAPP']);

export const SEND_MESSAGE = 'outbound.send';

export interface OutboundSenders {
  SMS: SmsSender;
  /** Absent when Meta is not configured: a send on these channels then fails with a clear reason. */
  WHATSAPP?: MessageSender;
  MESSENGER?: MessageSender;
  INSTAGRAM?: MessageSender;
}

/** The SMS provider's final answers; queued and sent add nothing to what we know. */
const SETTLED_SMS_STATUS: Partial<Record<SmsStatus, DeliveryStatus>> = { DELIVERED: DeliveryStatus.DELIVERED, FAILED: DeliveryStatus.FAILED };

/** How long a status report for an unknown message is retried before it is taken as not ours. */
const UNKNOWN_STATUS_PATIENCE_MS = 10 * 60_000;

/** A crashed attempt's clock may be a little behind the provider's. */
const RECONCILE_SLACK_MS = 60_000;

/**
 * Every message that leaves through a provider goes through here: stored with its idempotency
 * key and a send job in the caller's transaction. The job refuses opted-out numbers (whoever
 * asked), holds unprompted messages until the recipient's daytime, sends, and on 429/5xx/
 * timeouts retries with backoff. An attempt whose answer was lost is looked up at the provider
 * before anything is sent again; where the provider cannot be asked (Meta), it is not sent
 * again by itself but waits for a person. So a customer never gets the same message twice.
 *
 * Each attempt is numbered when claimed and writes its outcome only while the row still shows
 * that attempt: an abandoned attempt's late answer can never move a row backwards.
 */
export class OutboundDelivery {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: OutboundRepository;
      jobs: JobQueue;
      senders: OutboundSenders;
      consent: ConsentService;
      logger: Logger;
      /** The business's zone: quiet hours for a recipient whose own zone cannot be told. */
      timeZone: string;
      sendWindow: SendWindow;
    },
  ) {}

  /** `timeoutSeconds`: one attempt's limit (JOB_TIMEOUT_SECONDS), longer than any one provider call. */
  jobs(options: { retryLimit: number; retryDelaySeconds: number; timeoutSeconds: number }): Array<JobDefinition<{ key: string }>> {
    return [
      {
        name: SEND_MESSAGE,
        retryLimit: options.retryLimit,
        retryDelaySeconds: options.retryDelaySeconds,
        expireInSeconds: options.timeoutSeconds,
        concurrency: 8,
        handle: (job, signal) => this.deliver(job.key, signal),
        onDeadLetter: (job, lastError) => this.giveUp(job.key, lastError),
      },
    ];
  }

  /** Queues a message inside the caller's transaction. The same key twice is one message. */
  /**
   * `timeZone`: the recipient's, when the caller knows it (an event's ZIP code); else, for an
   * unprompted message, it is read from the number's area code, or the business's is used.
   */
  async queue(tx: Tx, message: OutgoingMessage & { idempotencyKey: string; channel?: OutboundChannel; messageId?: string; timeZone?: string }): Promise<void> {
    const channel = message.channel ?? 'SMS';
    const quiet = respectsQuietHours(message.purpose);
    const timeZone = message.timeZone ?? (quiet && PHONE_CHANNELS.has(channel) ? (await recipientTimeZone({ phone: message.to }, this.deps.timeZone)).zone : null);
    const stored = await this.deps.repository.insertIfNew(tx, { ...message, channel, messageId: message.messageId ?? null, timeZone });
    if (!stored) return;
    const startAfter = quiet ? (nextSendWindow(new Date(), timeZone ?? this.deps.timeZone, this.deps.sendWindow) ?? undefined) : undefined;
    await this.deps.jobs.enqueue(tx, SEND_MESSAGE, { key: message.idempotencyKey }, { startAfter });
  }

  private async deliver(key: string, signal?: AbortSignal): Promise<void> {
    const { repository } = this.deps;
    const send = await repository.find(key);
    if (!send || SETTLED.has(send.status)) return;
    const seen: Seen = { status: send.status, attempts: send.attempts };

    // Consent is checked at send time, so a STOP that arrives while a message waits still stops it.
    const recipientOptedOut = await this.deps.consent.refusesMessages(send.channel, send.recipient);
    if (send.purpose !== 'CONSENT_CONFIRMATION' && recipientOptedOut) {
      await this.finish(send, seen, 'REFUSED', { error: 'The recipient has opted out of messages.' });
      return;
    }
    // Retries can carry an unprompted message into the night: wait for the morning again.
    const window = respectsQuietHours(send.purpose) ? nextSendWindow(new Date(), send.timeZone ?? this.deps.timeZone, this.deps.sendWindow) : null;
    if (window) {
      await this.deps.uow.run((tx) => this.deps.jobs.enqueue(tx, SEND_MESSAGE, { key }, { startAfter: window }));
      return;
    }
    const sender = this.deps.senders[send.channel];
    if (!sender) {
      await this.finish(send, seen, 'FAILED', { error: `${send.channel} is not configured on this server.` });
      return;
    }

    // The previous attempt's answer was lost: it may have gone out. Look before sending again,
    // or, where the provider cannot be asked, leave it to a person.
    if (send.status === 'SENDING') {
      if (!sender.findSent) {
        await this.finish(send, seen, 'UNCONFIRMED', { error: send.lastError ?? 'The previous attempt ended without an answer from the provider.' });
        return;
      }
      if (send.attemptStartedAt) {
        const since = new Date(send.attemptStartedAt.getTime() - RECONCILE_SLACK_MS);
        const found = await sender.findSent({ to: send.recipient, body: send.body, since }, { signal });
        // An identical text to the same number that another send recorded is that send's, not
        // this one's; when every one found is another's, ours never went.
        const ours = await repository.firstUnclaimed(found.map((sent) => sent.providerMessageId), key);
        if (ours) {
          const recorded = await this.finish(send, seen, 'SENT', { providerMessageId: ours });
          // Its status notifications may have come and gone while the send was unrecorded: ask once.
          if (recorded && send.channel === 'SMS' && send.messageId) await this.refreshStatus(send.messageId, ours);
          return;
        }
      }
    }

    // Claim the attempt: a second run of the same send that read the same row finds it taken and stops.
    if (!(await repository.claim(key, seen))) return;
    const attempt: Seen = { status: 'SENDING', attempts: seen.attempts + 1 };
    try {
      const { providerMessageId } = await sender.send({ to: send.recipient, body: send.body, purpose: send.purpose }, { signal });
      // Sent is news even if this attempt was given up on meanwhile and left for a person.
      await this.finish(send, { ...attempt, orUnconfirmed: true }, 'SENT', { providerMessageId });
    } catch (error) {
      const outcome = error instanceof SendError ? error.outcome : 'unknown';
      const message = (error as Error).message.slice(0, 500);
      if (outcome === 'permanent') {
        await this.finish(send, attempt, 'FAILED', { error: message });
        return;
      }
      if (outcome === 'unknown' && !sender.findSent) {
        // It may have gone out and nobody can ask: a person checks, then resends if need be.
        await this.finish(send, attempt, 'UNCONFIRMED', { error: message });
        return;
      }
      // not-sent: nothing went out, the next attempt simply sends; unknown: stay SENDING so it looks first.
      await repository.update(key, attempt, { status: outcome === 'not-sent' ? 'PENDING' : 'SENDING', lastError: message });
      throw error;
    }
  }

  private async giveUp(key: string, lastError: string): Promise<void> {
    const send = await this.deps.repository.find(key);
    if (!send || SETTLED.has(send.status)) return;
    // Out of retries with an answer still lost where nobody can look: that is for a person too.
    const unconfirmed = send.status === 'SENDING' && !this.deps.senders[send.channel]?.findSent;
    await this.finish(send, { status: send.status, attempts: send.attempts }, unconfirmed ? 'UNCONFIRMED' : 'FAILED', { error: lastError });
  }

  /**
   * Staff's resend of a message whose delivery could not be confirmed, after checking that it
   * did not arrive: a new attempt of the same send, queued now.
   */
  async resend(messageGlobalId: string): Promise<Message> {
    const messageId = fromGlobalId('Message', messageGlobalId);
    return this.deps.uow.run(async (tx, events) => {
      const { repository } = this.deps;
      const send = messageId ? await repository.lockByMessage(tx, messageId) : null;
      const message = messageId ? await repository.findMessage(messageId, tx) : null;
      if (!send || !message) throw userFailure('NOT_FOUND', 'No message sent through a provider has this id.', 'messageId');
      if (send.status !== 'UNCONFIRMED') {
        throw userFailure('NOT_UNCONFIRMED', `Only a message whose delivery could not be confirmed can be sent again; this one is ${STATE_WORDS[send.status]}.`, 'messageId');
      }
      await repository.requeueUnconfirmed(tx, send);
      await this.deps.jobs.enqueue(tx, SEND_MESSAGE, { key: send.idempotencyKey });
      this.deps.logger.info({ key: send.idempotencyKey, channel: send.channel }, 'unconfirmed message resent by staff');
      const queued = (await repository.findMessage(message.id, tx))!;
      addMessageUpdated(events, queued);
      return queued;
    });
  }

  /**
   * The send's outcome and its message's delivery status, together (a crash between them would
   * leave a sent message QUEUED), written only if the row is still as `seen`. Returns whether it was.
   */
  private async finish(send: OutboundSend, seen: Seen, status: 'SENT' | 'FAILED' | 'REFUSED' | 'UNCONFIRMED', detail: { providerMessageId?: string; error?: string }): Promise<boolean> {
    const { settled: recorded, message } = await this.deps.repository.settle(send.idempotencyKey, seen, {
      status,
      messageStatus: MESSAGE_STATUS[status],
      providerMessageId: detail.providerMessageId,
      lastError: detail.error ?? null,
    });
    await this.announce(message);
    if (!recorded) this.deps.logger.info({ key: send.idempotencyKey, status }, 'late outcome of an earlier attempt ignored');
    else if (status !== 'SENT') this.deps.logger.warn({ key: send.idempotencyKey, channel: send.channel, status, purpose: send.purpose }, 'message not sent');
    return recorded;
  }

  /**
   * Records a provider's status report for the message it sent as `providerMessageId`. A
   * report can overtake the send's own answer: for a recent one no send of ours knows yet,
   * it throws so the queue tries again shortly; an old unknown one (not ours) is dropped.
   */
  async recordProviderStatus(channel: OutboundChannel, report: DeliveryReport): Promise<void> {
    const send = await this.deps.repository.findByProviderId(channel, report.providerMessageId);
    if (send?.messageId) {
      await this.announce(await this.deps.repository.advanceMessage(send.messageId, report.status));
      return;
    }
    if (send) return;
    if (Date.now() - report.reportedAt.getTime() < UNKNOWN_STATUS_PATIENCE_MS) {
      throw new Error(`${channel} status for a message not recorded yet; trying again`);
    }
    this.deps.logger.info({ channel }, 'status report for a message this server did not send; ignored');
  }

  /**
   * Whether a message the provider says went out from the business (a Meta echo) is one of
   * ours. Checked in one statement against both ways a send can know it, so an echo that
   * overtakes the send's own answer is still recognised.
   */
  isOurSend(channel: OutboundChannel, message: { to: string; providerMessageId: string; body: string | null }): Promise<boolean> {
    return this.deps.repository.isOurSend(channel, { recipient: message.to, providerMessageId: message.providerMessageId, body: message.body });
  }

  /**
   * Asks the SMS provider how recent texts fared (its status notification says only that
   * something changed) and records delivered or failed on their messages.
   */
  async refreshStatuses(): Promise<void> {
    for (const { messageId, providerMessageId } of await this.deps.repository.recentUnsettledTexts(50)) await this.refreshStatus(messageId, providerMessageId);
  }

  private async refreshStatus(messageId: string, providerMessageId: string): Promise<void> {
    const status = await this.deps.senders.SMS.status(providerMessageId);
    const next = status ? SETTLED_SMS_STATUS[status] : undefined;
    if (next) await this.announce(await this.deps.repository.advanceMessage(messageId, next));
  }

  /** Consoles showing the thread see its message's new delivery status (the write is already committed). */
  private async announce(message: Message | null): Promise<void> {
    if (!message) return;
    const events = new PendingEvents();
    addMessageUpdated(events, message);
    await this.deps.uow.publish(events);
  }
}

function addMessageUpdated(events: PendingEvents, message: Message): void {
  events.add(ConversationTopic.MESSAGE_UPDATED, { conversationId: message.conversationId, message: toSnapshot(message) }, message.conversationId);
}

const MESSAGE_STATUS: Record<'SENT' | 'FAILED' | 'REFUSED' | 'UNCONFIRMED', DeliveryStatus> = {
  SENT: DeliveryStatus.SENT,
  FAILED: DeliveryStatus.FAILED,
  REFUSED: DeliveryStatus.FAILED,
  UNCONFIRMED: DeliveryStatus.UNCONFIRMED,
};

/** How a send's state reads in a sentence for staff. */
const STATE_WORDS: Record<SendState, string> = {
  PENDING: 'still waiting to be sent',
  SENDING: 'being sent',
  SENT: 'already sent',
  FAILED: 'failed for good (see its error)',
  REFUSED: 'refused because the customer opted out',
  UNCONFIRMED: 'not confirmed',
};

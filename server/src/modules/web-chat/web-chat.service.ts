import { GraphQLError } from 'graphql';
import { takeAllowance, type RateLimits } from '../../shared/auth/rate-limits';
import { generateToken, hashToken } from '../../shared/auth/tokens';
import type { UnitOfWork } from '../../shared/db/unit-of-work';
import { userFailure } from '../../shared/graphql/user-errors';
import type { JobDefinition } from '../../shared/jobs/job-queue';
import { Channel } from '../conversations/channel';
import type { ConversationsService } from '../conversations/conversations.service';
import { checkInboundText } from '../conversations/inbound-text';
import type { Message } from '../conversations/message.entity';
import { IdentityKind } from '../customers/customer.entity';
import type { InboundService } from '../inbound/inbound.service';
import type { WebChatRepository } from './web-chat.repository';

export const WEB_CHAT_TOKEN_PREFIX = 'wcs_';
/** As much of a chat as its window shows. */
export const HISTORY_MESSAGES = 200;
const FORGET_EXPIRED_SESSIONS = 'web-chat.forget-expired-sessions';

/**
 * The public web chat: anonymous sessions that expire when unused, rate-limited per session
 * and per address, feeding the one inbound path. What the customer typed is checked here (it
 * is a form), with errors they can act on; the inbound path itself knows no form rules.
 */
export class WebChatService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: WebChatRepository;
      conversations: ConversationsService;
      inbound: InboundService;
      rateLimits: RateLimits;
      sessionDays: number;
    },
  ) {}

  jobs(): Array<JobDefinition<object>> {
    return [
      {
        name: FORGET_EXPIRED_SESSIONS,
        retryLimit: 2,
        retryDelaySeconds: 60,
        expireInSeconds: 60,
        concurrency: 1,
        handle: async () => {
          await this.deps.repository.deleteExpired(new Date());
        },
      },
    ];
  }

  /** Begins an anonymous chat and its (empty) thread; the token is the customer's key to it. */
  async startSession(ip: string): Promise<{ sessionToken: string }> {
    await this.limit(this.deps.rateLimits.webChatSessionsByIp, ip, 'Too many new chats from this address. Wait a minute and try again.');
    const { token, hash } = generateToken(WEB_CHAT_TOKEN_PREFIX);
    await this.deps.uow.run(async (tx) => {
      const conversation = await this.deps.conversations.openThread(tx, { channel: Channel.WEB_CHAT, address: hash, identity: { kind: IdentityKind.WEB_SESSION, value: hash } });
      const now = new Date();
      await this.deps.repository.insert(tx, { tokenHash: hash, conversationId: conversation.id, lastActiveAt: now, expiresAt: this.expiry(now) });
    });
    return { sessionToken: token };
  }

  async send(params: { sessionToken: string; text: string; ip: string }): Promise<{ message: Message; reply: Message | null }> {
    const tokenHash = await this.liveSession(params.sessionToken);
    if (!tokenHash) throw userFailure('UNKNOWN_SESSION', 'This chat has expired or does not exist. Start a new chat.', 'sessionToken');
    const checked = checkInboundText(params.text);
    if ('failure' in checked) throw checked.failure;
    await this.limit(this.deps.rateLimits.webChatMessagesByIp, params.ip, 'Too many messages from this address. Wait a minute and try again.');
    await this.limit(this.deps.rateLimits.webChatMessagesBySession, tokenHash, 'You are sending messages very quickly. Wait a minute and try again.');
    const now = new Date();
    await this.deps.repository.touch(tokenHash, now, this.expiry(now));
    const result = await this.deps.inbound.receive({
      channel: Channel.WEB_CHAT,
      address: tokenHash,
      identity: { kind: IdentityKind.WEB_SESSION, value: tokenHash },
      text: checked.text,
    });
    // A web-chat message has no provider id, so it is never a duplicate; and its text was checked above.
    if (result.outcome !== 'received') throw new Error(`web-chat message was ${result.outcome}`);
    return { message: result.message, reply: result.reply };
  }

  /**
   * The chat so far, its latest messages oldest first: what the window shows on opening and
   * after a reconnect, so a reply written while it was closed or offline is never missed.
   * Nothing for a session the server does not know (or no longer keeps).
   */
  async history(sessionToken: string, ip: string): Promise<Message[]> {
    await this.limit(this.deps.rateLimits.webChatMessagesByIp, ip, 'Too many requests from this address. Wait a minute and try again.');
    if (!sessionToken.startsWith(WEB_CHAT_TOKEN_PREFIX)) return [];
    const session = await this.deps.repository.findLive(hashToken(sessionToken));
    return session ? this.deps.conversations.latestMessages(session.conversationId, HISTORY_MESSAGES) : [];
  }

  /** The hash of a live session's token (what its thread and replies are keyed by), or null. */
  async liveSession(sessionToken: string): Promise<string | null> {
    if (!sessionToken.startsWith(WEB_CHAT_TOKEN_PREFIX)) return null;
    const session = await this.deps.repository.findLive(hashToken(sessionToken));
    return session?.tokenHash ?? null;
  }

  /** A live session's token hash and thread, or null. */
  async sessionOf(sessionToken: string): Promise<{ tokenHash: string; conversationId: string } | null> {
    if (!sessionToken.startsWith(WEB_CHAT_TOKEN_PREFIX)) return null;
    const session = await this.deps.repository.findLive(hashToken(sessionToken));
    return session ? { tokenHash: session.tokenHash, conversationId: session.conversationId } : null;
  }

  /** Whether the session with this token hash still works (an open socket's check). */
  async isLive(tokenHash: string): Promise<boolean> {
    return (await this.deps.repository.findLive(tokenHash)) !== null;
  }

  private expiry(from: Date): Date {
    return new Date(from.getTime() + this.deps.sessionDays * 24 * 3600_000);
  }

  private async limit(limiter: RateLimits['webChatMessagesByIp'], key: string, message: string): Promise<void> {
    if (!(await takeAllowance(limiter, key))) {
      throw new GraphQLError(message, { extensions: { code: 'RATE_LIMITED' } });
    }
  }
}

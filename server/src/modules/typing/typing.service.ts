import { GraphQLError } from 'graphql';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { EventBus } from '../../shared/pubsub/event-bus';
import { userFailure } from '../../shared/graphql/user-errors';
import { Channel } from '../conversations/channel';
import type { ConversationsService } from '../conversations/conversations.service';
import type { EscalationsService } from '../escalations/escalations.service';
import type { StaffService } from '../staff/staff.service';
import type { WebChatService } from '../web-chat/web-chat.service';
import { TypingTopic } from './typing.events';

/** How long one "typing" holds unless renewed; browsers renew it at most every TYPING_THROTTLE_SECONDS while typing. */
export const TYPING_EXPIRES_SECONDS = 6;
export const TYPING_THROTTLE_SECONDS = 2;

/**
 * Typing indicators in web chat, both ways: the customer's to the staff member holding the
 * thread (to every console watching while nobody holds it), staff's to the customer. Nothing
 * is stored. A "typing" from one sender is passed on at most once per throttle window (shared
 * across instances with Redis); "stopped typing" always goes through and opens the window again.
 */
export class TypingService {
  constructor(
    private readonly deps: {
      eventBus: EventBus;
      throttle: RateLimiterAbstract;
      /** Public typing calls per address, whatever they say: each costs reads, so an address may not flood them. */
      callsByIp: RateLimiterAbstract;
      webChat: WebChatService;
      conversations: ConversationsService;
      escalations: EscalationsService;
      staff: StaffService;
    },
  ) {}

  async customerTyping(params: { sessionToken: string; typing: boolean; ip: string }): Promise<void> {
    if (!(await this.allowed(params.ip, this.deps.callsByIp))) {
      throw new GraphQLError('Too many requests from this address. Wait a minute and try again.', { extensions: { code: 'RATE_LIMITED' } });
    }
    const session = await this.deps.webChat.sessionOf(params.sessionToken);
    if (!session) throw userFailure('UNKNOWN_SESSION', 'This chat has expired or does not exist. Start a new chat.', 'sessionToken');
    if (!(await this.passes(`chat:${session.tokenHash}`, params.typing))) return;
    const [open] = await this.deps.escalations.openForConversations([session.conversationId]);
    await this.deps.eventBus.publish(
      TypingTopic.CONVERSATION_TYPING,
      { conversationId: session.conversationId, holderId: open?.takenOverById ?? null, typing: params.typing, expiresInSeconds: TYPING_EXPIRES_SECONDS },
      session.conversationId,
    );
  }

  /** Staff typing in a web chat thread they hold; other channels show no typing, so nothing is sent for them. */
  async staffTyping(params: { conversationId: string; staffUserId: string; typing: boolean }): Promise<void> {
    const conversation = await this.deps.conversations.findByGlobalId(params.conversationId);
    if (!conversation) throw userFailure('NOT_FOUND', 'No conversation has this id.', 'conversationId');
    if (conversation.channel !== Channel.WEB_CHAT) return;
    const [open] = await this.deps.escalations.openForConversations([conversation.id]);
    if (open?.takenOverById !== params.staffUserId) throw userFailure('NOT_HOLDING', 'Take over the thread to write to the customer.', 'conversationId');
    if (!(await this.passes(`staff:${params.staffUserId}:${conversation.id}`, params.typing))) return;
    const staff = await this.deps.staff.findUser(params.staffUserId);
    const name = staff?.displayName.trim().split(/\s+/)[0] || 'Our team';
    await this.deps.eventBus.publish(TypingTopic.WEB_CHAT_TYPING, { typing: params.typing, name, expiresInSeconds: TYPING_EXPIRES_SECONDS }, conversation.channelAddress);
  }

  /**
   * Whether a sender's typing state goes on: "stopped" always does, and opens the window again,
   * so typing that starts right after a message was sent is shown at once; repeated "typing"
   * passes once per window.
   */
  private async passes(sender: string, typing: boolean): Promise<boolean> {
    if (typing) return this.allowed(sender);
    await this.deps.throttle.delete(sender).catch(() => undefined); // a throttle that cannot be reset only delays the next "typing"
    return true;
  }

  private async allowed(key: string, limiter = this.deps.throttle): Promise<boolean> {
    try {
      await limiter.consume(key);
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
  }
}

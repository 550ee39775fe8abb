import type { UnitOfWork } from '../../shared/db/unit-of-work';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Conversation } from '../conversations/conversation.entity';
import type { Message } from '../conversations/message.entity';
import { conversationErrors } from '../conversations/conversations.errors';
import { InboxTopic } from './inbox.events';
import type { InboxRepository } from './inbox.repository';

/**
 * Each staff member's reading of the inbox: how far they have read each thread, what is unread
 * for them, and the newest thing a customer said in each thread.
 */
export class InboxService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: InboxRepository;
      conversations: ConversationsService;
    },
  ) {}

  /**
   * Marks a thread read for one staff member up to a message (its newest when none is named),
   * and tells their other consoles after commit. Never moves the marker back.
   */
  markRead(params: { staffUserId: string; conversationId: string; upToMessageId?: string | null }): Promise<Conversation> {
    return this.deps.uow.run(async (tx, events) => {
      const conversation = await this.deps.conversations.findByGlobalId(params.conversationId);
      if (!conversation) throw conversationErrors.notFound();
      let messageId: string | null;
      if (params.upToMessageId) {
        messageId = fromGlobalId('Message', params.upToMessageId) ?? null;
        if (!messageId) throw unknownMessage();
      } else {
        messageId = await this.deps.repository.newestMessageId(tx, conversation.id);
      }
      if (messageId && !(await this.deps.repository.markRead(tx, { staffUserId: params.staffUserId, conversationId: conversation.id, messageId }))) throw unknownMessage();
      events.add(InboxTopic.CONVERSATION_READ, { staffUserId: params.staffUserId, conversationId: conversation.id }, params.staffUserId);
      return conversation;
    });
  }

  unreadCounts(staffUserId: string, conversationIds: readonly string[]): Promise<Map<string, number>> {
    return this.deps.repository.unreadCounts(staffUserId, conversationIds);
  }

  unreadInHeldThreads(staffUserId: string): Promise<number> {
    return this.deps.repository.unreadInHeldThreads(staffUserId);
  }

  lastCustomerMessages(conversationIds: readonly string[]): Promise<Message[]> {
    return this.deps.repository.lastCustomerMessages(conversationIds);
  }
}

function unknownMessage() {
  return userFailure('MESSAGE_NOT_FOUND', 'That message is not in this conversation; reload the conversation and open it again.', 'upToMessageId');
}

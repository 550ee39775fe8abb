import type { Channel } from './channel';
import type { DeliveryStatus, MessageAuthor, MessageDirection, MessageVia } from './message.entity';

/** Payloads carry primitives and ISO strings only, so they cross Redis unchanged. */
export interface MessageSnapshot {
  id: string;
  conversationId: string;
  channel: Channel;
  direction: MessageDirection;
  author: MessageAuthor;
  text: string;
  providerMessageId: string | null;
  deliveryStatus: DeliveryStatus;
  staffUserId: string | null;
  senderName: string | null;
  via: MessageVia | null;
  createdAt: string;
}

export interface ConversationMessageAddedPayload {
  conversationId: string;
  channel: Channel;
  message: MessageSnapshot;
}

/** A message already in the thread changed: its delivery status moved (sent, delivered, not confirmed, queued again). */
export interface ConversationMessageUpdatedPayload {
  conversationId: string;
  message: MessageSnapshot;
}

/** A reply for a web-chat customer: the web chat's delivery. Scoped by the session's token hash. */
export interface WebChatReplyPayload {
  message: MessageSnapshot;
}

export const ConversationTopic = {
  /** Scoped: published as CONVERSATION_MESSAGE_ADDED:<conversation id>. */
  MESSAGE_ADDED: 'CONVERSATION_MESSAGE_ADDED',
  /** Scoped like MESSAGE_ADDED. */
  MESSAGE_UPDATED: 'CONVERSATION_MESSAGE_UPDATED',
  /** Every thread's new messages on one topic, for the live lists and unread counts of every console. */
  ACTIVITY: 'CONVERSATION_ACTIVITY',
  /** Scoped: published as WEB_CHAT_REPLY:<hash of the session token>. */
  WEB_CHAT_REPLY: 'WEB_CHAT_REPLY',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    CONVERSATION_MESSAGE_ADDED: ConversationMessageAddedPayload;
    CONVERSATION_MESSAGE_UPDATED: ConversationMessageUpdatedPayload;
    CONVERSATION_ACTIVITY: ConversationMessageAddedPayload;
    WEB_CHAT_REPLY: WebChatReplyPayload;
  }
}

import type { Channel } from './channel';
import type { DeliveryStatus, MessageAuthor, MessageDirection } from './message.entity';

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
  createdAt: string;
}

export interface ConversationMessageAddedPayload {
  conversationId: string;
  channel: Channel;
  message: MessageSnapshot;
}

/** A reply for a web-chat customer; the channel id is a hash of their session token. */
export interface WebChatReplyPayload {
  message: MessageSnapshot;
}

/**
 * Typing indicators: ephemeral, never stored. They ride the same pub/sub fan-out as every live
 * event (Redis across instances), and each says how long it holds, so a lost "stopped typing"
 * only leaves the indicator up until it expires.
 */
export interface ConversationTypingPayload {
  conversationId: string;
  /** Only this staff member hears it when the thread is held; everyone watching when nobody holds it. */
  holderId: string | null;
  typing: boolean;
  expiresInSeconds: number;
}

export interface WebChatTypingPayload {
  typing: boolean;
  /** The first name of the staff member typing. */
  name: string;
  expiresInSeconds: number;
}

export const TypingTopic = {
  /** The customer is typing. Scoped: published as CONVERSATION_TYPING:<conversation id>. */
  CONVERSATION_TYPING: 'CONVERSATION_TYPING',
  /** Staff are typing to a web chat customer. Scoped: published as WEB_CHAT_TYPING:<hash of the session token>. */
  WEB_CHAT_TYPING: 'WEB_CHAT_TYPING',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    CONVERSATION_TYPING: ConversationTypingPayload;
    WEB_CHAT_TYPING: WebChatTypingPayload;
  }
}

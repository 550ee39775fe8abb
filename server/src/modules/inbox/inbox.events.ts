/** A staff member read a thread up to a message: their other consoles clear the count too. */
export interface ConversationReadPayload {
  staffUserId: string;
  conversationId: string;
}

export const InboxTopic = {
  /** Scoped: published as CONVERSATION_READ:<staff user id>. */
  CONVERSATION_READ: 'CONVERSATION_READ',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    CONVERSATION_READ: ConversationReadPayload;
  }
}

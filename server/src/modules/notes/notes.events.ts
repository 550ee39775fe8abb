/** Payloads carry primitives and ISO strings only, so they cross Redis unchanged. */
export interface ConversationNoteAddedPayload {
  note: { id: string; conversationId: string; staffUserId: string; text: string; createdAt: string };
}

export const NoteTopic = {
  /** Scoped: published as CONVERSATION_NOTE_ADDED:<conversation id>; heard by staff only. */
  NOTE_ADDED: 'CONVERSATION_NOTE_ADDED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    CONVERSATION_NOTE_ADDED: ConversationNoteAddedPayload;
  }
}

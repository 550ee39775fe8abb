import type { ConversationMessageAddedPayload, WebChatReplyPayload } from '../../modules/conversations/conversations.events';
import type { EscalationEventPayload } from '../../modules/escalations/escalations.events';
import type { ExtensionUpdatedPayload } from '../../modules/extensions/extensions.events';

/** Every topic and its payload, in one typed map: a publish with the wrong shape does not compile. */
export interface TopicPayloads {
  EXTENSION_UPDATED: ExtensionUpdatedPayload;
  ESCALATION_RAISED: EscalationEventPayload;
  ESCALATION_UPDATED: EscalationEventPayload;
  /** Scoped: published as CONVERSATION_MESSAGE_ADDED:<conversation id>. */
  CONVERSATION_MESSAGE_ADDED: ConversationMessageAddedPayload;
  /** Scoped: published as WEB_CHAT_REPLY:<hash of the session token>. */
  WEB_CHAT_REPLY: WebChatReplyPayload;
}

export type TopicName = keyof TopicPayloads;

export const Topic: { [K in TopicName]: K } = {
  EXTENSION_UPDATED: 'EXTENSION_UPDATED',
  ESCALATION_RAISED: 'ESCALATION_RAISED',
  ESCALATION_UPDATED: 'ESCALATION_UPDATED',
  CONVERSATION_MESSAGE_ADDED: 'CONVERSATION_MESSAGE_ADDED',
  WEB_CHAT_REPLY: 'WEB_CHAT_REPLY',
};

import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { ConnectionArgs, connectionType } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Escalation } from '../escalations/escalation.entity';
import { Channel } from './channel';
import { Conversation, ConversationStage, DraftDetail } from './conversation.entity';
import { Message } from './message.entity';

export const ConversationConnection = connectionType(Conversation, 'Conversation');
export const MessageConnection = connectionType(Message, 'Message');
export const EscalationConnection = connectionType(Escalation, 'Escalation');

@ArgsType()
export class ConversationsArgs extends ConnectionArgs {
  @Field(() => ConversationStage, { nullable: true })
  stage?: ConversationStage;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;

  @Field(() => Boolean, { nullable: true, description: 'true: only threads with an open escalation; false: only those without.' })
  escalated?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only threads assigned to this extension.' })
  assignedExtensionId?: string;
}

@ObjectType({ description: 'What staff need to pick up an escalated thread without asking the customer again.' })
export class HandoffPacketType {
  @Field(() => String, { nullable: true })
  customerName!: string | null;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => String, { description: 'Why the assistant escalated.' })
  reasonText!: string;

  @Field(() => String)
  lastCustomerMessage!: string;

  @Field(() => [DraftDetail], { description: 'The booking details gathered so far, with the assistant’s confidence in each.' })
  details!: DraftDetail[];

  @Field(() => String, { nullable: true })
  quote!: string | null;
}

@ObjectType()
export class StartWebChatPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Keep it in the browser: it is the key to this chat. Send it with every message and in graphql-ws connectionParams.webChatSession.' })
  sessionToken?: string | null;
}

@ObjectType()
export class SendWebChatMessagePayload extends MutationPayload {
  @Field(() => Message, { nullable: true, description: 'The customer’s message as stored.' })
  message?: Message | null;

  @Field(() => Message, { nullable: true, description: 'The assistant’s answer, when it answers (also sent on webChatReply).' })
  reply?: Message | null;
}

@ObjectType()
export class TakeOverPayload extends MutationPayload {
  @Field(() => Conversation, { nullable: true })
  conversation?: Conversation | null;

  @Field(() => Escalation, { nullable: true })
  escalation?: Escalation | null;
}

@ObjectType()
export class StaffReplyPayload extends MutationPayload {
  @Field(() => Message, { nullable: true })
  message?: Message | null;
}

@ObjectType()
export class ReleaseConversationPayload extends MutationPayload {
  @Field(() => Conversation, { nullable: true })
  conversation?: Conversation | null;
}

@ObjectType()
export class ResolveEscalationPayload extends MutationPayload {
  @Field(() => Escalation, { nullable: true })
  escalation?: Escalation | null;
}

@ObjectType()
export class ConversationMessageAddedEvent {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => Message)
  message!: Message;
}

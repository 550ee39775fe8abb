import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { ConnectionArgs, connectionType } from '../../shared/graphql/connection';
import { Channel } from './channel';
import { Conversation, ConversationStage } from './conversation.entity';
import { Message } from './message.entity';

export const ConversationConnection = connectionType(Conversation, 'Conversation');
export const MessageConnection = connectionType(Message, 'Message');

@ArgsType()
export class ConversationsArgs extends ConnectionArgs {
  @Field(() => ConversationStage, { nullable: true, description: 'ESCALATED: threads with an open escalation; any other stage: threads at that stage without one.' })
  stage?: ConversationStage;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;

  @Field(() => Boolean, { nullable: true, description: 'true: only threads with an open escalation; false: only those without.' })
  escalated?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only threads whose open escalation is assigned to this extension.' })
  assignedExtensionId?: string;
}

@ArgsType()
export class MessagesArgs extends ConnectionArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Only the messages after this one: how a live view catches up on what arrived while it was away, from the last message it holds.',
  })
  afterMessage?: string;
}

@ObjectType()
export class ConversationMessageAddedEvent {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => Message)
  message!: Message;
}

@ObjectType({ description: 'A message already in a thread whose delivery status changed.' })
export class ConversationMessageUpdatedEvent {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => Message)
  message!: Message;
}

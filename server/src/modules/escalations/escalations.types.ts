import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Channel } from '../conversations/channel';
import { Conversation, DraftDetail } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { Escalation } from './escalation.entity';

export const EscalationConnection = connectionType(Escalation, 'Escalation');

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

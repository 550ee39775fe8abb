import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Channel } from '../conversations/channel';
import { Conversation, DraftDetail } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { Escalation } from './escalation.entity';

export const EscalationConnection = connectionType(Escalation, 'Escalation');

/** Who answers a thread now, in one word for every view: the status line says this and nothing else. */
export enum HandoffStatus {
  /** No open escalation: the assistant answers. */
  ASSISTANT = 'ASSISTANT',
  /** Escalated and nobody holds it yet: the assistant is silent while the customer waits. */
  WAITING_FOR_STAFF = 'WAITING_FOR_STAFF',
  /** A staff member here holds it: only they reply. */
  HELD = 'HELD',
  /** Someone answered in Meta's own inbox: the assistant is paused and nobody here holds it. */
  HELD_OUTSIDE = 'HELD_OUTSIDE',
  /** Resolved and closed: the next customer message reopens it with the assistant. */
  CLOSED = 'CLOSED',
}
registerEnumType(HandoffStatus, { name: 'HandoffStatus', description: 'Who answers the thread now.' });

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

@ObjectType()
export class HandOverPayload extends MutationPayload {
  @Field(() => Conversation, { nullable: true })
  conversation?: Conversation | null;

  @Field(() => Escalation, { nullable: true })
  escalation?: Escalation | null;
}

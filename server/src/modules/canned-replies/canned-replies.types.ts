import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { CannedReply } from './canned-reply.entity';

@InputType()
export class CannedReplyInput {
  @Field(() => String, { description: 'Letters, digits or dashes; a leading slash is dropped. Unique, whatever the case.' })
  shortcut!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'At most 2000 characters; placeholders from cannedReplyPlaceholders only.' })
  body!: string;
}

@ObjectType()
export class CannedReplyPayload extends MutationPayload {
  @Field(() => CannedReply, { nullable: true, description: 'As saved; null when userErrors is not empty.' })
  cannedReply?: CannedReply | null;
}

@ObjectType()
export class DeleteCannedReplyPayload extends MutationPayload {
  @Field(() => ID, { nullable: true })
  deletedCannedReplyId?: string | null;
}

@ObjectType({ description: 'A placeholder a canned reply may hold, and what it is filled with.' })
export class CannedReplyPlaceholder {
  @Field(() => String, { description: 'As written in a reply, e.g. {customer.firstName}.' })
  token!: string;

  @Field(() => String)
  description!: string;
}

@ObjectType({ description: 'A canned reply filled in for one thread.' })
export class FilledCannedReply {
  @Field(() => String, { description: 'The text with every placeholder this thread has a value for filled in.' })
  text!: string;

  @Field(() => [String], { description: 'Placeholders left in the text (e.g. {booking.date}) because this thread has no value for them: staff type them before sending.' })
  unfilled!: string[];
}

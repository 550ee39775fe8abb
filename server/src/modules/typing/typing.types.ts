import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';

@ObjectType()
export class TypingPayload extends MutationPayload {
  @Field(() => Boolean, { nullable: true, description: 'True when taken (passed on, or dropped within the throttle window); null with userErrors.' })
  ok?: boolean | null;
}

@ObjectType({ description: 'The customer started or stopped typing in a thread.' })
export class ConversationTypingEvent {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => Boolean)
  typing!: boolean;

  @Field(() => Int, { description: 'Hide the indicator after this long unless another event renews it.' })
  expiresInSeconds!: number;
}

@ObjectType({ description: 'Someone on the team started or stopped typing to this web chat customer.' })
export class WebChatTypingEvent {
  @Field(() => Boolean)
  typing!: boolean;

  @Field(() => String, { description: 'Their first name.' })
  name!: string;

  @Field(() => Int, { description: 'Hide the indicator after this long unless another event renews it.' })
  expiresInSeconds!: number;
}

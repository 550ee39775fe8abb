import { Arg, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { StaffOnly } from '../../shared/auth/access';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Message } from '../conversations/message.entity';
import type { OutboundDelivery } from './outbound-delivery.service';

@ObjectType()
class ResendMessagePayload extends MutationPayload {
  @Field(() => Message, { nullable: true, description: 'The message, queued again.' })
  message!: Message | null;
}

/** What staff can do about a message that left (or may have left) through a provider. */
@Resolver()
export class OutboundResolver {
  constructor(private readonly outbound: OutboundDelivery) {}

  @Mutation(() => ResendMessagePayload, {
    description:
      'Sends again a message whose delivery could not be confirmed (deliveryStatus UNCONFIRMED), once staff have checked that the customer did not get it. Any other message is refused in userErrors.',
  })
  @StaffOnly()
  async resendMessage(@Arg('messageId', () => ID) messageId: string): Promise<ResendMessagePayload> {
    return { message: await this.outbound.resend(messageId), userErrors: [] };
  }
}

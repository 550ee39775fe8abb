import type { Connection } from '../../shared/graphql/connection';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { preloadedOr } from '../../shared/graphql/preloaded';
import { Booking } from '../bookings/booking.entity';
import { Customer } from '../customers/customer.entity';
import { Conversation, DraftDetail } from './conversation.entity';
import { ConversationTopic, type ConversationMessageAddedPayload, type ConversationMessageUpdatedPayload } from './conversations.events';
import { draftDetails, messageFromSnapshot, type ConversationsService } from './conversations.service';
import { ConversationConnection, ConversationMessageAddedEvent, ConversationMessageUpdatedEvent, ConversationsArgs, MessageConnection, MessagesArgs } from './conversations.types';
import { Message } from './message.entity';

/** Matches no message: a malformed `afterMessage` reads as one that does not exist. */
const EMPTY_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Staff's reading of threads. Every relation goes through the request's loaders, so a page of
 * threads costs the same few statements whatever its size. The handoff fields of a thread
 * (stage, held by, assigned to) belong to the escalations module's resolver.
 */
@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(private readonly service: ConversationsService) {}

  @Query(() => ConversationConnection, { description: 'Threads, newest activity first.' })
  @StaffOnly()
  conversations(@Args(() => ConversationsArgs) args: ConversationsArgs): Promise<Connection<Conversation>> {
    const { stage, channel, escalated, assignedExtensionId, ...page } = args;
    return this.service.list({ stage, channel, escalated, assignedExtensionId }, page);
  }

  @Query(() => Conversation, { nullable: true })
  @StaffOnly()
  conversation(@Arg('id', () => ID) id: string): Promise<Conversation | null> {
    return this.service.findByGlobalId(id);
  }

  @FieldResolver(() => MessageConnection, { description: 'The whole history, oldest first.' })
  messages(@Root() conversation: Conversation, @Args(() => MessagesArgs) args: MessagesArgs, @Ctx() context: RequestContext): Promise<Connection<Message>> {
    const afterMessageId = args.afterMessage === undefined ? undefined : (fromGlobalId('Message', args.afterMessage) ?? EMPTY_UUID);
    return context.loaders.messagePage.load({ conversationId: conversation.id, first: args.first, after: args.after, afterMessageId });
  }

  @FieldResolver(() => Customer)
  async customer(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Customer> {
    const customer = await preloadedOr(conversation, 'customer', () => context.loaders.customerById.load(conversation.customerId));
    if (!customer) throw new Error(`customer ${conversation.customerId} of conversation ${conversation.id} does not exist`);
    return customer;
  }

  @FieldResolver(() => [DraftDetail], { description: 'Booking details gathered so far, with the assistant’s confidence.' })
  bookingDraft(@Root() conversation: Conversation): DraftDetail[] {
    return draftDetails(conversation.bookingDraft);
  }

  @FieldResolver(() => Booking, { nullable: true })
  booking(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Booking | null> | null {
    return conversation.bookingId ? context.loaders.bookingById.load(conversation.bookingId) : null;
  }

  @Subscription(() => ConversationMessageAddedEvent, {
    topics: ConversationTopic.MESSAGE_ADDED,
    topicId: ({ args }) => fromGlobalId('Conversation', String(args.conversationId)) ?? 'none',
    description: 'Every message of one thread as it is stored: customer, assistant and staff.',
  })
  @StaffOnly()
  conversationMessageAdded(
    @Arg('conversationId', () => ID) conversationId: string,
    @Root() payload: ConversationMessageAddedPayload,
  ): ConversationMessageAddedEvent {
    return { conversationId, message: messageFromSnapshot(payload.message) };
  }

  @Subscription(() => ConversationMessageUpdatedEvent, {
    topics: ConversationTopic.MESSAGE_UPDATED,
    topicId: ({ args }) => fromGlobalId('Conversation', String(args.conversationId)) ?? 'none',
    description: "A thread's message whose delivery status changed: sent, delivered, failed, not confirmed, or queued again.",
  })
  @StaffOnly()
  conversationMessageUpdated(
    @Arg('conversationId', () => ID) conversationId: string,
    @Root() payload: ConversationMessageUpdatedPayload,
  ): ConversationMessageUpdatedEvent {
    return { conversationId, message: messageFromSnapshot(payload.message) };
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, type Connection } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { Topic } from '../../shared/pubsub/topics';
import { Booking } from '../bookings/booking.entity';
import { Customer } from '../customers/customer.entity';
import { Escalation } from '../escalations/escalation.entity';
import { Extension } from '../extensions/extension.entity';
import { StaffRole, StaffUser } from '../staff/staff-user.entity';
import { Conversation, DraftDetail } from './conversation.entity';
import type { ConversationMessageAddedPayload, MessageSnapshot } from './conversations.events';
import { draftDetails, type ConversationsService } from './conversations.service';
import {
  ConversationConnection,
  ConversationMessageAddedEvent,
  ConversationsArgs,
  MessageConnection,
  ReleaseConversationPayload,
  StaffReplyPayload,
  TakeOverPayload,
} from './conversations.types';
import { Message } from './message.entity';

/** Staff's side of conversations: read threads, take them over, reply, hand them back. */
@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(
    private readonly service: ConversationsService,
    private readonly dataSource: DataSource,
  ) {}

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
  messages(@Root() conversation: Conversation, @Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<Message>> {
    return this.service.messages(conversation.id, args);
  }

  @FieldResolver(() => Customer)
  customer(@Root() conversation: Conversation): Promise<Customer> {
    return this.dataSource.getRepository(Customer).findOneByOrFail({ id: conversation.customerId });
  }

  @FieldResolver(() => [DraftDetail], { description: 'Booking details gathered so far, with the assistant’s confidence.' })
  bookingDraft(@Root() conversation: Conversation): DraftDetail[] {
    return draftDetails(conversation.bookingDraft);
  }

  @FieldResolver(() => Extension, { nullable: true })
  assignedExtension(@Root() conversation: Conversation): Promise<Extension | null> | null {
    return conversation.assignedExtensionId ? this.dataSource.getRepository(Extension).findOneBy({ id: conversation.assignedExtensionId }) : null;
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff member holding the thread; only they may reply.' })
  heldBy(@Root() conversation: Conversation): Promise<StaffUser | null> | null {
    return conversation.heldByStaffUserId ? this.dataSource.getRepository(StaffUser).findOneBy({ id: conversation.heldByStaffUserId }) : null;
  }

  @FieldResolver(() => Escalation, { nullable: true })
  openEscalation(@Root() conversation: Conversation): Promise<Escalation | null> {
    return this.service.openEscalation(this.dataSource.manager, conversation.id);
  }

  @FieldResolver(() => Booking, { nullable: true })
  booking(@Root() conversation: Conversation): Promise<Booking | null> | null {
    return conversation.bookingId ? this.dataSource.getRepository(Booking).findOneBy({ id: conversation.bookingId }) : null;
  }

  @Mutation(() => TakeOverPayload, { description: 'Hold the thread: the assistant goes silent and only you may reply.' })
  @StaffOnly()
  async takeOverConversation(@Arg('conversationId', () => ID) conversationId: string, @Ctx() context: RequestContext): Promise<TakeOverPayload> {
    return { ...(await this.service.takeOver({ conversationId, staffUserId: staffId(context) })), userErrors: [] };
  }

  @Mutation(() => StaffReplyPayload, { description: 'Reply in a thread you hold; it is delivered through the thread’s channel.' })
  @StaffOnly()
  async sendStaffReply(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('text', () => String) text: string,
    @Ctx() context: RequestContext,
  ): Promise<StaffReplyPayload> {
    return { message: await this.service.sendStaffReply({ conversationId, text, staffUserId: staffId(context) }), userErrors: [] };
  }

  @Mutation(() => ReleaseConversationPayload, { description: 'Hand the thread back to the assistant; its escalation is resolved.' })
  @StaffOnly()
  async releaseConversation(@Arg('conversationId', () => ID) conversationId: string, @Ctx() context: RequestContext): Promise<ReleaseConversationPayload> {
    return { conversation: await this.service.release({ conversationId, staffUserId: staffId(context), isAdmin: isAdmin(context) }), userErrors: [] };
  }

  @Subscription(() => ConversationMessageAddedEvent, {
    topics: Topic.CONVERSATION_MESSAGE_ADDED,
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
}

export function messageFromSnapshot(snapshot: MessageSnapshot): Message {
  return Object.assign(new Message(), { ...snapshot, createdAt: new Date(snapshot.createdAt) });
}

/** Takeover and replies are personal: an API key cannot hold a thread. */
export function staffId(context: RequestContext): string {
  const principal = context.principal;
  if (principal?.kind !== 'staff') throw new Error('unreachable: @StaffOnly() without a scope admits staff only');
  return principal.staffUserId;
}

export function isAdmin(context: RequestContext): boolean {
  return context.principal?.kind === 'staff' && context.principal.role === StaffRole.ADMIN;
}

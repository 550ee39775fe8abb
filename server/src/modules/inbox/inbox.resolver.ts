import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { staffIdOf, StaffOnly } from '../../shared/auth/access';
import { toGlobalId } from '../../shared/graphql/global-id';
import { PerViewer } from '../../shared/graphql/per-viewer';
import { preload, preloadedOr } from '../../shared/graphql/preloaded';
import { Conversation } from '../conversations/conversation.entity';
import { ConversationTopic, type ConversationMessageAddedPayload } from '../conversations/conversations.events';
import { messageFromSnapshot } from '../conversations/conversations.service';
import { Message, MessageAuthor } from '../conversations/message.entity';
import { InboxTopic, type ConversationReadPayload } from './inbox.events';
import type { InboxService } from './inbox.service';
import { ConversationActivityEvent, ConversationReadEvent, MarkConversationReadPayload, UNREAD_IN_HELD_THREADS, type ThreadEventRoot } from './inbox.types';

/** A thread's unread count for the person asking, and the newest thing its customer said. */
@Resolver(() => Conversation)
export class ConversationInboxResolver {
  @FieldResolver(() => Int, { description: 'Customer messages you have not read in this thread (0 for an API key).' })
  @PerViewer()
  unreadCount(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<number> | number {
    const principal = context.principal;
    if (principal?.kind !== 'staff') return 0;
    return context.loaders.unreadCount.load({ staffUserId: principal.staffUserId, conversationId: conversation.id });
  }

  @FieldResolver(() => Message, { nullable: true, description: 'The newest message the customer wrote in this thread.' })
  lastCustomerMessage(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Message | null> {
    return preloadedOr(conversation, 'lastCustomerMessage', () => context.loaders.lastCustomerMessageByConversationId.load(conversation.id));
  }
}

/** A read event's thread is read once per event and instance, however many of the reader's consoles hear it. */
const threadOfEvent = new WeakMap<object, Promise<Conversation | null>>();

async function threadOf(root: ThreadEventRoot & { source: object }, context: RequestContext): Promise<Conversation> {
  let found = threadOfEvent.get(root.source);
  if (!found) threadOfEvent.set(root.source, (found = context.loaders.conversationById.load(root.conversationId)));
  return existing(await found, root.conversationId);
}

/**
 * A new message's thread with what the lists show of it attached (customer, open escalation,
 * its holder and extension, the customer's newest message), read once per event and instance:
 * the execution of every other access level (each runs its own, on the same payload) renders it
 * without reading the database again. A customer's message is itself the thread's newest
 * customer message.
 */
const activityThreadOfEvent = new WeakMap<object, Promise<Conversation>>();

function activityThreadOf(root: ActivityRoot, context: RequestContext): Promise<Conversation> {
  let found = activityThreadOfEvent.get(root.source);
  if (!found) activityThreadOfEvent.set(root.source, (found = readActivityThread(root, context)));
  return found;
}

async function readActivityThread(root: ActivityRoot, context: RequestContext): Promise<Conversation> {
  const { loaders } = context;
  const conversation = existing(await loaders.conversationById.load(root.conversationId), root.conversationId);
  const [customer, openEscalation, lastCustomerMessage] = await Promise.all([
    loaders.customerById.load(conversation.customerId),
    loaders.openEscalationByConversationId.load(conversation.id),
    root.message.author === MessageAuthor.CUSTOMER ? root.message : loaders.lastCustomerMessageByConversationId.load(conversation.id),
  ]);
  if (openEscalation) {
    const [takenOverBy, assignedExtension] = await Promise.all([
      openEscalation.takenOverById ? loaders.staffUserById.load(openEscalation.takenOverById) : null,
      openEscalation.assignedExtensionId ? loaders.extensionById.load(openEscalation.assignedExtensionId) : null,
    ]);
    preload(openEscalation, { takenOverBy, assignedExtension });
  }
  return preload(conversation, { customer, openEscalation, lastCustomerMessage });
}

function existing(conversation: Conversation | null, conversationId: string): Conversation {
  if (!conversation) throw new Error(`conversation ${conversationId} of an inbox event does not exist`);
  return conversation;
}

type ActivityRoot = ConversationActivityEvent & { source: object };
type ReadRoot = ConversationReadEvent & { source: object };

/** Read markers and the live inbox events. */
@Resolver()
export class InboxResolver {
  constructor(private readonly service: InboxService) {}

  @Query(() => Int, { description: UNREAD_IN_HELD_THREADS })
  @StaffOnly()
  unreadInHeldThreads(@Ctx() context: RequestContext): Promise<number> {
    return this.service.unreadInHeldThreads(staffIdOf(context));
  }

  @Mutation(() => MarkConversationReadPayload, { description: 'You have read the thread up to this message (its newest when none is named); never moves back.' })
  @StaffOnly()
  async markConversationRead(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('upToMessageId', () => ID, { nullable: true }) upToMessageId: string | null,
    @Ctx() context: RequestContext,
  ): Promise<MarkConversationReadPayload> {
    return { conversation: await this.service.markRead({ staffUserId: staffIdOf(context), conversationId, upToMessageId }), userErrors: [] };
  }

  @Subscription(() => ConversationActivityEvent, { topics: ConversationTopic.ACTIVITY, description: 'A new message in any thread, from any instance.' })
  @StaffOnly()
  conversationActivity(@Root() payload: ConversationMessageAddedPayload): ActivityRoot {
    return Object.assign(new ConversationActivityEvent(), {
      source: payload,
      conversationId: payload.conversationId,
      conversationGlobalId: toGlobalId('Conversation', payload.conversationId),
      message: messageFromSnapshot(payload.message),
    });
  }

  @Subscription(() => ConversationReadEvent, {
    topics: InboxTopic.CONVERSATION_READ,
    topicId: ({ context }: { context: RequestContext }) => (context.principal?.kind === 'staff' ? context.principal.staffUserId : 'none'),
    description: 'You marked a thread read, here or in another console of yours.',
  })
  @StaffOnly()
  @PerViewer()
  conversationRead(@Root() payload: ConversationReadPayload): ReadRoot {
    return Object.assign(new ConversationReadEvent(), {
      source: payload,
      conversationId: payload.conversationId,
      conversationGlobalId: toGlobalId('Conversation', payload.conversationId),
    });
  }
}

/** What every console with the same access shares of a new message: nothing in it depends on who listens. */
@Resolver(() => ConversationActivityEvent)
export class ConversationActivityEventResolver {
  @FieldResolver(() => Conversation)
  conversation(@Root() event: ActivityRoot, @Ctx() context: RequestContext): Promise<Conversation> {
    return activityThreadOf(event, context);
  }
}

@Resolver(() => ConversationReadEvent)
export class ConversationReadEventResolver {
  constructor(private readonly service: InboxService) {}

  @FieldResolver(() => Conversation)
  conversation(@Root() event: ReadRoot, @Ctx() context: RequestContext): Promise<Conversation> {
    return threadOf(event, context);
  }

  @FieldResolver(() => Int, { description: UNREAD_IN_HELD_THREADS })
  @PerViewer()
  unreadInHeldThreads(@Ctx() context: RequestContext): Promise<number> {
    return this.service.unreadInHeldThreads(staffIdOf(context));
  }
}

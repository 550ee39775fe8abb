import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { isAdmin, staffIdOf, StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, type Connection } from '../../shared/graphql/connection';
import { preloadedOr } from '../../shared/graphql/preloaded';
import { Conversation, ConversationStage } from '../conversations/conversation.entity';
import { Extension } from '../extensions/extension.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { Escalation, EscalationReason, RoutingDecision } from './escalation.entity';
import { escalationFromEvent, EscalationTopic, type EscalationEventPayload } from './escalations.events';
import type { EscalationsService } from './escalations.service';
import {
  EscalationConnection,
  HandoffPacketType,
  HandoffStatus,
  HandOverPayload,
  ReleaseConversationPayload,
  ResolveEscalationPayload,
  StaffReplyPayload,
  TakeOverPayload,
} from './escalations.types';

/** The live escalation queue every console shows, and the handoff mutations. */
@Resolver(() => Escalation)
export class EscalationsResolver {
  constructor(private readonly service: EscalationsService) {}

  @Query(() => EscalationConnection, { description: 'Open escalations (queued, assigned or taken over), oldest first.' })
  @StaffOnly()
  escalations(@Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<Escalation>> {
    return this.service.listOpen(args);
  }

  @FieldResolver(() => HandoffPacketType)
  handoff(@Root() escalation: Escalation): HandoffPacketType {
    return escalation.handoff as HandoffPacketType;
  }

  @FieldResolver(() => Conversation)
  async conversation(@Root() escalation: Escalation, @Ctx() context: RequestContext): Promise<Conversation> {
    const conversation = await preloadedOr(escalation, 'conversation', () => context.loaders.conversationById.load(escalation.conversationId));
    if (!conversation) throw new Error(`conversation ${escalation.conversationId} of escalation ${escalation.id} does not exist`);
    return conversation;
  }

  @FieldResolver(() => Extension, { nullable: true })
  assignedExtension(@Root() escalation: Escalation, @Ctx() context: RequestContext): Promise<Extension | null> {
    return preloadedOr(escalation, 'assignedExtension', async () => (escalation.assignedExtensionId ? context.loaders.extensionById.load(escalation.assignedExtensionId) : null));
  }

  @FieldResolver(() => StaffUser, { nullable: true })
  takenOverBy(@Root() escalation: Escalation, @Ctx() context: RequestContext): Promise<StaffUser | null> {
    return preloadedOr(escalation, 'takenOverBy', async () => (escalation.takenOverById ? context.loaders.staffUserById.load(escalation.takenOverById) : null));
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'Who handed the thread to its holder (a colleague, or an admin who took it); null when the holder took it over themselves.' })
  handedOverBy(@Root() escalation: Escalation, @Ctx() context: RequestContext): Promise<StaffUser | null> {
    return preloadedOr(escalation, 'handedOverBy', async () => (escalation.handedOverById ? context.loaders.staffUserById.load(escalation.handedOverById) : null));
  }

  @Query(() => [StaffUser], { description: 'Everyone who may sign in, by name: the colleagues a held thread can be handed to.' })
  @StaffOnly()
  handoverColleagues(): Promise<StaffUser[]> {
    return this.service.colleagues();
  }

  @FieldResolver(() => [RoutingDecision], { description: 'Each routing choice and why it was made.' })
  routingLog(@Root() escalation: Escalation, @Ctx() context: RequestContext): Promise<RoutingDecision[]> {
    return preloadedOr(escalation, 'routingLog', () => context.loaders.routingLogByEscalationId.load(escalation.id));
  }

  @Mutation(() => TakeOverPayload, { description: 'Hold the thread: the assistant goes silent and only you may reply.' })
  @StaffOnly()
  async takeOverConversation(@Arg('conversationId', () => ID) conversationId: string, @Ctx() context: RequestContext): Promise<TakeOverPayload> {
    return { ...(await this.service.takeOver({ conversationId, staffUserId: staffIdOf(context) })), userErrors: [] };
  }

  @Mutation(() => StaffReplyPayload, { description: 'Reply in a thread you hold; it is delivered through the thread’s channel.' })
  @StaffOnly()
  async sendStaffReply(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('text', () => String) text: string,
    @Ctx() context: RequestContext,
  ): Promise<StaffReplyPayload> {
    return { message: await this.service.sendStaffReply({ conversationId, text, staffUserId: staffIdOf(context) }), userErrors: [] };
  }

  @Mutation(() => HandOverPayload, {
    description: 'Hand a thread you hold to a named colleague, who holds it from now on and is alerted live. An admin may hand any thread, to themselves too (taking it from someone who has gone).',
  })
  @StaffOnly()
  async handOverConversation(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('toStaffUserId', () => ID) toStaffUserId: string,
    @Ctx() context: RequestContext,
  ): Promise<HandOverPayload> {
    return { ...(await this.service.handOver({ conversationId, toStaffUserId, staffUserId: staffIdOf(context), isAdmin: isAdmin(context) })), userErrors: [] };
  }

  @Mutation(() => ReleaseConversationPayload, { description: 'Hand the thread back to the assistant, which resumes where it was; its escalation is resolved.' })
  @StaffOnly()
  async releaseConversation(@Arg('conversationId', () => ID) conversationId: string, @Ctx() context: RequestContext): Promise<ReleaseConversationPayload> {
    return { conversation: await this.service.release({ conversationId, staffUserId: staffIdOf(context), isAdmin: isAdmin(context) }), userErrors: [] };
  }

  @Mutation(() => ResolveEscalationPayload, { description: 'Mark the escalation handled; the thread closes until the customer writes again.' })
  @StaffOnly()
  async resolveEscalation(
    @Arg('escalationId', () => ID) escalationId: string,
    @Arg('closingMessage', () => String, { nullable: true, description: 'A last reply to the customer, sent before the thread closes.' }) closingMessage: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ResolveEscalationPayload> {
    return { escalation: await this.service.resolve({ escalationId, closingMessage, staffUserId: staffIdOf(context), isAdmin: isAdmin(context) }), userErrors: [] };
  }

  @Subscription(() => Escalation, { topics: EscalationTopic.RAISED, description: 'A new escalation, from any instance.' })
  @StaffOnly()
  escalationRaised(@Root() event: EscalationEventPayload): Escalation {
    return escalationFromEvent(event);
  }

  @Subscription(() => Escalation, { topics: EscalationTopic.UPDATED, description: 'An escalation was assigned, queued again, taken over, released or resolved.' })
  @StaffOnly()
  escalationUpdated(@Root() event: EscalationEventPayload): Escalation {
    return escalationFromEvent(event);
  }
}

/**
 * A thread's handoff state, derived from its open escalation (stored once, on the escalation):
 * whether it is escalated, whether the assistant is silent, who holds it, where it was routed.
 */
@Resolver(() => Conversation)
export class ConversationHandoffResolver {
  @FieldResolver(() => Escalation, { nullable: true })
  openEscalation(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Escalation | null> {
    return preloadedOr(conversation, 'openEscalation', () => context.loaders.openEscalationByConversationId.load(conversation.id));
  }

  @FieldResolver(() => ConversationStage, { description: 'ESCALATED while the thread has an open escalation; otherwise where the assistant is with it.' })
  async stage(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<ConversationStage> {
    return (await this.openEscalation(conversation, context)) ? ConversationStage.ESCALATED : conversation.stage;
  }

  @FieldResolver(() => HandoffStatus, { description: 'Who answers the thread now, from its open escalation and stage: what its status line says.' })
  async handoffStatus(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<HandoffStatus> {
    const open = await this.openEscalation(conversation, context);
    if (open?.takenOverById) return HandoffStatus.HELD;
    if (open?.reason === EscalationReason.PAGE_INBOX_REPLY) return HandoffStatus.HELD_OUTSIDE;
    if (open) return HandoffStatus.WAITING_FOR_STAFF;
    return conversation.stage === ConversationStage.CLOSED ? HandoffStatus.CLOSED : HandoffStatus.ASSISTANT;
  }

  @FieldResolver(() => Boolean, { description: 'True while the thread is with staff (held, or waiting for them): the assistant stays silent.' })
  async aiPaused(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<boolean> {
    return (await this.openEscalation(conversation, context)) !== null;
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff member holding the thread; only they may reply.' })
  async heldBy(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<StaffUser | null> {
    const open = await this.openEscalation(conversation, context);
    if (!open?.takenOverById) return null;
    return preloadedOr(open, 'takenOverBy', () => context.loaders.staffUserById.load(open.takenOverById!));
  }

  @FieldResolver(() => Extension, { nullable: true, description: 'The extension its open escalation was routed to.' })
  async assignedExtension(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Extension | null> {
    const open = await this.openEscalation(conversation, context);
    if (!open?.assignedExtensionId) return null;
    return preloadedOr(open, 'assignedExtension', () => context.loaders.extensionById.load(open.assignedExtensionId!));
  }
}

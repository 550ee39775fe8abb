import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, type Connection } from '../../shared/graphql/connection';
import { Topic } from '../../shared/pubsub/topics';
import { Conversation } from '../conversations/conversation.entity';
import { isAdmin, staffId } from '../conversations/conversations.resolver';
import type { ConversationsService } from '../conversations/conversations.service';
import { EscalationConnection, HandoffPacketType, ResolveEscalationPayload } from '../conversations/conversations.types';
import { Extension } from '../extensions/extension.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { Escalation, RoutingDecision } from './escalation.entity';
import type { EscalationEventPayload } from './escalations.events';
import type { EscalationsService } from './escalations.service';

/** The live escalation queue every console shows. */
@Resolver(() => Escalation)
export class EscalationsResolver {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly escalationsService: EscalationsService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => EscalationConnection, { description: 'Open escalations (queued, assigned or taken over), oldest first.' })
  @StaffOnly()
  escalations(@Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<Escalation>> {
    return this.conversations.listOpenEscalations(args);
  }

  @FieldResolver(() => HandoffPacketType)
  handoff(@Root() escalation: Escalation): HandoffPacketType {
    return escalation.handoff as HandoffPacketType;
  }

  @FieldResolver(() => Conversation)
  conversation(@Root() escalation: Escalation): Promise<Conversation> {
    return this.dataSource.getRepository(Conversation).findOneByOrFail({ id: escalation.conversationId });
  }

  @FieldResolver(() => Extension, { nullable: true })
  assignedExtension(@Root() escalation: Escalation): Promise<Extension | null> | null {
    return escalation.assignedExtensionId ? this.dataSource.getRepository(Extension).findOneBy({ id: escalation.assignedExtensionId }) : null;
  }

  @FieldResolver(() => StaffUser, { nullable: true })
  takenOverBy(@Root() escalation: Escalation): Promise<StaffUser | null> | null {
    return escalation.takenOverById ? this.dataSource.getRepository(StaffUser).findOneBy({ id: escalation.takenOverById }) : null;
  }

  @FieldResolver(() => [RoutingDecision], { description: 'Each routing choice and why it was made.' })
  routingLog(@Root() escalation: Escalation): Promise<RoutingDecision[]> {
    return this.escalationsService.routingLog(escalation.id);
  }

  @Mutation(() => ResolveEscalationPayload, { description: 'Mark the escalation handled; the thread closes until the customer writes again.' })
  @StaffOnly()
  async resolveEscalation(@Arg('escalationId', () => ID) escalationId: string, @Ctx() context: RequestContext): Promise<ResolveEscalationPayload> {
    return { escalation: await this.conversations.resolve({ escalationId, staffUserId: staffId(context), isAdmin: isAdmin(context) }), userErrors: [] };
  }

  @Subscription(() => Escalation, { topics: Topic.ESCALATION_RAISED, description: 'A new escalation, from any instance.' })
  @StaffOnly()
  escalationRaised(@Root() event: EscalationEventPayload): Promise<Escalation> {
    return this.load(event);
  }

  @Subscription(() => Escalation, { topics: Topic.ESCALATION_UPDATED, description: 'An escalation was assigned, taken over, reassigned or resolved.' })
  @StaffOnly()
  escalationUpdated(@Root() event: EscalationEventPayload): Promise<Escalation> {
    return this.load(event);
  }

  /** Events carry ids; subscribers get the escalation as it is now. */
  private load(event: EscalationEventPayload): Promise<Escalation> {
    return this.dataSource.getRepository(Escalation).findOneByOrFail({ id: event.escalationId });
  }
}

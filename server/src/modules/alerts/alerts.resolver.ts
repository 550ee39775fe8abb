import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { StaffUser } from '../staff/staff-user.entity';
import { Alert } from './alert.entity';
import { AlertTopic, type AlertEventPayload } from './alerts.events';
import { alertFromPayload, type AlertsService } from './alerts.service';

const AlertConnection = connectionType(Alert, 'Alert');

@ObjectType()
export class AcknowledgeAlertPayload extends MutationPayload {
  @Field(() => Alert, { nullable: true, description: 'The alert with who acknowledged it; null when userErrors is not empty.' })
  alert?: Alert | null;
}

@Resolver(() => Alert)
export class AlertsResolver {
  constructor(private readonly service: AlertsService) {}

  @Query(() => AlertConnection, { description: 'Alerts for the owner, newest first: open ones (open: true), closed ones (false), or all.' })
  @StaffOnly()
  alerts(
    @Args() args: ConnectionArgs,
    @Arg('open', () => Boolean, { nullable: true }) open: boolean | null,
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
  ): Promise<Connection<Alert>> {
    return this.service.list({ open: open ?? null, kind: kind ?? null, args });
  }

  @Mutation(() => AcknowledgeAlertPayload, { description: 'Say you have seen the alert (who and when are recorded; the first acknowledgment stands). It stays open until its cause is dealt with.' })
  @StaffOnly()
  async acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<AcknowledgeAlertPayload> {
    const staffUserId = context.principal?.kind === 'staff' ? context.principal.staffUserId : null;
    return { alert: await this.service.acknowledge(id, staffUserId), userErrors: [] };
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'Who acknowledged it; null until someone does.' })
  acknowledgedBy(@Root() alert: Alert, @Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    return alert.acknowledgedByStaffUserId ? context.loaders.staffUserById.load(alert.acknowledgedByStaffUserId) : null;
  }

  @Subscription(() => Alert, { topics: AlertTopic.RAISED, description: 'A new alert, from any instance.' })
  @StaffOnly()
  alertRaised(@Root() payload: AlertEventPayload): Alert {
    return alertFromPayload(payload);
  }

  @Subscription(() => Alert, { topics: AlertTopic.RESOLVED, description: 'An alert was closed because what caused it was dealt with.' })
  @StaffOnly()
  alertResolved(@Root() payload: AlertEventPayload): Alert {
    return alertFromPayload(payload);
  }

  @Subscription(() => Alert, { topics: AlertTopic.ACKNOWLEDGED, description: 'A staff member acknowledged an alert.' })
  @StaffOnly()
  alertAcknowledged(@Root() payload: AlertEventPayload): Alert {
    return alertFromPayload(payload);
  }
}

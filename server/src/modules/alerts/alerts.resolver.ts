import { Arg, Args, Query, Resolver, Root, Subscription } from 'type-graphql';
import { StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { Alert } from './alert.entity';
import { AlertTopic, type AlertEventPayload } from './alerts.events';
import { alertFromPayload, type AlertsService } from './alerts.service';

const AlertConnection = connectionType(Alert, 'Alert');

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
}

import { Arg, Args, ArgsType, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AdminOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { WebhookEvent, WebhookEventStatus, WebhookProvider } from './webhook-event.entity';
import type { WebhookInboxService } from './webhook-inbox.service';

const WebhookEventConnection = connectionType(WebhookEvent, 'WebhookEvent');

@ArgsType()
class WebhookEventsArgs extends ConnectionArgs {
  @Field(() => WebhookEventStatus, { nullable: true, description: 'DEAD lists the events that ran out of retries.' })
  status?: WebhookEventStatus;

  @Field(() => WebhookProvider, { nullable: true })
  provider?: WebhookProvider;
}

@ObjectType()
class RetryWebhookEventPayload extends MutationPayload {
  @Field(() => WebhookEvent, { nullable: true })
  webhookEvent!: WebhookEvent | null;
}

/** The webhook inbox for admins: what came in, what failed, and a retry for dead events. */
@Resolver(() => WebhookEvent)
export class WebhooksResolver {
  constructor(private readonly inbox: WebhookInboxService) {}

  @Query(() => WebhookEventConnection, { description: 'Webhook events, newest first.' })
  @AdminOnly()
  webhookEvents(@Args(() => WebhookEventsArgs) args: WebhookEventsArgs): Promise<Connection<WebhookEvent>> {
    return this.inbox.list({ status: args.status, provider: args.provider }, args);
  }

  @Mutation(() => RetryWebhookEventPayload, { description: 'Put a dead webhook event back on the queue.' })
  @AdminOnly()
  async retryWebhookEvent(@Arg('id', () => ID) id: string): Promise<RetryWebhookEventPayload> {
    return { webhookEvent: await this.inbox.retry(id), userErrors: [] };
  }
}

import { Arg, Args, ArgsType, Field, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { AdminOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { WebhookEvent, WebhookEventStatus, WebhookProvider } from './webhook-event.entity';
import type { WebhookInboxService } from './webhook-inbox.service';
import { toGlobalId } from '../../shared/graphql/global-id';
import { WebhookTopic, type WebhookEventChangedPayload } from './webhooks.events';

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

@ObjectType({ description: 'What changed on one webhook event: stored, applied, failed, dead or retried.' })
class WebhookEventChange {
  @Field(() => ID, { description: 'The WebhookEvent’s id.' })
  webhookEventId!: string;

  @Field(() => WebhookEventStatus)
  status!: WebhookEventStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  appliedAt!: Date | null;
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

  @Subscription(() => WebhookEventChange, { topics: WebhookTopic.EVENT_CHANGED, description: 'Each change of state in the webhook inbox, from any instance.' })
  @AdminOnly()
  webhookEventChanged(@Root() change: WebhookEventChangedPayload): WebhookEventChange {
    return {
      webhookEventId: toGlobalId('WebhookEvent', change.id),
      status: change.status,
      attempts: change.attempts,
      lastError: change.lastError,
      appliedAt: change.appliedAt ? new Date(change.appliedAt) : null,
    };
  }
}

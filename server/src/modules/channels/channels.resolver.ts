import { Field, Mutation, ObjectType, Query, Resolver, Subscription } from 'type-graphql';
import { AdminOnly } from '../../shared/auth/access';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { ChannelConnectionTopic } from './channel-connections.events';
import type { ChannelConnectionsService, ChannelConnectionView } from './channel-connections.service';

@ObjectType({ description: 'How a customer channel is connected.' })
class ChannelConnection implements ChannelConnectionView {
  @Field(() => String, { description: 'ringcentral (SMS and calls) or meta (Messenger, Instagram, WhatsApp).' })
  provider!: string;

  @Field(() => Boolean, { description: 'False: credentials are not set (RingCentral texts then go to the local outbox).' })
  configured!: boolean;

  @Field(() => String, { description: 'How messages leave: local-outbox or ringcentral; for meta, the reply channels that have tokens.' })
  sender!: string;

  @Field(() => String, { nullable: true })
  subscriptionId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the webhook subscription lapses unless renewed (renewed hourly when under 2 days).' })
  subscriptionExpiresAt!: Date | null;

  @Field(() => String, { description: 'ACTIVE, ERROR, NOT_SUBSCRIBED, LOCAL or NOT_CONFIGURED.' })
  status!: string;

  @Field(() => String, { nullable: true })
  lastError!: string | null;
}

@ObjectType()
class SyncChannelSubscriptionsPayload extends MutationPayload {
  @Field(() => [ChannelConnection], { nullable: true, description: 'Null when the check could not run (see userErrors).' })
  channelConnections!: ChannelConnection[] | null;
}

/** Channel connections for admins, and a way to (re)create the provider webhook subscriptions now. */
@Resolver()
export class ChannelsResolver {
  constructor(private readonly channels: ChannelConnectionsService) {}

  @Query(() => [ChannelConnection])
  @AdminOnly()
  channelConnections(): Promise<ChannelConnection[]> {
    return this.channels.connections();
  }

  @Mutation(() => SyncChannelSubscriptionsPayload, { description: 'Create, renew or re-create the RingCentral webhook subscription now.' })
  @AdminOnly()
  async syncChannelSubscriptions(): Promise<SyncChannelSubscriptionsPayload> {
    return { channelConnections: await this.channels.syncNow(), userErrors: [] };
  }

  @Subscription(() => [ChannelConnection], {
    topics: ChannelConnectionTopic.CHANGED,
    description: 'The connections again whenever a subscription is created, renewed or fails (at most hourly, or on an admin’s check).',
  })
  @AdminOnly()
  channelConnectionsChanged(): Promise<ChannelConnection[]> {
    return this.channels.connections();
  }
}

import { Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AdminOnly } from '../../shared/auth/access';
import { MutationPayload } from '../../shared/graphql/user-errors';
import type { ChannelConnectionsService, ChannelConnectionView } from './channel-connections.service';

@ObjectType({ description: 'How a customer channel is connected.' })
class ChannelConnection implements ChannelConnectionView {
  @Field(() => String, { description: 'ringcentral (SMS) today; Meta joins with its channels.' })
  provider!: string;

  @Field(() => Boolean, { description: 'False: credentials are not set, and texts go to the local outbox instead.' })
  configured!: boolean;

  @Field(() => String, { description: 'local-outbox or ringcentral.' })
  sender!: string;

  @Field(() => String, { nullable: true })
  subscriptionId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the webhook subscription lapses unless renewed (renewed hourly when under 2 days).' })
  subscriptionExpiresAt!: Date | null;

  @Field(() => String, { description: 'ACTIVE, ERROR, NOT_SUBSCRIBED or LOCAL.' })
  status!: string;

  @Field(() => String, { nullable: true })
  lastError!: string | null;
}

@ObjectType()
class SyncChannelSubscriptionsPayload extends MutationPayload {
  @Field(() => [ChannelConnection])
  channelConnections!: ChannelConnection[];
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
}

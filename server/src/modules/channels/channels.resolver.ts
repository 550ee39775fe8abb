import { Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AdminOnly } from '../../shared/auth/access';
import { MutationPayload, userFailure } from '../../shared/graphql/user-errors';
import type { ChannelConnectionsService } from './channel-connections.service';
import type { SmsDelivery } from './sms-delivery.service';

@ObjectType({ description: 'How a customer channel is connected.' })
class ChannelConnection {
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
  constructor(
    private readonly channels: ChannelConnectionsService,
    private readonly sms: SmsDelivery,
  ) {}

  @Query(() => [ChannelConnection])
  @AdminOnly()
  async channelConnections(): Promise<ChannelConnection[]> {
    return [await this.ringCentral()];
  }

  @Mutation(() => SyncChannelSubscriptionsPayload, { description: 'Create, renew or re-create the RingCentral webhook subscription now.' })
  @AdminOnly()
  async syncChannelSubscriptions(): Promise<SyncChannelSubscriptionsPayload> {
    if (!this.channels.ringCentralConfigured) {
      throw userFailure('NOT_CONFIGURED', 'RingCentral is not configured: set the RINGCENTRAL_* variables and restart.');
    }
    try {
      await this.channels.ensureRingCentralSubscription({ force: true });
    } catch (error) {
      throw userFailure('PROVIDER_REFUSED', (error as Error).message);
    }
    return { channelConnections: [await this.ringCentral()], userErrors: [] };
  }

  private async ringCentral(): Promise<ChannelConnection> {
    const row = await this.channels.ringCentralConnection();
    const configured = this.channels.ringCentralConfigured;
    return {
      provider: 'ringcentral',
      configured,
      sender: this.sms.senderKind,
      subscriptionId: row?.subscriptionId ?? null,
      subscriptionExpiresAt: row?.expiresAt ?? null,
      status: configured ? (row?.status ?? 'NOT_SUBSCRIBED') : 'LOCAL',
      lastError: row?.lastError ?? null,
    };
  }
}

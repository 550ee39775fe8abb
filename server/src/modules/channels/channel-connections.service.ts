import type { RingCentralSubscriptions } from '../../providers/ringcentral/ringcentral.subscriptions';
import { userFailure } from '../../shared/graphql/user-errors';
import type { Logger } from '../../shared/logger';
import type { EventBus } from '../../shared/pubsub/event-bus';
import { ChannelConnectionTopic } from './channel-connections.events';
import type { ChannelConnectionRow } from './channel-connection.entity';
import type { ChannelConnectionsRepository } from './channel-connections.repository';

/** How staff name Meta's reply channels on the Channels page. */
const REPLY_CHANNEL_NAMES = { MESSENGER: 'Messenger', INSTAGRAM: 'Instagram', WHATSAPP: 'WhatsApp' } as const;

/** How a channel is connected, as admins see it. */
export interface ChannelConnectionView {
  provider: string;
  configured: boolean;
  sender: string;
  subscriptionId: string | null;
  subscriptionExpiresAt: Date | null;
  /** ACTIVE, ERROR, NOT_SUBSCRIBED, or LOCAL without credentials. */
  status: string;
  lastError: string | null;
}

/** Renewed when less than this is left, so an hourly check never lets it lapse. */
const RENEW_WITHIN_MS = 2 * 24 * 3600_000;
const RINGCENTRAL = 'ringcentral';

/**
 * Keeps RingCentral's webhook subscription alive: created when missing, renewed before it
 * expires, created again when RingCentral has forgotten or blacklisted it. Run at start, by
 * an hourly job, and by an admin mutation.
 */
export class ChannelConnectionsService {
  constructor(
    private readonly deps: {
      repository: ChannelConnectionsRepository;
      eventBus: EventBus;
      logger: Logger;
      /** Absent without RingCentral credentials. */
      ringCentral?: RingCentralSubscriptions;
      smsSenderKind: string;
      /** Absent without the Meta webhook secrets; otherwise which reply channels have tokens. */
      meta?: { replyChannels: Array<keyof typeof REPLY_CHANNEL_NAMES> };
      webhookBaseUrl: () => string;
    },
  ) {}

  get ringCentralConfigured(): boolean {
    return this.deps.ringCentral !== undefined;
  }

  private stored(): Promise<ChannelConnectionRow | null> {
    return this.deps.repository.find(RINGCENTRAL);
  }

  async connections(): Promise<ChannelConnectionView[]> {
    const row = await this.stored();
    const configured = this.ringCentralConfigured;
    return [
      {
        provider: RINGCENTRAL,
        configured,
        sender: this.deps.smsSenderKind,
        subscriptionId: row?.subscriptionId ?? null,
        subscriptionExpiresAt: row?.expiresAt ?? null,
        status: configured ? (row?.status ?? 'NOT_SUBSCRIBED') : 'LOCAL',
        lastError: row?.lastError ?? null,
      },
      {
        // Meta's webhook subscription lives in the app dashboard and does not expire.
        provider: 'meta',
        configured: this.deps.meta !== undefined,
        sender: this.deps.meta ? (this.deps.meta.replyChannels.map((channel) => REPLY_CHANNEL_NAMES[channel]).join(', ') || 'No reply tokens') : 'none',
        subscriptionId: null,
        subscriptionExpiresAt: null,
        status: this.deps.meta ? 'ACTIVE' : 'NOT_CONFIGURED',
        lastError: null,
      },
    ];
  }

  /** The admin's "sync now": renews or re-creates regardless of expiry; problems become userErrors. */
  async syncNow(): Promise<ChannelConnectionView[]> {
    if (!this.ringCentralConfigured) {
      throw userFailure('NOT_CONFIGURED', 'RingCentral is not configured: set the RINGCENTRAL_* variables and restart.');
    }
    try {
      await this.ensureRingCentralSubscription({ force: true });
    } catch (error) {
      throw userFailure('PROVIDER_REFUSED', (error as Error).message);
    }
    return this.connections();
  }

  /** Creates or renews the subscription as needed; records and rethrows a failure. */
  async ensureRingCentralSubscription(options: { force?: boolean } = {}): Promise<void> {
    const subscriptions = this.deps.ringCentral;
    if (!subscriptions) return;
    const current = await this.stored();
    const fresh = current?.status === 'ACTIVE' && current.expiresAt && current.expiresAt.getTime() - Date.now() > RENEW_WITHIN_MS;
    if (fresh && !options.force) return;

    try {
      const renewed = current?.subscriptionId ? await subscriptions.renew(current.subscriptionId) : null;
      const subscription = renewed ?? (await subscriptions.create(`${this.deps.webhookBaseUrl()}/webhooks/ringcentral`));
      await this.save({ subscriptionId: subscription.id, expiresAt: subscription.expiresAt, status: 'ACTIVE', lastError: null });
    } catch (error) {
      const message = (error as Error).message;
      await this.save({ subscriptionId: current?.subscriptionId ?? null, expiresAt: current?.expiresAt ?? null, status: 'ERROR', lastError: message });
      this.deps.logger.warn({ err: message }, 'RingCentral webhook subscription could not be created or renewed');
      throw error;
    }
  }

  private async save(values: Omit<ChannelConnectionRow, 'provider' | 'updatedAt'>): Promise<void> {
    await this.deps.repository.save({ provider: RINGCENTRAL, ...values, updatedAt: new Date() });
    await this.deps.eventBus.publish(ChannelConnectionTopic.CHANGED, { provider: RINGCENTRAL, occurredAt: new Date().toISOString() });
  }
}

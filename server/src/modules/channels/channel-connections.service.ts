import type { DataSource } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RingCentralClient } from '../../providers/ringcentral/ringcentral.client';
import type { Logger } from '../../shared/logger';

/** A provider connection as stored: the webhook subscription and how it stands. */
@Entity({ name: 'channel_connection' })
export class ChannelConnectionRow {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  provider!: string;

  @Column({ type: 'varchar', length: 120, name: 'subscription_id', nullable: true })
  subscriptionId!: string | null;

  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

interface SubscriptionInfo {
  id: string;
  status: string;
  expirationTime: string;
}

const EVENT_FILTERS = [
  '/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS',
  '/restapi/v1.0/account/~/extension/~/message-store',
];
const SUBSCRIPTION_SECONDS = 7 * 24 * 3600;
/** Renewed when less than this is left, so an hourly check never lets it lapse. */
const RENEW_WITHIN_MS = 2 * 24 * 3600_000;

/**
 * Keeps RingCentral's webhook subscription alive: created when missing, renewed before it
 * expires, created again when RingCentral has forgotten or blacklisted it. Run by an admin
 * mutation and by an hourly job.
 */
export class ChannelConnectionsService {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      logger: Logger;
      ringCentral?: { client: RingCentralClient; verificationToken: string };
      webhookBaseUrl: () => string;
    },
  ) {}

  get ringCentralConfigured(): boolean {
    return this.deps.ringCentral !== undefined;
  }

  async ringCentralConnection(): Promise<ChannelConnectionRow | null> {
    return this.deps.dataSource.getRepository(ChannelConnectionRow).findOneBy({ provider: 'ringcentral' });
  }

  /** Creates or renews the subscription as needed; records and rethrows a failure. */
  async ensureRingCentralSubscription(options: { force?: boolean } = {}): Promise<ChannelConnectionRow | null> {
    const ringCentral = this.deps.ringCentral;
    if (!ringCentral) return null;
    const current = await this.ringCentralConnection();
    const fresh = current?.expiresAt && current.status === 'ACTIVE' && current.expiresAt.getTime() - Date.now() > RENEW_WITHIN_MS;
    if (fresh && !options.force) return current;

    try {
      let info: SubscriptionInfo | null = null;
      if (current?.subscriptionId) {
        info = await ringCentral.client
          .request<SubscriptionInfo>('post', `/restapi/v1.0/subscription/${encodeURIComponent(current.subscriptionId)}/renew`)
          .catch(async (error: unknown) => {
            const failure = await RingCentralClient.describeFailure(error);
            if (failure.status === 404) return null; // RingCentral forgot it: make a new one
            throw error;
          });
        if (info && info.status !== 'Active') info = null; // blacklisted: a renewal does not revive it
      }
      info ??= await ringCentral.client.request<SubscriptionInfo>('post', '/restapi/v1.0/subscription', {
        eventFilters: EVENT_FILTERS,
        deliveryMode: { transportType: 'WebHook', address: `${this.deps.webhookBaseUrl()}/webhooks/ringcentral`, verificationToken: ringCentral.verificationToken },
        expiresIn: SUBSCRIPTION_SECONDS,
      });
      return await this.save({ subscriptionId: info.id, expiresAt: new Date(info.expirationTime), status: 'ACTIVE', lastError: null });
    } catch (error) {
      const failure = await RingCentralClient.describeFailure(error);
      await this.save({ subscriptionId: current?.subscriptionId ?? null, expiresAt: current?.expiresAt ?? null, status: 'ERROR', lastError: failure.message });
      this.deps.logger.warn({ err: failure.message, code: failure.errorCode }, 'RingCentral webhook subscription could not be created or renewed');
      throw new Error(`RingCentral refused the webhook subscription: ${failure.message}`);
    }
  }

  private async save(values: Omit<ChannelConnectionRow, 'provider' | 'updatedAt'>): Promise<ChannelConnectionRow> {
    const row = { provider: 'ringcentral', ...values, updatedAt: new Date() };
    await this.deps.dataSource.getRepository(ChannelConnectionRow).save(row);
    return row;
  }
}

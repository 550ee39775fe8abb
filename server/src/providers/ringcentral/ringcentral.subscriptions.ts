import { RingCentralClient } from './ringcentral.client';

interface SubscriptionInfo {
  id: string;
  status: string;
  expirationTime: string;
}

/** A webhook subscription as the rest of the product sees it. */
export interface WebhookSubscription {
  id: string;
  expiresAt: Date;
}

const SUBSCRIPTION_PATH = '/restapi/v1.0/subscription';
/**
 * Inbound SMS; message-store changes (outbound delivery status, new voicemail); call status
 * (telephony sessions of the business extension); and each new voicemail as it arrives.
 */
const EVENT_FILTERS = [
  '/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS',
  '/restapi/v1.0/account/~/extension/~/message-store',
  '/restapi/v1.0/account/~/extension/~/telephony/sessions',
  '/restapi/v1.0/account/~/extension/~/voicemail',
];
const SUBSCRIPTION_SECONDS = 7 * 24 * 3600;

/** RingCentral's webhook subscription API; failures are thrown as Errors with RingCentral's message. */
export class RingCentralSubscriptions {
  constructor(
    private readonly client: RingCentralClient,
    private readonly verificationToken: string,
  ) {}

  /** A new subscription delivering to `address`; RingCentral validates the address first. */
  async create(address: string): Promise<WebhookSubscription> {
    const info = await this.call(() =>
      this.client.request<SubscriptionInfo>('post', SUBSCRIPTION_PATH, {
        eventFilters: EVENT_FILTERS,
        deliveryMode: { transportType: 'WebHook', address, verificationToken: this.verificationToken },
        expiresIn: SUBSCRIPTION_SECONDS,
      }),
    );
    return toSubscription(info);
  }

  /** The renewed subscription, or null when RingCentral no longer has it or has blacklisted it (create a new one). */
  async renew(id: string): Promise<WebhookSubscription | null> {
    const info = await this.call(() => this.client.request<SubscriptionInfo>('post', `${SUBSCRIPTION_PATH}/${encodeURIComponent(id)}/renew`), { notFound: null });
    return info && info.status === 'Active' ? toSubscription(info) : null;
  }

  private async call<T, F = never>(request: () => Promise<T>, on: { notFound?: F } = {}): Promise<T | F> {
    try {
      return await request();
    } catch (error) {
      const failure = await RingCentralClient.describeFailure(error);
      if (failure.status === 404 && 'notFound' in on) return on.notFound as F;
      throw new Error(`RingCentral refused the webhook subscription: ${failure.message}${failure.errorCode ? ` (${failure.errorCode})` : ''}`);
    }
  }
}

function toSubscription(info: SubscriptionInfo): WebhookSubscription {
  return { id: info.id, expiresAt: new Date(info.expirationTime) };
}

import type { CallOptions, MessageSender, ProviderStatus } from '../outbound.port';

/**
 * Sending a text message. Implementations:
 *   - sms.local.ts            records each message in the `sms_outbox` table (the offline default);
 *   - ../ringcentral/ringcentral.sms.ts  the RingCentral REST API (chosen when credentials are set).
 * To add a provider, implement `SmsSender` and choose it in app/container.ts from configuration.
 */
export type SmsStatus = ProviderStatus;

export interface SmsSender extends MessageSender {
  /** Texts can always be looked up: a lost answer never means a second text. */
  findSent(params: { to: string; body: string; since: Date }, options?: CallOptions): Promise<Array<{ providerMessageId: string }>>;
  /** The provider's current status of a sent text. */
  status(providerMessageId: string): Promise<SmsStatus | null>;
}

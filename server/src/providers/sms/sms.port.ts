/**
 * Sending a text message. Implementations:
 *   - sms.local.ts            records each message in the `sms_outbox` table (the offline default);
 *   - ../ringcentral/ringcentral.sms.ts  the RingCentral REST API (chosen when credentials are set).
 * Callers never see provider objects; they go through SmsDelivery (modules/channels), which
 * adds consent, idempotency and retries. To add a provider, implement `SmsSender` and choose
 * it in app/container.ts from configuration.
 */
export type SmsPurpose = 'ESCALATION_ALERT' | 'CONVERSATION_REPLY' | 'CONSENT_CONFIRMATION';

export interface OutgoingSms {
  /** E.164 */
  to: string;
  body: string;
  /** Why it is sent, for the outbox and the logs (never the body itself). */
  purpose: SmsPurpose;
}

/**
 * How a failed send ended, as far as the provider let us know:
 *   not-sent   the provider refused or was unavailable before accepting it (429, 503, connection refused): safe to try again;
 *   permanent  it will never be accepted as it is (bad number, text too long): do not retry;
 *   unknown    the answer was lost (timeout, connection reset): it may have gone out, so look before sending again.
 */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly outcome: 'not-sent' | 'permanent' | 'unknown',
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

export type SmsStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'FAILED';

export interface SmsSender {
  readonly kind: string;
  send(message: OutgoingSms): Promise<{ providerMessageId: string }>;
  /** A text to `to` with this body accepted since `since`, if the provider has one: used when a send's answer was lost. */
  findSent(params: { to: string; body: string; since: Date }): Promise<{ providerMessageId: string } | null>;
  /** The provider's current status of a sent text. */
  status(providerMessageId: string): Promise<SmsStatus | null>;
}

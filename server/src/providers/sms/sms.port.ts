/**
 * Sending a text message. Implementations:
 *   - sms.local.ts   records each message in the `sms_outbox` table (the offline default);
 *   - a RingCentral adapter arrives with the channels work (chosen when credentials are set).
 * To add one, implement `SmsSender`, return the provider's message id, and choose it in
 * app/container.ts from configuration. Callers never see provider objects.
 */
export interface OutgoingSms {
  /** E.164 */
  to: string;
  body: string;
  /** Why it is sent, for the outbox and the logs (never the body itself). */
  purpose: 'ESCALATION_ALERT' | 'CONVERSATION_REPLY';
}

export interface SmsSender {
  readonly kind: string;
  send(message: OutgoingSms): Promise<{ providerMessageId: string }>;
}

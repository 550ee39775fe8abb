/**
 * Sending one message to a customer or staff member on a provider channel. Implementations:
 *   - sms/sms.local.ts, ringcentral/ringcentral.sms.ts   texts (SmsSender, below in sms.port.ts);
 *   - meta/meta.send-api.ts                             Messenger, Instagram and WhatsApp replies.
 * Callers never see provider objects; they go through OutboundDelivery (modules/channels),
 * which adds consent, quiet hours, idempotency and retries.
 */

/** The channels whose messages leave through a provider call (web chat is delivered by its subscription). */
export type OutboundChannel = 'SMS' | 'WHATSAPP' | 'MESSENGER' | 'INSTAGRAM';

/**
 * Why a message is sent. Replies answer the customer and go at once; the others are sent
 * unprompted and wait for the recipient's daytime (SPEC §3 quiet hours).
 */
export type SendPurpose = 'CONVERSATION_REPLY' | 'CONSENT_CONFIRMATION' | 'ESCALATION_ALERT' | 'OPERATIONS_ALERT' | 'BOOKING_CONFIRMATION' | 'REMINDER' | 'REVIEW_REQUEST' | 'VERIFICATION_CODE';

export interface OutgoingMessage {
  /** E.164 for SMS and WhatsApp; the page- or account-scoped id for Messenger and Instagram. */
  to: string;
  body: string;
  /** Why it is sent, for the logs (never the body itself). */
  purpose: SendPurpose;
}

/**
 * How a failed send ended, as far as the provider let us know:
 *   not-sent   the provider refused or was unavailable before accepting it (429, 503, connection refused): safe to try again;
 *   permanent  it will never be accepted as it is (bad recipient, outside the messaging window): do not retry;
 *   unknown    the answer was lost (timeout, connection reset): it may have gone out, so look before sending again.
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly outcome: 'not-sent' | 'permanent' | 'unknown',
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export type ProviderStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'FAILED';

/**
 * `signal` aborts the call (the send's attempt ran out of time, or the server is stopping).
 * Every provider call also ends by itself after PROVIDER_TIMEOUT_SECONDS, which is shorter
 * than an attempt, so no request outlives the attempt that made it.
 */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface MessageSender {
  readonly kind: string;
  send(message: OutgoingMessage, options?: CallOptions): Promise<{ providerMessageId: string }>;
  /**
   * Every message to `to` with this body accepted since `since`, oldest first, if the provider
   * can say: used when a send's answer was lost (several, when the same words went to the same
   * person more than once). Providers without a look-up leave it out, and a lost answer then
   * waits for a person (UNCONFIRMED) instead of being sent again.
   */
  findSent?(params: { to: string; body: string; since: Date }, options?: CallOptions): Promise<Array<{ providerMessageId: string }>>;
}

/** The provider timeout, and the caller's signal when there is one: whichever ends first. */
export function callSignal(timeoutMs: number, options?: CallOptions): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return options?.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
}

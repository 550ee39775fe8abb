import Stripe from 'stripe';
import type { Logger } from '../../shared/logger';
import { CheckoutProviderError, type CardRefund, type CheckoutSession, type DepositCheckoutProvider, type NewCheckoutSession, type NewRefund } from './checkout.port';
import { cardRefundOf, checkoutSessionParams, sessionOf } from './stripe.mapper';

export interface StripeSettings {
  secretKey: string;
  /** A local server speaking Stripe's wire format (tests and development); unset for Stripe itself. */
  apiBase?: string;
  /** The longest one request may take. */
  timeoutMs: number;
}

/** The SDK client: no retries of its own (the caller decides), a timeout on every call, no telemetry file. */
export function stripeClient(settings: StripeSettings): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : undefined;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 0,
    timeout: settings.timeoutMs,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'https:' ? ('https' as const) : ('http' as const),
        }
      : {}),
  });
}

/**
 * Stripe Checkout through the `stripe` SDK. Each session is created with an Idempotency-Key, so a
 * second ask (a retry after a lost answer, two staff clicking at once) gets Stripe's first
 * session back. Whether it was paid is learnt from the webhook, never from the redirect. The key
 * never reaches a log line: failures are logged by Stripe's error type and request id only.
 */
export class StripeCheckoutProvider implements DepositCheckoutProvider {
  readonly name = 'stripe';
  private readonly stripe: Stripe;

  constructor(
    settings: StripeSettings,
    private readonly logger: Logger,
  ) {
    this.stripe = stripeClient(settings);
  }

  async createSession(params: NewCheckoutSession): Promise<CheckoutSession> {
    try {
      const session = await this.stripe.checkout.sessions.create(checkoutSessionParams(params), { idempotencyKey: params.idempotencyKey });
      return sessionOf(session);
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** A refund of a payment intent under an Idempotency-Key: asked again (a retried job), Stripe answers with the first refund. */
  async refund(params: NewRefund): Promise<CardRefund> {
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: params.paymentIntentId, amount: params.amountCents, reason: 'requested_by_customer', metadata: { bookingId: params.bookingId } },
        { idempotencyKey: params.idempotencyKey },
      );
      return cardRefundOf(refund);
    } catch (error) {
      const failure = this.failure(error);
      // Stripe's own words ("Charge ... has already been refunded") tell staff what to do; they carry no key or card data.
      if (!failure.transient && error instanceof Stripe.errors.StripeError) throw new CheckoutProviderError(`Stripe refused it${error.code ? ` (${error.code})` : ''}: ${error.message}`, false);
      throw failure;
    }
  }

  private failure(error: unknown): CheckoutProviderError {
    if (!(error instanceof Stripe.errors.StripeError)) return new CheckoutProviderError(`Stripe: ${(error as Error).message}`, true);
    const transient =
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError ||
      (error.statusCode ?? 0) >= 500;
    this.logger.warn({ stripeError: error.type, code: error.code, status: error.statusCode, requestId: error.requestId }, 'Stripe refused or did not answer a checkout request');
    return new CheckoutProviderError(`Stripe ${error.type}${error.code ? ` (${error.code})` : ''}`, transient);
  }
}

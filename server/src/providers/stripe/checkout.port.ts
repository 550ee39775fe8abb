/**
 * Taking a deposit by card. Implementations, chosen at start by
 * ../../modules/deposits/checkout-provider.factory.ts:
 *   - stripe.checkout.ts  Stripe Checkout through the `stripe` SDK (STRIPE_SECRET_KEY and
 *     STRIPE_WEBHOOK_SECRET set); payment is confirmed by Stripe's webhook;
 *   - checkout.local.ts   a checkout page this server serves, whose "Pay deposit" button records
 *     the payment itself (the embedded default, for development and demonstrations).
 * To add another, implement `DepositCheckoutProvider`: give every call a timeout, turn the
 * vendor's failures into CheckoutProviderError, and never hand back its SDK objects.
 */

export interface NewCheckoutSession {
  /** Our deposit checkout's id: the local page's address, and metadata on the vendor's session. */
  checkoutId: string;
  bookingId: string;
  /** "HB-1A2B3C", shown to the customer on the payment page. */
  bookingReference: string;
  amountCents: number;
  /** What the customer reads on the payment page, e.g. "Deposit for your hibachi party on Sunday, December 20". */
  description: string;
  /** The same key gives the same session: asking twice never makes two. */
  idempotencyKey: string;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutSession {
  id: string;
  /** Where the customer pays. */
  url: string;
  /** When the vendor stops taking payment on it; null when it never does. */
  expiresAt: Date | null;
}

/** Money given back on a card payment. */
export interface NewRefund {
  /** The payment given back (Stripe's payment intent). */
  paymentIntentId: string;
  amountCents: number;
  bookingId: string;
  /** The same key gives the same refund: a retry never refunds twice. */
  idempotencyKey: string;
}

export interface CardRefund {
  id: string;
  amountCents: number;
  /** succeeded: the money is on its way; pending: the vendor reports the outcome later (its webhook); failed/canceled: it will not be. */
  status: 'succeeded' | 'pending' | 'requires_action' | 'failed' | 'canceled';
  /** The vendor's reason when it failed ("expired_or_canceled_card"...). */
  failureReason: string | null;
}

export interface DepositCheckoutProvider {
  /** Stored with each checkout: 'stripe' or 'local'. */
  readonly name: 'stripe' | 'local';
  createSession(params: NewCheckoutSession): Promise<CheckoutSession>;
  refund(params: NewRefund): Promise<CardRefund>;
}

/** The vendor refused or did not answer; the message is safe to log (no keys, no card data). */
export class CheckoutProviderError extends Error {
  constructor(
    message: string,
    /** True when asking again later may work (a timeout, a 5xx, a rate limit). */
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'CheckoutProviderError';
  }
}

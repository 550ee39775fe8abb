import type Stripe from 'stripe';
import type { CardRefund, CheckoutSession, NewCheckoutSession } from './checkout.port';

/**
 * Pure translation between Stripe's objects and ours: the Checkout Session we ask for, the one
 * Stripe gives back, and the webhook events that concern deposits. No SDK calls here.
 */

/** The Checkout Session for one deposit: one line, in dollars, with the booking in every metadata a later event carries. */
export function checkoutSessionParams(params: NewCheckoutSession): Stripe.Checkout.SessionCreateParams {
  const metadata = { bookingId: params.bookingId, depositCheckoutId: params.checkoutId, bookingReference: params.bookingReference };
  return {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: { currency: 'usd', unit_amount: params.amountCents, product_data: { name: `Deposit ${params.bookingReference}`, description: params.description } },
      },
    ],
    client_reference_id: params.bookingId,
    metadata,
    // The payment intent, its charge's refunds and the dashboard all name the booking too.
    payment_intent_data: { metadata, description: `${params.description} (${params.bookingReference})` },
    success_url: params.successUrl,
    cancel_url: params.cancelUrl,
  };
}

export function sessionOf(session: Pick<Stripe.Checkout.Session, 'id' | 'url' | 'expires_at'>): CheckoutSession {
  if (!session.url) throw new Error(`Stripe gave checkout session ${session.id} without a url`);
  return { id: session.id, url: session.url, expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : null };
}

const REFUND_STATUSES: ReadonlySet<CardRefund['status']> = new Set(['succeeded', 'pending', 'requires_action', 'failed', 'canceled']);

/** Stripe's answer to a refund, as the deposits module reads it; a status it does not know is taken as pending (its webhook settles it). */
export function cardRefundOf(refund: Pick<Stripe.Refund, 'id' | 'amount' | 'status' | 'failure_reason'>): CardRefund {
  const status = REFUND_STATUSES.has(refund.status as CardRefund['status']) ? (refund.status as CardRefund['status']) : 'pending';
  return { id: refund.id, amountCents: refund.amount, status, failureReason: refund.failure_reason ?? null };
}

/** A deposit event as stored in the webhook inbox and applied by the queue. */
export type DepositEvent =
  | {
      kind: 'deposit-paid';
      sessionId: string;
      /** Our deposit checkout (metadata), when the session was made by this server. */
      checkoutId: string | null;
      bookingId: string;
      /** The ledger's external id: the payment intent, else the session. */
      paymentId: string;
      amountCents: number;
      occurredAt: string;
    }
  | { kind: 'checkout-expired'; sessionId: string; checkoutId: string | null; bookingId: string }
  | {
      kind: 'refunds';
      paymentIntentId: string | null;
      /** From metadata when the refund or charge carries it; else found through the payment intent. */
      bookingId: string | null;
      refunds: Array<{ refundId: string; amountCents: number; occurredAt: string }>;
    };

export type DepositEventOutcome = { ok: true; event: DepositEvent | null } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a Stripe event: the deposit event it is, null for a well-formed event that is none of
 * ours (another type, a session another integration made, a payment still pending), or why it
 * is not a Stripe event at all.
 */
export function depositEventOf(body: unknown): DepositEventOutcome {
  if (!isRecord(body) || typeof body.id !== 'string' || typeof body.type !== 'string' || !isRecord(body.data) || !isRecord(body.data.object)) {
    return { ok: false, reason: 'The body is not a Stripe event (id, type, data.object).' };
  }
  const object = body.data.object;
  const at = (seconds: unknown) => new Date((typeof seconds === 'number' ? seconds : Number(body.created) || 0) * 1000).toISOString();
  switch (body.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const bookingId = bookingOf(object);
      // Paid later (a bank debit): async_payment_succeeded follows; unpaid, nothing is owed to us yet.
      if (!bookingId || object.payment_status !== 'paid' || typeof object.id !== 'string') return { ok: true, event: null };
      const amount = object.amount_total;
      if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) return { ok: false, reason: 'A paid checkout session has no amount_total.' };
      return {
        ok: true,
        event: {
          kind: 'deposit-paid',
          sessionId: object.id,
          checkoutId: checkoutOf(object),
          bookingId,
          paymentId: idOf(object.payment_intent) ?? object.id,
          amountCents: amount,
          occurredAt: at(body.created),
        },
      };
    }
    case 'checkout.session.expired': {
      const bookingId = bookingOf(object);
      if (!bookingId || typeof object.id !== 'string') return { ok: true, event: null };
      return { ok: true, event: { kind: 'checkout-expired', sessionId: object.id, checkoutId: checkoutOf(object), bookingId } };
    }
    case 'refund.created':
    case 'refund.updated': {
      const refund = refundOf(object, at);
      if (!refund) return { ok: true, event: null };
      return { ok: true, event: { kind: 'refunds', paymentIntentId: idOf(object.payment_intent), bookingId: metadataBooking(object), refunds: [refund] } };
    }
    case 'charge.refunded': {
      // The charge lists its refunds only when the API version includes them; refund.* events always carry each one.
      const listed = isRecord(object.refunds) && Array.isArray(object.refunds.data) ? object.refunds.data : [];
      const refunds = listed.map((refund) => (isRecord(refund) ? refundOf(refund, at) : null)).filter((refund) => refund !== null);
      if (refunds.length === 0) return { ok: true, event: null };
      return { ok: true, event: { kind: 'refunds', paymentIntentId: idOf(object.payment_intent), bookingId: metadataBooking(object), refunds } };
    }
    default:
      return { ok: true, event: null };
  }
}

/** A refund that moved money back: succeeded (a pending one is recorded when its update says so). */
function refundOf(refund: Record<string, unknown>, at: (seconds: unknown) => string): { refundId: string; amountCents: number; occurredAt: string } | null {
  if (typeof refund.id !== 'string' || refund.status !== 'succeeded') return null;
  if (typeof refund.amount !== 'number' || !Number.isInteger(refund.amount) || refund.amount <= 0) return null;
  return { refundId: refund.id, amountCents: refund.amount, occurredAt: at(refund.created) };
}

function bookingOf(session: Record<string, unknown>): string | null {
  const fromMetadata = metadataBooking(session);
  if (fromMetadata) return fromMetadata;
  return typeof session.client_reference_id === 'string' && UUID.test(session.client_reference_id) ? session.client_reference_id.toLowerCase() : null;
}

function metadataBooking(object: Record<string, unknown>): string | null {
  const value = isRecord(object.metadata) ? object.metadata.bookingId : undefined;
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

function checkoutOf(session: Record<string, unknown>): string | null {
  const value = isRecord(session.metadata) ? session.metadata.depositCheckoutId : undefined;
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

/** An id Stripe gives as a string, or as an expanded object. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.id === 'string' ? value.id : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { IncomingHttpHeaders } from 'node:http';
import Stripe from 'stripe';
import { WebhookProvider } from '../../modules/webhooks/webhook-event.entity';
import { UnknownPayload, type InboundEvent, type WebhookSource } from '../../modules/webhooks/webhook-provider';
import { depositEventOf, type DepositEvent } from './stripe.mapper';

/** How far a signature's timestamp may be from our clock, either way (Stripe's own tolerance). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Our services as Stripe's deposit events need them. */
export interface StripeDepositHandlers {
  depositPaid(event: Extract<DepositEvent, { kind: 'deposit-paid' }>): Promise<void>;
  checkoutExpired(event: Extract<DepositEvent, { kind: 'checkout-expired' }>): Promise<void>;
  refunded(event: Extract<DepositEvent, { kind: 'refunds' }>): Promise<void>;
}

/**
 * POST /webhooks/stripe. Verified by the SDK's constructEvent on the raw bytes (HMAC-SHA256 of
 * `${t}.${body}` with the endpoint secret, `t` at most 5 minutes old), and refused when `t` is
 * more than 5 minutes ahead of our clock, which the SDK accepts: a signed body captured and
 * replayed later fails one check or the other. Each event is stored once under its `evt_` id
 * (Stripe delivers again for three days, in no set order); events that are not about deposits
 * are acknowledged and not stored.
 */
export class StripeWebhookSource implements WebhookSource {
  readonly provider = WebhookProvider.STRIPE;
  private readonly stripe: Stripe;

  constructor(
    private readonly webhookSecret: string,
    private readonly handlers: StripeDepositHandlers,
    private readonly now: () => number = Date.now,
  ) {
    // Only the webhook helpers are used: they need no key and make no request.
    this.stripe = new Stripe('sk_test_webhook_verification_only', { telemetry: false, maxNetworkRetries: 0 });
  }

  verify(raw: Buffer, headers: IncomingHttpHeaders): { ok: true } | { ok: false; reason: 'missing-signature' | 'bad-signature' } {
    const header = headers['stripe-signature'];
    if (typeof header !== 'string' || header.trim() === '') return { ok: false, reason: 'missing-signature' };
    const timestamp = Number(/(?:^|,)\s*t=(\d{1,12})(?:,|$)/.exec(header)?.[1]);
    if (!Number.isFinite(timestamp) || timestamp * 1000 > this.now() + SIGNATURE_TOLERANCE_SECONDS * 1000) return { ok: false, reason: 'bad-signature' };
    try {
      this.stripe.webhooks.constructEvent(raw, header, this.webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
      return { ok: true };
    } catch {
      return { ok: false, reason: 'bad-signature' };
    }
  }

  split(body: unknown): InboundEvent[] {
    const read = depositEventOf(body);
    if (!read.ok) throw new UnknownPayload(read.reason);
    if (!read.event) return [];
    return [{ eventId: (body as { id: string }).id, kind: read.event.kind, payload: read.event }];
  }

  async apply(kind: string, payload: unknown): Promise<void> {
    const event = payload as DepositEvent;
    if (kind !== event.kind) throw new Error(`Stripe event stored as ${kind} holds ${event.kind}`);
    if (event.kind === 'deposit-paid') await this.handlers.depositPaid(event);
    else if (event.kind === 'checkout-expired') await this.handlers.checkoutExpired(event);
    else if (event.kind === 'refunds') await this.handlers.refunded(event);
    else throw new Error(`unknown Stripe event kind ${kind}`);
  }
}

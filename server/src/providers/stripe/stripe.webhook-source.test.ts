import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { UnknownPayload } from '../../modules/webhooks/webhook-provider';
import { StripeWebhookSource } from './stripe.webhook-source';

// Made fresh for each run, so no secret-shaped value is committed.
const SECRET = `whsec_${randomBytes(16).toString('hex')}`;
// The SDK checks a signature's age against the real clock, so these sign at real times.
const NOW = Math.floor(Date.now() / 1000) * 1000;
const stripe = new Stripe('sk_test_unit', { telemetry: false });
const source = new StripeWebhookSource(SECRET, { depositPaid: async () => undefined, checkoutExpired: async () => undefined, refunded: async () => undefined });
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created', created: NOW / 1000, data: { object: { id: 'cus_1' } } });
const signed = (options: { timestamp?: number; secret?: string } = {}) =>
  stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp ?? NOW / 1000 });
const verify = (header: string | undefined, body = payload) => source.verify(Buffer.from(body), header === undefined ? {} : { 'stripe-signature': header });

describe('Stripe-Signature', () => {
  it('accepts the signature of the raw body within five minutes either way', () => {
    expect(verify(signed())).toEqual({ ok: true });
    expect(verify(signed({ timestamp: NOW / 1000 - 290 }))).toEqual({ ok: true });
    expect(verify(signed({ timestamp: NOW / 1000 + 290 }))).toEqual({ ok: true });
  });

  it('refuses a missing, tampered, wrongly keyed, replayed or future-dated signature', () => {
    expect(verify(undefined)).toEqual({ ok: false, reason: 'missing-signature' });
    expect(verify(signed(), payload.replace('cus_1', 'cus_2'))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify(signed({ secret: `whsec_${randomBytes(16).toString('hex')}` }))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify(signed({ timestamp: NOW / 1000 - 301 }))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify(signed({ timestamp: NOW / 1000 + 301 }))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify('v1=abc')).toEqual({ ok: false, reason: 'bad-signature' });
  });
});

describe('Stripe deliveries split into inbox events', () => {
  it('stores deposit events under their evt_ id, nothing for other types, and refuses what is not an event', () => {
    const object = { id: 'cs_1', payment_status: 'paid', amount_total: 10_000, payment_intent: 'pi_1', metadata: { bookingId: '1a2b3c4d-0000-4000-8000-000000000001' } };
    expect(source.split({ id: 'evt_9', type: 'checkout.session.completed', created: 1, data: { object } }).map((e) => [e.eventId, e.kind])).toEqual([['evt_9', 'deposit-paid']]);
    expect(source.split(JSON.parse(payload))).toEqual([]);
    expect(() => source.split({ nope: true })).toThrow(UnknownPayload);
  });
});

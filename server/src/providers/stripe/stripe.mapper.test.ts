import { describe, expect, it } from 'vitest';
import { checkoutSessionParams, depositEventOf, sessionOf } from './stripe.mapper';

const BOOKING = '1a2b3c4d-0000-4000-8000-000000000001';
const CHECKOUT = '9f8e7d6c-0000-4000-8000-000000000002';
const event = (type: string, object: object) => ({ id: 'evt_1', object: 'event', type, created: 1_764_547_200, data: { object } });
const session = (overrides: object = {}) => ({
  id: 'cs_test_1',
  object: 'checkout.session',
  payment_status: 'paid',
  status: 'complete',
  amount_total: 15_000,
  payment_intent: 'pi_1',
  client_reference_id: BOOKING,
  metadata: { bookingId: BOOKING, depositCheckoutId: CHECKOUT },
  ...overrides,
});

describe('the Checkout Session asked for', () => {
  it('is one line of the deposit in cents, naming the booking in every metadata', () => {
    const params = checkoutSessionParams({
      checkoutId: CHECKOUT,
      bookingId: BOOKING,
      bookingReference: 'HB-1A2B3C',
      amountCents: 15_000,
      description: 'Deposit for your hibachi party on Sunday, December 20',
      idempotencyKey: 'k',
      successUrl: 'https://x.test/deposit/1?paid=1',
      cancelUrl: 'https://x.test/deposit/1',
    });
    expect(params.mode).toBe('payment');
    expect(params.line_items).toEqual([{ quantity: 1, price_data: { currency: 'usd', unit_amount: 15_000, product_data: { name: 'Deposit HB-1A2B3C', description: 'Deposit for your hibachi party on Sunday, December 20' } } }]);
    expect(params.metadata).toEqual({ bookingId: BOOKING, depositCheckoutId: CHECKOUT, bookingReference: 'HB-1A2B3C' });
    expect(params.payment_intent_data?.metadata).toEqual(params.metadata);
    expect(params.client_reference_id).toBe(BOOKING);
  });

  it('comes back with its url and expiry; one without a url is an error', () => {
    expect(sessionOf({ id: 'cs_1', url: 'https://checkout.stripe.com/c/pay/cs_1', expires_at: 1_764_633_600 })).toEqual({ id: 'cs_1', url: 'https://checkout.stripe.com/c/pay/cs_1', expiresAt: new Date('2025-12-02T00:00:00.000Z') });
    expect(() => sessionOf({ id: 'cs_1', url: null, expires_at: 1 })).toThrow(/without a url/);
  });
});

describe('Stripe events read as deposit events', () => {
  it('reads a paid checkout as the deposit, keyed by its payment intent', () => {
    expect(depositEventOf(event('checkout.session.completed', session()))).toEqual({
      ok: true,
      event: { kind: 'deposit-paid', sessionId: 'cs_test_1', checkoutId: CHECKOUT, bookingId: BOOKING, paymentId: 'pi_1', amountCents: 15_000, occurredAt: '2025-12-01T00:00:00.000Z' },
    });
    expect(depositEventOf(event('checkout.session.async_payment_succeeded', session({ payment_intent: { id: 'pi_2' } })))).toMatchObject({ event: { paymentId: 'pi_2' } });
  });

  it('leaves alone an unpaid checkout, one made elsewhere, and types that are not about deposits', () => {
    expect(depositEventOf(event('checkout.session.completed', session({ payment_status: 'unpaid' })))).toEqual({ ok: true, event: null });
    expect(depositEventOf(event('checkout.session.completed', session({ metadata: {}, client_reference_id: 'order-77' })))).toEqual({ ok: true, event: null });
    expect(depositEventOf(event('customer.created', { id: 'cus_1' }))).toEqual({ ok: true, event: null });
  });

  it('reads expiries and succeeded refunds, from refund events and from a charge that lists them', () => {
    expect(depositEventOf(event('checkout.session.expired', session({ status: 'expired', payment_status: 'unpaid' })))).toEqual({ ok: true, event: { kind: 'checkout-expired', sessionId: 'cs_test_1', checkoutId: CHECKOUT, bookingId: BOOKING } });
    const refund = { id: 're_1', object: 'refund', amount: 5_000, status: 'succeeded', payment_intent: 'pi_1', created: 1_764_550_800, metadata: {} };
    expect(depositEventOf(event('refund.created', refund))).toEqual({
      ok: true,
      event: { kind: 'refunds', paymentIntentId: 'pi_1', bookingId: null, refunds: [{ refundId: 're_1', amountCents: 5_000, occurredAt: '2025-12-01T01:00:00.000Z' }] },
    });
    expect(depositEventOf(event('refund.created', { ...refund, status: 'pending' }))).toEqual({ ok: true, event: null });
    const charge = { id: 'ch_1', object: 'charge', payment_intent: 'pi_1', metadata: { bookingId: BOOKING }, refunds: { data: [refund, { ...refund, id: 're_2', status: 'failed' }] } };
    expect(depositEventOf(event('charge.refunded', charge))).toMatchObject({ event: { bookingId: BOOKING, refunds: [{ refundId: 're_1' }] } });
    expect(depositEventOf(event('charge.refunded', { ...charge, refunds: undefined }))).toEqual({ ok: true, event: null });
  });

  it('says when a body is not a Stripe event, or a paid checkout has no amount', () => {
    expect(depositEventOf({ hello: 'world' })).toEqual({ ok: false, reason: 'The body is not a Stripe event (id, type, data.object).' });
    expect(depositEventOf(event('checkout.session.completed', session({ amount_total: null })))).toEqual({ ok: false, reason: 'A paid checkout session has no amount_total.' });
  });
});

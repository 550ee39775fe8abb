import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { FakeHttpServer, httpRequest, sendJson, type FakeRequest, type HttpReply } from './fake-http-server';

/**
 * A stand-in for api.stripe.com speaking just enough of its wire format for the real `stripe`
 * SDK: form-encoded POST /v1/checkout/sessions (nested keys such as metadata[bookingId]) that
 * honours Idempotency-Key (the same key gives the first answer again; the same key with other
 * parameters is refused, as Stripe does), GET /v1/checkout/sessions/:id, POST /v1/refunds of a
 * paid session's payment intent (idempotent the same way, never more than was paid), and
 * Stripe's error bodies. It also plays Stripe's other direction: `deliver()` signs an event with the endpoint
 * secret by the SDK's own generateTestHeaderString and POSTs it to our webhook.
 */

// Made fresh for each test run (or taken from the environment), so no key-shaped value is committed.
export const STRIPE_TEST_KEY = process.env.STRIPE_TEST_KEY ?? `sk_test_${randomBytes(12).toString('hex')}`;
export const STRIPE_TEST_WEBHOOK_SECRET = process.env.STRIPE_TEST_WEBHOOK_SECRET ?? `whsec_${randomBytes(16).toString('hex')}`;

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  url: string | null;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  amount_total: number;
  currency: string;
  mode: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  expires_at: number;
  created: number;
  livemode: false;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  status: 'succeeded';
  payment_intent: string;
  charge: string;
  reason: string | null;
  failure_reason: null;
  created: number;
  metadata: Record<string, string>;
}

export interface FakeStripe {
  url: string;
  /** Sessions made, by id. */
  sessions: Map<string, FakeCheckoutSession>;
  /** POST /v1/checkout/sessions requests, as parsed forms with their Idempotency-Key. */
  creates: Array<{ form: Record<string, unknown>; idempotencyKey: string | undefined }>;
  /** The next create answers this status with a Stripe error body (once). */
  failNextCreate(status: number): void;
  /** The session paid (or expired), as the checkout.session.* event's object. */
  complete(sessionId: string): FakeCheckoutSession;
  expire(sessionId: string): FakeCheckoutSession;
  /** A Stripe event around `object`. */
  event(type: string, object: object, id?: string): { id: string; object: 'event'; type: string; created: number; data: { object: object }; api_version: string; livemode: false };
  /** Refunds made through POST /v1/refunds (a replayed key adds none). */
  refunds: FakeRefund[];
  /** POST /v1/refunds requests, as parsed forms with their Idempotency-Key (replays included). */
  refundRequests: Array<{ form: Record<string, unknown>; idempotencyKey: string | undefined }>;
  /** The next refund is refused with this Stripe error (once). */
  failNextRefund(error: { status: number; code: string; message: string }): void;
  /** The next refund is made, but its answer never arrives (the connection is cut), as when a network drops it. */
  loseNextRefundAnswer(): void;
  /** A succeeded refund of a session's payment. */
  refund(sessionId: string, amountCents: number): { id: string; object: 'refund'; amount: number; status: 'succeeded'; payment_intent: string; charge: string; created: number; metadata: Record<string, string> };
  /**
   * POSTs an event to <server>/webhooks/stripe signed like Stripe: `timestamp` (unix seconds) to
   * sign at another time, `secret` another secret, `tamper` to change the body after signing,
   * `signature: null` for none.
   */
  deliver(serverUrl: string, event: object, options?: { timestamp?: number; secret?: string; tamper?: boolean; signature?: string | null }): Promise<HttpReply>;
  close(): Promise<void>;
}

/** The server's environment pointing at this fake. */
export function stripeEnv(fake: { url: string }): Record<string, string> {
  return { STRIPE_SECRET_KEY: STRIPE_TEST_KEY, STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET, STRIPE_API_BASE: fake.url };
}

const stripe = new Stripe(STRIPE_TEST_KEY, { telemetry: false });

export async function startFakeStripe(): Promise<FakeStripe> {
  const sessions = new Map<string, FakeCheckoutSession>();
  const creates: FakeStripe['creates'] = [];
  const byKey = new Map<string, { raw: string; status: number; body: unknown }>();
  let failNext: number | null = null;
  const refunds: FakeRefund[] = [];
  const refundRequests: FakeStripe['refundRequests'] = [];
  let failNextRefund: { status: number; code: string; message: string } | null = null;
  let loseNextRefund = false;
  const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

  const error = (res: Parameters<typeof sendJson>[0], status: number, type: string, message: string, code?: string) =>
    sendJson(res, status, { error: { type, message, ...(code ? { code } : {}) } }, { 'request-id': id('req') });

  const server = await FakeHttpServer.start(async ({ req, method, url, raw }: FakeRequest, res) => {
    if (req.headers.authorization !== `Bearer ${STRIPE_TEST_KEY}`) return error(res, 401, 'invalid_request_error', 'Invalid API Key provided.');
    if (method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      const key = header(req.headers['idempotency-key']);
      const form = parseForm(raw);
      creates.push({ form, idempotencyKey: key });
      if (key && byKey.has(key)) {
        const first = byKey.get(key)!;
        if (first.raw !== raw) return error(res, 400, 'idempotency_error', 'Keys for idempotent requests can only be used with the same parameters they were first used with.');
        return sendJson(res, first.status, first.body, { 'idempotent-replayed': 'true' });
      }
      if (failNext !== null) {
        const status = failNext;
        failNext = null;
        return error(res, status, status >= 500 ? 'api_error' : 'invalid_request_error', 'Something went wrong on Stripe’s end.');
      }
      const lineItem = (form.line_items as Array<{ price_data: { unit_amount: string; currency: string } }> | undefined)?.[0];
      if (!lineItem || form.mode !== 'payment' || typeof form.success_url !== 'string') return error(res, 400, 'invalid_request_error', 'Missing required param: line_items.', 'parameter_missing');
      const now = Math.floor(Date.now() / 1000);
      const session: FakeCheckoutSession = {
        id: id('cs_test'),
        object: 'checkout.session',
        url: '',
        status: 'open',
        payment_status: 'unpaid',
        amount_total: Number(lineItem.price_data.unit_amount),
        currency: lineItem.price_data.currency,
        mode: 'payment',
        client_reference_id: (form.client_reference_id as string | undefined) ?? null,
        metadata: (form.metadata as Record<string, string> | undefined) ?? {},
        payment_intent: null,
        success_url: form.success_url,
        cancel_url: form.cancel_url as string,
        expires_at: now + 24 * 3600,
        created: now,
        livemode: false,
      };
      session.url = `https://checkout.stripe.test/c/pay/${session.id}`;
      sessions.set(session.id, session);
      if (key) byKey.set(key, { raw, status: 200, body: session });
      return sendJson(res, 200, session);
    }
    if (method === 'POST' && url.pathname === '/v1/refunds') {
      const key = header(req.headers['idempotency-key']);
      const form = parseForm(raw);
      refundRequests.push({ form, idempotencyKey: key });
      if (key && byKey.has(key)) {
        const first = byKey.get(key)!;
        if (first.raw !== raw) return error(res, 400, 'idempotency_error', 'Keys for idempotent requests can only be used with the same parameters they were first used with.');
        return sendJson(res, first.status, first.body, { 'idempotent-replayed': 'true' });
      }
      if (failNextRefund) {
        const { status, code, message } = failNextRefund;
        failNextRefund = null;
        return error(res, status, status >= 500 ? 'api_error' : 'invalid_request_error', message, code);
      }
      const paid = [...sessions.values()].find((s) => s.payment_intent !== null && s.payment_intent === form.payment_intent);
      if (!paid) return error(res, 400, 'invalid_request_error', `No such payment_intent: '${String(form.payment_intent)}'`, 'resource_missing');
      const already = refunds.filter((r) => r.payment_intent === paid.payment_intent).reduce((sum, r) => sum + r.amount, 0);
      const amount = form.amount === undefined ? paid.amount_total - already : Number(form.amount);
      if (!(amount > 0) || already + amount > paid.amount_total) {
        return error(res, 400, 'invalid_request_error', `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${((paid.amount_total - already) / 100).toFixed(2)})`, 'amount_too_large');
      }
      const refund: FakeRefund = {
        id: id('re'),
        object: 'refund',
        amount,
        currency: paid.currency,
        status: 'succeeded',
        payment_intent: paid.payment_intent!,
        charge: id('ch'),
        reason: (form.reason as string | undefined) ?? null,
        failure_reason: null,
        created: Math.floor(Date.now() / 1000),
        metadata: (form.metadata as Record<string, string> | undefined) ?? {},
      };
      refunds.push(refund);
      if (key) byKey.set(key, { raw, status: 200, body: refund });
      if (loseNextRefund) {
        loseNextRefund = false;
        // Made at "Stripe", but the answer is lost on the way back.
        res.socket?.destroy();
        return;
      }
      return sendJson(res, 200, refund);
    }
    const found = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && found) {
      const session = sessions.get(decodeURIComponent(found[1]));
      if (!session) return error(res, 404, 'invalid_request_error', `No such checkout.session: '${found[1]}'`, 'resource_missing');
      return sendJson(res, 200, session);
    }
    error(res, 404, 'invalid_request_error', `Unrecognized request URL (${method}: ${url.pathname}).`);
  });

  const session = (sessionId: string) => {
    const found = sessions.get(sessionId);
    if (!found) throw new Error(`no fake session ${sessionId}`);
    return found;
  };

  return {
    url: server.url,
    sessions,
    creates,
    failNextCreate(status) {
      failNext = status;
    },
    refunds,
    refundRequests,
    failNextRefund(failure) {
      failNextRefund = failure;
    },
    loseNextRefundAnswer() {
      loseNextRefund = true;
    },
    complete(sessionId) {
      const paid = session(sessionId);
      Object.assign(paid, { status: 'complete', payment_status: 'paid', payment_intent: paid.payment_intent ?? id('pi'), url: null });
      return { ...paid };
    },
    expire(sessionId) {
      const expired = session(sessionId);
      Object.assign(expired, { status: 'expired', url: null });
      return { ...expired };
    },
    event(type, object, eventId = id('evt')) {
      return { id: eventId, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object }, api_version: '2025-01-27.acacia', livemode: false };
    },
    refund(sessionId, amountCents) {
      const paid = session(sessionId);
      if (!paid.payment_intent) throw new Error('refund of an unpaid session');
      return { id: id('re'), object: 'refund', amount: amountCents, status: 'succeeded', payment_intent: paid.payment_intent, charge: id('ch'), created: Math.floor(Date.now() / 1000), metadata: {} };
    },
    async deliver(serverUrl, event, options = {}) {
      const payload = JSON.stringify(event);
      const signature =
        options.signature === undefined
          ? stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? STRIPE_TEST_WEBHOOK_SECRET, timestamp: options.timestamp })
          : options.signature;
      const body = options.tamper ? payload.replace(/"amount(_total)?":(\d+)/, (_m, suffix: string | undefined, amount: string) => `"amount${suffix ?? ''}":${Number(amount) + 1}`) : payload;
      return httpRequest('POST', `${serverUrl}/webhooks/stripe`, { 'content-type': 'application/json; charset=utf-8', ...(signature === null ? {} : { 'stripe-signature': signature }) }, body);
    },
    close: () => server.close(),
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Stripe's form encoding: a[b][0][c]=v nests into objects, numeric keys into arrays. */
function parseForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.match(/[^[\]]+/g) ?? [key];
    let node: any = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = node[part] ??= /^\d+$/.test(path[index + 1]) ? [] : {};
    });
  }
  return root;
}

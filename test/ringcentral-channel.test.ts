import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ringCentralEnv, startFakeRingCentral, type FakeRingCentral } from './support/fake-ringcentral-server';
import { graphql } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * SMS through RingCentral, end to end: the real @ringcentral/sdk in the real server talks to a
 * local server speaking RingCentral's wire format. The webhook subscription is created (with
 * the validation handshake) and renewed; inbound SMS webhooks are verified, stored once and
 * applied by the queue; the assistant's reply and the staff alert leave through the SDK;
 * STOP/START/HELP follow the rules; a lost answer is reconciled, never sent twice.
 */

const CUSTOMER = '+15555550142';
const WEBHOOK_TOKEN = 'test-verification-token-0123456789';
const LIVE_MS = 15_000;

let rc: FakeRingCentral;
let server: TestServer;
let adminToken: string;
let db: pg.Client;

const textsTo = (phone: string) => rc.sentSms.filter((sms) => sms.to.includes(phone));

async function deliverInbound(text: string, id?: string) {
  return rc.deliver(rc.inboundSmsBody({ from: CUSTOMER, text, id }));
}

async function webhookEvents(): Promise<Array<{ kind: string; status: string; attempts: number }>> {
  const { rows } = await db.query('SELECT kind, status, attempts FROM webhook_event ORDER BY received_at');
  return rows;
}

beforeAll(async () => {
  rc = await startFakeRingCentral();
  server = await startTestServer({
    env: {
      ...ringCentralEnv(rc, WEBHOOK_TOKEN),
      JOBS_POLL_SECONDS: '0.5',
      JOB_RETRY_LIMIT: '3',
      JOB_RETRY_DELAY_SECONDS: '1',
      ESCALATION_SWEEP_SECONDS: '1',
    },
  });
  adminToken = await server.login();
  db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  const everyDay = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, start: '00:00', end: '24:00' }));
  await graphql(
    server.url,
    `mutation($hours: [WorkingHoursRangeInput!]) { createExtension(input: { number: 101, employeeName: "Avery", role: "Bookings", phone: "+15555550111", status: AVAILABLE, workingHours: $hours }) { userErrors { message } } }`,
    { hours: everyDay },
    adminToken,
  );
}, 120_000);

afterAll(async () => {
  await db?.end();
  await server?.stop();
  await rc?.close();
});

describe('RingCentral webhook subscription', () => {
  it('is created at start through the validation handshake, and shows as the channel connection', async () => {
    await expect.poll(() => rc.subscriptions.filter((s) => !s.deleted).length, { timeout: LIVE_MS }).toBe(1);
    const subscription = rc.subscriptions[0];
    expect(subscription.address).toBe(`${server.url}/webhooks/ringcentral`);
    expect(subscription.verificationToken).toBe(WEBHOOK_TOKEN);
    expect(subscription.eventFilters).toContain('/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS');

    const response = await graphql(server.url, `{ channelConnections { provider configured sender status subscriptionId subscriptionExpiresAt } }`, {}, adminToken);
    expect(response.data!.channelConnections[0]).toMatchObject({ provider: 'ringcentral', configured: true, sender: 'ringcentral', status: 'ACTIVE', subscriptionId: subscription.id });
  });

  it('is renewed on demand, and re-created when RingCentral has forgotten it', async () => {
    const sync = `mutation { syncChannelSubscriptions { channelConnections { subscriptionId status } userErrors { message } } }`;
    const renewed = await graphql(server.url, sync, {}, adminToken);
    expect(renewed.data!.syncChannelSubscriptions.userErrors).toEqual([]);
    expect(rc.subscriptions[0].renewals).toBe(1);

    rc.subscriptions[0].deleted = true; // RingCentral dropped it
    const recreated = await graphql(server.url, sync, {}, adminToken);
    const connection = recreated.data!.syncChannelSubscriptions.channelConnections[0];
    expect(connection.status).toBe('ACTIVE');
    expect(connection.subscriptionId).not.toBe(rc.subscriptions[0].id);
    expect(rc.subscriptions.filter((s) => !s.deleted)).toHaveLength(1);
  });
});

describe('inbound SMS webhooks', () => {
  it('refuses a missing or wrong verification token, counts it, and stores nothing', async () => {
    const missing = await rc.deliver(rc.inboundSmsBody({ from: CUSTOMER, text: 'hi' }), { verificationToken: null });
    const wrong = await rc.deliver(rc.inboundSmsBody({ from: CUSTOMER, text: 'hi' }), { verificationToken: 'not-the-token-at-all' });
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(403);
    expect(await webhookEvents()).toEqual([]);

    const metrics = await graphql(server.url, `{ metrics { webhookSignatureFailuresLastHour } }`, {}, adminToken);
    expect(metrics.data!.metrics.webhookSignatureFailuresLastHour).toBe(2);
    const prometheus = await (await fetch(`${server.url}/metrics`)).text();
    expect(prometheus).toMatch(/webhook_rejections_total\{provider="ringcentral",reason="bad-token"\} 1/);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    expect((await rc.deliver(null, { rawBody: '{"uuid": "broken' })).status).toBe(400);
    expect((await rc.deliver(null, { rawBody: JSON.stringify({ uuid: 'x', event: '/x', body: { padding: 'x'.repeat(1_100_000) } }) })).status).toBe(413);
    expect(await webhookEvents()).toEqual([]);
    // Counted as what they are, and not as signature failures.
    const prometheus = await (await fetch(`${server.url}/metrics`)).text();
    expect(prometheus).toMatch(/webhook_rejections_total\{provider="ringcentral",reason="malformed-body"\} 1/);
    expect(prometheus).toMatch(/webhook_rejections_total\{provider="ringcentral",reason="too-large"\} 1/);
    const metrics = await graphql(server.url, `{ metrics { webhookSignatureFailuresLastHour } }`, {}, adminToken);
    expect(metrics.data!.metrics.webhookSignatureFailuresLastHour).toBe(2);
  });

  it('threads an inbound SMS, and the assistant’s reply leaves through the SDK from the business number', async () => {
    const delivered = await deliverInbound('Hi, can you do a hibachi party for 15 people on Dec 20th?', '900001');
    expect(delivered.status).toBe(200);

    await expect.poll(() => textsTo(CUSTOMER).length, { timeout: LIVE_MS }).toBe(1);
    const reply = textsTo(CUSTOMER)[0];
    expect(reply.from).toBe(rc.businessNumber);
    expect(reply.text).toMatch(/time/i); // it has the date and party size, so it asks for the time

    const conversations = await graphql(
      server.url,
      `{ conversations(first: 5, channel: SMS) { edges { node { customer { phone } messages { edges { node { author direction text providerMessageId deliveryStatus } } } } } } }`,
      {},
      adminToken,
    );
    const thread = conversations.data!.conversations.edges[0].node;
    expect(thread.customer.phone).toBe(CUSTOMER);
    const [inbound, outbound] = thread.messages.edges.map((edge: { node: unknown }) => edge.node);
    expect(inbound).toMatchObject({ author: 'CUSTOMER', direction: 'INBOUND', providerMessageId: '900001', deliveryStatus: 'RECEIVED' });
    expect(outbound).toMatchObject({ author: 'AI', direction: 'OUTBOUND', providerMessageId: reply.id, deliveryStatus: 'SENT' });
  });

  it('keeps a picture message (an MMS with no words), shows it to staff, and asks the customer for words', async () => {
    const sender = '+15555550188';
    const body = rc.inboundSmsBody({ from: sender, text: '', id: '900050', pictures: ['image/jpeg'] });
    const delivered = await rc.deliver(body, { uuid: 'uuid-mms' });
    expect(delivered.status).toBe(200);
    await expect.poll(() => textsTo(sender).length, { timeout: LIVE_MS }).toBe(1);
    expect(textsTo(sender)[0].text).toMatch(/can't open attachments/);
    const { rows } = await db.query(
      `SELECT m.text, m.author, w.status FROM message m JOIN webhook_event w ON w.event_id = 'uuid-mms' WHERE m.provider_message_id = '900050'`,
    );
    expect(rows).toEqual([{ text: '[image]', author: 'CUSTOMER', status: 'APPLIED' }]);
  });

  it('ignores an inbound text with nothing in it, without retrying it or answering it', async () => {
    const sender = '+15555550189';
    const delivered = await rc.deliver(rc.inboundSmsBody({ from: sender, text: '   ', id: '900051' }), { uuid: 'uuid-empty' });
    expect(delivered.status).toBe(200);
    await expect
      .poll(async () => (await db.query(`SELECT status, attempts FROM webhook_event WHERE event_id = 'uuid-empty'`)).rows[0], { timeout: LIVE_MS })
      .toEqual({ status: 'APPLIED', attempts: 1 });
    expect((await db.query(`SELECT count(*)::int AS n FROM message WHERE provider_message_id = '900051'`)).rows[0].n).toBe(0);
    expect(textsTo(sender)).toEqual([]);
  });

  it('treats a redelivery of the same event as a no-op', async () => {
    const body = rc.inboundSmsBody({ from: CUSTOMER, text: 'At 6pm please', id: '900002' });
    const first = await rc.deliver(body, { uuid: 'uuid-redelivered' });
    const again = await rc.deliver(body, { uuid: 'uuid-redelivered' });
    expect(JSON.parse(first.text)).toMatchObject({ stored: 1, duplicates: 0 });
    expect(JSON.parse(again.text)).toMatchObject({ stored: 0, duplicates: 1 });
    await expect.poll(() => textsTo(CUSTOMER).length, { timeout: LIVE_MS }).toBe(2);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM message WHERE provider_message_id = '900002'`);
    expect(rows[0].n).toBe(1);
  });

  it('marks a text delivered when RingCentral reports the status change', async () => {
    const last = textsTo(CUSTOMER).at(-1)!;
    rc.setSmsStatus(last.id, 'Delivered');
    const change = await rc.deliver({ accountId: '1', extensionId: '1001', changes: [{ type: 'SMS', updatedCount: 1 }] }, { event: '/restapi/v1.0/account/~/extension/1001/message-store' });
    expect(change.status).toBe(200);
    await expect
      .poll(async () => (await db.query(`SELECT delivery_status FROM message WHERE provider_message_id = $1`, [last.id])).rows[0]?.delivery_status, { timeout: LIVE_MS })
      .toBe('DELIVERED');
  });
});

describe('consent', () => {
  it('opts out on STOP with one confirmation, refuses every later send, and opts back in on START', async () => {
    const before = textsTo(CUSTOMER).length;
    await deliverInbound('stop');
    await expect.poll(() => textsTo(CUSTOMER).length, { timeout: LIVE_MS }).toBe(before + 1);
    expect(textsTo(CUSTOMER).at(-1)!.text).toMatch(/unsubscribed/);

    // A second STOP gets no second confirmation; a normal message gets no assistant text either.
    await deliverInbound('STOP');
    await deliverInbound('Hello? Is the Dec 20th date still open?');
    await expect.poll(async () => (await webhookEvents()).filter((e) => e.status === 'APPLIED').length, { timeout: LIVE_MS }).toBe(6);
    await expect
      .poll(async () => (await db.query(`SELECT count(*)::int AS n FROM outbound_send WHERE recipient = $1 AND status = 'REFUSED'`, [CUSTOMER])).rows[0].n, { timeout: LIVE_MS })
      .toBe(1);
    expect(textsTo(CUSTOMER).length).toBe(before + 1);

    await deliverInbound('START');
    await expect.poll(() => textsTo(CUSTOMER).length, { timeout: LIVE_MS }).toBe(before + 2);
    expect(textsTo(CUSTOMER).at(-1)!.text).toMatch(/resubscribed/);

    await deliverInbound('help');
    await expect.poll(() => textsTo(CUSTOMER).length, { timeout: LIVE_MS }).toBe(before + 3);
    expect(textsTo(CUSTOMER).at(-1)!.text).toMatch(/Reply STOP to opt out/);
  });
});

describe('provider faults when sending', () => {
  it('retries a 503 and a 429 with backoff, and sends the text once', async () => {
    const before = textsTo(CUSTOMER).length;
    const attemptsBefore = rc.smsAttempts;
    rc.failNextSms({ status: 503 }, { status: 429, retryAfterSeconds: 1 });
    await deliverInbound('What is included in the party?');
    await expect.poll(() => textsTo(CUSTOMER).length, { timeout: 30_000 }).toBe(before + 1);
    expect(rc.smsAttempts - attemptsBefore).toBeGreaterThanOrEqual(3);
  }, 40_000);

  it('looks up a send whose answer was lost instead of sending it again', async () => {
    const before = textsTo(CUSTOMER).length;
    const since = (await db.query('SELECT now() AS now')).rows[0].now as Date;
    const thisSend = async () =>
      (await db.query(`SELECT status, attempts, provider_message_id FROM outbound_send WHERE recipient = $1 AND created_at > $2`, [CUSTOMER, since])).rows[0];
    rc.failNextSms('hang'); // RingCentral takes the text, the answer never arrives
    await deliverInbound('Do you have vegetarian options?');
    await expect.poll(async () => (await thisSend())?.status, { timeout: 30_000 }).toBe('SENT');
    const send = await thisSend();
    expect(send.attempts).toBe(1); // the retry found it at RingCentral and did not send again
    expect(textsTo(CUSTOMER).length).toBe(before + 1);
    expect(send.provider_message_id).toBe(textsTo(CUSTOMER).at(-1)!.id);
  }, 40_000);

  it('sends a text whose answer was lost when the identical text found at RingCentral is an earlier one', async () => {
    const question = 'Do you have vegetarian options?'; // asked again: the assistant gives the same answer
    const answer = textsTo(CUSTOMER).at(-1)!.text;
    const since = (await db.query('SELECT now() AS now')).rows[0].now as Date;
    rc.failNextSms('drop'); // the connection dies before RingCentral takes the text
    await deliverInbound(question);
    const thisSend = async () =>
      (await db.query(`SELECT status, attempts, provider_message_id FROM outbound_send WHERE recipient = $1 AND created_at > $2`, [CUSTOMER, since])).rows[0];
    await expect.poll(async () => (await thisSend())?.status, { timeout: 30_000 }).toBe('SENT');
    const sameText = textsTo(CUSTOMER).filter((sms) => sms.text === answer);
    expect(sameText).toHaveLength(2);
    const send = await thisSend();
    expect(send.attempts).toBe(2);
    expect(send.provider_message_id).toBe(sameText[1].id);
  }, 40_000);
});

describe('escalation alert by SMS', () => {
  it('texts the assigned extension through RingCentral when a customer asks for a person', async () => {
    await deliverInbound('I want to speak to a real person');
    await expect.poll(() => textsTo('+15555550111').length, { timeout: LIVE_MS }).toBe(1);
    expect(textsTo('+15555550111')[0].text).toBe('Incoming escalated chat from a customer: The customer asked for a person.');
  });
});

describe('dead letters', () => {
  const DEAD_EVENTS = `{ webhookEvents(status: DEAD, first: 10) { edges { node { id kind status attempts lastError } } } }`;
  const RETRY = `mutation($id: ID!) { retryWebhookEvent(id: $id) { webhookEvent { status } userErrors { code message } } }`;
  const deadEvents = async () => (await graphql(server.url, DEAD_EVENTS, {}, adminToken)).data!.webhookEvents.edges.map((edge: { node: unknown }) => edge.node);

  it('marks an event that keeps failing DEAD for admins, who can put it back on the queue', async () => {
    // Verified and stored, but it cannot be applied: the text has no sender number.
    const body = rc.inboundSmsBody({ from: CUSTOMER, text: 'hello' }) as { from: unknown };
    body.from = {};
    expect((await rc.deliver(body, { uuid: 'uuid-no-sender' })).status).toBe(200);

    // JOB_RETRY_LIMIT=3: four attempts with backoff, then the dead-letter state.
    await expect.poll(async () => (await deadEvents()).length, { timeout: 40_000, interval: 500 }).toBe(1);
    const [dead] = await deadEvents();
    expect(dead).toMatchObject({ kind: 'inbound-sms', status: 'DEAD', attempts: 4, lastError: 'inbound SMS without a sender number' });

    const retried = await graphql(server.url, RETRY, { id: dead.id }, adminToken);
    expect(retried.data!.retryWebhookEvent).toEqual({ webhookEvent: { status: 'PENDING' }, userErrors: [] });
    // Back on the queue: it is attempted again (and, still broken, fails again).
    await expect
      .poll(async () => (await db.query(`SELECT attempts FROM webhook_event WHERE event_id = 'uuid-no-sender'`)).rows[0].attempts, { timeout: 15_000 })
      .toBeGreaterThan(4);

    const applied = await graphql(server.url, `{ webhookEvents(status: APPLIED, first: 1) { edges { node { id } } } }`, {}, adminToken);
    const notDead = await graphql(server.url, RETRY, { id: applied.data!.webhookEvents.edges[0].node.id }, adminToken);
    expect(notDead.data!.retryWebhookEvent.userErrors[0]).toMatchObject({ code: 'NOT_DEAD' });
  }, 70_000);
});

describe('consent, whoever sends', () => {
  it('refuses a staff member’s reply to an opted-out number, saying why, and sends and stores nothing', async () => {
    // Another customer, so the texts the other tests count stay theirs; last in the file, as the takeover alerts staff.
    const customer = '+15555550143';
    await rc.deliver(rc.inboundSmsBody({ from: customer, text: 'STOP' }));
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1); // the one confirmation

    const threads = await graphql(server.url, `{ conversations(first: 50, channel: SMS) { edges { node { id customer { phone } } } } }`, {}, adminToken);
    const thread = threads.data!.conversations.edges.map((edge: { node: any }) => edge.node).find((node: any) => node.customer?.phone === customer);
    const taken = await graphql(server.url, `mutation($id: ID!) { takeOverConversation(conversationId: $id) { userErrors { message } } }`, { id: thread.id }, adminToken);
    expect(taken.data!.takeOverConversation.userErrors).toEqual([]);
    const messagesBefore = (await db.query(`SELECT count(*)::int AS n FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.channel_address = $1`, [customer])).rows[0].n;

    const reply = await graphql(
      server.url,
      `mutation($id: ID!, $text: String!) { sendStaffReply(conversationId: $id, text: $text) { message { id } userErrors { field code message } } }`,
      { id: thread.id, text: 'Hi, this is Avery from the office. Still interested in Dec 20th?' },
      adminToken,
    );
    expect(reply.data!.sendStaffReply).toEqual({
      message: null,
      userErrors: [
        {
          field: 'conversationId',
          code: 'RECIPIENT_OPTED_OUT',
          message: 'This customer opted out of messages (they replied STOP), so nothing can be sent to them until they reply START. Call them instead.',
        },
      ],
    });
    const messagesAfter = (await db.query(`SELECT count(*)::int AS n FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.channel_address = $1`, [customer])).rows[0].n;
    expect(messagesAfter).toBe(messagesBefore);
    expect((await db.query(`SELECT count(*)::int AS n FROM outbound_send WHERE body LIKE 'Hi, this is Avery%'`)).rows[0].n).toBe(0);
    expect(textsTo(customer).length).toBe(1);
  });
});

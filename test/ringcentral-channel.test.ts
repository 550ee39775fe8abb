import { describe, expect, it } from 'vitest';
import { AVERY, DEFAULT_WEBHOOK_TOKEN, metricValue, untilQueueIdle, useApp } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * SMS through RingCentral, end to end: the real @ringcentral/sdk in the real server talks to a
 * local server speaking RingCentral's wire format. The webhook subscription is created (with
 * the validation handshake) and renewed; inbound SMS webhooks are verified, stored once and
 * applied by the queue; the assistant's reply and the staff alert leave through the SDK;
 * STOP/START/HELP follow the rules; a lost answer is reconciled, never sent twice.
 *
 * Each test texts from its own number, so what one test sends or stores is never counted by another.
 */

const LIVE_MS = 15_000;

const app = useApp({
  ringCentral: true,
  env: { JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '3', JOB_RETRY_DELAY_SECONDS: '1', ESCALATION_SWEEP_SECONDS: '1' },
});

const textsTo = (phone: string) => app.textsTo(phone);

function deliverInbound(from: string, text: string, options: { id?: string; uuid?: string } = {}) {
  return app.rc.deliver(app.rc.inboundSmsBody({ from, text, id: options.id }), { uuid: options.uuid });
}

async function webhookEventCount(): Promise<number> {
  return (await app.db.query('SELECT count(*)::int AS n FROM webhook_event')).rows[0].n;
}

async function eventStatus(eventId: string): Promise<string | undefined> {
  return (await app.db.query('SELECT status FROM webhook_event WHERE event_id = $1', [eventId])).rows[0]?.status;
}

const signatureFailures = async () =>
  (await graphql(app.server.url, `{ metrics { webhookSignatureFailuresLastHour } }`, {}, app.adminToken)).data!.metrics.webhookSignatureFailuresLastHour as number;
const rejections = (reason: string) => metricValue(app.server.url, `webhook_rejections_total{provider="ringcentral",reason="${reason}"}`);

describe('RingCentral webhook subscription', () => {
  it('is created at start through the validation handshake, and shows as the channel connection', async () => {
    const { rc, server, adminToken } = app;
    await expect.poll(() => rc.subscriptions.filter((s) => !s.deleted).length, { timeout: LIVE_MS }).toBe(1);
    const subscription = rc.subscriptions.find((s) => !s.deleted)!;
    expect(rc.validationFailures).toEqual([]);
    expect(subscription.address).toBe(`${server.url}/webhooks/ringcentral`);
    expect(subscription.verificationToken).toBe(DEFAULT_WEBHOOK_TOKEN);
    expect(subscription.eventFilters).toContain('/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS');

    const response = await graphql(server.url, `{ channelConnections { provider configured sender status subscriptionId subscriptionExpiresAt } }`, {}, adminToken);
    expect(response.data!.channelConnections[0]).toMatchObject({ provider: 'ringcentral', configured: true, sender: 'ringcentral', status: 'ACTIVE', subscriptionId: subscription.id });
  });

  it('is renewed on demand, and re-created when RingCentral has forgotten it', async () => {
    const { rc, server, adminToken } = app;
    const sync = `mutation { syncChannelSubscriptions { channelConnections { subscriptionId status } userErrors { message } } }`;
    const subscription = rc.subscriptions.find((s) => !s.deleted)!;
    const renewalsBefore = subscription.renewals;
    const renewed = await graphql(server.url, sync, {}, adminToken);
    expect(renewed.data!.syncChannelSubscriptions.userErrors).toEqual([]);
    expect(subscription.renewals).toBe(renewalsBefore + 1);

    subscription.deleted = true; // RingCentral dropped it
    const recreated = await graphql(server.url, sync, {}, adminToken);
    const connection = recreated.data!.syncChannelSubscriptions.channelConnections[0];
    expect(connection.status).toBe('ACTIVE');
    expect(connection.subscriptionId).not.toBe(subscription.id);
    expect(rc.subscriptions.filter((s) => !s.deleted)).toHaveLength(1);
  });
});

describe('inbound SMS webhooks', () => {
  it('refuses a missing or wrong verification token, counts it, and stores nothing', async () => {
    const { rc } = app;
    const customer = '+15555550191';
    const [eventsBefore, failuresBefore, badTokensBefore] = [await webhookEventCount(), await signatureFailures(), await rejections('bad-token')];
    const missing = await rc.deliver(rc.inboundSmsBody({ from: customer, text: 'hi' }), { verificationToken: null });
    const wrong = await rc.deliver(rc.inboundSmsBody({ from: customer, text: 'hi' }), { verificationToken: 'not-the-token-at-all' });
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(403);
    expect(await webhookEventCount()).toBe(eventsBefore);

    expect((await signatureFailures()) - failuresBefore).toBe(2);
    expect((await rejections('bad-token')) - badTokensBefore).toBe(1);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const { rc } = app;
    const before = { events: await webhookEventCount(), failures: await signatureFailures(), malformed: await rejections('malformed-body'), tooLarge: await rejections('too-large') };
    expect((await rc.deliver(null, { rawBody: '{"uuid": "broken' })).status).toBe(400);
    expect((await rc.deliver(null, { rawBody: JSON.stringify({ uuid: 'x', event: '/x', body: { padding: 'x'.repeat(1_100_000) } }) })).status).toBe(413);
    expect(await webhookEventCount()).toBe(before.events);
    // Counted as what they are, and not as signature failures.
    expect((await rejections('malformed-body')) - before.malformed).toBe(1);
    expect((await rejections('too-large')) - before.tooLarge).toBe(1);
    expect(await signatureFailures()).toBe(before.failures);
  });

  it('threads an inbound SMS, and the assistant’s reply leaves through the SDK from the business number', async () => {
    const { rc, server, adminToken } = app;
    const customer = '+15555550142';
    const delivered = await deliverInbound(customer, 'Hi, can you do a hibachi party for 15 people on Dec 20th?', { id: '900001' });
    expect(delivered.status).toBe(200);

    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1);
    const reply = textsTo(customer)[0];
    expect(reply.from).toBe(rc.businessNumber);
    expect(reply.text).toMatch(/time/i); // it has the date and party size, so it asks for the time

    const replyStatus = async () => {
      const conversations = await graphql(
        server.url,
        `{ conversations(first: 20, channel: SMS) { edges { node { customer { phone } messages(first: 10) { edges { node { author direction text providerMessageId deliveryStatus } } } } } } }`,
        {},
        adminToken,
      );
      return conversations.data!.conversations.edges
        .map((edge: { node: any }) => edge.node)
        .filter((node: any) => node.messages.edges.some((edge: any) => edge.node.providerMessageId === '900001'));
    };
    // The send is recorded once RingCentral's answer is back, a moment after the text reached it.
    await expect.poll(async () => (await replyStatus())[0]?.messages.edges.at(-1)?.node.deliveryStatus, { timeout: LIVE_MS }).toBe('SENT');
    const threads = await replyStatus();
    expect(threads).toHaveLength(1);
    const [thread] = threads;
    expect(thread.customer.phone).toBe(customer);
    const [inbound, outbound] = thread.messages.edges.map((edge: { node: unknown }) => edge.node);
    expect(inbound).toMatchObject({ author: 'CUSTOMER', direction: 'INBOUND', providerMessageId: '900001', deliveryStatus: 'RECEIVED' });
    expect(outbound).toMatchObject({ author: 'AI', direction: 'OUTBOUND', providerMessageId: reply.id, deliveryStatus: 'SENT' });
  });

  it('keeps a picture message (an MMS with no words), shows it to staff, and asks the customer for words', async () => {
    const { rc, db } = app;
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
    const { rc, db } = app;
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
    const { rc, db } = app;
    const customer = '+15555550144';
    const body = rc.inboundSmsBody({ from: customer, text: 'At 6pm please', id: '900002' });
    const first = await rc.deliver(body, { uuid: 'uuid-redelivered' });
    const again = await rc.deliver(body, { uuid: 'uuid-redelivered' });
    expect(JSON.parse(first.text)).toMatchObject({ stored: 1, duplicates: 0 });
    expect(JSON.parse(again.text)).toMatchObject({ stored: 0, duplicates: 1 });
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM message WHERE provider_message_id = '900002'`);
    expect(rows[0].n).toBe(1);
  });

  it('marks a text delivered when RingCentral reports the status change', async () => {
    const { rc, db } = app;
    const customer = '+15555550145';
    await deliverInbound(customer, 'Hi, do you cater on weekdays?');
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1);
    const last = textsTo(customer)[0];
    await expect
      .poll(async () => (await db.query(`SELECT delivery_status FROM message WHERE provider_message_id = $1`, [last.id])).rows[0]?.delivery_status, { timeout: LIVE_MS })
      .toBe('SENT');
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
    const { db } = app;
    const customer = '+15555550146';
    await deliverInbound(customer, 'Hi, can you do a hibachi party for 15 people on Dec 20th?');
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1);
    const before = textsTo(customer).length;
    await deliverInbound(customer, 'stop');
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(before + 1);
    expect(textsTo(customer).at(-1)!.text).toMatch(/unsubscribed/);

    // A second STOP gets no second confirmation; a normal message gets no assistant text either.
    await deliverInbound(customer, 'STOP', { uuid: 'uuid-second-stop' });
    await deliverInbound(customer, 'Hello? Is the Dec 20th date still open?', { uuid: 'uuid-while-opted-out' });
    for (const uuid of ['uuid-second-stop', 'uuid-while-opted-out']) await expect.poll(() => eventStatus(uuid), { timeout: LIVE_MS }).toBe('APPLIED');
    await expect
      .poll(async () => (await db.query(`SELECT count(*)::int AS n FROM outbound_send WHERE recipient = $1 AND status = 'REFUSED'`, [customer])).rows[0].n, { timeout: LIVE_MS })
      .toBe(1);
    expect(textsTo(customer).length).toBe(before + 1);

    await deliverInbound(customer, 'START');
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(before + 2);
    expect(textsTo(customer).at(-1)!.text).toMatch(/resubscribed/);

    await deliverInbound(customer, 'help');
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(before + 3);
    expect(textsTo(customer).at(-1)!.text).toMatch(/Reply STOP to opt out/);
  });
});

describe('provider faults when sending', () => {
  it('retries a 503 and a 429 with backoff, and sends the text once', async () => {
    const { rc, db } = app;
    const customer = '+15555550147';
    await untilQueueIdle(db); // the scripted failures go to this test's send, not to another's still on its way
    const attemptsBefore = rc.smsAttempts;
    rc.failNextSms({ status: 503 }, { status: 429, retryAfterSeconds: 1 });
    await deliverInbound(customer, 'What is included in the party?');
    await expect.poll(() => textsTo(customer).length, { timeout: 30_000 }).toBe(1);
    expect(rc.smsAttempts - attemptsBefore).toBeGreaterThanOrEqual(3);
  }, 40_000);

  it('logs in again when RingCentral has forgotten its tokens (OAU-140), and sends the text once', async () => {
    const { rc, db } = app;
    const customer = '+15555550151';
    await untilQueueIdle(db);
    const logins = rc.tokenRequests;
    rc.forgetTokens(); // RingCentral revoked the session: the access and the refresh token are both unknown now
    await deliverInbound(customer, 'Do you travel to Fremont?');
    await expect.poll(async () => (await db.query(`SELECT status, attempts FROM outbound_send WHERE recipient = $1`, [customer])).rows[0], { timeout: 30_000 }).toEqual({ status: 'SENT', attempts: 1 });
    expect(textsTo(customer)).toHaveLength(1);
    expect(rc.tokenRequests).toBeGreaterThan(logins); // a fresh login with the JWT
  }, 40_000);

  it('looks up a send whose answer was lost instead of sending it again', async () => {
    const { rc, db } = app;
    const customer = '+15555550148';
    const thisSend = async () => (await db.query(`SELECT status, attempts, provider_message_id FROM outbound_send WHERE recipient = $1`, [customer])).rows[0];
    await untilQueueIdle(db);
    rc.failNextSms('hang'); // RingCentral takes the text, the answer never arrives
    await deliverInbound(customer, 'Do you have vegetarian options?');
    await expect.poll(async () => (await thisSend())?.status, { timeout: 30_000 }).toBe('SENT');
    const send = await thisSend();
    expect(send.attempts).toBe(1); // the retry found it at RingCentral and did not send again
    expect(textsTo(customer).length).toBe(1);
    expect(send.provider_message_id).toBe(textsTo(customer)[0].id);
  }, 40_000);

  it('sends a text whose answer was lost when the identical text found at RingCentral is an earlier one', async () => {
    const { rc, db } = app;
    const customer = '+15555550149';
    const question = 'Do you have vegetarian options?'; // asked twice: the assistant gives the same answer
    await deliverInbound(customer, question);
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(1);
    const answer = textsTo(customer)[0].text;
    await untilQueueIdle(db);
    const since = (await db.query('SELECT now() AS now')).rows[0].now as Date;
    rc.failNextSms('drop'); // the connection dies before RingCentral takes the text
    await deliverInbound(customer, question);
    const thisSend = async () =>
      (await db.query(`SELECT status, attempts, provider_message_id FROM outbound_send WHERE recipient = $1 AND created_at > $2`, [customer, since])).rows[0];
    await expect.poll(async () => (await thisSend())?.status, { timeout: 30_000 }).toBe('SENT');
    const sameText = textsTo(customer).filter((sms) => sms.text === answer);
    expect(sameText).toHaveLength(2);
    const send = await thisSend();
    expect(send.attempts).toBe(2);
    expect(send.provider_message_id).toBe(sameText[1].id);
  }, 40_000);
});

describe('escalation alert by SMS', () => {
  it('texts the assigned extension through RingCentral when a customer asks for a person', async () => {
    const { server, adminToken } = app;
    const customer = '+15555550150';
    const alertsBefore = textsTo(AVERY.phone).length;
    await deliverInbound(customer, 'I want to speak to a real person');
    await expect.poll(() => textsTo(AVERY.phone).length, { timeout: LIVE_MS }).toBe(alertsBefore + 1);
    expect(textsTo(AVERY.phone).at(-1)!.text).toBe('Incoming escalated chat from a customer: The customer asked for a person.');

    // Resolved, so the sweep never alerts anyone about it again while the other tests send.
    const open = await graphql(server.url, `{ escalations(first: 100) { edges { node { id conversation { customer { phone } } } } } }`, {}, adminToken);
    for (const { node } of open.data!.escalations.edges.filter((edge: any) => edge.node.conversation.customer?.phone === customer)) {
      const resolved = await graphql(server.url, `mutation($id: ID!) { resolveEscalation(escalationId: $id) { userErrors { message } } }`, { id: node.id }, adminToken);
      expect(resolved.data!.resolveEscalation.userErrors).toEqual([]);
    }
  });
});

describe('dead letters', () => {
  const DEAD_EVENTS = `{ webhookEvents(status: DEAD, first: 10) { edges { node { id kind status attempts lastError } } } }`;
  const RETRY = `mutation($id: ID!) { retryWebhookEvent(id: $id) { webhookEvent { status } userErrors { code message } } }`;
  const deadEvents = async () => (await graphql(app.server.url, DEAD_EVENTS, {}, app.adminToken)).data!.webhookEvents.edges.map((edge: { node: unknown }) => edge.node);

  it('marks an event that keeps failing DEAD for admins, who can put it back on the queue', async () => {
    const { rc, server, db, adminToken } = app;
    // An event that is applied, to show that only dead ones can be put back.
    await deliverInbound('+15555550151', 'Hi there', { uuid: 'uuid-applied-not-dead' });
    await expect.poll(() => eventStatus('uuid-applied-not-dead'), { timeout: LIVE_MS }).toBe('APPLIED');

    // Verified and stored, but it cannot be applied: the text has no sender number.
    const body = rc.inboundSmsBody({ from: '+15555550152', text: 'hello' }) as { from: unknown };
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

    const applied = await graphql(server.url, `{ webhookEvents(status: APPLIED, first: 100) { edges { node { id eventId } } } }`, {}, adminToken);
    const appliedEvent = applied.data!.webhookEvents.edges.find((edge: any) => edge.node.eventId === 'uuid-applied-not-dead').node;
    const notDead = await graphql(server.url, RETRY, { id: appliedEvent.id }, adminToken);
    expect(notDead.data!.retryWebhookEvent.userErrors[0]).toMatchObject({ code: 'NOT_DEAD' });
  }, 70_000);
});

describe('consent, whoever sends', () => {
  it('refuses a staff member’s reply to an opted-out number, saying why, and sends and stores nothing', async () => {
    const { rc, server, db, adminToken } = app;
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

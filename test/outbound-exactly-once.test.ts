import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { untilQueueIdle, useApp } from './support/fixtures';
import { errorCodes, graphql } from './support/graphql-client';

/**
 * A message leaves once, whatever the provider does with its answer. Provider calls end by
 * themselves well inside a send attempt's time (PROVIDER_TIMEOUT_SECONDS < JOB_TIMEOUT_SECONDS,
 * both short here), each send succeeds or fails on its own, and a lost answer is looked up
 * (RingCentral) or left to a person (Meta, which cannot be asked) instead of sent again.
 */

const WEBHOOK_TOKEN = 'exactly-once-verification-token-0123';
const LIVE_MS = 20_000;
const QUESTION = 'What is included in the party?';
const TIMEOUTS = { PROVIDER_TIMEOUT_SECONDS: '5', JOB_TIMEOUT_SECONDS: '10', JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '3', JOB_RETRY_DELAY_SECONDS: '1' };

async function sendOf(db: pg.Client, recipient: string) {
  const { rows } = await db.query<{ idempotency_key: string; status: string; attempts: number; provider_message_id: string | null; delivery_status: string | null }>(
    `SELECT s.idempotency_key, s.status, s.attempts, s.provider_message_id, m.delivery_status
       FROM outbound_send s LEFT JOIN message m ON m.id = s.message_id WHERE s.recipient = $1`,
    [recipient],
  );
  return rows;
}

/** The send jobs of a recipient as pg-boss keeps them: each attempt's state and how often it was retried. */
async function jobsOf(db: pg.Client, recipient: string) {
  const { rows } = await db.query<{ state: string; retry_count: number }>(
    `SELECT state, retry_count FROM pgboss.job
      WHERE name = 'outbound.send' AND data->>'key' IN (SELECT idempotency_key FROM outbound_send WHERE recipient = $1) ORDER BY created_on`,
    [recipient],
  );
  return rows;
}

describe('RingCentral texts', () => {
  const app = useApp({ ringCentral: { webhookToken: WEBHOOK_TOKEN }, env: TIMEOUTS });
  const textsTo = (phone: string) => app.textsTo(phone);
  const deliverInbound = (from: string) => app.rc.deliver(app.rc.inboundSmsBody({ from, text: QUESTION }));

  it('sends a text whose answer hangs past the attempt once, gives the hung request up, and records it SENT', async () => {
    const { rc, db } = app;
    const customer = '+15555570001';
    await untilQueueIdle(db); // the held answer is this reply's, not another's still on its way
    const held = rc.holdNextSms(); // RingCentral takes the text and never answers
    expect((await deliverInbound(customer)).status).toBe(200);
    const taken = await held.arrived;

    await expect.poll(async () => (await sendOf(db, customer))[0]?.status, { timeout: LIVE_MS }).toBe('SENT');
    expect(held.isAbandoned).toBe(true); // our side hung up: no request outlives its attempt
    expect(textsTo(customer)).toEqual([taken]);
    expect(await sendOf(db, customer)).toMatchObject([{ status: 'SENT', attempts: 1, provider_message_id: taken.id, delivery_status: 'SENT' }]);
  });

  it('finds its own text when a later identical text to the same number went out meanwhile, and sends neither again', async () => {
    const { rc, db } = app;
    const customer = '+15555570200';
    await untilQueueIdle(db);
    const held = rc.holdNextSms(); // the first reply is taken by RingCentral, its answer never comes
    expect((await deliverInbound(customer)).status).toBe(200);
    const first = await held.arrived;
    // The same question again: the same answer, sent at once while the first still waits.
    expect((await deliverInbound(customer)).status).toBe(200);
    await expect.poll(() => textsTo(customer).length, { timeout: LIVE_MS }).toBe(2);
    const second = textsTo(customer).find((sms) => sms.id !== first.id)!;
    expect(second.text).toBe(first.text);

    // The first is given up at the provider timeout and looked up: RingCentral lists the second
    // (newest) first, which is another send's; its own is the older one.
    await expect.poll(async () => (await sendOf(db, customer)).map((send) => send.status), { timeout: LIVE_MS }).toEqual(['SENT', 'SENT']);
    expect(held.isAbandoned).toBe(true);
    expect(textsTo(customer)).toHaveLength(2);
    expect((await sendOf(db, customer)).map((send) => send.provider_message_id).sort()).toEqual([first.id, second.id].sort());
  });

  it('completes the other sends of a batch promptly while one hangs, without retrying them', async () => {
    const { rc, db } = app;
    const stuck = '+15555570100';
    const others = ['+15555570101', '+15555570102', '+15555570103', '+15555570104', '+15555570105'];
    await untilQueueIdle(db);
    const held = rc.holdNextSms();
    expect((await deliverInbound(stuck)).status).toBe(200);
    await held.arrived;

    await Promise.all(others.map(async (customer) => expect((await deliverInbound(customer)).status).toBe(200)));
    const allSent = async () => {
      for (const customer of others) if ((await sendOf(db, customer))[0]?.status !== 'SENT') return false;
      return true;
    };
    await expect.poll(allSent, { timeout: LIVE_MS }).toBe(true);
    // A job is marked done just after its send is recorded, so wait for that too.
    const jobsDone = async () => {
      for (const customer of others) if ((await jobsOf(db, customer))[0]?.state !== 'completed') return false;
      return true;
    };
    await expect.poll(jobsDone, { timeout: LIVE_MS }).toBe(true);
    // All done while the hung one was still waiting for its answer.
    expect(held.isAbandoned).toBe(false);
    for (const customer of others) {
      expect(textsTo(customer)).toHaveLength(1);
      expect(await sendOf(db, customer)).toMatchObject([{ status: 'SENT', attempts: 1 }]);
      expect(await jobsOf(db, customer)).toEqual([{ state: 'completed', retry_count: 0 }]);
    }

    // The hung one is given up at the provider timeout and found at RingCentral, not sent again.
    await expect.poll(async () => (await sendOf(db, stuck))[0]?.status, { timeout: LIVE_MS }).toBe('SENT');
    expect(held.isAbandoned).toBe(true);
    expect(textsTo(stuck)).toHaveLength(1);
  });
});

describe('Meta replies', () => {
  const app = useApp({ meta: true, extension101: false, env: TIMEOUTS });
  const sentTo = (recipient: string) => app.meta.sent.filter((sent) => sent.body.recipient?.id === recipient);
  const RESEND = `mutation($id: ID!) { resendMessage(messageId: $id) { message { id deliveryStatus } userErrors { field message code } } }`;

  it('sends a reply whose answer is lost once, shows it as not confirmed, and staff resend it once', async () => {
    const { meta, server, db, adminToken: staffToken } = app;
    const customer = '24023423420007001';
    meta.dropNextAnswer(); // Meta takes the reply; its answer never arrives
    expect((await meta.deliver(server.url, meta.messengerText({ senderId: customer, text: QUESTION }))).status).toBe(200);

    await expect.poll(async () => (await sendOf(db, customer))[0]?.status, { timeout: LIVE_MS }).toBe('UNCONFIRMED');
    expect(sentTo(customer)).toHaveLength(1);
    expect(await sendOf(db, customer)).toMatchObject([{ attempts: 1, delivery_status: 'UNCONFIRMED' }]);
    // Nothing is left to send it again by itself: its only job is done (marked just after the send).
    await expect.poll(() => jobsOf(db, customer), { timeout: LIVE_MS }).toEqual([{ state: 'completed', retry_count: 0 }]);

    // Staff see it as not confirmed in the thread.
    const threads = await graphql(
      server.url,
      `{ conversations(first: 10, channel: MESSENGER) { edges { node { customer { id } messages { edges { node { id direction deliveryStatus } } } } } } }`,
      {},
      staffToken,
    );
    const messages = threads.data!.conversations.edges.flatMap((edge: any) => edge.node.messages.edges.map((m: any) => m.node));
    const reply = messages.find((message: any) => message.direction === 'OUTBOUND');
    expect(reply.deliveryStatus).toBe('UNCONFIRMED');

    // Only staff may resend.
    expect(errorCodes(await graphql(server.url, RESEND, { id: reply.id }))).toEqual(['UNAUTHENTICATED']);

    const resent = await graphql(server.url, RESEND, { id: reply.id }, staffToken);
    expect(resent.data!.resendMessage).toEqual({ message: { id: reply.id, deliveryStatus: 'QUEUED' }, userErrors: [] });
    await expect.poll(async () => (await sendOf(db, customer))[0]?.status, { timeout: LIVE_MS }).toBe('SENT');
    expect(sentTo(customer)).toHaveLength(2);
    expect(await sendOf(db, customer)).toMatchObject([{ attempts: 2, provider_message_id: sentTo(customer)[1].id, delivery_status: 'SENT' }]);

    // A message that went out is not sent again.
    const again = await graphql(server.url, RESEND, { id: reply.id }, staffToken);
    expect(again.data!.resendMessage.message).toBeNull();
    expect(again.data!.resendMessage.userErrors).toEqual([
      { field: 'messageId', code: 'NOT_UNCONFIRMED', message: 'Only a message whose delivery could not be confirmed can be sent again; this one is already sent.' },
    ]);
    expect(sentTo(customer)).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { AVERY, untilQueueIdle, useApp } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * Opting out by text, end to end over SMS: a customer who asks in plain words, or types STOP
 * in full-width letters or with an emoji, is opted out with one confirmation and never gets an
 * assistant answer; INFO and "help?" get the HELP answer; a stop word that may mean something
 * else ("stop, I meant Saturday") is not an opt-out, gets no sales answer, and goes to staff.
 *
 * Each test texts from its own number, so what one test sends or stores is never counted by another.
 */

const LIVE_MS = 15_000;

const app = useApp({
  ringCentral: true,
  env: { JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '3', JOB_RETRY_DELAY_SECONDS: '1', ESCALATION_SWEEP_SECONDS: '1' },
});

const textsTo = (phone: string) => app.textsTo(phone);

let deliveries = 0;
/** Delivers an inbound text and waits until the queue has applied it and sent what it caused. */
async function texts(from: string, text: string): Promise<void> {
  const uuid = `uuid-opt-out-${++deliveries}`;
  expect((await app.rc.deliver(app.rc.inboundSmsBody({ from, text }), { uuid })).status).toBe(200);
  await expect.poll(async () => (await app.db.query('SELECT status FROM webhook_event WHERE event_id = $1', [uuid])).rows[0]?.status, { timeout: LIVE_MS }).toBe('APPLIED');
  await untilQueueIdle(app.db);
}

async function thread(address: string) {
  const { rows } = await app.db.query(
    `SELECT m.author, m.text FROM message m JOIN conversation c ON c.id = m.conversation_id
      WHERE c.channel = 'SMS' AND c.channel_address = $1 ORDER BY m.created_at, m.id`,
    [address],
  );
  return rows as Array<{ author: string; text: string }>;
}

async function optedOut(address: string): Promise<boolean | null> {
  const { rows } = await app.db.query(`SELECT opted_out FROM messaging_consent WHERE channel = 'SMS' AND address = $1`, [address]);
  return rows[0]?.opted_out ?? null;
}

async function escalationsOf(phone: string): Promise<Array<{ id: string; reason: string; status: string }>> {
  const response = await graphql(app.server.url, `{ escalations(first: 100) { edges { node { id reason status conversation { customer { phone } } } } } }`, {}, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.escalations.edges.map((edge: { node: any }) => edge.node).filter((node: any) => node.conversation.customer?.phone === phone);
}

describe('a revocation in plain words', () => {
  it('opts the number out with exactly one confirmation and no assistant answer, and every later send is refused', async () => {
    const customer = '+15555550301';
    await texts(customer, 'Hi, can you do a hibachi party for 15 people on Dec 20th?');
    expect(textsTo(customer)).toHaveLength(1);

    await texts(customer, 'please take me off your list 🙏');
    expect(textsTo(customer)).toHaveLength(2);
    expect(textsTo(customer)[1].text).toMatch(/unsubscribed/);
    expect(await optedOut(customer)).toBe(true);
    expect((await thread(customer)).slice(2)).toEqual([
      { author: 'CUSTOMER', text: 'please take me off your list 🙏' },
      { author: 'SYSTEM', text: expect.stringMatching(/unsubscribed/) },
    ]);

    // Whatever they write next, nothing more reaches them.
    await texts(customer, 'Is the Dec 20th date still open?');
    expect((await app.db.query(`SELECT count(*)::int AS n FROM outbound_send WHERE recipient = $1 AND status = 'REFUSED'`, [customer])).rows[0].n).toBe(1);
    expect(textsTo(customer)).toHaveLength(2);
  });
});

describe('STOP however it is typed', () => {
  it.each([
    ['full-width letters', '+15555550302', 'ＳＴＯＰ'],
    ['an emoji after it', '+15555550303', 'STOP 🛑'],
  ])('opts out on STOP in %s', async (_how, customer, text) => {
    await texts(customer, text);
    expect(textsTo(customer).map((sms) => sms.text)).toEqual([expect.stringMatching(/unsubscribed/)]);
    expect(await optedOut(customer)).toBe(true);
    expect((await thread(customer)).map((message) => message.author)).toEqual(['CUSTOMER', 'SYSTEM']);
  });
});

describe('HELP and INFO', () => {
  it.each([
    ['INFO', '+15555550304'],
    ['help?', '+15555550305'],
  ])('answers %j with the HELP answer and nothing else', async (text, customer) => {
    await texts(customer, text);
    expect(textsTo(customer).map((sms) => sms.text)).toEqual([expect.stringMatching(/For help, .*Reply STOP to opt out/)]);
    expect(await optedOut(customer)).toBeNull();
  });
});

describe('a stop word that may mean something else', () => {
  it('is not an opt-out: no sales answer, a short holding reply, and the thread goes to staff', async () => {
    const customer = '+15555550306';
    await texts(customer, 'Hi, can you do a hibachi party for 15 people on Dec 20th?');
    expect(textsTo(customer)).toHaveLength(1);
    const alertsBefore = textsTo(AVERY.phone).length;

    await texts(customer, 'stop, I meant Saturday');
    expect(await optedOut(customer)).toBeNull();
    const after = (await thread(customer)).slice(2);
    expect(after.map((message) => message.author)).toEqual(['CUSTOMER', 'SYSTEM']); // no assistant answer, no quote
    expect(after[1].text).toMatch(/team/);
    expect(after[1].text).toMatch(/reply STOP/i);
    expect(after[1].text).not.toMatch(/\$/);
    expect(textsTo(customer).at(-1)!.text).toBe(after[1].text);

    const [escalation] = await escalationsOf(customer);
    expect(escalation).toMatchObject({ reason: 'OPT_OUT_UNCLEAR' });
    await expect.poll(() => textsTo(AVERY.phone).length, { timeout: LIVE_MS }).toBeGreaterThan(alertsBefore);
    expect(textsTo(AVERY.phone).at(-1)!.text).not.toContain('Saturday'); // staff read the message in the console, not in an SMS alert

    // The assistant stays out of the thread while staff have it.
    await texts(customer, 'so is Saturday the 21st ok?');
    expect((await thread(customer)).slice(4).map((message) => message.author)).toEqual(['CUSTOMER']);

    // Resolved, so the sweep never alerts anyone about it again while the other tests run.
    const resolved = await graphql(app.server.url, `mutation($id: ID!) { resolveEscalation(escalationId: $id) { userErrors { message } } }`, { id: escalation.id }, app.adminToken);
    expect(resolved.data!.resolveEscalation.userErrors).toEqual([]);
  });
});

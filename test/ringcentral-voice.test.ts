import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ringCentralEnv, startFakeRingCentral, TELEPHONY_SESSIONS_EVENT, MESSAGE_STORE_EVENT, VOICEMAIL_EVENT, type FakeRingCentral } from './support/fake-ringcentral-server';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Phone calls through RingCentral, end to end: the real @ringcentral/sdk in the real server
 * talks to a local server speaking RingCentral's wire format. Telephony-session webhooks route
 * a new inbound call by business hours (forwarded to the free extension's phone, or to
 * voicemail) through Call Control; voicemail webhooks bring the transcript into the caller's
 * PHONE thread, where the assistant answers it; staff transfer an answered call to an
 * extension after it is announced in the thread.
 */

const WEBHOOK_TOKEN = 'test-verification-token-voice-0123';
const LIVE_MS = 15_000;
const AVERY_PHONE = '+15555550111';
const BLAKE_PHONE = '+15555550112';
// Callers, one per scenario, so each call and thread is told apart.
const IN_HOURS_CALLER = '+15555550121';
const AFTER_HOURS_CALLER = '+15555550122';
const BUSY_CALLER = '+15555550123';
const VOICEMAIL_CALLER = '+15555550124';
const SLOW_TRANSCRIPT_CALLER = '+15555550125';
const PROCEEDING_CALLER = '+15555550126';

const WEEK = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const everyDay = WEEK.map((day) => ({ day, start: '00:00', end: '24:00' }));
// The server's business time zone is UTC here; three days from today is never "now".
const notToday = [{ day: WEEK[(new Date().getUTCDay() + 3) % 7], start: '09:00', end: '17:00' }];

let rc: FakeRingCentral;
let server: TestServer;
let adminToken: string;
let db: pg.Client;
let avery: { id: string };
let blake: { id: string };
let sequence = 0;

const PHONE_CALLS = `{ phoneCalls(first: 50) { edges { node {
  id callerNumber status routedTo routingReason routingError routedAt transferredAt
  routedExtension { number } transferredToExtension { number }
} } } }`;
const TRANSFER = `mutation($extensionId: ID!, $callId: ID!) {
  transferCall(extensionId: $extensionId, callId: $callId) {
    call { id status transferredAt transferredToExtension { number employeeName } }
    userErrors { field message code }
  }
}`;
const PHONE_THREADS = `{ conversations(first: 50, channel: PHONE) { edges { node {
  id customer { phone }
  messages(first: 50) { edges { node { author direction channel text providerMessageId } } }
} } } }`;

async function phoneCall(caller: string) {
  const response = await graphql(server.url, PHONE_CALLS, {}, adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.phoneCalls.edges.map((edge: { node: any }) => edge.node).find((call: { callerNumber: string }) => call.callerNumber === caller) ?? null;
}

async function phoneThread(caller: string) {
  const response = await graphql(server.url, PHONE_THREADS, {}, adminToken);
  expect(response.errors).toBeUndefined();
  const thread = response.data!.conversations.edges.map((edge: { node: any }) => edge.node).find((node: any) => node.customer.phone === caller);
  return thread ? { id: thread.id as string, messages: thread.messages.edges.map((edge: { node: any }) => edge.node) } : null;
}

async function eventStatus(eventId: string): Promise<{ status: string; attempts: number } | undefined> {
  const { rows } = await db.query('SELECT status, attempts FROM webhook_event WHERE event_id = $1', [eventId]);
  return rows[0];
}

/** A call session notification for the party as the fake holds it now; resolves once the server has applied it. */
async function notifyCall(session: string, party: string, options: { uuid?: string; status?: string } = {}) {
  const uuid = options.uuid ?? randomUUID();
  const body = rc.telephonySessionBody({ telephonySessionId: session, partyId: party, sequence: ++sequence, status: options.status });
  const delivered = await rc.deliver(body, { event: TELEPHONY_SESSIONS_EVENT, uuid });
  expect(delivered.status).toBe(200);
  await expect.poll(async () => (await eventStatus(uuid))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
  return { uuid, body, delivered: JSON.parse(delivered.text) as { stored: number; duplicates: number } };
}

/** A new inbound call ringing at the business. */
function ring(session: string, party: string, caller: string) {
  rc.setParty(session, party, 'Setup', { from: caller });
  return notifyCall(session, party);
}

async function setWorkingHours(extensionId: string, hours: unknown, status = 'AVAILABLE') {
  const response = await graphql(
    server.url,
    `mutation($input: UpdateExtensionInput!) { updateExtension(input: $input) { userErrors { field message } } }`,
    { input: { id: extensionId, workingHours: hours, status } },
    adminToken,
  );
  expect(response.data?.updateExtension.userErrors).toEqual([]);
}

beforeAll(async () => {
  rc = await startFakeRingCentral();
  server = await startTestServer({
    env: {
      ...ringCentralEnv(rc, WEBHOOK_TOKEN),
      BUSINESS_TIME_ZONE: 'UTC',
      JOBS_POLL_SECONDS: '0.5',
      JOB_RETRY_LIMIT: '5',
      JOB_RETRY_DELAY_SECONDS: '1',
    },
  });
  adminToken = await server.login();
  db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  const create = async (number: number, employeeName: string, phone: string) => {
    const response = await graphql(
      server.url,
      `mutation($input: CreateExtensionInput!) { createExtension(input: $input) { extension { id } userErrors { message } } }`,
      { input: { number, employeeName, role: 'Bookings', phone, status: 'AVAILABLE', workingHours: everyDay } },
      adminToken,
    );
    expect(response.data!.createExtension.userErrors).toEqual([]);
    return response.data!.createExtension.extension as { id: string };
  };
  avery = await create(101, 'Avery', AVERY_PHONE); // the first extension is the primary
  blake = await create(102, 'Blake', BLAKE_PHONE);
}, 120_000);

afterAll(async () => {
  await db?.end();
  await server?.stop();
  await rc?.close();
});

describe('the webhook subscription', () => {
  it('asks for call status and voicemail events besides the SMS ones', async () => {
    await expect.poll(() => rc.subscriptions.filter((s) => !s.deleted).length, { timeout: LIVE_MS }).toBe(1);
    expect(rc.subscriptions[0].eventFilters).toEqual(
      expect.arrayContaining(['/restapi/v1.0/account/~/extension/~/telephony/sessions', '/restapi/v1.0/account/~/extension/~/voicemail', '/restapi/v1.0/account/~/extension/~/message-store']),
    );
  });
});

describe('inbound calls routed by business hours', () => {
  it('forwards a call in business hours to the primary extension’s phone, and records why', async () => {
    await ring('s-in-hours', 'p-in-hours', IN_HOURS_CALLER);

    expect(rc.forwards).toEqual([{ telephonySessionId: 's-in-hours', partyId: 'p-in-hours', body: { phoneNumber: AVERY_PHONE } }]);
    const call = await phoneCall(IN_HOURS_CALLER);
    expect(call).toMatchObject({ status: 'Setup', routedTo: 'EXTENSION', routedExtension: { number: 101 }, routingError: null });
    expect(call.routingReason).toMatch(/^Open at \w+ \d\d:\d\d \(UTC\)\. Primary extension 101 \(Avery\) is available and within its hours\.$/);
  });

  it('treats a redelivered call event, and a later event for the same ringing call, as no new call', async () => {
    const before = rc.forwardAttempts;
    rc.setParty('s-dup', 'p-dup', 'Setup', { from: '+15555550127' });
    const first = await notifyCall('s-dup', 'p-dup', { uuid: 'uuid-call-redelivered' });
    const again = await rc.deliver(first.body, { event: TELEPHONY_SESSIONS_EVENT, uuid: 'uuid-call-redelivered' });
    expect(JSON.parse(again.text)).toMatchObject({ stored: 0, duplicates: 1 });
    // RingCentral also reports the same ringing call again as Proceeding: a new event, but not a new call.
    await notifyCall('s-dup', 'p-dup', { status: 'Proceeding' });

    expect(rc.forwardAttempts).toBe(before + 1); // routed once: no second forward is even tried
    const { rows } = await db.query(`SELECT status, last_sequence, routing_error FROM phone_call WHERE telephony_session_id = 's-dup'`);
    expect(rows).toEqual([{ status: 'Proceeding', last_sequence: String(sequence), routing_error: null }]);
  });

  it('keeps the newest status when call events arrive out of order', async () => {
    rc.setParty('s-order', 'p-order', 'Setup', { from: '+15555550128' });
    const ringing = rc.telephonySessionBody({ telephonySessionId: 's-order', partyId: 'p-order', sequence: ++sequence, status: 'Setup' });
    const ended = rc.telephonySessionBody({ telephonySessionId: 's-order', partyId: 'p-order', sequence: ++sequence, status: 'Disconnected' });
    await rc.deliver(ended, { event: TELEPHONY_SESSIONS_EVENT, uuid: 'uuid-order-2' });
    await expect.poll(async () => (await eventStatus('uuid-order-2'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
    await rc.deliver(ringing, { event: TELEPHONY_SESSIONS_EVENT, uuid: 'uuid-order-1' });
    await expect.poll(async () => (await eventStatus('uuid-order-1'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');

    // The caller hung up before we saw it ring: nothing to route, and it stays Disconnected.
    const call = await phoneCall('+15555550128');
    expect(call).toMatchObject({ status: 'Disconnected', routedTo: null, routedAt: null });
    expect(rc.forwards.some((f) => f.telephonySessionId === 's-order')).toBe(false);
  });

  it('tries the forward again when RingCentral is briefly unavailable, and routes the call once', async () => {
    const attemptsBefore = rc.forwardAttempts;
    rc.failNextForward({ status: 503 });
    rc.setParty('s-retry', 'p-retry', 'Setup', { from: '+15555550129' });
    const uuid = randomUUID();
    await rc.deliver(rc.telephonySessionBody({ telephonySessionId: 's-retry', partyId: 'p-retry', sequence: ++sequence }), { event: TELEPHONY_SESSIONS_EVENT, uuid });
    await expect.poll(async () => (await eventStatus(uuid))?.status, { timeout: LIVE_MS }).toBe('APPLIED');

    expect(rc.forwardAttempts - attemptsBefore).toBe(2);
    expect(rc.forwards.at(-1)).toEqual({ telephonySessionId: 's-retry', partyId: 'p-retry', body: { phoneNumber: AVERY_PHONE } });
    expect(await phoneCall('+15555550129')).toMatchObject({ routedTo: 'EXTENSION', routingError: null });
  });

  it('sends an after-hours call to voicemail', async () => {
    await setWorkingHours(avery.id, notToday);
    await setWorkingHours(blake.id, notToday);
    try {
      await ring('s-after-hours', 'p-after-hours', AFTER_HOURS_CALLER);
    } finally {
      await setWorkingHours(avery.id, everyDay);
      await setWorkingHours(blake.id, everyDay);
    }
    // The mailbox is the business extension's (the party's extensionId in the event).
    expect(rc.forwards.at(-1)).toEqual({ telephonySessionId: 's-after-hours', partyId: 'p-after-hours', body: { voicemail: '1001' } });
    const call = await phoneCall(AFTER_HOURS_CALLER);
    expect(call).toMatchObject({ routedTo: 'VOICEMAIL', routedExtension: null, routingError: null });
    expect(call.routingReason).toMatch(/^After hours: no extension works at \w+ \d\d:\d\d \(UTC\): to voicemail\.$/);
  });

  it('sends a call in business hours to voicemail when nobody is free', async () => {
    await setWorkingHours(avery.id, everyDay, 'BUSY');
    await setWorkingHours(blake.id, everyDay, 'OFFLINE');
    try {
      await ring('s-busy', 'p-busy', BUSY_CALLER);
    } finally {
      await setWorkingHours(avery.id, everyDay, 'AVAILABLE');
      await setWorkingHours(blake.id, everyDay, 'AVAILABLE');
    }
    expect(rc.forwards.at(-1)!.body).toEqual({ voicemail: '1001' });
    expect((await phoneCall(BUSY_CALLER)).routingReason).toMatch(/but nobody can take the call \(101 \(Avery\) is BUSY; 102 \(Blake\) is OFFLINE\): to voicemail\.$/);
  });
});

describe('voicemail', () => {
  it('puts the transcript in the caller’s PHONE thread, where the assistant answers it, once however it is announced', async () => {
    const transcript = 'Hi, this is Sam. Can you do a hibachi party for 12 people on December 20th?';
    const id = rc.addVoicemail({ from: VOICEMAIL_CALLER, transcript });
    const delivered = await rc.deliver(rc.voicemailBody(id), { event: VOICEMAIL_EVENT });
    expect(delivered.status).toBe(200);

    await expect.poll(async () => (await phoneThread(VOICEMAIL_CALLER))?.messages.length ?? 0, { timeout: LIVE_MS }).toBeGreaterThanOrEqual(2);
    const thread = (await phoneThread(VOICEMAIL_CALLER))!;
    expect(thread.messages[0]).toEqual({ author: 'CUSTOMER', direction: 'INBOUND', channel: 'PHONE', text: transcript, providerMessageId: id });
    expect(thread.messages.filter((m: { author: string }) => m.author === 'AI')).toHaveLength(1);

    // The message store reports the same new voicemail: the inbox already holds it.
    const sameVoicemail = await rc.deliver(rc.messageStoreVoicemailBody([id]), { event: MESSAGE_STORE_EVENT });
    expect(JSON.parse(sameVoicemail.text)).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('waits for a transcript RingCentral is still writing, then threads it', async () => {
    const id = rc.addVoicemail({ from: SLOW_TRANSCRIPT_CALLER, transcriptionStatus: 'InProgress' });
    // Announced by the message store this time.
    expect((await rc.deliver(rc.messageStoreVoicemailBody([id]), { event: MESSAGE_STORE_EVENT })).status).toBe(200);

    await expect.poll(async () => (await eventStatus(`voicemail:${id}`))?.attempts ?? 0, { timeout: LIVE_MS }).toBeGreaterThanOrEqual(1);
    expect(await eventStatus(`voicemail:${id}`)).toMatchObject({ status: 'RETRYING' });
    expect(await phoneThread(SLOW_TRANSCRIPT_CALLER)).toBeNull();

    rc.setVoicemailTranscription(id, 'Completed', 'How much is it for 20 guests?');
    await expect.poll(async () => (await eventStatus(`voicemail:${id}`))?.status, { timeout: 30_000 }).toBe('APPLIED');
    const thread = (await phoneThread(SLOW_TRANSCRIPT_CALLER))!;
    expect(thread.messages[0]).toMatchObject({ author: 'CUSTOMER', text: 'How much is it for 20 guests?', providerMessageId: id });
  }, 40_000);
});

describe('transferCall', () => {
  it('announces the transfer in the caller’s thread, live, then transfers the answered call', async () => {
    // The voicemail caller rings back; the call is answered.
    await ring('s-transfer', 'p-transfer', VOICEMAIL_CALLER);
    rc.setParty('s-transfer', 'p-transfer', 'Answered');
    await notifyCall('s-transfer', 'p-transfer');
    const call = await phoneCall(VOICEMAIL_CALLER);
    expect(call.status).toBe('Answered');

    const thread = (await phoneThread(VOICEMAIL_CALLER))!;
    const staffConsole = wsClient(server.url, `Bearer ${adminToken}`);
    const live = subscribe(staffConsole.client, `subscription($id: ID!) { conversationMessageAdded(conversationId: $id) { message { author text } } }`, { id: thread.id });
    await connected(staffConsole.client);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is registered after the socket opens
    try {
      const response = await graphql(server.url, TRANSFER, { extensionId: blake.id, callId: call.id }, adminToken);
      expect(response.errors).toBeUndefined();
      expect(response.data!.transferCall.userErrors).toEqual([]);
      expect(response.data!.transferCall.call).toMatchObject({ id: call.id, transferredToExtension: { number: 102, employeeName: 'Blake' } });
      expect(response.data!.transferCall.call.transferredAt).not.toBeNull();

      expect(rc.transfers).toEqual([{ telephonySessionId: 's-transfer', partyId: 'p-transfer', body: { phoneNumber: BLAKE_PHONE } }]);
      expect(await live.next(LIVE_MS)).toEqual({ conversationMessageAdded: { message: { author: 'SYSTEM', text: 'Transferring your call to Blake (ext. 102).' } } });
      const after = (await phoneThread(VOICEMAIL_CALLER))!;
      expect(after.messages.at(-1)).toMatchObject({ author: 'SYSTEM', direction: 'OUTBOUND', channel: 'SMS', text: 'Transferring your call to Blake (ext. 102).' });
      // The caller is told too, by text from the business number.
      await expect
        .poll(() => rc.sentSms.filter((sms) => sms.to.includes(VOICEMAIL_CALLER) && sms.text === 'Transferring your call to Blake (ext. 102).').length, { timeout: LIVE_MS })
        .toBe(1);
    } finally {
      live.unsubscribe();
      await staffConsole.client.dispose();
    }
  });

  it('refuses a call that is still ringing, saying why, and transfers and announces nothing', async () => {
    await ring('s-ringing', 'p-ringing', PROCEEDING_CALLER);
    rc.setParty('s-ringing', 'p-ringing', 'Proceeding'); // ringing at Avery's phone, not answered yet
    const call = await phoneCall(PROCEEDING_CALLER);
    const transfersBefore = rc.transfers.length;

    const response = await graphql(server.url, TRANSFER, { extensionId: blake.id, callId: call.id }, adminToken);
    expect(response.data!.transferCall).toEqual({
      call: null,
      userErrors: [
        {
          field: 'callId',
          code: 'CALL_NOT_TRANSFERABLE',
          message: "The call can't be transferred now: it is Proceeding; only answered or held calls can be transferred.",
        },
      ],
    });
    expect(rc.transfers.length).toBe(transfersBefore);
    expect(await phoneThread(PROCEEDING_CALLER)).toBeNull(); // no announcement
    expect((await phoneCall(PROCEEDING_CALLER)).transferredAt).toBeNull();
  });

  it('names the field at fault for an unknown call or extension', async () => {
    const call = await phoneCall(IN_HOURS_CALLER);
    const unknownExtension = Buffer.from(`Extension:${randomUUID()}`).toString('base64url');

    const both = await graphql(server.url, TRANSFER, { extensionId: 'not-an-id', callId: avery.id }, adminToken);
    expect(both.data!.transferCall.call).toBeNull();
    expect(both.data!.transferCall.userErrors).toEqual([
      { field: 'callId', code: 'CALL_NOT_FOUND', message: 'No phone call has this id. Pick the call from the phoneCalls list.' },
      { field: 'extensionId', code: 'EXTENSION_NOT_FOUND', message: 'No extension has this id; it may have been deleted. Reload the list.' },
    ]);
    const extensionOnly = await graphql(server.url, TRANSFER, { extensionId: unknownExtension, callId: call.id }, adminToken);
    expect(extensionOnly.data!.transferCall.userErrors).toEqual([expect.objectContaining({ field: 'extensionId', code: 'EXTENSION_NOT_FOUND' })]);
  });

  it('is for signed-in staff only', async () => {
    const call = await phoneCall(IN_HOURS_CALLER);
    const anonymous = await graphql(server.url, TRANSFER, { extensionId: blake.id, callId: call.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

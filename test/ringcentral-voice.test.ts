import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TELEPHONY_SESSIONS_EVENT,
  MESSAGE_STORE_EVENT,
  VOICEMAIL_EVENT,
  type FakeTranscriptionJob,
} from './support/fake-ringcentral-server';
import { AVERY, createExtension, useApp } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { listenersOf, untilListening } from './support/live';

/**
 * Phone calls through RingCentral, end to end: the real @ringcentral/sdk in the real server
 * talks to a local server speaking RingCentral's wire format. Telephony-session webhooks route
 * a new inbound call by business hours (forwarded to the free extension's phone, or to
 * voicemail) through Call Control; voicemail webhooks bring the transcript into the caller's
 * PHONE thread, where the assistant answers it; an ended call's recording goes to RingCentral's
 * AI speech-to-text, whose callback brings the call's transcript into the thread too; staff
 * transfer an answered call to an extension after it is announced in the thread.
 */

const WEBHOOK_TOKEN = 'test-verification-token-voice-0123';
const LIVE_MS = 15_000;
const AVERY_PHONE = AVERY.phone;
const BLAKE_PHONE = '+15555550112';
// Callers, one per scenario, so each call and thread is told apart.
const IN_HOURS_CALLER = '+15555550121';
const AFTER_HOURS_CALLER = '+15555550122';
const BUSY_CALLER = '+15555550123';
const VOICEMAIL_CALLER = '+15555550124';
const SLOW_TRANSCRIPT_CALLER = '+15555550125';
const PROCEEDING_CALLER = '+15555550126';
const RECORDED_CALLER = '+15555550131';
const SLOW_RECORDING_CALLER = '+15555550132';
const UNTRANSCRIBABLE_CALLER = '+15555550133';
const LONG_CALL_CALLER = '+15555550134';
const NO_AI_CALLER = '+15555550135';
const IN_VOICEMAIL_CALLER = '+15555550146';
const ENDED_CALLER = '+15555550147';
const NOT_RECORDED_CALLER = '+15555550148';
const TRANSFER_CALLER = '+15555550149';
const UNKNOWN_FIELD_CALLER = '+15555550150';
const ANONYMOUS_CALLER = '+15555550151';

const WEEK = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const everyDay = WEEK.map((day) => ({ day, start: '00:00', end: '24:00' }));
// The server's business time zone is UTC here; three days from today is never "now".
const notToday = [{ day: WEEK[(new Date().getUTCDay() + 3) % 7], start: '09:00', end: '17:00' }];

const app = useApp({
  ringCentral: { webhookToken: WEBHOOK_TOKEN },
  env: { BUSINESS_TIME_ZONE: 'UTC', JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '5', JOB_RETRY_DELAY_SECONDS: '1' },
});
// Extension 101 (Avery) is the fixture's, the first and so the primary.
let avery: { id: string };
let blake: { id: string };
let sequence = 0;

beforeAll(async () => {
  avery = { id: app.extension101! };
  blake = { id: await createExtension(app.server.url, app.adminToken, { number: 102, employeeName: 'Blake', role: 'Bookings', phone: BLAKE_PHONE, workingHours: everyDay }) };
});

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
const PHONE_THREADS = `{ conversations(first: 20, channel: PHONE) { edges { node {
  id customer { phone }
  messages(first: 20) { edges { node { author direction channel text providerMessageId } } }
} } } }`;

async function phoneCall(caller: string) {
  const response = await graphql(app.server.url, PHONE_CALLS, {}, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.phoneCalls.edges.map((edge: { node: any }) => edge.node).find((call: { callerNumber: string }) => call.callerNumber === caller) ?? null;
}

async function phoneThread(caller: string) {
  const response = await graphql(app.server.url, PHONE_THREADS, {}, app.adminToken);
  expect(response.errors).toBeUndefined();
  const thread = response.data!.conversations.edges.map((edge: { node: any }) => edge.node).find((node: any) => node.customer.phone === caller);
  return thread ? { id: thread.id as string, messages: thread.messages.edges.map((edge: { node: any }) => edge.node) } : null;
}

async function eventStatus(eventId: string): Promise<{ status: string; attempts: number } | undefined> {
  const { rows } = await app.db.query('SELECT status, attempts FROM webhook_event WHERE event_id = $1', [eventId]);
  return rows[0];
}

/** A call session notification for the party as the fake holds it now; resolves once the server has applied it. */
async function notifyCall(session: string, party: string, options: { uuid?: string; status?: string } = {}) {
  const uuid = options.uuid ?? randomUUID();
  const body = app.rc.telephonySessionBody({ telephonySessionId: session, partyId: party, sequence: ++sequence, status: options.status });
  const delivered = await app.rc.deliver(body, { event: TELEPHONY_SESSIONS_EVENT, uuid });
  expect(delivered.status).toBe(200);
  await expect.poll(async () => (await eventStatus(uuid))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
  return { uuid, body, delivered: JSON.parse(delivered.text) as { stored: number; duplicates: number } };
}

/** A new inbound call ringing at the business. */
function ring(session: string, party: string, caller: string) {
  app.rc.setParty(session, party, 'Setup', { from: caller });
  return notifyCall(session, party);
}

const CALL_TRANSCRIPTS = `{ phoneCalls(first: 50) { edges { node { callerNumber transcription transcriptionError transcript } } } }`;

async function callTranscript(caller: string) {
  const response = await graphql(app.server.url, CALL_TRANSCRIPTS, {}, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.phoneCalls.edges.map((edge: { node: any }) => edge.node).find((call: { callerNumber: string }) => call.callerNumber === caller) ?? null;
}

/** A recorded call is answered and ends; returns its recording id. */
async function recordedCallEnds(session: string, caller: string, options: { recordingAvailable?: boolean } = {}): Promise<string> {
  const recordingId = app.rc.addRecording({ available: options.recordingAvailable ?? true });
  app.rc.setParty(session, `${session}-party`, 'Answered', { from: caller, recordingId });
  await notifyCall(session, `${session}-party`);
  app.rc.setParty(session, `${session}-party`, 'Disconnected');
  await notifyCall(session, `${session}-party`);
  return recordingId;
}

/** The speech-to-text job the server started for this recording. */
async function transcriptionJob(recordingId: string): Promise<FakeTranscriptionJob> {
  const ofRecording = () => app.rc.transcriptionJobs.find((job) => String(job.request.contentUri).includes(`/recording/${recordingId}/content`));
  await expect.poll(ofRecording, { timeout: LIVE_MS }).toBeDefined();
  return ofRecording()!;
}

async function setWorkingHours(extensionId: string, hours: unknown, status = 'AVAILABLE') {
  const response = await graphql(
    app.server.url,
    `mutation($input: UpdateExtensionInput!) { updateExtension(input: $input) { userErrors { field message } } }`,
    { input: { id: extensionId, workingHours: hours, status } },
    app.adminToken,
  );
  expect(response.data?.updateExtension.userErrors).toEqual([]);
}

describe('the webhook subscription', () => {
  it('asks for call status and voicemail events besides the SMS ones', async () => {
    await expect.poll(() => app.rc.subscriptions.filter((s) => !s.deleted).length, { timeout: LIVE_MS }).toBe(1);
    expect(app.rc.subscriptions[0].eventFilters).toEqual(
      expect.arrayContaining(['/restapi/v1.0/account/~/extension/~/telephony/sessions', '/restapi/v1.0/account/~/extension/~/voicemail', '/restapi/v1.0/account/~/extension/~/message-store']),
    );
  });
});

describe('inbound calls routed by business hours', () => {
  it('forwards a call in business hours to the primary extension’s phone, and records why', async () => {
    await ring('s-in-hours', 'p-in-hours', IN_HOURS_CALLER);

    expect(app.rc.forwards.filter((f) => f.telephonySessionId === 's-in-hours')).toEqual([{ telephonySessionId: 's-in-hours', partyId: 'p-in-hours', body: { phoneNumber: AVERY_PHONE } }]);
    const call = await phoneCall(IN_HOURS_CALLER);
    expect(call).toMatchObject({ status: 'RINGING', routedTo: 'EXTENSION', routedExtension: { number: 101 }, routingError: null });
    expect(call.routingReason).toMatch(/^Open at \w+ \d\d:\d\d \(UTC\)\. Primary extension 101 \(Avery\) is available and within its hours\.$/);
  });

  it('treats a redelivered call event, and a later event for the same ringing call, as no new call', async () => {
    const before = app.rc.forwardAttempts;
    app.rc.setParty('s-dup', 'p-dup', 'Setup', { from: '+15555550127' });
    const first = await notifyCall('s-dup', 'p-dup', { uuid: 'uuid-call-redelivered' });
    const again = await app.rc.deliver(first.body, { event: TELEPHONY_SESSIONS_EVENT, uuid: 'uuid-call-redelivered' });
    expect(JSON.parse(again.text)).toMatchObject({ stored: 0, duplicates: 1 });
    // RingCentral also reports the same ringing call again as Proceeding: a new event, but not a new call.
    await notifyCall('s-dup', 'p-dup', { status: 'Proceeding' });

    expect(app.rc.forwardAttempts).toBe(before + 1); // routed once: no second forward is even tried
    // Still ringing to us; RingCentral's own word is kept beside it for debugging.
    const { rows } = await app.db.query(`SELECT status, provider_status, last_sequence, routing_error FROM phone_call WHERE telephony_session_id = 's-dup'`);
    expect(rows).toEqual([{ status: 'RINGING', provider_status: 'Proceeding', last_sequence: String(sequence), routing_error: null }]);
  });

  it('keeps the newest status when call events arrive out of order', async () => {
    app.rc.setParty('s-order', 'p-order', 'Setup', { from: '+15555550128' });
    const ringing = app.rc.telephonySessionBody({ telephonySessionId: 's-order', partyId: 'p-order', sequence: ++sequence, status: 'Setup' });
    const ended = app.rc.telephonySessionBody({ telephonySessionId: 's-order', partyId: 'p-order', sequence: ++sequence, status: 'Disconnected' });
    await app.rc.deliver(ended, { event: TELEPHONY_SESSIONS_EVENT, uuid: 'uuid-order-2' });
    await expect.poll(async () => (await eventStatus('uuid-order-2'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');
    await app.rc.deliver(ringing, { event: TELEPHONY_SESSIONS_EVENT, uuid: 'uuid-order-1' });
    await expect.poll(async () => (await eventStatus('uuid-order-1'))?.status, { timeout: LIVE_MS }).toBe('APPLIED');

    // The caller hung up before we saw it ring: nothing to route, and it stays ended.
    const call = await phoneCall('+15555550128');
    expect(call).toMatchObject({ status: 'ENDED', routedTo: null, routedAt: null });
    expect(app.rc.forwards.some((f) => f.telephonySessionId === 's-order')).toBe(false);
  });

  it('tries the forward again when RingCentral is briefly unavailable, and routes the call once', async () => {
    const attemptsBefore = app.rc.forwardAttempts;
    app.rc.failNextForward({ status: 503 });
    app.rc.setParty('s-retry', 'p-retry', 'Setup', { from: '+15555550129' });
    const uuid = randomUUID();
    await app.rc.deliver(app.rc.telephonySessionBody({ telephonySessionId: 's-retry', partyId: 'p-retry', sequence: ++sequence }), { event: TELEPHONY_SESSIONS_EVENT, uuid });
    await expect.poll(async () => (await eventStatus(uuid))?.status, { timeout: LIVE_MS }).toBe('APPLIED');

    expect(app.rc.forwardAttempts - attemptsBefore).toBe(2);
    expect(app.rc.forwards.filter((f) => f.telephonySessionId === 's-retry')).toEqual([{ telephonySessionId: 's-retry', partyId: 'p-retry', body: { phoneNumber: AVERY_PHONE } }]);
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
    expect(app.rc.forwards.filter((f) => f.telephonySessionId === 's-after-hours')).toEqual([{ telephonySessionId: 's-after-hours', partyId: 'p-after-hours', body: { voicemail: '1001' } }]);
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
    expect(app.rc.forwards.filter((f) => f.telephonySessionId === 's-busy').map((f) => f.body)).toEqual([{ voicemail: '1001' }]);
    expect((await phoneCall(BUSY_CALLER)).routingReason).toMatch(/but nobody can take the call \(101 \(Avery\) is BUSY; 102 \(Blake\) is OFFLINE\): to voicemail\.$/);
  });
});

describe('voicemail', () => {
  it('puts the transcript in the caller’s PHONE thread, where the assistant answers it, once however it is announced', async () => {
    const transcript = 'Hi, this is Sam. Can you do a hibachi party for 12 people on December 20th?';
    const id = app.rc.addVoicemail({ from: VOICEMAIL_CALLER, transcript });
    const delivered = await app.rc.deliver(app.rc.voicemailBody(id), { event: VOICEMAIL_EVENT });
    expect(delivered.status).toBe(200);

    await expect.poll(async () => (await phoneThread(VOICEMAIL_CALLER))?.messages.length ?? 0, { timeout: LIVE_MS }).toBeGreaterThanOrEqual(2);
    const thread = (await phoneThread(VOICEMAIL_CALLER))!;
    expect(thread.messages[0]).toEqual({ author: 'CUSTOMER', direction: 'INBOUND', channel: 'PHONE', text: transcript, providerMessageId: id });
    expect(thread.messages.filter((m: { author: string }) => m.author === 'AI')).toHaveLength(1);

    // The message store reports the same new voicemail: the inbox already holds it.
    const sameVoicemail = await app.rc.deliver(app.rc.messageStoreVoicemailBody([id]), { event: MESSAGE_STORE_EVENT });
    expect(JSON.parse(sameVoicemail.text)).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('waits for a transcript RingCentral is still writing, then threads it', async () => {
    const id = app.rc.addVoicemail({ from: SLOW_TRANSCRIPT_CALLER, transcriptionStatus: 'InProgress' });
    // Announced by the message store this time.
    expect((await app.rc.deliver(app.rc.messageStoreVoicemailBody([id]), { event: MESSAGE_STORE_EVENT })).status).toBe(200);

    await expect.poll(async () => (await eventStatus(`voicemail:${id}`))?.attempts ?? 0, { timeout: LIVE_MS }).toBeGreaterThanOrEqual(1);
    expect(await eventStatus(`voicemail:${id}`)).toMatchObject({ status: 'RETRYING' });
    expect(await phoneThread(SLOW_TRANSCRIPT_CALLER)).toBeNull();

    app.rc.setVoicemailTranscription(id, 'Completed', 'How much is it for 20 guests?');
    await expect.poll(async () => (await eventStatus(`voicemail:${id}`))?.status, { timeout: 30_000 }).toBe('APPLIED');
    const thread = (await phoneThread(SLOW_TRANSCRIPT_CALLER))!;
    expect(thread.messages[0]).toMatchObject({ author: 'CUSTOMER', text: 'How much is it for 20 guests?', providerMessageId: id });
  }, 40_000);
});

describe('recorded calls', () => {
  it('sends an ended call’s recording to speech-to-text and puts the transcript, speaker by speaker, in the caller’s PHONE thread, where the assistant answers it', async () => {
    const recordingId = await recordedCallEnds('s-recorded', RECORDED_CALLER);
    const job = await transcriptionJob(recordingId);
    // RingCentral AI fetches the recording itself: its address carries our access token, as RingCentral documents.
    const contentUri = new URL(String(job.request.contentUri));
    expect(contentUri.pathname).toBe(`/restapi/v1.0/account/1000/recording/${recordingId}/content`);
    expect(contentUri.searchParams.get('access_token')).toMatch(/^at-/);
    expect(job.request).toMatchObject({ encoding: 'Mpeg', languageCode: 'en-US', enableSpeakerDiarization: true });
    expect(new URL(job.webhook).pathname).toBe('/webhooks/ringcentral-ai');
    await expect.poll(async () => (await callTranscript(RECORDED_CALLER)).transcription, { timeout: LIVE_MS }).toBe('REQUESTED');

    const turns = [
      { speakerId: '0', text: 'Thanks for calling Hibachi Catering, this is Avery.' },
      { speakerId: '1', text: 'Hi, can you do a hibachi dinner for 15 guests on December 12th?' },
      { speakerId: '1', text: 'Around 6 pm.' },
    ];
    const answer = await app.rc.completeTranscription(job.jobId, { utterances: turns });
    expect(answer.status).toBe(200);

    const transcript =
      'Speaker 1: Thanks for calling Hibachi Catering, this is Avery.\nSpeaker 2: Hi, can you do a hibachi dinner for 15 guests on December 12th? Around 6 pm.';
    await expect.poll(async () => (await phoneThread(RECORDED_CALLER))?.messages.length ?? 0, { timeout: LIVE_MS }).toBeGreaterThanOrEqual(2);
    const thread = (await phoneThread(RECORDED_CALLER))!;
    expect(thread.messages[0]).toEqual({ author: 'CUSTOMER', direction: 'INBOUND', channel: 'PHONE', text: `Call transcript:\n${transcript}`, providerMessageId: `recording:${recordingId}` });
    expect(thread.messages.filter((m: { author: string }) => m.author === 'AI')).toHaveLength(1);
    expect(await callTranscript(RECORDED_CALLER)).toMatchObject({ transcription: 'TRANSCRIBED', transcriptionError: null, transcript });

    // The same result delivered again is one event: nothing more in the thread.
    const again = await app.rc.completeTranscription(job.jobId, { utterances: turns });
    expect(JSON.parse(again.text)).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await phoneThread(RECORDED_CALLER))!.messages).toHaveLength(thread.messages.length);
    // A call that was not recorded has nothing to transcribe.
    await ring('s-not-recorded', 'p-not-recorded', NOT_RECORDED_CALLER);
    expect((await callTranscript(NOT_RECORDED_CALLER)).transcription).toBeNull();
  });

  it('waits for a recording RingCentral has not listed yet, then transcribes it', async () => {
    const lookupsBefore = app.rc.recordingLookups;
    const recordingId = await recordedCallEnds('s-slow-recording', SLOW_RECORDING_CALLER, { recordingAvailable: false });
    await expect.poll(() => app.rc.recordingLookups - lookupsBefore, { timeout: LIVE_MS }).toBeGreaterThanOrEqual(1);
    expect(app.rc.transcriptionJobs.some((job) => String(job.request.contentUri).includes(recordingId))).toBe(false);
    expect((await callTranscript(SLOW_RECORDING_CALLER)).transcription).toBe('PENDING');

    app.rc.setRecordingAvailable(recordingId);
    const job = await transcriptionJob(recordingId);
    expect((await app.rc.completeTranscription(job.jobId, { utterances: [{ speakerId: '0', text: 'Do you travel to Sugar Land?' }] })).status).toBe(200);
    await expect.poll(async () => (await callTranscript(SLOW_RECORDING_CALLER)).transcription, { timeout: LIVE_MS }).toBe('TRANSCRIBED');
  }, 40_000);

  it('tries again when speech-to-text is briefly unavailable, and records a refusal on the call without retrying', async () => {
    const attemptsBefore = app.rc.transcriptionAttempts;
    app.rc.failNextTranscription(503);
    const retried = await recordedCallEnds('s-stt-503', '+15555550136');
    await transcriptionJob(retried);
    expect(app.rc.transcriptionAttempts - attemptsBefore).toBe(2);

    app.rc.failNextTranscription(403); // an app without the AI permission
    const refused = await recordedCallEnds('s-stt-403', NO_AI_CALLER);
    await expect.poll(async () => (await callTranscript(NO_AI_CALLER)).transcription, { timeout: LIVE_MS }).toBe('FAILED');
    expect((await callTranscript(NO_AI_CALLER)).transcriptionError).toBe('RingCentral could not start transcribing the recording: Application does not have the AI permission (CAI-103)');
    expect(app.rc.transcriptionAttempts - attemptsBefore).toBe(3);
    expect(app.rc.transcriptionJobs.some((job) => String(job.request.contentUri).includes(refused))).toBe(false);
  });

  it('records a transcription RingCentral could not do, and adds nothing to the thread', async () => {
    const recordingId = await recordedCallEnds('s-untranscribable', UNTRANSCRIBABLE_CALLER);
    const job = await transcriptionJob(recordingId);
    expect((await app.rc.completeTranscription(job.jobId, { failure: 'Audio is too short' })).status).toBe(200);

    await expect.poll(async () => (await callTranscript(UNTRANSCRIBABLE_CALLER)).transcription, { timeout: LIVE_MS }).toBe('FAILED');
    expect((await callTranscript(UNTRANSCRIBABLE_CALLER)).transcriptionError).toBe('RingCentral could not transcribe the recording (Fail): Audio is too short');
    expect(await phoneThread(UNTRANSCRIBABLE_CALLER)).toBeNull();
  });

  it('takes a long call’s result over 1 MB, keeps the whole transcript on the call and cuts the thread message to the message length', async () => {
    const recordingId = await recordedCallEnds('s-long-call', LONG_CALL_CALLER);
    const job = await transcriptionJob(recordingId);
    const sentence = 'We would like the filet mignon and shrimp combo for everyone please. ';
    const turns = Array.from({ length: 40 }, (_, turn) => ({ speakerId: String(turn % 2), text: sentence.repeat(20).trim() }));

    expect((await app.rc.completeTranscription(job.jobId, { utterances: turns })).status).toBe(200);
    await expect.poll(async () => (await callTranscript(LONG_CALL_CALLER)).transcription, { timeout: LIVE_MS }).toBe('TRANSCRIBED');
    expect((await callTranscript(LONG_CALL_CALLER)).transcript.split('\n')).toHaveLength(40);
    const message = (await phoneThread(LONG_CALL_CALLER))!.messages[0];
    expect([...message.text]).toHaveLength(2000);
    expect(message.text.endsWith('…')).toBe(true);
  });

  it('refuses a result without its call’s token, or with another call’s, and stores nothing', async () => {
    const recordingId = await recordedCallEnds('s-forged', '+15555550137');
    const job = await transcriptionJob(recordingId);
    const otherCall = new URL((await transcriptionJob(await recordedCallEnds('s-forged-other', '+15555550138'))).webhook).searchParams.get('call')!;
    const address = (change: (url: URL) => void) => {
      const url = new URL(job.webhook);
      change(url);
      return url.toString();
    };
    const utterances = [{ speakerId: '0', text: 'Forged transcript' }];

    const unsigned = await app.rc.completeTranscription(job.jobId, { utterances }, { webhook: address((url) => url.searchParams.delete('token')) });
    expect(unsigned.status).toBe(401);
    const tampered = await app.rc.completeTranscription(job.jobId, { utterances }, { webhook: address((url) => url.searchParams.set('token', 'A'.repeat(43))) });
    expect(tampered.status).toBe(403);
    const forOtherCall = await app.rc.completeTranscription(job.jobId, { utterances }, { webhook: address((url) => url.searchParams.set('call', otherCall)) });
    expect(forOtherCall.status).toBe(403);
    expect(await eventStatus(`speech-to-text:${job.jobId}`)).toBeUndefined();
  });
});

describe('transferCall', () => {
  it('announces the transfer in the caller’s thread, live, then transfers the answered call', async () => {
    // A caller who left a voicemail (so has a PHONE thread) rings back; the call is answered.
    const voicemail = app.rc.addVoicemail({ from: TRANSFER_CALLER, transcript: 'Hi, please call me back about a party on the 20th.' });
    expect((await app.rc.deliver(app.rc.voicemailBody(voicemail), { event: VOICEMAIL_EVENT })).status).toBe(200);
    await expect.poll(async () => (await phoneThread(TRANSFER_CALLER))?.messages.length ?? 0, { timeout: LIVE_MS }).toBeGreaterThanOrEqual(2);
    await ring('s-transfer', 'p-transfer', TRANSFER_CALLER);
    app.rc.setParty('s-transfer', 'p-transfer', 'Answered');
    await notifyCall('s-transfer', 'p-transfer');
    const call = await phoneCall(TRANSFER_CALLER);
    expect(call.status).toBe('ANSWERED');

    const thread = (await phoneThread(TRANSFER_CALLER))!;
    const listeners = await listenersOf(app.server, 'CONVERSATION_MESSAGE_ADDED');
    const staffConsole = wsClient(app.server.url, `Bearer ${app.adminToken}`);
    const live = subscribe(staffConsole.client, `subscription($id: ID!) { conversationMessageAdded(conversationId: $id) { message { author text } } }`, { id: thread.id });
    await connected(staffConsole.client);
    // Once the server counts one more listener on the topic, the subscription is live.
    await untilListening(app.server, 'CONVERSATION_MESSAGE_ADDED', { atLeast: listeners + 1 });
    try {
      const response = await graphql(app.server.url, TRANSFER, { extensionId: blake.id, callId: call.id }, app.adminToken);
      expect(response.errors).toBeUndefined();
      expect(response.data!.transferCall.userErrors).toEqual([]);
      expect(response.data!.transferCall.call).toMatchObject({ id: call.id, transferredToExtension: { number: 102, employeeName: 'Blake' } });
      expect(response.data!.transferCall.call.transferredAt).not.toBeNull();

      expect(app.rc.transfers.filter((t) => t.telephonySessionId === 's-transfer')).toEqual([{ telephonySessionId: 's-transfer', partyId: 'p-transfer', body: { phoneNumber: BLAKE_PHONE } }]);
      expect(await live.next(LIVE_MS)).toEqual({ conversationMessageAdded: { message: { author: 'SYSTEM', text: 'Transferring your call to Blake (ext. 102).' } } });
      const after = (await phoneThread(TRANSFER_CALLER))!;
      expect(after.messages.at(-1)).toMatchObject({ author: 'SYSTEM', direction: 'OUTBOUND', channel: 'SMS', text: 'Transferring your call to Blake (ext. 102).' });
      // The caller is told too, by text from the business number.
      await expect
        .poll(() => app.rc.sentSms.filter((sms) => sms.to.includes(TRANSFER_CALLER) && sms.text === 'Transferring your call to Blake (ext. 102).').length, { timeout: LIVE_MS })
        .toBe(1);
    } finally {
      live.unsubscribe();
      await staffConsole.client.dispose();
    }
  });

  it('refuses a call that is still ringing, saying why, and transfers and announces nothing', async () => {
    await ring('s-ringing', 'p-ringing', PROCEEDING_CALLER);
    app.rc.setParty('s-ringing', 'p-ringing', 'Proceeding'); // ringing at Avery's phone, not answered yet
    const call = await phoneCall(PROCEEDING_CALLER);
    const transfersBefore = app.rc.transfers.length;

    const response = await graphql(app.server.url, TRANSFER, { extensionId: blake.id, callId: call.id }, app.adminToken);
    expect(response.data!.transferCall).toEqual({
      call: null,
      userErrors: [
        {
          field: 'callId',
          code: 'CALL_NOT_TRANSFERABLE',
          message: "The call can't be transferred now: it is still ringing; only answered or held calls can be transferred.",
        },
      ],
    });
    expect(app.rc.transfers.length).toBe(transfersBefore);
    expect(await phoneThread(PROCEEDING_CALLER)).toBeNull(); // no announcement
    expect((await phoneCall(PROCEEDING_CALLER)).transferredAt).toBeNull();
  });

  it('refuses a call that went to voicemail or has ended, in words staff know', async () => {
    await ring('s-in-voicemail', 'p-in-voicemail', IN_VOICEMAIL_CALLER);
    app.rc.setParty('s-in-voicemail', 'p-in-voicemail', 'VoiceMail');
    await ring('s-ended', 'p-ended', ENDED_CALLER);
    app.rc.setParty('s-ended', 'p-ended', 'Disconnected');
    const transfersBefore = app.rc.transfers.length;

    const inVoicemail = await graphql(app.server.url, TRANSFER, { extensionId: blake.id, callId: (await phoneCall(IN_VOICEMAIL_CALLER)).id }, app.adminToken);
    expect(inVoicemail.data!.transferCall.userErrors).toEqual([
      { field: 'callId', code: 'CALL_NOT_TRANSFERABLE', message: "The call can't be transferred now: it went to voicemail; only answered or held calls can be transferred." },
    ]);
    const ended = await graphql(app.server.url, TRANSFER, { extensionId: blake.id, callId: (await phoneCall(ENDED_CALLER)).id }, app.adminToken);
    expect(ended.data!.transferCall.userErrors).toEqual([{ field: 'callId', code: 'CALL_ENDED', message: "The call has ended, so it can't be transferred." }]);
    expect(app.rc.transfers.length).toBe(transfersBefore);
    expect(await phoneThread(IN_VOICEMAIL_CALLER)).toBeNull();
    expect(await phoneThread(ENDED_CALLER)).toBeNull();
  });

  it('names the field at fault for an unknown call or extension', async () => {
    await ring('s-unknown-field', 'p-unknown-field', UNKNOWN_FIELD_CALLER);
    const call = await phoneCall(UNKNOWN_FIELD_CALLER);
    const unknownExtension = Buffer.from(`Extension:${randomUUID()}`).toString('base64url');

    const both = await graphql(app.server.url, TRANSFER, { extensionId: 'not-an-id', callId: avery.id }, app.adminToken);
    expect(both.data!.transferCall.call).toBeNull();
    expect(both.data!.transferCall.userErrors).toEqual([
      { field: 'callId', code: 'CALL_NOT_FOUND', message: 'No phone call has this id. Pick the call from the phoneCalls list.' },
      { field: 'extensionId', code: 'EXTENSION_NOT_FOUND', message: 'No extension has this id; it may have been deleted. Reload the list.' },
    ]);
    const extensionOnly = await graphql(app.server.url, TRANSFER, { extensionId: unknownExtension, callId: call.id }, app.adminToken);
    expect(extensionOnly.data!.transferCall.userErrors).toEqual([expect.objectContaining({ field: 'extensionId', code: 'EXTENSION_NOT_FOUND' })]);
  });

  it('is for signed-in staff only', async () => {
    await ring('s-anonymous', 'p-anonymous', ANONYMOUS_CALLER);
    const call = await phoneCall(ANONYMOUS_CALLER);
    const anonymous = await graphql(app.server.url, TRANSFER, { extensionId: blake.id, callId: call.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

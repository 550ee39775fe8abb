import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { untilQueueIdle, useApp, type App } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { listenersOf, untilListening } from './support/live';
import { startTestServer } from './support/test-server';

const START = `mutation { startWebChatSession { sessionToken userErrors { message } } }`;
const SEND = `mutation Send($token: String!, $text: String!) { sendWebChatMessage(sessionToken: $token, text: $text) { message { id text author } reply { text author } userErrors { field message code } } }`;
const REPLIES = `subscription Replies($token: String!) { webChatReply(sessionToken: $token) { text author } }`;
const RAISED = `subscription { escalationRaised { id reason status assignedExtension { number } handoff { reasonText lastCustomerMessage details { field value confidence } } conversation { id } } }`;
const TAKE_OVER = `mutation($id: ID!) { takeOverConversation(conversationId: $id) { conversation { aiPaused stage heldBy { email } } escalation { status } userErrors { code message } } }`;
const REPLY = `mutation($id: ID!, $text: String!) { sendStaffReply(conversationId: $id, text: $text) { message { text author } userErrors { code message } } }`;
const RELEASE = `mutation($id: ID!) { releaseConversation(conversationId: $id) { conversation { aiPaused stage } userErrors { code } } }`;
const RESOLVE = `mutation($id: ID!) { resolveEscalation(escalationId: $id) { escalation { status } userErrors { code message } } }`;
const CONVERSATION = `query($id: ID!) { conversation(id: $id) { stage aiPaused channel customer { name phone } bookingDraft { field value } booking { partySize eventDate startTime address status } messages(first: 100) { edges { node { author text direction } } } } }`;

// Extension 101 is always in hours and available, so escalations are assigned.
const app = useApp({ env: { ESCALATION_SWEEP_SECONDS: '1', BUSINESS_TIME_ZONE: 'America/New_York' } });

async function outbox(): Promise<Array<{ to_number: string; body: string; purpose: string }>> {
  const { rows } = await app.db.query('SELECT to_number, body, purpose FROM sms_outbox ORDER BY created_at');
  return rows;
}

/** The channel of a web-chat session's replies is named after the hash of its token. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

async function chat(on: Pick<App, 'server'> = app) {
  const token = (await graphql(on.server.url, START)).data!.startWebChatSession.sessionToken as string;
  return {
    token,
    async send(text: string) {
      const response = await graphql(on.server.url, SEND, { token, text });
      expect(response.errors).toBeUndefined();
      return response.data!.sendWebChatMessage;
    },
  };
}

describe('web chat with the assistant', () => {
  it('gathers the details, reads them back, and books only after the customer confirms', async () => {
    const { send } = await chat();
    const first = await send("Hi! I'd like to book a hibachi party for 12 people on Dec 20th at 6pm");
    expect(first.reply.author).toBe('AI');
    expect(first.reply.text).toMatch(/address/i);
    expect((await send('123 Main St, Sacramento, CA 95814')).reply.text).toMatch(/name/i);
    expect((await send('My name is Dana Reyes')).reply.text).toMatch(/phone/i);
    const readBack = await send('you can text me at (555) 555-0123');
    expect(readBack.reply.text).toMatch(/12 guests on .*Dec 20.* at 6:00 PM, at 123 Main St/);
    expect(readBack.reply.text).toMatch(/Shall I book it/);

    const booked = await send('yes, that is correct');
    expect(booked.reply.text).toMatch(/You're booked/);
    expect(booked.reply.text).toMatch(/texting our booking terms to your phone now/);
    const conversationId = await latestConversationId();
    const conversation = (await graphql(app.server.url, CONVERSATION, { id: conversationId }, app.adminToken)).data!.conversation;
    expect(conversation.stage).toBe('BOOKED');
    expect(conversation.booking).toEqual({ partySize: 12, eventDate: expect.stringMatching(/-12-20$/), startTime: '18:00', address: expect.stringContaining('123 Main St'), status: 'PENDING_TERMS' });
    expect(conversation.customer).toEqual({ name: 'Dana Reyes', phone: '+15555550123' });
    expect(conversation.messages.edges).toHaveLength(10);
    // The terms went by text to the number given, in the customer's SMS thread.
    const sms = (await graphql(app.server.url, `{ conversations(first: 1, channel: SMS) { edges { node { stage customer { name } messages(first: 5) { edges { node { author text } } } } } } }`, {}, app.adminToken)).data!.conversations.edges[0].node;
    expect(sms).toMatchObject({ stage: 'BOOKED', customer: { name: 'Dana Reyes' } });
    expect(sms.messages.edges.map((edge: any) => edge.node)).toEqual([{ author: 'SYSTEM', text: expect.stringMatching(/please read our terms at .*\/terms\/\S+ and reply I AGREE/) }]);
  });

  it('answers bad input with userErrors and stores nothing', async () => {
    const { token } = await chat();
    for (const [text, code] of [
      ['   ', 'EMPTY_MESSAGE'],
      ['x'.repeat(2001), 'MESSAGE_TOO_LONG'],
      ['\u0000\u0001\u0002', 'UNREADABLE_MESSAGE'],
    ]) {
      const response = await graphql(app.server.url, SEND, { token, text });
      expect(response.data!.sendWebChatMessage.userErrors[0].code).toBe(code);
    }
    const unknown = await graphql(app.server.url, SEND, { token: 'wcs_nobody', text: 'hello' });
    expect(unknown.data!.sendWebChatMessage.userErrors).toEqual([expect.objectContaining({ field: 'sessionToken', code: 'UNKNOWN_SESSION' })]);
    const emoji = await graphql(app.server.url, SEND, { token, text: '🎉🎉' });
    expect(emoji.data!.sendWebChatMessage.reply.author).toBe('AI');
  });
});

describe('web chat sessions', () => {
  it('keeps only a hash of the session token, and expires a chat left unused', async () => {
    const { token, send } = await chat();
    expect((await send('Hello!')).reply.author).toBe('AI');
    const { db } = app;
    {
      const hash = tokenHash(token);
      const stored = await db.query(`SELECT token_hash, expires_at > now() + interval '29 days' AS lasts FROM web_chat_session WHERE token_hash IN ($1, $2)`, [token, hash]);
      expect(stored.rows).toEqual([{ token_hash: hash, lasts: true }]);

      await db.query(`UPDATE web_chat_session SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [hash]);
      const expired = await graphql(app.server.url, SEND, { token, text: 'Are you still there?' });
      expect(expired.data!.sendWebChatMessage.userErrors).toEqual([
        { field: 'sessionToken', code: 'UNKNOWN_SESSION', message: 'This chat has expired or does not exist. Start a new chat.' },
      ]);
      expect(await webChatSocket(token).closed).toBe(4403);
    }
  });

  it('gives a chat its own history, oldest first, and nothing to a token it does not know or that expired', async () => {
    const HISTORY = `query($token: String!) { webChatHistory(sessionToken: $token) { author text } }`;
    const mine = await chat();
    const other = await chat();
    await mine.send('Hello!');
    await other.send('Do you travel to Fremont?');
    const history = await graphql(app.server.url, HISTORY, { token: mine.token });
    expect(history.errors).toBeUndefined();
    expect(history.data!.webChatHistory.map((message: { author: string }) => message.author)).toEqual(['CUSTOMER', 'AI']);
    expect(history.data!.webChatHistory[0].text).toBe('Hello!');

    expect((await graphql(app.server.url, HISTORY, { token: 'wcs_not-a-real-token' })).data!.webChatHistory).toEqual([]);
    await app.db.query(`UPDATE web_chat_session SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [tokenHash(other.token)]);
    expect((await graphql(app.server.url, HISTORY, { token: other.token })).data!.webChatHistory).toEqual([]);
  });
});

describe('escalation and live takeover', () => {
  it('raises, routes and alerts; staff take over and reply; the customer hears it; the AI stays silent', async () => {
    const staff = wsClient(app.server.url, `Bearer ${app.adminToken}`);
    const raised = subscribe(staff.client, RAISED);
    await connected(staff.client);

    const { token, send } = await chat();
    const replyListeners = await listenersOf(app.server, 'WEB_CHAT_REPLY');
    const customerWs = webChatSocket(token);
    const replies = subscribe(customerWs.client, REPLIES, { token });
    await connected(customerWs.client);
    // The server says nothing when a subscription is live: it counts its listeners per topic.
    // This is the only staff console of the file.
    await untilListening(app.server, 'ESCALATION_RAISED', { atLeast: 1 });
    await untilListening(app.server, 'WEB_CHAT_REPLY', { atLeast: replyListeners + 1 });

    await send('Party of 8 on Dec 24th please');
    expect((await replies.next()).webChatReply.author).toBe('AI');
    const escalating = await send('This is not working, I want to speak to a human');
    expect(escalating.reply.text).toMatch(/connecting you with a member of our team/);
    expect((await replies.next()).webChatReply.text).toMatch(/member of our team/);

    const event = (await raised.next()).escalationRaised;
    expect(event).toMatchObject({ reason: 'HUMAN_REQUEST', status: 'ASSIGNED', assignedExtension: { number: 101 } });
    expect(event.handoff.lastCustomerMessage).toMatch(/speak to a human/);
    expect(event.handoff.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'partySize', value: '8' })]));
    // The thread shows the extension it went to, and the console's "assigned to" filter finds it.
    const assigned = await graphql(
      app.server.url,
      `query($id: ID!) { conversation(id: $id) { assignedExtension { number } } }`,
      { id: event.conversation.id },
      app.adminToken,
    );
    expect(assigned.data!.conversation.assignedExtension).toEqual({ number: 101 });
    // The alert goes out through the durable send queue, moments after the commit.
    const lastAlert = async () => (await outbox()).filter((sms) => sms.purpose === 'ESCALATION_ALERT').at(-1);
    await expect
      .poll(lastAlert, { timeout: 10_000 })
      .toEqual({ to_number: '+15555550111', purpose: 'ESCALATION_ALERT', body: 'Incoming escalated chat from a customer: The customer asked for a person.' });

    // The AI is silent while escalated.
    expect((await send('hello? anyone there?')).reply).toBeNull();

    const conversationId = event.conversation.id;
    const taken = await graphql(app.server.url, TAKE_OVER, { id: conversationId }, app.adminToken);
    expect(taken.data!.takeOverConversation).toMatchObject({ conversation: { aiPaused: true, stage: 'ESCALATED' }, escalation: { status: 'TAKEN_OVER' }, userErrors: [] });
    // The customer, told a person would reply, hears who joined.
    expect(await replies.next()).toEqual({ webChatReply: { text: 'Administrator from Hibachi at Home joined the chat.', author: 'SYSTEM' } });

    // Someone else cannot take it or reply in it.
    await graphql(app.server.url, `mutation { createStaffUser(input: { email: "sam@example.test", displayName: "Sam", password: "sam password 1234", role: STAFF }) { userErrors { message } } }`, {}, app.adminToken);
    const samToken = await app.server.login('sam@example.test', 'sam password 1234');
    const stolen = await graphql(app.server.url, TAKE_OVER, { id: conversationId }, samToken);
    expect(stolen.data!.takeOverConversation.userErrors[0]).toMatchObject({ code: 'HELD_BY_SOMEONE_ELSE', message: expect.stringMatching(/Administrator is handling/) });
    const samReply = await graphql(app.server.url, REPLY, { id: conversationId, text: 'hi' }, samToken);
    expect(samReply.data!.sendStaffReply.userErrors[0].code).toBe('NOT_HOLDING');

    const reply = await graphql(app.server.url, REPLY, { id: conversationId, text: 'Hi, this is Avery. How can I help?' }, app.adminToken);
    expect(reply.data!.sendStaffReply.message).toEqual({ text: 'Hi, this is Avery. How can I help?', author: 'STAFF' });
    expect(await replies.next()).toEqual({ webChatReply: { text: 'Hi, this is Avery. How can I help?', author: 'STAFF' } });

    const released = await graphql(app.server.url, RELEASE, { id: conversationId }, app.adminToken);
    expect(released.data!.releaseConversation.conversation).toEqual({ aiPaused: false, stage: 'COLLECTING_DETAILS' });
    expect((await send('What time can the chef arrive?')).reply.author).toBe('AI');

    const again = await graphql(app.server.url, REPLY, { id: conversationId, text: 'late reply' }, app.adminToken);
    expect(again.data!.sendStaffReply.userErrors[0].code).toBe('ALREADY_RESOLVED');
    const resolvedTwice = await graphql(app.server.url, RESOLVE, { id: event.id }, app.adminToken);
    expect(resolvedTwice.data!.resolveEscalation.userErrors[0].code).toBe('ALREADY_RESOLVED');

    await Promise.all([staff.client.dispose(), customerWs.client.dispose()]);
  });

  it('lets a customer session hear only its own thread', async () => {
    const mine = await chat();
    const theirs = await chat();
    const replyListeners = await listenersOf(app.server, 'WEB_CHAT_REPLY');
    const socket = webChatSocket(mine.token);
    const eavesdrop = subscribe(socket.client, REPLIES, { token: theirs.token });
    const own = subscribe(socket.client, REPLIES, { token: mine.token });
    await connected(socket.client);
    // Two new listeners on the topic: both subscriptions are live.
    await untilListening(app.server, 'WEB_CHAT_REPLY', { atLeast: replyListeners + 2 });
    await theirs.send('hello');
    // Published after their reply, on the same socket: once it arrives, their reply would have too.
    await mine.send('hello');
    expect((await own.next()).webChatReply.author).toBe('AI');
    expect(eavesdrop.pending).toEqual([]);
    expect(eavesdrop.errors).toEqual([]);
    const staffOnly = subscribe(socket.client, `subscription { escalationRaised { id } }`);
    await expect.poll(() => staffOnly.errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(staffOnly.errors)).toMatch(/FORBIDDEN|web-chat/);
    await socket.client.dispose();
    expect(await webChatSocket('wcs_forged').closed).toBe(4403);
  });
});

/** A customer's socket: it authenticates with the web-chat session instead of a staff token. */
function webChatSocket(sessionToken: string) {
  return wsClient(app.server.url, undefined, { webChatSession: sessionToken });
}

async function latestConversationId(): Promise<string> {
  const list = await graphql(app.server.url, `{ conversations(first: 1, stage: BOOKED, channel: WEB_CHAT) { edges { node { id } } } }`, {}, app.adminToken);
  return list.data!.conversations.edges[0].node.id;
}

describe('conversation metrics', () => {
  // A server of its own, with exactly the threads the figures are about.
  const metricsApp = useApp();

  beforeAll(async () => {
    const { server, adminToken } = metricsApp;
    // One booked thread...
    const booking = await chat(metricsApp);
    for (const text of ["Hi! I'd like to book a hibachi party for 12 people on Dec 20th at 6pm", '123 Main St, Sacramento, CA 95814', 'My name is Dana Reyes', 'you can text me at (555) 555-0123']) {
      await booking.send(text);
    }
    expect((await booking.send('yes, that is correct')).reply.text).toMatch(/You're booked/);
    // ...one escalated, taken over and answered by staff...
    const escalated = await chat(metricsApp);
    await escalated.send('Party of 8 on Dec 24th please');
    await escalated.send('This is not working, I want to speak to a human');
    expect((await escalated.send('hello? anyone there?')).reply).toBeNull(); // the AI is silent: staff answer this one
    const open = await graphql(server.url, `{ escalations(first: 10) { edges { node { conversation { id } } } } }`, {}, adminToken);
    const conversationId = open.data!.escalations.edges[0].node.conversation.id;
    expect((await graphql(server.url, TAKE_OVER, { id: conversationId }, adminToken)).data!.takeOverConversation.userErrors).toEqual([]);
    expect((await graphql(server.url, REPLY, { id: conversationId, text: 'Hi, this is Avery. How can I help?' }, adminToken)).data!.sendStaffReply.userErrors).toEqual([]);
    // ...and two still chatting with the assistant.
    for (const text of ['Hello!', 'Do you cater birthdays?']) await (await chat(metricsApp)).send(text);
  });

  it('reports AI booking success, escalation rate and response times of AI and staff', async () => {
    const { server, adminToken } = metricsApp;
    const response = await graphql(
      server.url,
      `{ metrics(days: 7) { conversations aiAnsweredConversations aiBookedConversations aiBookingSuccessRate escalationRate aiResponse { replies medianSeconds } staffResponse { replies medianSeconds p90Seconds } } }`,
      {},
      adminToken,
    );
    const metrics = response.data!.metrics;
    // One booked thread, one escalated and taken over, others chatting: the assistant answered each.
    expect(metrics.conversations).toBeGreaterThanOrEqual(4);
    expect(metrics.aiAnsweredConversations).toBe(metrics.conversations);
    expect(metrics.aiBookedConversations).toBe(1);
    expect(metrics.aiBookingSuccessRate).toBeCloseTo(1 / metrics.aiAnsweredConversations, 5);
    expect(metrics.escalationRate).toBeGreaterThan(0);
    expect(metrics.escalationRate).toBeLessThan(1);
    expect(metrics.aiResponse.medianSeconds).toBeGreaterThanOrEqual(0);
    expect(metrics.staffResponse.replies).toBe(1);
    expect(metrics.staffResponse.medianSeconds).toBeGreaterThan(metrics.aiResponse.medianSeconds);
  });
});

describe('with the assistant switched off', () => {
  it('sends every message to staff: an escalation, a polite acknowledgement, no AI answer', async () => {
    const { server, adminToken } = app;
    const off = await startTestServer({ databaseUrl: server.databaseUrl, env: { AI_BOOKING_ENABLED: 'false' } });
    try {
      const token = (await graphql(off.url, START)).data!.startWebChatSession.sessionToken;
      const sent = await graphql(off.url, SEND, { token, text: 'Party of 10 on Dec 20th at 6pm please' });
      expect(sent.data!.sendWebChatMessage.reply).toEqual({ author: 'SYSTEM', text: expect.stringMatching(/member of our team will reply/) });
      const queue = await graphql(off.url, `{ escalations(first: 100) { edges { node { reason } } } }`, {}, adminToken);
      expect(queue.data!.escalations.edges.map((e: any) => e.node.reason)).toContain('AI_DISABLED');
      // Its alert is sent before this test ends, not during another test's.
      await untilQueueIdle(app.db);
    } finally {
      await off.stop();
    }
  });
});


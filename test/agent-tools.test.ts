import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventually, useApp } from './support/fixtures';
import { graphql, subscribe, wsClient } from './support/graphql-client';
import { listenersOf, untilListening } from './support/live';

/**
 * Staff's tools in a thread, over the real server: canned replies filled from the thread's
 * booking (and refused when they cannot be), private notes that never leave the console, and
 * the web chat's waiting notice, sent once per wait by the durable sweep.
 */

// A short wait limit, so the sweep tells a waiting customer within the test.
const WAIT_SECONDS = 2;
const app = useApp({ env: { ESCALATION_SWEEP_SECONDS: '1', WEB_CHAT_WAIT_NOTICE_SECONDS: String(WAIT_SECONDS), BUSINESS_NAME: 'Sakura Hibachi Catering' } });

const START = `mutation { startWebChatSession { sessionToken } }`;
const SEND = `mutation($token: String!, $text: String!) { sendWebChatMessage(sessionToken: $token, text: $text) { message { id } reply { author text } userErrors { code message } } }`;
const HISTORY = `query($token: String!) { webChatHistory(sessionToken: $token) { author text } }`;
const CREATE = `mutation($input: CannedReplyInput!) { createCannedReply(input: $input) { cannedReply { id shortcut title body } userErrors { field code message } } }`;
const UPDATE = `mutation($id: ID!, $input: CannedReplyInput!) { updateCannedReply(id: $id, input: $input) { cannedReply { shortcut body } userErrors { field code message } } }`;
const DELETE = `mutation($id: ID!) { deleteCannedReply(id: $id) { deletedCannedReplyId userErrors { code } } }`;
const LIST = `{ cannedReplies { shortcut title } }`;
const FILL = `query($reply: ID!, $thread: ID!) { fillCannedReply(cannedReplyId: $reply, conversationId: $thread) { text unfilled } }`;
const TAKE_OVER = `mutation($id: ID!) { takeOverConversation(conversationId: $id) { userErrors { code message } } }`;
const REPLY = `mutation($id: ID!, $text: String!) { sendStaffReply(conversationId: $id, text: $text) { message { id text } userErrors { field code message } } }`;
const NOTE = `mutation($id: ID!, $text: String!) { addConversationNote(conversationId: $id, text: $text) { note { id text author { displayName } } userErrors { field code message } } }`;
const THREAD = `query($id: ID!) { conversation(id: $id) { notes { text author { displayName } } messages(first: 100) { totalCount edges { node { author text } } } } }`;

const toGlobalId = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

async function chat() {
  const token = (await graphql(app.server.url, START)).data!.startWebChatSession.sessionToken as string;
  const send = async (text: string) => {
    const response = await graphql(app.server.url, SEND, { token, text });
    expect(response.errors).toBeUndefined();
    expect(response.data!.sendWebChatMessage.userErrors).toEqual([]);
    return response.data!.sendWebChatMessage;
  };
  const { rows } = await app.db.query('SELECT conversation_id FROM web_chat_session WHERE token_hash = $1', [tokenHash(token)]);
  const history = async () => (await graphql(app.server.url, HISTORY, { token })).data!.webChatHistory as Array<{ author: string; text: string }>;
  return { token, send, history, conversationId: toGlobalId('Conversation', rows[0].conversation_id as string) };
}

/** A web chat customer who books a party with the assistant, then asks for a person. */
async function bookedCustomer(phone: string) {
  const customer = await chat();
  await customer.send("Hi! I'd like to book a hibachi party for 12 people on Dec 20th at 6pm");
  await customer.send('123 Main St, Sacramento, CA 95814');
  await customer.send('My name is Dana Reyes');
  await customer.send(`you can text me at ${phone}`);
  expect((await customer.send('yes, that is correct')).reply.text).toMatch(/You're booked/);
  return customer;
}

async function createReply(input: { shortcut: string; title: string; body: string }, token = app.adminToken) {
  return (await graphql(app.server.url, CREATE, { input }, token)).data!.createCannedReply;
}

async function staffToken(email: string, displayName: string): Promise<string> {
  const password = `${displayName.toLowerCase()} password 1234`;
  const created = await graphql(app.server.url, `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { message } } }`, { input: { email, displayName, password, role: 'STAFF' } }, app.adminToken);
  expect(created.data!.createStaffUser.userErrors).toEqual([]);
  return app.server.login(email, password);
}

describe('canned replies', () => {
  it('are kept by admins, with every problem of a form named at once and shortcuts unique whatever the case', async () => {
    const created = await createReply({ shortcut: '/Deposit', title: 'Deposit reminder', body: 'Hi {customer.firstName}, the deposit for {booking.date} is {booking.deposit}.' });
    expect(created.userErrors).toEqual([]);
    expect(created.cannedReply).toMatchObject({ shortcut: 'deposit', title: 'Deposit reminder' });

    const refused = await createReply({ shortcut: '/DEPOSIT', title: '  ', body: 'Hi {customer.nickname}, pick a {booking.colour} apron' });
    expect(refused.cannedReply).toBeNull();
    expect(refused.userErrors).toEqual([
      { field: 'title', code: 'BLANK', message: expect.stringContaining('Title: enter') },
      { field: 'body', code: 'UNKNOWN_PLACEHOLDER', message: expect.stringMatching(/^Reply text: \{customer\.nickname\}, \{booking\.colour\} are not placeholders we can fill\. Use one of \{customer\.firstName\}/) },
      { field: 'shortcut', code: 'DUPLICATE_SHORTCUT', message: 'Shortcut: /deposit is already used by “Deposit reminder”. Choose another shortcut.' },
    ]);
    const badShortcut = await createReply({ shortcut: 'menu please!', title: 'Menu', body: 'Our menu: {business.name}' });
    expect(badShortcut.userErrors).toEqual([{ field: 'shortcut', code: 'INVALID_SHORTCUT', message: expect.stringContaining('for example deposit') }]);

    const menu = await createReply({ shortcut: 'menu', title: 'Menu', body: 'Every party at {business.name} includes fried rice, vegetables and two proteins.' });
    expect(menu.userErrors).toEqual([]);
    // Renaming onto a taken shortcut is refused too; the reply keeps its own on a plain edit.
    expect((await graphql(app.server.url, UPDATE, { id: menu.cannedReply.id, input: { shortcut: 'deposit', title: 'Menu', body: 'x' } }, app.adminToken)).data!.updateCannedReply.userErrors).toEqual([
      expect.objectContaining({ field: 'shortcut', code: 'DUPLICATE_SHORTCUT' }),
    ]);
    expect((await graphql(app.server.url, UPDATE, { id: menu.cannedReply.id, input: { shortcut: 'menu', title: 'Menu', body: 'Menu at {business.name}' } }, app.adminToken)).data!.updateCannedReply).toEqual({
      cannedReply: { shortcut: 'menu', body: 'Menu at {business.name}' },
      userErrors: [],
    });

    // Staff use them; only admins keep them.
    const sam = await staffToken('sam@example.test', 'Sam');
    expect((await graphql(app.server.url, LIST, {}, sam)).data!.cannedReplies).toEqual([
      { shortcut: 'deposit', title: 'Deposit reminder' },
      { shortcut: 'menu', title: 'Menu' },
    ]);
    const forbidden = await graphql(app.server.url, CREATE, { input: { shortcut: 'hello', title: 'Hello', body: 'Hello' } }, sam);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const scratch = await createReply({ shortcut: 'scratch', title: 'Scratch', body: 'To delete' });
    expect((await graphql(app.server.url, DELETE, { id: scratch.cannedReply.id }, app.adminToken)).data!.deleteCannedReply).toEqual({ deletedCannedReplyId: scratch.cannedReply.id, userErrors: [] });
    expect((await graphql(app.server.url, LIST, {}, app.adminToken)).data!.cannedReplies.map((reply: { shortcut: string }) => reply.shortcut)).toEqual(['deposit', 'menu']);
  });

  it('fill from the thread’s customer and booking; a placeholder without a value is left for staff and never sent', async () => {
    const deposit = (await graphql(app.server.url, LIST.replace('shortcut title', 'id shortcut'), {}, app.adminToken)).data!.cannedReplies.find((reply: { shortcut: string }) => reply.shortcut === 'deposit');
    const booked = await bookedCustomer('(555) 555-0140');
    const filled = (await graphql(app.server.url, FILL, { reply: deposit.id, thread: booked.conversationId }, app.adminToken)).data!.fillCannedReply;
    expect(filled).toEqual({ text: 'Hi Dana, the deposit for Sunday, December 20 is $100.', unfilled: [] });

    // A visitor who has given nothing: the booking's placeholders stay for staff to type.
    const visitor = await chat();
    await visitor.send('I need to talk to a real person please');
    const open = (await graphql(app.server.url, FILL, { reply: deposit.id, thread: visitor.conversationId }, app.adminToken)).data!.fillCannedReply;
    expect(open).toEqual({ text: 'Hi {customer.firstName}, the deposit for {booking.date} is {booking.deposit}.', unfilled: ['{customer.firstName}', '{booking.date}', '{booking.deposit}'] });

    expect((await graphql(app.server.url, TAKE_OVER, { id: visitor.conversationId }, app.adminToken)).data!.takeOverConversation.userErrors).toEqual([]);
    const halfFilled = await graphql(app.server.url, REPLY, { id: visitor.conversationId, text: 'Hi Sam, the deposit for {booking.date} is $100.' }, app.adminToken);
    expect(halfFilled.data!.sendStaffReply).toEqual({
      message: null,
      userErrors: [{ field: 'text', code: 'UNFILLED_PLACEHOLDER', message: 'Replace {booking.date} with what the customer should read before sending.' }],
    });
    expect((await visitor.history()).map((message) => message.text).join('\n')).not.toContain('{');
    const sent = await graphql(app.server.url, REPLY, { id: visitor.conversationId, text: 'Hi Sam, the deposit for Saturday is $100.' }, app.adminToken);
    expect(sent.data!.sendStaffReply.userErrors).toEqual([]);
  });
});

describe('private notes', () => {
  it('are shown to staff, live, and never reach the customer on web chat or SMS', async () => {
    const customer = await bookedCustomer('(555) 555-0150');
    await customer.send('Can a person check my deposit please? I want to talk to a real person');
    const webThread = customer.conversationId;
    const smsRows = await app.db.query(`SELECT c.id FROM conversation c JOIN customer_identity i ON i.customer_id = c.customer_id WHERE c.channel = 'SMS' AND i.value = '+15555550150'`);
    const smsThread = toGlobalId('Conversation', smsRows.rows[0].id as string);

    // The customer's live replies, and a second staff console on the thread.
    const replyListeners = await listenersOf(app.server, 'WEB_CHAT_REPLY');
    const customerSocket = wsClient(app.server.url, undefined, { webChatSession: customer.token });
    const replies = subscribe<{ webChatReply: { author: string; text: string } }>(customerSocket.client, `subscription($t: String!) { webChatReply(sessionToken: $t) { author text } }`, { t: customer.token });
    const sam = await staffToken('sam.notes@example.test', 'Samantha');
    const staffSocket = wsClient(app.server.url, `Bearer ${sam}`);
    const noteListeners = await listenersOf(app.server, 'CONVERSATION_NOTE_ADDED');
    const notes = subscribe<{ conversationNoteAdded: { text: string; author: { displayName: string } } }>(staffSocket.client, `subscription($id: ID!) { conversationNoteAdded(conversationId: $id) { text author { displayName } } }`, { id: webThread });
    await untilListening(app.server, 'CONVERSATION_NOTE_ADDED', { atLeast: noteListeners + 1 });
    await untilListening(app.server, 'WEB_CHAT_REPLY', { atLeast: replyListeners + 1 });

    for (const thread of [webThread, smsThread]) {
      expect((await graphql(app.server.url, TAKE_OVER, { id: thread }, app.adminToken)).data!.takeOverConversation.userErrors).toEqual([]);
    }
    const WEB_NOTE = 'PRIVATE: customer sounded upset about the deposit, offer to waive travel';
    const SMS_NOTE = 'PRIVATE: called her back, voicemail full';
    const added = await graphql(app.server.url, NOTE, { id: webThread, text: WEB_NOTE }, app.adminToken);
    expect(added.data!.addConversationNote).toMatchObject({ note: { text: WEB_NOTE, author: { displayName: expect.any(String) } }, userErrors: [] });
    expect((await graphql(app.server.url, NOTE, { id: smsThread, text: SMS_NOTE }, sam)).data!.addConversationNote.userErrors).toEqual([]);
    expect((await graphql(app.server.url, NOTE, { id: webThread, text: '   ' }, app.adminToken)).data!.addConversationNote.userErrors).toEqual([
      { field: 'text', code: 'BLANK', message: 'Private note: write the note before saving it.' },
    ]);

    // Staff see it live and in the thread, apart from its messages.
    expect((await notes.next()).conversationNoteAdded).toEqual({ text: WEB_NOTE, author: { displayName: expect.any(String) } });
    const thread = (await graphql(app.server.url, THREAD, { id: webThread }, sam)).data!.conversation;
    expect(thread.notes).toEqual([{ text: WEB_NOTE, author: { displayName: expect.any(String) } }]);
    expect(JSON.stringify(thread.messages)).not.toContain('PRIVATE');

    // A reply after the note reaches the customer; the note before it never did.
    const REPLY_TEXT = 'Hi Dana, I have checked your deposit: all good.';
    expect((await graphql(app.server.url, REPLY, { id: webThread, text: REPLY_TEXT }, app.adminToken)).data!.sendStaffReply.userErrors).toEqual([]);
    expect((await graphql(app.server.url, REPLY, { id: smsThread, text: 'Texting you about your deposit: all good.' }, app.adminToken)).data!.sendStaffReply.userErrors).toEqual([]);
    await eventually('the staff reply on the customer’s socket', () => replies.pending.some((event) => event.webChatReply.text === REPLY_TEXT));
    expect(JSON.stringify(replies.pending)).not.toContain('PRIVATE');
    expect(JSON.stringify(await customer.history())).not.toContain('PRIVATE');
    const outboxBodies = async () => (await app.db.query(`SELECT body FROM sms_outbox ORDER BY created_at`)).rows.map((row: { body: string }) => row.body);
    // Texts are signed with the staff member's first name ("Name: ...").
    await eventually('the SMS reply in the outbox', async () => (await outboxBodies()).some((body) => body.endsWith(': Texting you about your deposit: all good.')));
    const outbox = await app.db.query(`SELECT * FROM sms_outbox`);
    expect(JSON.stringify(outbox.rows)).not.toContain('PRIVATE');
    const smsThreadRead = (await graphql(app.server.url, THREAD, { id: smsThread }, app.adminToken)).data!.conversation;
    expect(smsThreadRead.notes.map((note: { text: string }) => note.text)).toEqual([SMS_NOTE]);
    expect(JSON.stringify(smsThreadRead.messages)).not.toContain('PRIVATE');

    notes.unsubscribe();
    replies.unsubscribe();
    await staffSocket.client.dispose();
    await customerSocket.client.dispose();
  });
});

describe('typing in web chat', () => {
  const CUSTOMER_TYPING = `mutation($t: String!, $typing: Boolean!) { setWebChatTyping(sessionToken: $t, typing: $typing) { ok userErrors { code } } }`;
  const STAFF_TYPING = `mutation($id: ID!, $typing: Boolean!) { setStaffTyping(conversationId: $id, typing: $typing) { ok userErrors { code message } } }`;
  const WATCH = `subscription($id: ID!) { conversationTyping(conversationId: $id) { typing expiresInSeconds } }`;

  it('reaches only the holder, passes one "typing" per throttle window, always passes "stopped" (which opens the window again), and goes to the customer with the holder’s first name', async () => {
    const customer = await chat();
    await customer.send('I need to talk to a real person please');
    expect((await graphql(app.server.url, TAKE_OVER, { id: customer.conversationId }, app.adminToken)).data!.takeOverConversation.userErrors).toEqual([]);
    const colleague = await staffToken('sam.typing@example.test', 'Robin');

    const listeners = await listenersOf(app.server, 'CONVERSATION_TYPING');
    const holderSocket = wsClient(app.server.url, `Bearer ${app.adminToken}`);
    const colleagueSocket = wsClient(app.server.url, `Bearer ${colleague}`);
    const atHolder = subscribe<{ conversationTyping: { typing: boolean; expiresInSeconds: number } }>(holderSocket.client, WATCH, { id: customer.conversationId });
    const atColleague = subscribe(colleagueSocket.client, WATCH, { id: customer.conversationId });
    await untilListening(app.server, 'CONVERSATION_TYPING', { atLeast: listeners + 2 });

    // Two "typing" in a row (a browser renews every few seconds; this is faster): one passes.
    // "Stopped" always passes, and typing again right after it (a new message) is shown at once.
    for (const typing of [true, true, false, true]) {
      expect((await graphql(app.server.url, CUSTOMER_TYPING, { t: customer.token, typing })).data!.setWebChatTyping).toEqual({ ok: true, userErrors: [] });
    }
    expect((await atHolder.next()).conversationTyping).toEqual({ typing: true, expiresInSeconds: 6 });
    expect((await atHolder.next()).conversationTyping).toEqual({ typing: false, expiresInSeconds: 6 });
    expect((await atHolder.next()).conversationTyping).toEqual({ typing: true, expiresInSeconds: 6 });
    // The thread is held: its customer's typing is the holder's alone.
    expect(atColleague.pending).toEqual([]);
    expect((await graphql(app.server.url, CUSTOMER_TYPING, { t: 'wcs_unknown', typing: true })).data!.setWebChatTyping.userErrors).toEqual([{ code: 'UNKNOWN_SESSION' }]);

    const customerSocket = wsClient(app.server.url, undefined, { webChatSession: customer.token });
    const chatListeners = await listenersOf(app.server, 'WEB_CHAT_TYPING');
    const atCustomer = subscribe<{ webChatTyping: { typing: boolean; name: string } }>(customerSocket.client, `subscription($t: String!) { webChatTyping(sessionToken: $t) { typing name } }`, { t: customer.token });
    await untilListening(app.server, 'WEB_CHAT_TYPING', { atLeast: chatListeners + 1 });
    // Only the holder may say they are typing to the customer.
    expect((await graphql(app.server.url, STAFF_TYPING, { id: customer.conversationId, typing: true }, colleague)).data!.setStaffTyping.userErrors).toEqual([
      { code: 'NOT_HOLDING', message: 'Take over the thread to write to the customer.' },
    ]);
    expect((await graphql(app.server.url, STAFF_TYPING, { id: customer.conversationId, typing: true }, app.adminToken)).data!.setStaffTyping.userErrors).toEqual([]);
    const { me } = (await graphql(app.server.url, `{ me { displayName } }`, {}, app.adminToken)).data!;
    expect((await atCustomer.next()).webChatTyping).toEqual({ typing: true, name: me.displayName.split(' ')[0] });

    for (const subscription of [atHolder, atColleague, atCustomer]) subscription.unsubscribe();
    for (const socket of [holderSocket, colleagueSocket, customerSocket]) await socket.client.dispose();
  });
});

describe('the web chat waiting notice', () => {
  const NOTICE = /^Thanks for waiting/;
  // Read from the database: polling the public history would spend the address's rate limit.
  const noticesIn = async (customer: Awaited<ReturnType<typeof chat>>) =>
    (
      await app.db.query(
        `SELECT m.author, m.text FROM message m JOIN web_chat_session s ON s.conversation_id = m.conversation_id WHERE s.token_hash = $1 AND m.author = 'SYSTEM' ORDER BY m.created_at`,
        [tokenHash(customer.token)],
      )
    ).rows.filter((message: { text: string }) => NOTICE.test(message.text));

  it('tells a customer waiting for a person once per wait, and again only after a staff reply starts a new wait', async () => {
    const waiting = await chat();
    await waiting.send('I need to talk to a real person please');
    await eventually('the first waiting notice', async () => (await noticesIn(waiting)).length === 1, 20_000);
    // The customer reads it in their chat.
    expect((await waiting.history()).at(-1)).toEqual({ author: 'SYSTEM', text: expect.stringMatching(NOTICE) });

    // Still the same wait: writing again does not earn a second notice. A customer who starts
    // waiting after this message is told first, so the sweep has looked at it by then.
    await waiting.send('Hello? Is anyone there?');
    const later = await chat();
    await later.send('I want to talk to a real person');
    await eventually('the later customer’s notice', async () => (await noticesIn(later)).length === 1, 20_000);
    expect(await noticesIn(waiting)).toHaveLength(1);
    const claimed = await app.db.query(`SELECT count(*)::int AS n FROM web_chat_wait_notice w JOIN web_chat_session s ON s.conversation_id = w.conversation_id WHERE s.token_hash = $1`, [tokenHash(waiting.token)]);
    expect(claimed.rows[0].n).toBe(1);

    // A staff reply answers the wait; the next message waits anew and is told once more.
    expect((await graphql(app.server.url, TAKE_OVER, { id: waiting.conversationId }, app.adminToken)).data!.takeOverConversation.userErrors).toEqual([]);
    expect((await graphql(app.server.url, REPLY, { id: waiting.conversationId, text: 'Sorry! I am here now.' }, app.adminToken)).data!.sendStaffReply.userErrors).toEqual([]);
    await waiting.send('Great, one question about the menu');
    await eventually('the second wait’s notice', async () => (await noticesIn(waiting)).length === 2, 20_000);
    // A thread with the assistant is answered at once: no notice.
    const withAssistant = await chat();
    await withAssistant.send('Do you cater in Fremont?');
    const another = await chat();
    await another.send('I need to talk to a real person please');
    await eventually('a customer waiting since after it told', async () => (await noticesIn(another)).length === 1, 20_000);
    expect(await noticesIn(withAssistant)).toEqual([]);
  }, 90_000);
});

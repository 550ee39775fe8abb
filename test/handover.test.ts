import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, createExtension, customerAskingForAPerson, useApp, webChatCustomer } from './support/fixtures';
import { graphql } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * The handoff as staff live with it all day: the routing log says each decision once, however
 * many sweeps pass while nobody can take an escalation; a thread says who answers it; a holder
 * hands it to a colleague and an admin takes it from someone who has gone; the customer hears
 * who joined, who left and each staff member's first name; upset customers are flagged.
 */

const NO_LIMITS = { WEB_CHAT_MAX_MESSAGES_PER_MINUTE_PER_IP: '100000' };
const TIME_ZONE = 'America/New_York';
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Working hours on every day but today (business clock): the extension is outside them all day. */
function everyDayButToday() {
  const today = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: TIME_ZONE }).format(new Date()).toUpperCase();
  return DAYS.filter((day) => day !== today).map((day) => ({ day, start: '00:00', end: '24:00' }));
}

/** Sweeps that have run to the end, counted by the job queue. */
async function sweepsDone(db: pg.Client): Promise<number> {
  const rows = await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'escalations.sweep' AND state = 'completed'`);
  return rows.rows[0].n as number;
}

describe('the routing log while nobody can take an escalation', () => {
  let server: TestServer;
  let token: string;
  let db: pg.Client;

  beforeAll(async () => {
    server = await startTestServer({ env: { ...NO_LIMITS, BUSINESS_TIME_ZONE: TIME_ZONE, ESCALATION_SWEEP_SECONDS: '1', ESCALATION_ACK_TIMEOUT_SECONDS: '1' } });
    token = await server.login();
    db = await connectDatabase(server.databaseUrl);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  it('logs the decision once, not once per sweep', async () => {
    await createExtension(server.url, token, { number: 101, workingHours: everyDayButToday() });
    await customerAskingForAPerson(server.url);
    const before = await sweepsDone(db);
    await expect.poll(() => sweepsDone(db), { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(before + 5);

    const rows = await db.query(`SELECT explanation FROM escalation_routing_log ORDER BY created_at`);
    expect(rows.rows.map((row) => row.explanation)).toEqual([expect.stringMatching(/outside its working hours.*queued/)]);
    const shown = await graphql(server.url, `{ escalations(first: 10) { edges { node { status routingLog { explanation } } } } }`, {}, token);
    expect(shown.data!.escalations.edges.map((edge: any) => [edge.node.status, edge.node.routingLog.length])).toEqual([['QUEUED', 1]]);
  }, 60_000);
});

const TAKE_OVER = `mutation($id: ID!) { takeOverConversation(conversationId: $id) { conversation { handoffStatus } userErrors { code message } } }`;
const HAND_OVER = `mutation($id: ID!, $to: ID!) { handOverConversation(conversationId: $id, toStaffUserId: $to) {
  conversation { handoffStatus heldBy { displayName } } escalation { status takenOverBy { displayName } handedOverBy { displayName } } userErrors { code field message } } }`;
const REPLY = `mutation($id: ID!, $text: String!) { sendStaffReply(conversationId: $id, text: $text) { message { senderName author } userErrors { code message } } }`;
const RELEASE = `mutation($id: ID!) { releaseConversation(conversationId: $id) { conversation { handoffStatus stage } userErrors { code message } } }`;
const RESOLVE = `mutation($id: ID!, $closing: String) { resolveEscalation(escalationId: $id, closingMessage: $closing) { escalation { status } userErrors { code field message } } }`;
const THREAD = `query($id: ID!) { conversation(id: $id) { handoffStatus stage heldBy { displayName } openEscalation { id upset customerSentiment } } }`;
const HISTORY = `query($token: String!) { webChatHistory(sessionToken: $token) { author text senderName } }`;

describe('handing a thread over, and what the customer hears', () => {
  let server: TestServer;
  let admin: string;
  let casey: string;
  let caseyId: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ...NO_LIMITS, BUSINESS_NAME: 'Ember Hibachi' } });
    admin = await server.login();
    await createExtension(server.url, admin, { number: 101 });
    const created = await graphql(
      server.url,
      `mutation { createStaffUser(input: { email: "casey@example.test", displayName: "Casey Morgan", password: "casey password 1234", role: STAFF }) { staffUser { id } userErrors { message } } }`,
      {},
      admin,
    );
    caseyId = created.data!.createStaffUser.staffUser.id;
    casey = await server.login('casey@example.test', 'casey password 1234');
  }, 120_000);
  afterAll(() => server?.stop());

  async function threadOf(customerToken: string): Promise<string> {
    const response = await graphql(server.url, `{ conversations(first: 50, channel: WEB_CHAT) { edges { node { id } } } }`, {}, admin);
    // The newest thread is the customer's: each test starts its own.
    expect(customerToken).toBeTruthy();
    return response.data!.conversations.edges[0].node.id;
  }
  const thread = async (id: string) => (await graphql(server.url, THREAD, { id }, admin)).data!.conversation;
  const heard = async (token: string) => ((await graphql(server.url, HISTORY, { token })).data!.webChatHistory as Array<{ author: string; text: string; senderName: string | null }>).slice();

  it('says who answers the thread at each step, from the server', async () => {
    const customer = await webChatCustomer(server.url);
    await customer.send('Hi, do you cook vegetarian?');
    const id = await threadOf(customer.token);
    expect((await thread(id)).handoffStatus).toBe('ASSISTANT');
    await customer.send('I need to talk to a real person please');
    expect((await thread(id)).handoffStatus).toBe('WAITING_FOR_STAFF');
    expect((await graphql(server.url, TAKE_OVER, { id }, admin)).data!.takeOverConversation).toEqual({ conversation: { handoffStatus: 'HELD' }, userErrors: [] });
    expect((await graphql(server.url, RELEASE, { id }, admin)).data!.releaseConversation.conversation.handoffStatus).toBe('ASSISTANT');
    await customer.send('I need to talk to a real person please');
    const open = (await thread(id)).openEscalation;
    expect((await graphql(server.url, RESOLVE, { id: open.id }, admin)).data!.resolveEscalation.userErrors).toEqual([]);
    expect(await thread(id)).toMatchObject({ handoffStatus: 'CLOSED', stage: 'CLOSED', heldBy: null });
  });

  it('hands the thread to a named colleague, who is named to the customer and on their replies', async () => {
    const customer = await webChatCustomer(server.url);
    await customer.send('I need to talk to a real person please');
    const id = await threadOf(customer.token);
    expect((await graphql(server.url, TAKE_OVER, { id }, admin)).data!.takeOverConversation.userErrors).toEqual([]);

    // Only the holder or an admin hands a thread over, and only to someone who can sign in.
    const notHolder = await graphql(server.url, HAND_OVER, { id, to: caseyId }, casey);
    expect(notHolder.data!.handOverConversation.userErrors).toEqual([expect.objectContaining({ code: 'NOT_HOLDING' })]);
    const nobody = await graphql(server.url, HAND_OVER, { id, to: 'U3RhZmZVc2VyOjA=' }, admin);
    expect(nobody.data!.handOverConversation.userErrors).toEqual([expect.objectContaining({ code: 'NO_SUCH_COLLEAGUE', field: 'toStaffUserId' })]);

    const handed = await graphql(server.url, HAND_OVER, { id, to: caseyId }, admin);
    expect(handed.data!.handOverConversation).toEqual({
      conversation: { handoffStatus: 'HELD', heldBy: { displayName: 'Casey Morgan' } },
      escalation: { status: 'TAKEN_OVER', takenOverBy: { displayName: 'Casey Morgan' }, handedOverBy: { displayName: 'Administrator' } },
      userErrors: [],
    });
    // The admin no longer holds it: replying is Casey's.
    expect((await graphql(server.url, REPLY, { id, text: 'Still there?' }, admin)).data!.sendStaffReply.userErrors).toEqual([expect.objectContaining({ code: 'NOT_HOLDING' })]);
    const reply = await graphql(server.url, REPLY, { id, text: 'Hi, I can help with your date.' }, casey);
    expect(reply.data!.sendStaffReply).toEqual({ message: { senderName: 'Casey', author: 'STAFF' }, userErrors: [] });

    const lines = await heard(customer.token);
    expect(lines.filter((line) => line.author !== 'CUSTOMER').map((line) => [line.author, line.text, line.senderName])).toEqual([
      ['AI', expect.stringMatching(/connecting you with a member of our team/), null],
      ['SYSTEM', 'Administrator from Ember Hibachi joined the chat.', null],
      ['SYSTEM', 'Casey from Ember Hibachi joined the chat.', null],
      ['STAFF', 'Hi, I can help with your date.', 'Casey'],
    ]);

    // Casey goes; an admin takes the thread from them, then hands it back to the assistant.
    const taken = await graphql(server.url, HAND_OVER, { id, to: (await graphql(server.url, `{ me { id } }`, {}, admin)).data!.me.id }, admin);
    expect(taken.data!.handOverConversation.escalation).toMatchObject({ takenOverBy: { displayName: 'Administrator' }, handedOverBy: { displayName: 'Administrator' } });
    expect((await graphql(server.url, RELEASE, { id }, admin)).data!.releaseConversation.userErrors).toEqual([]);
    expect((await heard(customer.token)).slice(-2).map((line) => line.text)).toEqual([
      'Administrator from Ember Hibachi joined the chat.',
      "Administrator from Ember Hibachi handed you back to the booking assistant. I'm back to help with anything else about your booking.",
    ]);
  });

  it('lets an admin hand a waiting thread to a colleague, and the customer hears who joined', async () => {
    const customer = await webChatCustomer(server.url);
    await customer.send('I need to talk to a real person please');
    const id = await threadOf(customer.token);
    // Staff hand on only what they hold.
    expect((await graphql(server.url, HAND_OVER, { id, to: caseyId }, casey)).data!.handOverConversation.userErrors).toEqual([expect.objectContaining({ code: 'NOT_HOLDING' })]);
    const handed = await graphql(server.url, HAND_OVER, { id, to: caseyId }, admin);
    expect(handed.data!.handOverConversation.escalation).toEqual({ status: 'TAKEN_OVER', takenOverBy: { displayName: 'Casey Morgan' }, handedOverBy: { displayName: 'Administrator' } });
    expect((await heard(customer.token)).at(-1)).toMatchObject({ author: 'SYSTEM', text: 'Casey from Ember Hibachi joined the chat.' });
  });

  it('resolves with a closing message the customer gets as the staff member’s reply', async () => {
    const customer = await webChatCustomer(server.url);
    await customer.send('I need to talk to a real person please');
    const id = await threadOf(customer.token);
    expect((await graphql(server.url, TAKE_OVER, { id }, casey)).data!.takeOverConversation.userErrors).toEqual([]);
    const open = (await thread(id)).openEscalation;
    const resolved = await graphql(server.url, RESOLVE, { id: open.id, closing: 'Thanks for chatting, see you on the 20th!' }, casey);
    expect(resolved.data!.resolveEscalation).toEqual({ escalation: { status: 'RESOLVED' }, userErrors: [] });
    expect((await heard(customer.token)).at(-1)).toEqual({ author: 'STAFF', text: 'Thanks for chatting, see you on the 20th!', senderName: 'Casey' });
  });

  it('flags an upset customer, also one who grows upset while waiting', async () => {
    const upsetCustomer = await webChatCustomer(server.url);
    await upsetCustomer.send('This is ridiculous, the worst service ever, I am furious!!');
    const upsetThread = await threadOf(upsetCustomer.token);
    const calm = await webChatCustomer(server.url);
    await calm.send('I need to talk to a real person please');
    const calmThread = await threadOf(calm.token);
    const escalationOf = async (thread: string) => {
      const queue = await graphql(server.url, `{ escalations(first: 100) { edges { node { upset customerSentiment conversation { id } } } } }`, {}, admin);
      return queue.data!.escalations.edges.map((edge: any) => edge.node).find((node: any) => node.conversation.id === thread);
    };
    const upset = await escalationOf(upsetThread);
    expect(upset.upset).toBe(true);
    expect(upset.customerSentiment).toBeLessThan(-0.3);
    expect(await escalationOf(calmThread)).toMatchObject({ upset: false });

    // Growing upset while waiting moves a customer up too.
    await calm.send('Hello?? I have waited forever, this is ridiculous and terrible');
    expect(await escalationOf(calmThread)).toMatchObject({ upset: true });
  });
});

describe('what a customer on SMS hears of the handoff', () => {
  const app = useApp({ ringCentral: true, env: NO_LIMITS });

  it('texts who joined, signs each staff reply with their first name, and texts the hand-back note', async () => {
    const { rc, server, adminToken } = app;
    const customer = '+15555550177';
    await rc.deliver(rc.inboundSmsBody({ from: customer, text: 'I need to talk to a real person please' }));
    await expect.poll(() => app.textsTo(customer).length, { timeout: 15_000 }).toBe(1);
    const threads = await graphql(server.url, `{ conversations(first: 50, channel: SMS) { edges { node { id customer { phone } } } } }`, {}, adminToken);
    const id = threads.data!.conversations.edges.map((edge: any) => edge.node).find((node: any) => node.customer?.phone === customer).id;

    expect((await graphql(server.url, TAKE_OVER, { id }, adminToken)).data!.takeOverConversation.userErrors).toEqual([]);
    expect((await graphql(server.url, REPLY, { id, text: 'Hi! Which date were you thinking of?' }, adminToken)).data!.sendStaffReply.userErrors).toEqual([]);
    expect((await graphql(server.url, RELEASE, { id }, adminToken)).data!.releaseConversation.userErrors).toEqual([]);
    await expect.poll(() => app.textsTo(customer).length, { timeout: 15_000 }).toBe(4);
    // Each text is its own send job, so two sent moments apart may reach the provider in either order.
    expect(app.textsTo(customer).slice(1).map((sms) => sms.text)).toEqual(expect.arrayContaining([
      'Administrator from Hibachi at Home joined the chat.',
      'Administrator: Hi! Which date were you thinking of?',
      "Administrator from Hibachi at Home handed you back to the booking assistant. I'm back to help with anything else about your booking.",
    ]));
  });
});

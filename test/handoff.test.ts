import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConversationsDocument,
  EscalationRaisedDocument,
  EscalationUpdatedDocument,
  EscalationsDocument,
} from '../console/src/graphql/generated/graphql';
import {
  consoleOperation,
  createExtension,
  customerAskingForAPerson,
  metricValue,
  setExtensionStatus,
  statementsOf,
  webChatCustomer,
} from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { createTestDatabase, testRedis } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * The handoff between the assistant and staff, as the console lives with it: what reading the
 * queue costs, what a live event costs per console, a takeover racing the sweep, an escalation
 * every extension let wait, and a release that keeps the thread where it was.
 */

const ESCALATIONS = `{ escalations(first: 100) { edges { node { id status reason assignedExtension { number } takenOverBy { displayName } routingLog { explanation } conversation { id stage } } } } }`;
const TAKE_OVER = `mutation($id: ID!) { takeOverConversation(conversationId: $id) { conversation { stage aiPaused heldBy { displayName } } escalation { id status } userErrors { code message } } }`;
const RELEASE = `mutation($id: ID!) { releaseConversation(conversationId: $id) { conversation { stage aiPaused heldBy { id } booking { status } } userErrors { code message } } }`;
const RESOLVE = `mutation($id: ID!) { resolveEscalation(escalationId: $id) { escalation { status } userErrors { code message } } }`;
const NO_LIMITS = { WEB_CHAT_MAX_MESSAGES_PER_MINUTE_PER_IP: '100000' };

async function openEscalations(server: TestServer, token: string): Promise<any[]> {
  const response = await graphql(server.url, ESCALATIONS, {}, token);
  expect(response.errors).toBeUndefined();
  return response.data!.escalations.edges.map((edge: any) => edge.node);
}

describe('reading the queue and the threads', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ env: NO_LIMITS });
    token = await server.login();
    await createExtension(server.url, token, { number: 101 });
    for (let batch = 0; batch < 11; batch++) await Promise.all(Array.from({ length: 10 }, () => customerAskingForAPerson(server.url)));
  }, 120_000);
  afterAll(() => server?.stop());

  it('costs the same few statements for a page of 100 escalations as for a page of 10, with the console’s own query', async () => {
    const page = (first: number) =>
      statementsOf(server.url, 'Escalations', 'query', async () => {
        const response = await graphql(server.url, consoleOperation(EscalationsDocument), { first }, token);
        expect(response.errors).toBeUndefined();
        expect(response.data!.escalations.edges).toHaveLength(first);
        expect(response.data!.escalations.edges[0].node.conversation.customer).toBeTruthy();
      });
    const ten = await page(10);
    const hundred = await page(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeGreaterThan(0);
    expect(ten).toBeLessThanOrEqual(12);
  });

  it('costs the same for a page of 100 threads as for a page of 10', async () => {
    const page = (first: number) =>
      statementsOf(server.url, 'Conversations', 'query', async () => {
        const response = await graphql(server.url, consoleOperation(ConversationsDocument), { first }, token);
        expect(response.errors).toBeUndefined();
        expect(response.data!.conversations.edges).toHaveLength(first);
      });
    const ten = await page(10);
    const hundred = await page(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeGreaterThan(0);
    expect(ten).toBeLessThanOrEqual(10);
  });

  it('costs the same for each thread’s messages, whatever the number of threads', async () => {
    const withMessages = `query ThreadsWithMessages($first: Int!) { conversations(first: $first) { edges { node { id messages(first: 5) { totalCount edges { node { text author } } } } } } }`;
    const page = (first: number) =>
      statementsOf(server.url, 'ThreadsWithMessages', 'query', async () => {
        const response = await graphql(server.url, withMessages, { first }, token);
        expect(response.errors).toBeUndefined();
        const threads = response.data!.conversations.edges.map((edge: any) => edge.node);
        expect(threads).toHaveLength(first);
        // Each asked for a person and heard back: two messages in every thread.
        expect(threads.every((thread: any) => thread.messages.totalCount === 2 && thread.messages.edges[0].node.author === 'CUSTOMER')).toBe(true);
      });
    const ten = await page(10);
    expect(ten).toBeGreaterThan(0);
    expect(await page(100)).toBe(ten);
  });

  it('sends every console the escalation as it shows it, rendered once for all of them, at no statement', async () => {
    const consoles = await Promise.all(
      [0, 1, 2].map(async () => {
        const socket = wsClient(server.url, `Bearer ${token}`);
        const raised = subscribe(socket.client, consoleOperation(EscalationRaisedDocument));
        const updated = subscribe(socket.client, consoleOperation(EscalationUpdatedDocument));
        await connected(socket.client);
        return { socket, raised, updated };
      }),
    );
    // Subscriptions start asynchronously: raise escalations until every console hears them.
    await expect
      .poll(
        async () => {
          await customerAskingForAPerson(server.url);
          return consoles.every((console) => console.raised.pending.length > 0);
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);
    for (const console of consoles) console.raised.pending.length = 0;

    const statements = (field: string) => metricValue(server.url, `graphql_subscription_event_db_statements_sum{subscription="${field}"}`);
    const deliveries = (field: string) => metricValue(server.url, `graphql_subscription_event_db_statements_count{subscription="${field}"}`);
    const [statementsBefore, deliveriesBefore] = [await statements('escalationRaised'), await deliveries('escalationRaised')];
    await customerAskingForAPerson(server.url);
    const events = await Promise.all(consoles.map((console) => console.raised.next()));
    for (const { escalationRaised } of events) {
      expect(escalationRaised).toMatchObject({
        status: 'ASSIGNED',
        reason: 'HUMAN_REQUEST',
        assignedExtension: { number: 101 },
        handoff: { reasonText: 'The customer asked for a person.' },
        routingLog: [{ explanation: expect.stringMatching(/Primary extension 101/) }],
        conversation: { stage: 'ESCALATED', aiPaused: true, heldBy: null, assignedExtension: { number: 101 }, customer: { id: expect.any(String) } },
      });
      expect(escalationRaised.conversation.openEscalation.id).toBe(escalationRaised.id);
    }
    // Three consoles with the same query and access share one rendering of the event.
    expect((await deliveries('escalationRaised')) - deliveriesBefore).toBe(1);
    expect((await statements('escalationRaised')) - statementsBefore).toBe(0);

    // Taking it over is one event, carrying the holder to every console.
    const { id: escalationId, conversation } = events[0].escalationRaised;
    const taken = await graphql(server.url, TAKE_OVER, { id: conversation.id }, token);
    expect(taken.data!.takeOverConversation.userErrors).toEqual([]);
    for (const console of consoles) {
      const { escalationUpdated } = await console.updated.next();
      expect(escalationUpdated).toMatchObject({ id: escalationId, status: 'TAKEN_OVER', takenOverBy: { displayName: 'Administrator' }, conversation: { heldBy: { displayName: 'Administrator' } } });
    }
    expect(await statements('escalationUpdated')).toBe(0);
    await Promise.all(consoles.map((console) => console.socket.client.dispose()));
  });
});

describe('a takeover racing the sweep', () => {
  let a: TestServer;
  let b: TestServer;
  let token: string;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    const redis = testRedis();
    // Nobody answers the alerts, so every escalation is reassigned every second while staff take them over.
    const env = { ...NO_LIMITS, ESCALATION_SWEEP_SECONDS: '1', ESCALATION_ACK_TIMEOUT_SECONDS: '1' };
    [a, b] = await Promise.all([startTestServer({ databaseUrl, redis, env }), startTestServer({ databaseUrl, redis, env })]);
    token = await a.login();
    await createExtension(a.url, token, { number: 101 });
    await createExtension(a.url, token, { number: 102 });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('never deadlocks: every takeover succeeds while escalations are being reassigned', async () => {
    const failures: string[] = [];
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 30 }, (_, i) => customerAskingForAPerson(i % 2 ? a.url : b.url)));
      // Wait until the sweep is busy reassigning them all.
      await expect.poll(async () => (await openEscalations(a, token)).every((e) => e.routingLog.length >= 2), { timeout: 20_000, interval: 200 }).toBe(true);
      const open = await openEscalations(a, token);
      const results = await Promise.all(
        open.map(async (escalation, i) => {
          // Not a wait for anything: the takeovers are spread over the next sweeps so that some land while one reassigns.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 1500));
          return graphql(i % 2 ? a.url : b.url, TAKE_OVER, { id: escalation.conversation.id }, token);
        }),
      );
      for (const result of results) {
        if (result.errors || result.data!.takeOverConversation.userErrors.length > 0) failures.push(JSON.stringify(result.errors ?? result.data!.takeOverConversation.userErrors));
        else expect(result.data!.takeOverConversation).toMatchObject({ escalation: { status: 'TAKEN_OVER' }, conversation: { stage: 'ESCALATED', heldBy: { displayName: 'Administrator' } } });
      }
      for (const escalation of open) {
        const resolved = await graphql(a.url, RESOLVE, { id: escalation.id }, token);
        expect(resolved.data!.resolveEscalation.userErrors).toEqual([]);
      }
    }
    expect(failures).toEqual([]);
    expect(a.output() + b.output()).not.toMatch(/deadlock/i);
  }, 120_000);
});

describe('an escalation every extension let wait', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ...NO_LIMITS, ESCALATION_SWEEP_SECONDS: '1', ESCALATION_ACK_TIMEOUT_SECONDS: '1' } });
    token = await server.login();
  }, 120_000);
  afterAll(() => server?.stop());

  it('starts a new round instead of waiting forever, and never holds up the escalations behind it', async () => {
    const primary = await createExtension(server.url, token, { number: 101 });
    const other = await createExtension(server.url, token, { number: 102 });
    await customerAskingForAPerson(server.url);
    // Both let it time out; it goes round again instead of waiting for nobody.
    await expect
      .poll(async () => (await openEscalations(server, token))[0].routingLog.map((entry: any) => entry.explanation).join('\n'), { timeout: 20_000, interval: 200 })
      .toMatch(/new round starts/);
    expect((await openEscalations(server, token))[0].status).toBe('ASSIGNED');

    // A newer escalation, queued while nobody is on, is handed out as soon as someone is back.
    await setExtensionStatus(server.url, token, primary, 'OFFLINE');
    await setExtensionStatus(server.url, token, other, 'OFFLINE');
    await expect.poll(async () => (await openEscalations(server, token)).map((e) => e.status), { timeout: 10_000, interval: 200 }).toEqual(['QUEUED']);
    await customerAskingForAPerson(server.url);
    expect((await openEscalations(server, token)).map((e) => e.status)).toEqual(['QUEUED', 'QUEUED']);
    await setExtensionStatus(server.url, token, primary, 'AVAILABLE');
    await expect
      .poll(async () => (await openEscalations(server, token)).map((e) => [e.status, e.assignedExtension?.number]), { timeout: 10_000, interval: 200 })
      .toEqual([['ASSIGNED', 101], ['ASSIGNED', 101]]);
  }, 60_000);
});

describe('staff stepping in and handing back', () => {
  let server: TestServer;
  let token: string;
  let db: pg.Client;

  beforeAll(async () => {
    server = await startTestServer({ env: NO_LIMITS });
    token = await server.login();
    await createExtension(server.url, token, { number: 101 });
    db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  async function latestThread(): Promise<string> {
    const response = await graphql(server.url, `{ conversations(first: 1) { edges { node { id } } } }`, {}, token);
    return response.data!.conversations.edges[0].node.id;
  }

  it('takes over a thread nobody escalated without alerting an extension', async () => {
    const customer = await webChatCustomer(server.url);
    await customer.send('Hi, do you cook vegetarian?');
    const taken = await graphql(server.url, TAKE_OVER, { id: await latestThread() }, token);
    expect(taken.data!.takeOverConversation).toMatchObject({ escalation: { status: 'TAKEN_OVER' }, conversation: { stage: 'ESCALATED', aiPaused: true, heldBy: { displayName: 'Administrator' } }, userErrors: [] });
    const escalation = (await openEscalations(server, token)).find((e) => e.id === taken.data!.takeOverConversation.escalation.id);
    expect(escalation).toMatchObject({ reason: 'STAFF_TAKEOVER', assignedExtension: null, takenOverBy: { displayName: 'Administrator' } });
    const alerts = await db.query(`SELECT count(*)::int AS n FROM outbound_send WHERE purpose = 'ESCALATION_ALERT'`);
    expect(alerts.rows[0].n).toBe(0);
  });

  it('tells the customer the assistant is back only when they knew it had left', async () => {
    const lines = async (thread: string) => {
      const response = await graphql(server.url, `query($id: ID!) { conversation(id: $id) { messages(first: 100) { edges { node { author text } } } } }`, { id: thread }, token);
      return response.data!.conversation.messages.edges.map((edge: any) => `${edge.node.author}: ${edge.node.text}`) as string[];
    };
    const backMessages = (all: string[]) => all.filter((line) => line.includes("I'm back to help"));

    // A staff member looks in and hands back without a word: the customer never knew.
    const quiet = await webChatCustomer(server.url);
    await quiet.send('Hi, do you bring the grill?');
    const quietThread = await latestThread();
    expect((await graphql(server.url, TAKE_OVER, { id: quietThread }, token)).data!.takeOverConversation.userErrors).toEqual([]);
    expect((await graphql(server.url, RELEASE, { id: quietThread }, token)).data!.releaseConversation.userErrors).toEqual([]);
    expect(backMessages(await lines(quietThread))).toEqual([]);

    // One who spoke with a person hears that the assistant is back.
    const answered = await webChatCustomer(server.url);
    await answered.send('Hi, can I bring my own sake?');
    const answeredThread = await latestThread();
    expect((await graphql(server.url, TAKE_OVER, { id: answeredThread }, token)).data!.takeOverConversation.userErrors).toEqual([]);
    const reply = await graphql(server.url, `mutation($id: ID!) { sendStaffReply(conversationId: $id, text: "Of course, no corkage.") { userErrors { code } } }`, { id: answeredThread }, token);
    expect(reply.data!.sendStaffReply.userErrors).toEqual([]);
    expect((await graphql(server.url, RELEASE, { id: answeredThread }, token)).data!.releaseConversation.userErrors).toEqual([]);
    expect(backMessages(await lines(answeredThread))).toHaveLength(1);

    // One who asked for a person was told one would reply: they hear it too.
    const asked = await webChatCustomer(server.url);
    await asked.send('I want to talk to a real person please');
    const askedThread = await latestThread();
    expect((await graphql(server.url, TAKE_OVER, { id: askedThread }, token)).data!.takeOverConversation.userErrors).toEqual([]);
    expect((await graphql(server.url, RELEASE, { id: askedThread }, token)).data!.releaseConversation.userErrors).toEqual([]);
    expect(backMessages(await lines(askedThread))).toHaveLength(1);
  });

  it('hands a booked thread back booked: releasing never loses its stage or its booking', async () => {
    const customer = await webChatCustomer(server.url);
    await customer.send("Hi! I'd like to book a hibachi party for 12 people on Dec 20th at 6pm");
    await customer.send('123 Main St, Sacramento, CA 95814');
    await customer.send('My name is Dana Reyes');
    await customer.send('you can text me at (555) 555-0123');
    expect((await customer.send('yes, that is correct')).reply.text).toMatch(/You're booked/);
    // The terms went to the phone in a thread of their own; this is the web chat.
    const thread = (await graphql(server.url, `{ conversations(first: 1, channel: WEB_CHAT) { edges { node { id } } } }`, {}, token)).data!.conversations.edges[0].node.id as string;
    expect((await graphql(server.url, TAKE_OVER, { id: thread }, token)).data!.takeOverConversation.userErrors).toEqual([]);
    const released = await graphql(server.url, RELEASE, { id: thread }, token);
    expect(released.data!.releaseConversation).toEqual({ conversation: { stage: 'BOOKED', aiPaused: false, heldBy: null, booking: { status: 'PENDING_TERMS' } }, userErrors: [] });
    const booked = await graphql(server.url, `{ conversations(first: 10, stage: BOOKED) { edges { node { id } } } }`, {}, token);
    expect(booked.data!.conversations.edges.map((edge: any) => edge.node.id)).toContain(thread);
    const again = await graphql(server.url, RELEASE, { id: thread }, token);
    expect(again.data!.releaseConversation.userErrors).toEqual([expect.objectContaining({ code: 'NOT_WITH_STAFF' })]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationActivityDocument, ConversationReadDocument } from '../console/src/graphql/generated/graphql';
import { consoleOperation, createExtension, metricValue, webChatCustomer } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { listenersOf, untilListening, untilLive } from './support/live';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Each staff member's unread state: read markers that only move forward, unread counts per
 * thread and for the threads one holds, the customer's newest message, catching a thread up
 * from the last message held, and the live events, each console hearing its own counts.
 */

const THREADS = `{ conversations(first: 10) { edges { node { id unreadCount lastCustomerMessage { text } } } } }`;
const THREAD = `query($id: ID!) { conversation(id: $id) { unreadCount lastCustomerMessage { id text } messages(first: 100) { edges { node { id text author } } } } }`;
const AFTER = `query($id: ID!, $afterMessage: ID!, $after: String) { conversation(id: $id) { messages(first: 1, afterMessage: $afterMessage, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { text } } } } }`;
const HELD = `{ unreadInHeldThreads }`;
const MARK = `mutation($id: ID!, $upTo: ID) { markConversationRead(conversationId: $id, upToMessageId: $upTo) { conversation { unreadCount } userErrors { field code message } } }`;
const TAKE_OVER = `mutation($id: ID!) { takeOverConversation(conversationId: $id) { userErrors { message } } }`;
const CREATE_STAFF = `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { message } } }`;

let server: TestServer;
let holder: string; // the admin, who takes the thread over
let blair: string; // staff
let casey: string; // staff too: the same access as Blair, so the same shared subscriptions unless counts are per viewer

async function ask<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await graphql(server.url, query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

async function staffUser(name: string): Promise<string> {
  const email = `${name}@staff.example.test`;
  const password = `${name}-password-2026`;
  const created = await ask(CREATE_STAFF, { input: { email, password, displayName: name, role: 'STAFF' } }, holder);
  expect(created.createStaffUser.userErrors).toEqual([]);
  return server.login(email, password);
}

async function thread(id: string, token: string) {
  return (await ask(THREAD, { id }, token)).conversation;
}

/** A customer with a thread at the top of the list (newest activity first). */
async function customerWithThread() {
  const customer = await webChatCustomer(server.url);
  expect((await customer.send('I want to talk to a real person please')).userErrors).toEqual([]);
  const listed = await ask(THREADS, {}, holder);
  return { customer, id: listed.conversations.edges[0].node.id as string };
}

describe('unread counts and read markers', () => {
  beforeAll(async () => {
    server = await startTestServer({ env: { WEB_CHAT_MAX_MESSAGES_PER_MINUTE_PER_IP: '100000' } });
    holder = await server.login();
    await createExtension(server.url, holder, { number: 101 });
    blair = await staffUser('blair');
    casey = await staffUser('casey');
  }, 120_000);
  afterAll(() => server?.stop());

  it('counts the customer’s messages each staff member has not read, and the held threads’ total for the holder only', async () => {
    const { customer, id } = await customerWithThread();
    expect((await thread(id, holder)).unreadCount).toBe(1);
    expect((await thread(id, blair)).unreadCount).toBe(1);
    expect((await ask(HELD, {}, holder)).unreadInHeldThreads).toBe(0);

    await ask(TAKE_OVER, { id }, holder);
    await customer.send('Is a deposit needed?');
    await customer.send('And can you do vegetarian?');
    const held = await thread(id, holder);
    expect(held.unreadCount).toBe(3);
    expect(held.lastCustomerMessage.text).toBe('And can you do vegetarian?');
    expect((await ask(HELD, {}, holder)).unreadInHeldThreads).toBe(3);
    expect((await ask(HELD, {}, blair)).unreadInHeldThreads).toBe(0);

    // Read up to the second customer message: one is left.
    const second = held.messages.edges.map((edge: any) => edge.node).find((message: any) => message.text === 'Is a deposit needed?');
    expect((await ask(MARK, { id, upTo: second.id }, holder)).markConversationRead).toEqual({ conversation: { unreadCount: 1 }, userErrors: [] });
    // Read whole; the colleague's count is theirs and stays.
    expect((await ask(MARK, { id }, holder)).markConversationRead.conversation.unreadCount).toBe(0);
    expect((await ask(HELD, {}, holder)).unreadInHeldThreads).toBe(0);
    expect((await thread(id, blair)).unreadCount).toBe(3);

    // A console reporting late (an older message) does not make read messages unread again.
    expect((await ask(MARK, { id, upTo: second.id }, holder)).markConversationRead.conversation.unreadCount).toBe(0);

    // A message of another thread is refused, naming the field.
    const other = await customerWithThread();
    const otherMessage = (await thread(other.id, holder)).messages.edges[0].node.id;
    expect((await ask(MARK, { id, upTo: otherMessage }, holder)).markConversationRead.userErrors).toEqual([
      { field: 'upToMessageId', code: 'MESSAGE_NOT_FOUND', message: expect.stringContaining('not in this conversation') },
    ]);
  });

  it('catches a thread up from the last message held, page by page', async () => {
    const { customer, id } = await customerWithThread();
    const held = (await thread(id, holder)).messages.edges.map((edge: any) => edge.node);
    const last = held.at(-1);
    await customer.send('First while you were away');
    await customer.send('Second while you were away');

    const texts: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await ask(AFTER, { id, afterMessage: last.id, after }, holder)).conversation.messages;
      texts.push(...page.edges.map((edge: any) => edge.node.text));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // The assistant is silent in a thread with staff: only the customer's two.
    expect(texts).toEqual(['First while you were away', 'Second while you were away']);
  });

  it('tells every console of each new message alike, rendered once per access, and each console of its own reads only', async () => {
    const { customer, id } = await customerWithThread();
    await ask(TAKE_OVER, { id }, holder);
    await ask(MARK, { id }, holder);
    await ask(MARK, { id }, blair);

    const activityBefore = await listenersOf(server, 'CONVERSATION_ACTIVITY');
    const readBefore = await listenersOf(server, 'CONVERSATION_READ');
    const consoles = await Promise.all(
      [holder, blair, casey].map(async (token) => {
        const socket = wsClient(server.url, `Bearer ${token}`);
        const activity = subscribe(socket.client, consoleOperation(ConversationActivityDocument));
        const read = subscribe(socket.client, consoleOperation(ConversationReadDocument));
        await connected(socket.client);
        return { socket, activity, read };
      }),
    );
    // The activity carries nothing per viewer: Blair and Casey (one role) share one execution, the
    // admin has another. Reads are each person's own: three.
    await untilListening(server, 'CONVERSATION_ACTIVITY', { atLeast: activityBefore + 2 });
    await untilListening(server, 'CONVERSATION_READ', { atLeast: readBefore + 3 });

    await customer.send('Are you still there?');
    const events = await Promise.all(consoles.map((console) => console.activity.next()));
    for (const event of events) {
      expect(event.conversationActivity).toMatchObject({
        conversationId: id,
        message: { author: 'CUSTOMER', text: 'Are you still there?' },
        conversation: { id, heldBy: { displayName: 'Administrator' }, lastCustomerMessage: { text: 'Are you still there?' } },
      });
      expect(event.conversationActivity).not.toHaveProperty('unreadInHeldThreads');
      expect(event.conversationActivity.conversation).not.toHaveProperty('unreadCount');
    }
    expect(events[1]).toEqual(events[2]);
    expect((await listenersOf(server, 'CONVERSATION_ACTIVITY')) - activityBefore).toBe(2);
    // Each one's exact counts, as a console reads them on load and after a reconnect.
    expect((await thread(id, holder)).unreadCount).toBe(1);
    expect((await ask(HELD, {}, holder)).unreadInHeldThreads).toBe(1);
    expect((await thread(id, blair)).unreadCount).toBe(1);
    expect((await ask(HELD, {}, blair)).unreadInHeldThreads).toBe(0);
    expect((await thread(id, casey)).unreadCount).toBe(2); // Casey never opened it

    // Blair reads it: Blair's console hears so; Casey's (same role) hears nothing; Blair's count only.
    await ask(MARK, { id }, blair);
    expect((await consoles[1].read.next()).conversationRead).toMatchObject({ conversationId: id, conversation: { unreadCount: 0 } });
    await ask(MARK, { id }, holder);
    expect((await consoles[0].read.next()).conversationRead).toMatchObject({ conversationId: id, unreadInHeldThreads: 0, conversation: { unreadCount: 0 } });
    expect(consoles[2].read.pending).toEqual([]);
    expect(consoles[1].read.pending).toEqual([]);
    for (const console of consoles) {
      expect(console.activity.errors).toEqual([]);
      await console.socket.client.dispose();
    }
  });

  it('costs the same statements for a customer’s message whether one staff console follows the inbox or six', async () => {
    const { customer, id } = await customerWithThread();
    // Held, so the assistant and the waiting notices stay silent: one message, one event.
    await ask(TAKE_OVER, { id }, holder);
    const moreStaff = await Promise.all(['dana', 'eli', 'fran', 'gus'].map((name) => staffUser(name)));
    const statements = () => metricValue(server.url, 'graphql_subscription_event_db_statements_sum{subscription="conversationActivity"}');

    /** What the server runs to tell these consoles (different staff members, one role) of one customer message. */
    async function costOfOneMessage(tokens: string[], round: string): Promise<number> {
      const consoles = tokens.map((token) => {
        const socket = wsClient(server.url, `Bearer ${token}`);
        return { socket, activity: subscribe(socket.client, consoleOperation(ConversationActivityDocument)) };
      });
      const isProbe = (event: any) => event.conversationActivity.message.text.startsWith(`probe ${round}`);
      await untilLive(
        consoles.map((console) => console.activity),
        { trigger: () => customer.send(`probe ${round}`), isProbe: (event: any) => isProbe(event) },
      );
      // Events of a topic arrive in order: once every console has this one, no probe is still being rendered.
      const settle = `settled ${round}`;
      await customer.send(settle);
      for (const console of consoles) expect((await console.activity.next()).conversationActivity.message.text).toBe(settle);

      const before = await statements();
      const text = `Counted message ${round}`;
      await customer.send(text);
      for (const console of consoles) {
        expect((await console.activity.next()).conversationActivity).toMatchObject({
          conversationId: id,
          message: { author: 'CUSTOMER', text },
          conversation: { id, heldBy: { displayName: 'Administrator' }, customer: { id: expect.any(String) }, lastCustomerMessage: { text } },
        });
      }
      const cost = (await statements()) - before;
      for (const console of consoles) {
        expect(console.activity.errors).toEqual([]);
        await console.socket.client.dispose();
      }
      return cost;
    }

    const one = await costOfOneMessage([blair], 'one');
    const six = await costOfOneMessage([blair, casey, ...moreStaff], 'six');
    expect(six).toBe(one);
    expect(one).toBeLessThanOrEqual(6);
    // An admin's console runs its own execution (another access), on the thread the others read.
    expect(await costOfOneMessage([holder, blair, casey, ...moreStaff], 'seven')).toBe(one);
  }, 60_000);
});

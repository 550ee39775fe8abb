import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue, statementsOf, untilQueueIdle, useApp, webChatCustomer } from './support/fixtures';
import { connected, graphql, subscribe, wsClient, type Subscription } from './support/graphql-client';
import { untilLive } from './support/live';

// Every customer known (issue 13, item 9): names that update live, the customer panel, merging
// two records of one person, and search. Meta's webhooks come from the fake Meta server.
const app = useApp({ meta: true });

const CUSTOMER_FIELDS = `id name phone email mergedIntoId
  identities { kind display }
  conversations { id channel lastMessage { text author } }
  bookings { id status }
  merges { mergedCustomerId mergedName mergedPhone byApiKey mergedBy { email } movedIdentities { kind display } movedConversationIds movedBookingIds filledFields mergedAt }`;
const CUSTOMER = `query Customer($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`;
const MERGE = `mutation Merge($input: MergeCustomersInput!) { mergeCustomers(input: $input) { customer { ${CUSTOMER_FIELDS} } merge { id mergedBy { email } } userErrors { field code message } } }`;
const RENAME = `mutation Rename($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id name } userErrors { field code message } } }`;
const UPDATED = `subscription { customerUpdated { customer { id name phone mergedIntoId } conversationIds mergedCustomers { id mergedIntoId } } }`;
const CREATE_BOOKING = `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id customer { id } conversation { id } } userErrors { field message } } }`;
const THREAD = `query($id: ID!) { conversation(id: $id) { id customer { id name } lastMessage { text author } } }`;
const LIST = `query List($first: Int!) { conversations(first: $first) { edges { node { id customer { id name } lastMessage { text author createdAt } } } } }`;
const SEARCH = `query Search($query: String!, $first: Int) { search(query: $query, first: $first) {
  query
  customers { id name phone identities { kind display } conversations { id lastMessage { text } } }
  conversations { id channel customer { id name } lastMessage { text } }
  messages { snippet message { id text author } conversation { id customer { id name } } }
} }`;

const gql = (query: string, variables: Record<string, unknown> = {}) => graphql(app.server.url, query, variables, app.adminToken);

function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

let phoneCounter = 0;
/** A fresh US number for each customer, so tests never share one. */
function newPhone(): string {
  phoneCounter += 1;
  return `+1916555${String(3000 + phoneCounter * 7 + Math.floor(Math.random() * 6)).padStart(4, '0')}`;
}

/** A customer booked on the phone by staff: a name, a number, an SMS thread (the terms went there) and a booking. */
async function phoneBooking(name: string, phone: string, requestTerms = false) {
  const response = await gql(CREATE_BOOKING, {
    input: { customer: { name, phone }, sourceChannel: 'PHONE', eventDate: day(40), startTime: '18:00', address: '123 Main St, Sacramento, CA 95814', adults: 12, requestTerms },
  });
  expect(response.errors).toBeUndefined();
  expect(response.data!.createBooking.userErrors).toEqual([]);
  return response.data!.createBooking.booking as { id: string; customer: { id: string }; conversation: { id: string } | null };
}

/** The web-chat thread a visitor's message went to, and its customer (read from the newest web-chat thread). */
async function latestWebThread(): Promise<{ conversationId: string; customerId: string }> {
  const response = await gql(`{ conversations(first: 1, channel: WEB_CHAT) { edges { node { id customer { id } } } } }`);
  const node = response.data!.conversations.edges[0].node;
  return { conversationId: node.id, customerId: node.customer.id };
}

/** A web-chat visitor who said who they are; no phone given. */
async function webVisitorNamed(name: string) {
  const chat = await webChatCustomer(app.server.url);
  await chat.send("Hi! We'd like hibachi for 12 people on Dec 20th at 6pm");
  await chat.send('456 Oak Ave, Davis, CA 95616');
  await chat.send(`My name is ${name}`);
  return { chat, ...(await latestWebThread()) };
}

let live: { subscription: Subscription; stop: () => void };
let probeCustomerId: string;

beforeAll(async () => {
  // A customer to rename as the probe that tells the subscription is live.
  probeCustomerId = (await phoneBooking('Probe Person', newPhone())).customer.id;
  const { client } = wsClient(app.server.url, `Bearer ${app.adminToken}`);
  await connected(client);
  const subscription = subscribe(client, UPDATED);
  let probe = 0;
  await untilLive(subscription, {
    trigger: () => gql(RENAME, { input: { customerId: probeCustomerId, name: `Probe ${++probe}` } }),
    isProbe: (event: any) => event.customerUpdated.customer.id === probeCustomerId,
  });
  live = { subscription, stop: () => void client.dispose() };
});
afterAll(() => live?.stop());

/** The next customerUpdated event about this customer that `wanted` accepts (others are passed over). */
async function nextUpdateOf(customerId: string, wanted: (event: any) => boolean = () => true): Promise<any> {
  for (;;) {
    const event = (await live.subscription.next(10_000)) as any;
    if (event.customerUpdated.customer.id === customerId && wanted(event.customerUpdated)) return event.customerUpdated;
  }
}

describe('a customer’s name', () => {
  it('replaces "visitor" the moment the web-chat customer gives it: the record, every thread view and every console', async () => {
    const chat = await webChatCustomer(app.server.url);
    await chat.send("Hi! We'd like hibachi for 12 people on Dec 20th at 6pm");
    const { conversationId, customerId } = await latestWebThread();
    expect((await gql(THREAD, { id: conversationId })).data!.conversation.customer.name).toBeNull();

    await chat.send('123 Main St, Sacramento, CA 95814');
    const named = await chat.send('My name is Dana Whitfield');
    const event = await nextUpdateOf(customerId);
    expect(event.customer).toMatchObject({ id: customerId, name: 'Dana Whitfield', mergedIntoId: null });

    const thread = (await gql(THREAD, { id: conversationId })).data!.conversation;
    expect(thread.customer).toEqual({ id: customerId, name: 'Dana Whitfield' });
    // The preview is the thread's latest message: the assistant's answer to the name.
    expect(thread.lastMessage).toEqual({ text: named.reply.text, author: 'AI' });
    const row = (await gql(LIST, { first: 50 })).data!.conversations.edges.map((edge: any) => edge.node).find((node: any) => node.id === conversationId);
    expect(row).toMatchObject({ customer: { name: 'Dana Whitfield' }, lastMessage: { text: named.reply.text, author: 'AI' } });
  });

  it('is set by staff with updateCustomer, live, and a blank name is refused naming the field', async () => {
    const { customerId } = await webVisitorNamed('Sam');
    const renamed = await gql(RENAME, { input: { customerId, name: '  Samantha   Ortiz ' } });
    expect(renamed.data!.updateCustomer).toEqual({ customer: { id: customerId, name: 'Samantha Ortiz' }, userErrors: [] });
    expect((await nextUpdateOf(customerId, (event) => event.customer.name !== 'Sam')).customer.name).toBe('Samantha Ortiz');
    const blank = await gql(RENAME, { input: { customerId, name: '   ' } });
    expect(blank.data!.updateCustomer.userErrors).toEqual([{ field: 'name', code: 'REQUIRED', message: "Name: enter the customer's name, for example Dana Reyes." }]);
  });
});

describe('the customer panel', () => {
  it('shows every identity, thread (with its last message) and booking of a customer across channels', async () => {
    const phone = newPhone();
    const booking = await phoneBooking('Priya Natarajan', phone);
    const customerId = booking.customer.id;
    // The same number on WhatsApp is the same customer.
    await app.meta.deliver(app.server.url, app.meta.whatsappText({ from: phone.slice(1), text: 'Hi, can we add two kids to our party?' }));
    await untilQueueIdle(app.db);

    const customer = (await gql(CUSTOMER, { id: customerId })).data!.customer;
    expect(customer).toMatchObject({ id: customerId, name: 'Priya Natarajan', phone, mergedIntoId: null, merges: [] });
    expect(customer.identities).toEqual([{ kind: 'PHONE', display: phone }]);
    expect(customer.conversations.map((c: any) => c.channel).sort()).toEqual(['SMS', 'WHATSAPP']);
    const whatsapp = customer.conversations.find((c: any) => c.channel === 'WHATSAPP');
    expect(whatsapp.lastMessage).not.toBeNull();
    expect(customer.bookings).toEqual([{ id: booking.id, status: 'INQUIRY' }]);
  });

  it('costs the same statements for ten customers with their lists as for two', async () => {
    const customers = await Promise.all(Array.from({ length: 10 }, (_, i) => phoneBooking(`Loader Guest ${i}`, newPhone())));
    const query = (ids: string[]) =>
      `query Panels { ${ids.map((id, i) => `c${i}: customer(id: "${id}") { name identities { kind } conversations { id lastMessage { text } customer { name } } bookings { id customer { name } } merges { mergedBy { email } } }`).join(' ')} }`;
    const cost = (count: number) =>
      statementsOf(app.server.url, 'Panels', 'query', async () => {
        const response = await gql(query(customers.slice(0, count).map((b) => b.customer.id)));
        expect(response.errors).toBeUndefined();
        expect(Object.keys(response.data!)).toHaveLength(count);
      });
    const [two, ten] = [await cost(2), await cost(10)];
    expect(ten).toBe(two);
  });
});

describe('merging two records of one person', () => {
  it('moves identities, threads and bookings onto the surviving record in one go, and audits who, when and what', async () => {
    const phone = newPhone();
    const kept = await phoneBooking('Marcus Bell', phone);
    const visitor = await webVisitorNamed('Marc Bell');
    const before = await gql(CUSTOMER, { id: visitor.customerId });
    expect(before.data!.customer.identities).toEqual([{ kind: 'WEB_SESSION', display: expect.stringMatching(/^Web chat visitor [0-9a-f]{8}$/) }]);

    const merged = await gql(MERGE, { input: { survivingCustomerId: kept.customer.id, mergedCustomerId: visitor.customerId } });
    const payload = merged.data!.mergeCustomers;
    expect(payload.userErrors).toEqual([]);
    expect(payload.customer).toMatchObject({ id: kept.customer.id, name: 'Marcus Bell', phone, mergedIntoId: null });
    expect(payload.customer.identities.map((i: any) => i.kind).sort()).toEqual(['PHONE', 'WEB_SESSION']);
    expect(payload.customer.conversations.map((c: any) => c.id)).toContain(visitor.conversationId);
    expect(payload.customer.bookings.map((b: any) => b.id)).toEqual([kept.id]);
    expect(payload.customer.merges).toEqual([
      {
        mergedCustomerId: visitor.customerId,
        mergedName: 'Marc Bell',
        mergedPhone: null,
        byApiKey: false,
        mergedBy: { email: expect.any(String) },
        movedIdentities: [{ kind: 'WEB_SESSION', display: before.data!.customer.identities[0].display }],
        movedConversationIds: [visitor.conversationId],
        movedBookingIds: [],
        filledFields: [],
        mergedAt: expect.any(String),
      },
    ]);
    expect(payload.merge.mergedBy.email).toBe(payload.customer.merges[0].mergedBy.email);

    // Every console hears it: the survivor, the threads that now show it, the record merged.
    const event = await nextUpdateOf(kept.customer.id, (update) => update.mergedCustomers.length > 0);
    expect(event).toEqual({
      customer: { id: kept.customer.id, name: 'Marcus Bell', phone, mergedIntoId: null },
      conversationIds: [visitor.conversationId],
      mergedCustomers: [{ id: visitor.customerId, mergedIntoId: kept.customer.id }],
    });
    expect((await gql(THREAD, { id: visitor.conversationId })).data!.conversation.customer).toEqual({ id: kept.customer.id, name: 'Marcus Bell' });
    const old = (await gql(CUSTOMER, { id: visitor.customerId })).data!.customer;
    expect(old).toMatchObject({ mergedIntoId: kept.customer.id, identities: [], conversations: [], bookings: [] });

    // The visitor writing again lands in the same thread, now the surviving customer's.
    await visitor.chat.send('Also, one guest is vegetarian');
    expect((await gql(THREAD, { id: visitor.conversationId })).data!.conversation.customer.id).toBe(kept.customer.id);
    const { rows } = await app.db.query(`SELECT merged_by.email FROM customer_merge m JOIN staff_user merged_by ON merged_by.id = m.staff_user_id WHERE m.merged_customer_id = (SELECT id FROM customer WHERE merged_into_id IS NOT NULL ORDER BY merged_at DESC LIMIT 1)`);
    expect(rows).toHaveLength(1);
  });

  it('moves bookings and fills what the survivor lacks from the merged record', async () => {
    const visitor = await webVisitorNamed('Ines Duarte');
    const other = await phoneBooking('I. Duarte', newPhone());
    // The web visitor survives: it takes the phone (and its booking and SMS thread).
    const merged = (await gql(MERGE, { input: { survivingCustomerId: visitor.customerId, mergedCustomerId: other.customer.id } })).data!.mergeCustomers;
    expect(merged.userErrors).toEqual([]);
    expect(merged.customer).toMatchObject({ name: 'Ines Duarte', phone: expect.stringMatching(/^\+1916555/) });
    expect(merged.customer.bookings).toEqual([{ id: other.id, status: 'INQUIRY' }]);
    expect(merged.customer.merges[0]).toMatchObject({ filledFields: ['phone'], movedBookingIds: [other.id], movedIdentities: [{ kind: 'PHONE' }] });
    const booking = await gql(`query($id: ID!) { booking(id: $id) { customer { id name } } }`, { id: other.id });
    expect(booking.data!.booking.customer).toEqual({ id: visitor.customerId, name: 'Ines Duarte' });
  });

  it('joins a web visitor who gives a number already known to that customer, audited as done by nobody on staff', async () => {
    const phone = newPhone();
    const known = await phoneBooking('Olu Adeyemi', phone);
    const visitor = await webVisitorNamed('Olu Adeyemi');
    await visitor.chat.send(`you can text me at ${phone}`);
    const event = await nextUpdateOf(known.customer.id, (update) => update.conversationIds.length > 0);
    expect(event).toEqual({
      customer: { id: known.customer.id, name: 'Olu Adeyemi', phone, mergedIntoId: null },
      conversationIds: [visitor.conversationId],
      mergedCustomers: [{ id: visitor.customerId, mergedIntoId: known.customer.id }],
    });
    const customer = (await gql(CUSTOMER, { id: known.customer.id })).data!.customer;
    expect(customer.conversations.map((c: any) => c.id)).toContain(visitor.conversationId);
    expect(customer.merges).toEqual([
      expect.objectContaining({ mergedCustomerId: visitor.customerId, mergedName: 'Olu Adeyemi', byApiKey: false, mergedBy: null, movedConversationIds: [visitor.conversationId], movedIdentities: [{ kind: 'WEB_SESSION', display: expect.any(String) }] }),
    ]);
  });

  it('tells every console at no statement per event: the event carries what the console shows', async () => {
    const statements = await metricValue(app.server.url, 'graphql_subscription_event_db_statements_sum{subscription="customerUpdated"}');
    const deliveries = await metricValue(app.server.url, 'graphql_subscription_event_db_statements_count{subscription="customerUpdated"}');
    expect(deliveries).toBeGreaterThan(3);
    expect(statements).toBe(0);
  });

  it('refuses clearly and writes nothing when the merge is impossible', async () => {
    const a = await phoneBooking('Refusal One', newPhone(), true);
    const b = await phoneBooking('Refusal Two', newPhone(), true);
    const merge = async (survivingCustomerId: string, mergedCustomerId: string) => (await gql(MERGE, { input: { survivingCustomerId, mergedCustomerId } })).data!.mergeCustomers;

    expect((await merge(a.customer.id, a.customer.id)).userErrors).toEqual([
      { field: 'mergedCustomerId', code: 'SAME_CUSTOMER', message: 'These are the same customer record. Pick the other record of this person to merge into it.' },
    ]);
    expect((await merge(a.customer.id, 'nonsense')).userErrors).toEqual([{ field: 'mergedCustomerId', code: 'NOT_FOUND', message: 'No customer has this id. Pick the customer again from search.' }]);
    // Both wait for their terms: a reply could not tell which booking it accepts.
    const bothAwait = await merge(a.customer.id, b.customer.id);
    expect(bothAwait.userErrors).toEqual([{ field: 'mergedCustomerId', code: 'BOTH_AWAIT_TERMS', message: expect.stringContaining('Both customers have a booking waiting for its terms') }]);
    expect(bothAwait.customer).toBeNull();
    const untouched = (await gql(CUSTOMER, { id: b.customer.id })).data!.customer;
    expect(untouched).toMatchObject({ mergedIntoId: null, bookings: [{ id: b.id, status: 'PENDING_TERMS' }], identities: [{ kind: 'PHONE' }] });

    // Two Messenger accounts are two people.
    await app.meta.deliver(app.server.url, app.meta.messengerText({ senderId: 'psid-refusal-1', text: 'Hello, do you cater in Davis?' }));
    await app.meta.deliver(app.server.url, app.meta.messengerText({ senderId: 'psid-refusal-2', text: 'Hi, what is your minimum?' }));
    await untilQueueIdle(app.db);
    const messengers = (await gql(`{ conversations(first: 2, channel: MESSENGER) { edges { node { customer { id } } } } }`)).data!.conversations.edges.map((e: any) => e.node.customer.id);
    expect(messengers).toHaveLength(2);
    expect((await merge(messengers[0], messengers[1])).userErrors).toEqual([
      { field: 'mergedCustomerId', code: 'CONFLICTING_IDENTITIES', message: 'Both customers write from their own Messenger account, and one person has one account there: these are two different people, so they cannot be merged.' },
    ]);

    // A record merged already cannot be merged again.
    const c = await phoneBooking('Refusal Three', newPhone());
    expect((await merge(a.customer.id, c.customer.id)).userErrors).toEqual([]);
    expect((await merge(b.customer.id, c.customer.id)).userErrors).toEqual([
      { field: 'mergedCustomerId', code: 'ALREADY_MERGED', message: 'Refusal Three was already merged into another customer. Open that customer and merge with it instead.' },
    ]);
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM customer_merge WHERE merged_customer_id = ANY($1)`, [
      [b.customer.id, c.customer.id].map((id) => Buffer.from(id, 'base64url').toString().split(':')[1]),
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('merges two records once when two consoles merge them into each other at the same moment', async () => {
    const [a, b] = [await phoneBooking('Race One', newPhone()), await phoneBooking('Race Two', newPhone())];
    const results = await Promise.all([
      gql(MERGE, { input: { survivingCustomerId: a.customer.id, mergedCustomerId: b.customer.id } }),
      gql(MERGE, { input: { survivingCustomerId: b.customer.id, mergedCustomerId: a.customer.id } }),
    ]);
    const outcomes = results.map((r) => r.data!.mergeCustomers.userErrors.map((e: any) => e.code).join(',') || 'MERGED').sort();
    expect(outcomes).toEqual(['ALREADY_MERGED', 'MERGED']);
    const ids = [a.customer.id, b.customer.id].map((id) => Buffer.from(id, 'base64url').toString().split(':')[1]);
    const { rows } = await app.db.query(`SELECT count(*)::int AS merges, (SELECT count(*)::int FROM customer WHERE id = ANY($1) AND merged_into_id IS NULL) AS standing FROM customer_merge WHERE merged_customer_id = ANY($1)`, [ids]);
    expect(rows[0]).toEqual({ merges: 1, standing: 1 });
  });

  it('is for staff and keys with CUSTOMERS_WRITE only', async () => {
    const created = await gql(`mutation { createApiKey(input: { name: "reader", scopes: [CUSTOMERS_READ] }) { secret userErrors { message } } }`);
    const key = created.data!.createApiKey.secret as string;
    const [x, y] = [await phoneBooking('Key One', newPhone()), await phoneBooking('Key Two', newPhone())];
    const refused = await graphql(app.server.url, MERGE, { input: { survivingCustomerId: x.customer.id, mergedCustomerId: y.customer.id } }, key);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await graphql(app.server.url, `query($id: ID!) { customer(id: $id) { name identities { kind } } }`, { id: x.customer.id }, key);
    expect(read.data!.customer).toEqual({ name: 'Key One', identities: [{ kind: 'PHONE' }] });
  });
});

describe('search', () => {
  it('finds customers by name (as it is typed) and by phone in any format, threads by their details and messages by their words', async () => {
    const phone = '+19165550177';
    const booking = await phoneBooking('Theodora Quill', phone);
    const visitor = await webVisitorNamed('Bartholomew Quince');
    await visitor.chat.send('Will there be a vegetarian option for my grandmother?');

    const search = async (query: string) => {
      const response = await gql(SEARCH, { query, first: 10 });
      expect(response.errors).toBeUndefined();
      return response.data!.search;
    };
    const byName = await search('Theo Qui');
    expect(byName.customers.map((c: any) => c.id)).toEqual([booking.customer.id]);
    expect(byName.conversations.map((c: any) => c.customer.id)).toEqual([booking.customer.id]);
    for (const typed of ['(916) 555-0177', '+1 916 555 0177', '5550177', '0177']) {
      expect((await search(typed)).customers.map((c: any) => c.name), typed).toEqual(['Theodora Quill']);
    }
    // The thread by the address the assistant gathered in it.
    expect((await search('Oak Ave Davis')).conversations.map((c: any) => c.id)).toContain(visitor.conversationId);
    // Messages by their words, stemmed: "vegetarians" finds "vegetarian".
    const words = await search('vegetarians grandmother');
    expect(words.messages).toEqual([
      {
        snippet: expect.stringContaining('vegetarian option for my grandmother'),
        message: { id: expect.any(String), text: 'Will there be a vegetarian option for my grandmother?', author: 'CUSTOMER' },
        conversation: { id: visitor.conversationId, customer: { id: visitor.customerId, name: 'Bartholomew Quince' } },
      },
    ]);
    expect((await search('   ')).customers).toEqual([]);
    expect((await search('zzqxnotaword')).messages).toEqual([]);
  });

  it('costs the same statements for twenty results per group as for two', async () => {
    for (let i = 0; i < 20; i++) {
      const booking = await phoneBooking(`Statement Walker ${i}`, newPhone());
      expect(booking.conversation).not.toBeNull();
    }
    const chat = await webChatCustomer(app.server.url);
    for (let i = 0; i < 3; i++) await chat.send(`Do you bring sake to the party, question ${i}?`);
    const run = (first: number) =>
      statementsOf(app.server.url, 'Search', 'query', async () => {
        const found = (await gql(SEARCH, { query: 'Statement Walker', first })).data!.search;
        expect(found.customers).toHaveLength(first);
        expect(found.conversations).toHaveLength(first);
      });
    expect(await run(20)).toBe(await run(2));
  });
});

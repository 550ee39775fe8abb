import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlaid, plaidEnv, type FakeItem, type FakeTransaction } from './support/fake-plaid-server';
import { eventually, metricValue, startApp, untilQueueIdle, type App } from './support/fixtures';
import { graphql } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * The Plaid bank feed: the real `plaid` SDK in the real server talks to a local server speaking
 * Plaid's wire format, and Plaid's webhooks are JWTs this test signs with jose. Until the
 * payments ledger is merged, the tests read what the feed handed over from the connection's
 * last sync summary and the requests Plaid saw.
 */

const KEY_1 = randomBytes(32).toString('base64');
const KEY_2 = randomBytes(32).toString('base64');

let fake: FakePlaid;
let app: App;

beforeAll(async () => {
  fake = await FakePlaid.start();
  app = await startApp({
    extension101: false,
    env: { ...plaidEnv(fake), BANK_TOKEN_KEYS: `k1:${KEY_1}`, LOG_LEVEL: 'debug', JOB_RETRY_DELAY_SECONDS: '1', PROVIDER_TIMEOUT_SECONDS: '5', JOB_TIMEOUT_SECONDS: '20' },
  });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const CONNECTION_FIELDS = 'id institutionName accounts { id name mask type subtype } status statusMessage lastSyncedAt lastSync { added modified removed } lastSyncError';
const BANK_FEED = `query { bankFeed { plaidConfigured plaidEnvironment connections { ${CONNECTION_FIELDS} } } }`;
const LINK = `mutation Link($connectionId: ID) { createPlaidLinkToken(connectionId: $connectionId) { linkToken expiration userErrors { field message code } } }`;
const EXCHANGE = `mutation Exchange($publicToken: String!) { exchangePlaidPublicToken(publicToken: $publicToken) { connection { ${CONNECTION_FIELDS} } userErrors { field message code } } }`;
const SYNC = `mutation Sync($connectionId: ID!) { syncBankTransactions(connectionId: $connectionId) { connection { ${CONNECTION_FIELDS} } synced { added modified removed } userErrors { field message code } } }`;

async function call(query: string, variables: Record<string, unknown> = {}, url = app.server.url) {
  const response = await graphql(url, query, variables, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function connectionOf(id: string) {
  const { bankFeed } = await call(BANK_FEED);
  return (bankFeed.connections as any[]).find((connection) => connection.id === id);
}

let sequence = 0;
function transaction(item: FakeItem, fields: Partial<FakeTransaction> = {}): FakeTransaction {
  sequence += 1;
  return { transaction_id: `tx-${sequence}-${randomBytes(4).toString('hex')}`, account_id: item.accounts[0].account_id, amount: -100, date: '2026-11-20', name: `Zelle payment ${sequence}`, pending: false, ...fields };
}

/** Links a bank through the API the way the console does after Link's onSuccess, and waits for its first sync. */
async function connect(initial: number): Promise<{ item: FakeItem; id: string }> {
  const { item, publicToken } = fake.newItem({ institutionName: 'First Platypus Bank' });
  for (let i = 0; i < initial; i += 1) fake.add(item, transaction(item));
  const { exchangePlaidPublicToken: payload } = await call(EXCHANGE, { publicToken });
  expect(payload.userErrors).toEqual([]);
  const id = payload.connection.id as string;
  await eventually('the first sync of the new connection', async () => (await connectionOf(id))?.lastSyncedAt !== null);
  return { item, id };
}

const syncsOf = (item: FakeItem) => fake.syncRequests.filter((request) => request.itemId === item.itemId);

describe('connecting a bank', () => {
  it('makes a Link token for the business, with the transactions product and our webhook', async () => {
    const { bankFeed } = await call(BANK_FEED);
    expect(bankFeed).toMatchObject({ plaidConfigured: true, plaidEnvironment: 'sandbox' });
    const { createPlaidLinkToken: link } = await call(LINK);
    expect(link.userErrors).toEqual([]);
    expect(link.linkToken).toMatch(/^link-sandbox-/);
    const [request] = fake.requests('/link/token/create').slice(-1);
    expect(request.body).toMatchObject({ products: ['transactions'], country_codes: ['US'], webhook: `${app.server.url}/webhooks/plaid` });
    expect(request.body.access_token).toBeUndefined();
    expect(request.headers['plaid-client-id']).toBe(plaidEnv(fake).PLAID_CLIENT_ID);
  });

  it('stores the connection with its bank and accounts, its access token sealed and never shown, and syncs every page', async () => {
    const { item, publicToken } = fake.newItem({ institutionName: 'First Platypus Bank' });
    for (let i = 0; i < 5; i += 1) fake.add(item, transaction(item)); // three pages of two
    const response = await graphql(app.server.url, EXCHANGE, { publicToken }, app.adminToken);
    const connection = response.data!.exchangePlaidPublicToken.connection;
    expect(connection).toMatchObject({ institutionName: 'First Platypus Bank', status: 'CONNECTED', accounts: [{ name: 'Plaid Checking', mask: '0000', type: 'depository', subtype: 'checking' }] });
    expect(JSON.stringify(response)).not.toContain(item.accessToken);

    const { rows } = await app.db.query('SELECT * FROM bank_connection WHERE item_id = $1', [item.itemId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].access_token_key_id).toBe('k1');
    expect(Buffer.from(rows[0].access_token_sealed).toString('latin1')).not.toContain(item.accessToken);
    expect(JSON.stringify(rows[0])).not.toContain(item.accessToken);

    await eventually('the first sync', async () => (await connectionOf(connection.id)).lastSync !== null);
    expect((await connectionOf(connection.id)).lastSync).toEqual({ added: 5, modified: 0, removed: 0 });
    expect(syncsOf(item).map((request) => request.answered)).toEqual(['page', 'page', 'page']);
    // In the payments ledger, as credits (Plaid's negative amounts are money in) waiting for a match.
    const descriptions = new Set(item.log.map((change) => (change.kind === 'added' ? change.transaction.name : '')));
    const { unmatchedTransactions } = await call(`query { unmatchedTransactions(first: 100) { edges { node { description amountCents postedOn source pending } } } }`);
    const stored = (unmatchedTransactions.edges as any[]).map((edge) => edge.node).filter((node) => descriptions.has(node.description));
    expect(stored).toHaveLength(5);
    expect(stored[0]).toMatchObject({ amountCents: 10000, postedOn: '2026-11-20', source: 'PLAID', pending: false });
    expect(syncsOf(item)[0].cursor).toBeNull();
    const saved = await app.db.query('SELECT sync_cursor FROM bank_connection WHERE id = $1', [rows[0].id]);
    expect(saved.rows[0].sync_cursor).toBe(fake.cursorAtEnd(item));
    expect(app.server.output()).not.toContain(item.accessToken);
  });

  it('answers a public token Plaid refuses with a message for the person', async () => {
    const { exchangePlaidPublicToken: payload } = await call(EXCHANGE, { publicToken: 'public-sandbox-unknown' });
    expect(payload.connection).toBeNull();
    expect(payload.userErrors).toEqual([{ field: null, code: 'PLAID_REFUSED', message: expect.stringContaining('Plaid refused the request (INVALID_PUBLIC_TOKEN)') }]);
  });
});

describe('syncing', () => {
  it('continues from the saved cursor, and hands over added, modified and removed transactions', async () => {
    const { item, id } = await connect(2);
    const first = transaction(item);
    fake.add(item, first);
    fake.modify(item, { ...first, pending: false, amount: -120 });
    fake.remove(item, first.transaction_id);
    const before = syncsOf(item).length;
    const { syncBankTransactions: payload } = await call(SYNC, { connectionId: id });
    expect(payload.userErrors).toEqual([]);
    expect(payload.synced).toEqual({ added: 1, modified: 1, removed: 1 });
    const these = syncsOf(item).slice(before);
    expect(these[0].cursor).not.toBeNull(); // not from the beginning
    expect(these).toHaveLength(2);
  });

  it('starts an update Plaid changed mid-way again from the cursor it began with, handing it over once', async () => {
    const { item, id } = await connect(0);
    for (let i = 0; i < 3; i += 1) fake.add(item, transaction(item));
    item.mutationsDuringPagination = 1;
    const before = syncsOf(item).length;
    const { syncBankTransactions: payload } = await call(SYNC, { connectionId: id });
    expect(payload.userErrors).toEqual([]);
    expect(payload.synced).toEqual({ added: 3, modified: 0, removed: 0 }); // not 5: the first page is not handed over twice
    const these = syncsOf(item).slice(before);
    expect(these.map((request) => request.answered)).toEqual(['page', 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION', 'page', 'page']);
    expect(these[2].cursor).toBe(these[0].cursor); // restarted from the update's first cursor
  });

  it('runs one sync of a connection at a time', async () => {
    const { item, id } = await connect(0);
    fake.add(item, transaction(item));
    const release = fake.holdSyncs();
    const first = call(SYNC, { connectionId: id });
    await eventually('the first sync to be waiting for Plaid', () => fake.waiting > 0);
    const { syncBankTransactions: second } = await call(SYNC, { connectionId: id });
    expect(second.userErrors).toEqual([{ field: 'connectionId', code: 'SYNC_RUNNING', message: 'A sync of this bank is already running. Its transactions will appear when it finishes.' }]);
    release();
    expect((await first).syncBankTransactions.synced).toEqual({ added: 1, modified: 0, removed: 0 });
  });

  it('marks a bank that asks to sign in again as needing re-connect, without trying again and again; Re-connect opens Link in update mode', async () => {
    const { item, id } = await connect(1);
    item.loginRequired = true;
    const before = syncsOf(item).length;
    const { syncBankTransactions: payload } = await call(SYNC, { connectionId: id });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'NEEDS_RECONNECT' })]);
    expect(payload.connection).toMatchObject({ status: 'NEEDS_RECONNECT', statusMessage: 'The bank asks you to sign in again. Re-connect to resume the feed.' });
    await untilQueueIdle(app.db);
    expect(syncsOf(item).slice(before).map((request) => request.answered)).toEqual(['ITEM_LOGIN_REQUIRED']);

    const { createPlaidLinkToken: link } = await call(LINK, { connectionId: id });
    expect(link.userErrors).toEqual([]);
    const [request] = fake.requests('/link/token/create').slice(-1);
    expect(request.body.access_token).toBe(item.accessToken); // update mode names the item
    expect(request.body.products).toBeUndefined();

    item.loginRequired = false; // the owner signed in again through Link
    fake.add(item, transaction(item));
    const { syncBankTransactions: after } = await call(SYNC, { connectionId: id });
    expect(after.userErrors).toEqual([]);
    expect(after.connection).toMatchObject({ status: 'CONNECTED', statusMessage: null });
    expect(after.synced).toEqual({ added: 1, modified: 0, removed: 0 });
  });
});

describe('Plaid webhooks', () => {
  const syncUpdates = (item: FakeItem) => ({ webhook_type: 'TRANSACTIONS', webhook_code: 'SYNC_UPDATES_AVAILABLE', item_id: item.itemId, initial_update_complete: true, historical_update_complete: true, environment: 'sandbox' });

  it('sync on SYNC_UPDATES_AVAILABLE through the queue, fetching the signing key once', async () => {
    const { item, id } = await connect(0);
    fake.add(item, transaction(item));
    fake.add(item, transaction(item));
    const reply = await fake.deliver(app.server.url, syncUpdates(item));
    expect(reply.status).toBe(200);
    await eventually('the webhook’s sync', async () => (await connectionOf(id)).lastSync?.added === 2);

    // Plaid sends the very same body whenever the item has news: the second is a new sync, not a redelivery.
    fake.add(item, transaction(item));
    expect((await fake.deliver(app.server.url, syncUpdates(item))).status).toBe(200);
    await eventually('the second webhook’s sync', async () => (await connectionOf(id)).lastSync?.added === 1);
    expect(fake.keyRequests.filter((kid) => kid === fake.kid)).toHaveLength(1);
  });

  it('mark the connection on ITEM_LOGIN_REQUIRED and PENDING_EXPIRATION, and CONNECTED again on LOGIN_REPAIRED', async () => {
    const { item, id } = await connect(0);
    const itemError = { webhook_type: 'ITEM', webhook_code: 'ERROR', item_id: item.itemId, error: { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED', error_message: 'the login details of this item have changed' }, environment: 'sandbox' };
    expect((await fake.deliver(app.server.url, itemError)).status).toBe(200);
    await eventually('the connection to need re-connecting', async () => (await connectionOf(id)).status === 'NEEDS_RECONNECT');

    expect((await fake.deliver(app.server.url, { webhook_type: 'ITEM', webhook_code: 'LOGIN_REPAIRED', item_id: item.itemId, environment: 'sandbox' })).status).toBe(200);
    await eventually('the connection to work again', async () => (await connectionOf(id)).status === 'CONNECTED');

    const expiring = { webhook_type: 'ITEM', webhook_code: 'PENDING_EXPIRATION', item_id: item.itemId, consent_expiration_time: '2026-12-08T00:00:00Z', environment: 'sandbox' };
    expect((await fake.deliver(app.server.url, expiring)).status).toBe(200);
    await eventually('the expiring connection to ask for re-connect', async () => (await connectionOf(id)).statusMessage === 'The bank’s consent is about to expire. Re-connect to keep the feed running.');
  });

  it('refuse a forged, stale or altered delivery, and count it', async () => {
    const { item, id } = await connect(0);
    const body = syncUpdates(item);
    const refusals = async () =>
      Number((await app.db.query(`SELECT coalesce(sum(count), 0)::int AS n FROM webhook_rejection_tally WHERE provider = 'plaid'`)).rows[0].n);
    const metric = () => metricValue(app.server.url, 'webhook_rejections_total{provider="plaid",reason="bad-signature"}');
    const [tallyBefore, metricBefore] = [await refusals(), await metric()];
    const kidsBefore = fake.keyRequests.length;

    expect((await fake.deliver(app.server.url, body, { header: null })).status).toBe(401);
    for (const forged of [
      { alg: 'HS256' as const },
      { alg: 'none' as const },
      { iatSecondsAgo: 6 * 60 },
      { iatSecondsAgo: -6 * 60 }, // from the future
      { bodySha256: 'a'.repeat(64) },
      { kid: 'kid-nobody-knows' },
    ]) {
      expect((await fake.deliver(app.server.url, body, forged)).status, JSON.stringify(forged)).toBe(403);
    }
    expect(await refusals()).toBe(tallyBefore + 7);
    expect(await metric()).toBe(metricBefore + 6);
    // Another alg is refused before any key is looked up; only the unknown kid asked Plaid.
    expect(fake.keyRequests.slice(kidsBefore)).toEqual(['kid-nobody-knows']);
    await untilQueueIdle(app.db);
    expect((await connectionOf(id)).lastSync).toEqual({ added: 0, modified: 0, removed: 0 });
    expect(syncsOf(item)).toHaveLength(1); // the first sync only
  });
});

describe('bank token keys', () => {
  let rotated: TestServer | undefined;
  afterAll(async () => {
    await rotated?.stop();
  });

  it('move to the current key at start, and a server without the key fails loudly without leaking the token', async () => {
    const { item, id } = await connect(1);
    rotated = await startTestServer({
      databaseUrl: app.server.databaseUrl,
      env: { ...plaidEnv(fake), BANK_TOKEN_KEYS: `k1:${KEY_1},k2:${KEY_2}`, BANK_TOKEN_KEY_ID: 'k2', LOG_LEVEL: 'debug' },
    });
    await eventually('every token to be re-wrapped under k2', async () =>
      (await app.db.query(`SELECT count(*)::int AS n FROM bank_connection WHERE access_token_key_id <> 'k2'`)).rows[0].n === 0,
    );
    fake.add(item, transaction(item));
    const { syncBankTransactions: onRotated } = await call(SYNC, { connectionId: id }, rotated.url);
    expect(onRotated.userErrors).toEqual([]);
    expect(onRotated.synced).toEqual({ added: 1, modified: 0, removed: 0 });

    // The first server knows only k1 now.
    const { syncBankTransactions: onOld } = await call(SYNC, { connectionId: id });
    expect(onOld.userErrors).toEqual([expect.objectContaining({ code: 'SYNC_FAILED' })]);
    expect(onOld.connection.lastSyncError).toMatch(/could not be decrypted/);
    expect(app.server.output()).toMatch(/bank access token could not be decrypted/);
    for (const output of [app.server.output(), rotated.output(), JSON.stringify(onOld)]) {
      expect(output).not.toContain(item.accessToken);
      expect(output).not.toContain(KEY_1);
      expect(output).not.toContain(KEY_2);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, errorCodes, graphql, subscribe, wsClient } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ env: { GRAPHQL_MAX_DEPTH: '4' } });
  token = await server.login();
});
afterAll(() => server?.stop());

describe('malformed GraphQL requests get standard errors with a code', () => {
  it('a syntax error', async () => {
    const response = await graphql(server.url, `{ extensions { totalCount `, {}, token);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('an unknown field', async () => {
    const response = await graphql(server.url, `{ extensions { nonsense } }`, {}, token);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors![0].message).toMatch(/nonsense/);
  });

  it('a wrongly typed variable', async () => {
    const response = await graphql(server.url, `query($n: Int) { extensions(first: $n) { totalCount } }`, { n: 'ten' }, token);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('a query nested deeper than the limit', async () => {
    const deep = `{ extensions { edges { node { workingHours { day } } } } }`;
    const response = await graphql(server.url, deep, {}, token);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors![0].message).toMatch(/nested 5 fields deep; the limit is 4/);
    const shallow = await graphql(server.url, `{ extensions { edges { node { number } } } }`, {}, token);
    expect(shallow.errors).toBeUndefined();
  });

  it('never includes a stack trace', async () => {
    const response = await graphql(server.url, `{ extensions { nonsense } }`, {}, token);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);
  });
});

describe('HTTP surface', () => {
  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('serves Apollo Sandbox to a browser outside production', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/sandbox/i);
  });

  it('answers /healthz and /readyz with JSON', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'up', pubsub: { kind: 'redis', status: 'up' } } });
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/^pubsub_up 1$/m);
  });

  it('serves Prometheus metrics for HTTP, GraphQL operations and the event loop', async () => {
    await graphql(server.url, `query CountExtensions { extensions { totalCount } }`, {}, token);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/m);
    expect(text).toMatch(/^graphql_operations_total\{operation="CountExtensions",type="query",outcome="success"\} 1$/m);
    expect(text).toMatch(/^graphql_operation_duration_seconds_count\{operation="CountExtensions",type="query"\} 1$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
  });

  it('keeps one series for operation names it cannot vouch for, so clients cannot grow /metrics without bound', async () => {
    const operationSeries = async () => (await (await fetch(`${server.url}/metrics`)).text()).split('\n').filter((line) => line.startsWith('graphql_operations_total{')).length;
    const before = await operationSeries();
    // Anonymous callers choose any name they like: 300 of them are one label.
    for (let i = 0; i < 300; i++) await graphql(server.url, `query Probe${i}x${Date.now()} { __typename }`, {});
    const afterAnonymous = await operationSeries();
    expect(afterAnonymous - before).toBeLessThanOrEqual(1);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/^graphql_operations_total\{operation="other",type="query",outcome="success"\} \d+$/m);
    // A signed-in caller's names are kept, up to a fixed budget of distinct names.
    for (let i = 0; i < 300; i++) await graphql(server.url, `query Named${i} { __typename }`, {}, token);
    expect((await operationSeries()) - afterAnonymous).toBeLessThanOrEqual(100);
  });

  it('marks GraphQL answers, staff data included, as never to be stored by a cache', async () => {
    for (const method of ['POST', 'GET'] as const) {
      const query = `query CountExtensions { extensions { totalCount } }`;
      const response =
        method === 'POST'
          ? await fetch(`${server.url}/graphql`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) })
          : await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
      expect(response.status, method).toBe(200);
      const body = (await response.json()) as { data: { extensions: { totalCount: number } } };
      expect(body.data.extensions.totalCount, method).toEqual(expect.any(Number));
      expect(response.headers.get('cache-control'), method).toBe('no-store');
    }
  });

  it('refuses bodies over 1 MB before parsing them', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
  });
});

describe('limits on what one operation may ask (default settings)', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ databaseUrl: server.databaseUrl });
  });
  afterAll(() => limited?.stop());

  /** 40,301: a page of 100 threads, each with a page of 100 messages. */
  const PAGES_OF_PAGES = `{ conversations(first: 100) { edges { node { messages(first: 100) { edges { node { id text } } } } } } }`;
  const tooCostly = (kind: string, cost: string, limit = '10,000') => `This ${kind} costs ${cost}; the limit is ${limit}. Ask for fewer items or fields.`;

  it('refuses 500 aliased pages of webhook payloads before running them', async () => {
    const attack = `{ ${Array.from({ length: 500 }, (_, i) => `e${i}: webhookEvents(first: 100) { edges { node { payload } } }`).join(' ')} }`;
    const response = await graphql(limited.url, attack, {}, await limited.login());
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([{ message: 'This operation uses 500 aliases; the limit is 15. Split it into several requests.', locations: expect.any(Array), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it('refuses an operation that costs more than GRAPHQL_MAX_COST before running it, saying what it costs', async () => {
    const token = await limited.login();
    const response = await graphql(limited.url, PAGES_OF_PAGES, {}, token);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([{ message: tooCostly('query', '40,301'), extensions: { code: 'QUERY_TOO_COSTLY', cost: 40_301, limit: 10_000 } }]);
    // Page sizes given in variables count the same; fewer items pass.
    const pageOf = `query($threads: Int, $messages: Int) { conversations(first: $threads) { edges { node { messages(first: $messages) { edges { node { id text } } } } } } }`;
    expect(errorCodes(await graphql(limited.url, pageOf, { threads: 100, messages: 100 }, token))).toEqual(['QUERY_TOO_COSTLY']);
    expect(await graphql(limited.url, pageOf, { threads: 20, messages: 50 }, token)).toMatchObject({ status: 200, data: { conversations: { edges: [] } } });
    expect((await graphql(limited.url, `{ webhookEvents(first: 100) { edges { node { payload } } } }`, {}, token)).errors).toBeUndefined();
  });

  it('applies the same limits over WebSocket, to queries and subscriptions', async () => {
    const socket = wsClient(limited.url, `Bearer ${await limited.login()}`);
    await connected(socket.client);
    const everyMessageField = 'id direction author channel text deliveryStatus createdAt';
    const fifteenPages = Array.from({ length: 15 }, (_, i) => `m${i}: messages(first: 100) { edges { node { ${everyMessageField} } } }`).join(' ');
    const costly = [
      subscribe(socket.client, PAGES_OF_PAGES),
      subscribe(socket.client, `subscription { escalationUpdated { conversation { ${fifteenPages} } } }`),
      subscribe(socket.client, `subscription { escalationUpdated { conversation { ${fifteenPages} extra: messages { totalCount } } } }`),
    ];
    for (const subscription of costly) await expect.poll(() => subscription.errors.length, { timeout: 5000 }).toBe(1);
    expect(costly[0].errors[0]).toEqual([expect.objectContaining({ message: tooCostly('query', '40,301'), extensions: { code: 'QUERY_TOO_COSTLY', cost: 40_301, limit: 10_000 } })]);
    expect(costly[1].errors[0]).toEqual([expect.objectContaining({ message: tooCostly('subscription', '13,517'), extensions: { code: 'QUERY_TOO_COSTLY', cost: 13_517, limit: 10_000 } })]);
    expect(costly[2].errors[0]).toEqual([expect.objectContaining({ message: 'This operation uses 16 aliases; the limit is 15. Split it into several requests.' })]);
    await socket.client.dispose();
  });

  it('answers at once a few hundred bytes of fragments that each spread the next twice (2^40 fields)', async () => {
    const token = await limited.login();
    for (const [kind, type, field] of [['query', 'Query', 'me { id }'], ['mutation', 'Mutation', 'logout { ok }']]) {
      const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on ${type} { ...F${i + 1} ...F${i + 1} ${field} }`).join(' ');
      const response = await graphql(limited.url, `${kind} { ...F0 } ${fragments} fragment F40 on ${type} { ${field} }`, {}, token);
      expect(response.status).toBe(400);
      expect(response.errors).toEqual([
        {
          message: `This ${kind} asks for more than 10,000 fields once its fragments are spread, more than the limit of 10,000 allows. Ask for fewer items or fields.`,
          extensions: { code: 'QUERY_TOO_COSTLY', limit: 10_000 },
        },
      ]);
    }
  });

  it('runs at most GRAPHQL_MAX_MUTATIONS mutations per operation', async () => {
    const six = `mutation { ${Array.from({ length: 6 }, (_, i) => `m${i}: logout { ok }`).join(' ')} }`;
    const response = await graphql(limited.url, six, {}, await limited.login());
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([{ message: 'This operation runs 6 mutations; the limit is 5. Send them in separate requests.', locations: expect.any(Array), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });
});

describe('readiness follows its dependencies', () => {
  it('stays ready while Redis is unreachable, saying it is degraded (body and /metrics), and the database still works', async () => {
    const noRedis = await startTestServer({ databaseUrl: server.databaseUrl, redis: { url: 'redis://127.0.0.1:1', keyPrefix: 'unreachable:' } });
    try {
      const ready = await fetch(`${noRedis.url}/readyz`);
      expect(ready.status).toBe(200); // every instance would fail this at once: none must leave the load balancer for it
      expect(await ready.json()).toEqual({ status: 'degraded', checks: { database: 'up', pubsub: { kind: 'redis', status: 'down' } } });
      expect(await (await fetch(`${noRedis.url}/metrics`)).text()).toMatch(/^pubsub_up 0$/m);
      // A mutation still commits: the live event is lost, the data is not.
      const adminToken = await noRedis.login();
      const created = await graphql(
        noRedis.url,
        `mutation { createExtension(input: { number: 777, employeeName: "Offline Redis", role: "Ops", phone: "+15555550177" }) { extension { number } userErrors { message } } }`,
        {},
        adminToken,
      );
      expect(created.data!.createExtension).toEqual({ extension: { number: 777 }, userErrors: [] });
    } finally {
      await noRedis.stop();
    }
  });
});

describe('production mode', () => {
  it('hides Sandbox and introspection', async () => {
    const production = await startTestServer({ databaseUrl: server.databaseUrl, env: { NODE_ENV: 'production' } });
    try {
      const page = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/sandbox/i);
      const introspection = await graphql(production.url, `{ __schema { types { name } } }`, {}, await production.login());
      expect(errorCodes(introspection)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    } finally {
      await production.stop();
    }
  });

  it('serves /metrics only with its token, and not at all without one', async () => {
    const metricsToken = 'metrics-token-for-the-test-0123456789';
    // Started side by side: two production starts one after the other took most of the test's time on a busy machine.
    const [withoutToken, withToken] = await Promise.all([
      startTestServer({ databaseUrl: server.databaseUrl, env: { NODE_ENV: 'production' } }),
      startTestServer({ databaseUrl: server.databaseUrl, env: { NODE_ENV: 'production', METRICS_TOKEN: metricsToken } }),
    ]);
    try {
      const closed = await fetch(`${withoutToken.url}/metrics`);
      expect(closed.status).toBe(404);
      expect(((await closed.json()) as { error: { message: string } }).error.message).toMatch(/METRICS_TOKEN/);
      const anonymous = await fetch(`${withToken.url}/metrics`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).not.toMatch(/graphql_operations_total/);
      const wrong = await fetch(`${withToken.url}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
      expect(wrong.status).toBe(401);
      const scraped = await fetch(`${withToken.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^process_cpu_seconds_total /m);
    } finally {
      await withoutToken.stop();
      await withToken.stop();
    }
  });

  it('suggests no field, argument, enum value or input field names, over HTTP or WebSocket', async () => {
    const production = await startTestServer({ databaseUrl: server.databaseUrl, env: { NODE_ENV: 'production' } });
    const messagesOf = (response: { errors?: Array<{ message: string }> }) => (response.errors ?? []).map((error) => error.message);
    const misspelled = [
      // A field, an argument and an enum value in the document; an input field and an enum value in variables.
      { query: `{ mee { id } }`, variables: {} },
      { query: `{ conversations(frist: 5) { totalCount } }`, variables: {} },
      { query: `{ conversations(first: 5, channel: SMSS) { totalCount } }`, variables: {} },
      { query: `mutation($input: LoginInput!) { login(input: $input) { token } }`, variables: { input: { emial: 'a@b.test', password: 'x' } } },
      { query: `query($c: Channel) { conversations(first: 5, channel: $c) { totalCount } }`, variables: { c: 'SMSS' } },
    ];
    try {
      for (const { query, variables } of misspelled) {
        const messages = messagesOf(await graphql(production.url, query, variables));
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) expect(message).not.toMatch(/did you mean/i);
      }
      // The same over a socket.
      const socket = wsClient(production.url, `Bearer ${await production.login()}`);
      await connected(socket.client);
      const subscription = subscribe(socket.client, `subscription { escalationRaisd { id } }`);
      await expect.poll(() => subscription.errors.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(JSON.stringify(subscription.errors)).not.toMatch(/did you mean/i);
      expect(JSON.stringify(subscription.errors)).toMatch(/Cannot query field/);
      await socket.client.dispose();
    } finally {
      await production.stop();
    }
  });
});

describe('errors outside GraphQL', () => {
  it('are JSON with a code and a request id in every mode, never a page with a stack or file paths', async () => {
    const development = await startTestServer({ databaseUrl: server.databaseUrl, env: { NODE_ENV: 'development' } });
    const production = await startTestServer({ databaseUrl: server.databaseUrl, env: { NODE_ENV: 'production' } });
    try {
      for (const running of [development, production]) {
        const malformed = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me { id } ' });
        expect(malformed.status).toBe(400);
        expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
        const malformedText = await malformed.text();
        expect(malformedText).not.toMatch(/node_modules|\/src\/|\bat \w|<html|<pre/i);
        const body = JSON.parse(malformedText);
        expect(body.errors).toEqual([{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }]);

        const oversized = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x'.repeat(1_100_000) }) });
        expect(oversized.status).toBe(413);
        expect(((await oversized.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

        const nowhere = await fetch(`${running.url}/no-such-endpoint`, { method: 'POST', body: 'x' });
        expect(nowhere.status).toBe(404);
        expect(await nowhere.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Nothing is served at POST /no-such-endpoint.', requestId: expect.any(String) } });
      }
    } finally {
      await development.stop();
      await production.stop();
    }
  });
});

describe('development mode', () => {
  it('still suggests names to developers', async () => {
    const response = await graphql(server.url, `{ mee { id } }`, {});
    expect(response.errors?.[0].message).toMatch(/Did you mean "me"\?/);
  });
});

describe('channels without provider credentials', () => {
  it('refuses a call transfer with a userError saying telephony is not configured', async () => {
    const response = await graphql(server.url, `mutation { transferCall(extensionId: "any", callId: "any") { call { id } userErrors { code message } } }`, {}, token);
    expect(response.data!.transferCall).toEqual({
      call: null,
      userErrors: [{ code: 'TELEPHONY_NOT_CONFIGURED', message: "Telephony isn't configured on this server (RingCentral credentials are not set), so calls can't be transferred." }],
    });
  });

  it('shows RingCentral on the local outbox and Meta as not configured, and the subscription check says why it cannot run', async () => {
    const connections = await graphql(server.url, `{ channelConnections { provider configured sender status } }`, {}, token);
    expect(connections.data!.channelConnections).toEqual([
      { provider: 'ringcentral', configured: false, sender: 'local-outbox', status: 'LOCAL' },
      { provider: 'meta', configured: false, sender: 'none', status: 'NOT_CONFIGURED' },
    ]);
    const sync = await graphql(server.url, `mutation { syncChannelSubscriptions { channelConnections { provider } userErrors { code } } }`, {}, token);
    expect(sync.data!.syncChannelSubscriptions).toEqual({ channelConnections: null, userErrors: [{ code: 'NOT_CONFIGURED' }] });
  });

  it('answers webhooks for providers that are not configured with 404', async () => {
    const response = await fetch(`${server.url}/webhooks/meta`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });
});

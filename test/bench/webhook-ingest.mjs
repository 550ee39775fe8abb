// Benchmark: sustained inbound-SMS webhooks from RingCentral on loopback. Each request is a distinct
// notification (its own uuid and message id, senders spread over SENDERS numbers) with the
// subscription's Verification-Token, so every one is verified, stored in webhook_event and its apply
// job enqueued before the 200. Reported: requests accepted per second and the acknowledgement
// latency while the queue applies them, the backlog at the end of the load and the time for the
// queue to drain it. Then the same load on a bare peer (webhook-peer.mjs: node:http + pg doing
// the same verification and the same inserts in one transaction) against the same database, so
// the product's queue applies the peer's events as it did its own, and its drain is measured
// again. Last, as peers on the same server with the queue idle, the same load on the same route
// answered before anything is stored (RingCentral's Validation-Token handshake, same body) and
// on GET /healthz. Figures and ratios, no pass/fail.
//
// Run after `pnpm build:server`: `pnpm bench:webhooks` (DURATION=20 s per run, CONNECTIONS=20).
// PROFILE=<dir> also records CPU profiles of the server during the product's load and while the
// queue drains it afterwards (through
// its inspector), writes it to <dir> and prints where its time went.
// Needs PostgreSQL and Redis like the tests: DATABASE_ADMIN_URL (default the local server) and
// REDIS_URL (default the local one; REDIS_URL= runs the server on its in-process pub/sub).
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { writeFileSync } from 'node:fs';
import { benchMetricsToken, cpuProfiler, cpuSeconds, createDatabase, load, onCleanup, printTable, profileDirectory, ratio, redisKeyPrefix, redisUrl, runBenchmark, spawnPeer, startServer, superviseChild, waitFor } from './bench-support.mjs';
import { summarize } from './cpu-profile-summary.mjs';

const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const SENDERS = Number(process.env.SENDERS ?? 1000);
const DRAIN_TIMEOUT_S = Number(process.env.DRAIN_TIMEOUT ?? 1800);
const WEBHOOK_TOKEN = `bench-${randomBytes(12).toString('hex')}`;
const BUSINESS_NUMBER = '+15555550100';
const INSTANT_SMS_EVENT = '/restapi/v1.0/account/~/extension/1001/message-store/instant?type=SMS';
const TEXTS = [
  'Hi, can you do a hibachi party for 15 people on Dec 20th?',
  'How much is it per person?',
  'Do you have vegetarian options?',
  'What is included in the party?',
  'We are 12 adults and 4 kids, is that ok?',
  'Do you travel to the suburbs?',
];

// ---- a RingCentral stand-in: just enough for the server to log in, subscribe and send its replies ----

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res, status, payload, headers = {}) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** POSTs RingCentral's validation handshake to a new subscription's address; true when it was echoed. */
function validateAddress(address) {
  const token = randomBytes(16).toString('hex');
  return new Promise((resolve) => {
    const req = http.request(address, { method: 'POST', agent: false, headers: { 'validation-token': token, 'content-length': 0 }, timeout: 3000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 && res.headers['validation-token'] === token));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function startFakeRingCentral() {
  const credentials = { clientId: 'bench-client-id', clientSecret: 'bench-client-secret', jwt: 'bench.jwt.assertion' };
  const state = { smsSent: 0, subscriptions: [] };
  let nextId = 500000000000;
  const sent = new Map();
  const record = (id, text, to) => ({
    uri: `/restapi/v1.0/account/1000/extension/1001/message-store/${id}`,
    id: Number(id),
    type: 'SMS',
    direction: 'Outbound',
    messageStatus: 'Sent',
    to: [{ phoneNumber: to }],
    from: { phoneNumber: BUSINESS_NUMBER },
    subject: text,
    creationTime: new Date().toISOString(),
    lastModifiedTime: new Date().toISOString(),
  });
  const subscriptionInfo = (s) => ({
    id: s.id,
    status: 'Active',
    eventFilters: s.eventFilters,
    expirationTime: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    expiresIn: 7 * 24 * 3600,
    deliveryMode: { transportType: 'WebHook', address: s.address },
  });
  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = `${req.method} ${url.pathname.replace(/%7e/gi, '~')}`;
    if (route === 'POST /restapi/oauth/token') {
      return sendJson(res, 200, {
        access_token: `at-${randomBytes(8).toString('hex')}`,
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: `rt-${randomBytes(8).toString('hex')}`,
        refresh_token_expires_in: 604800,
        scope: 'SMS ReadMessages WebhookSubscriptions',
        owner_id: '1001',
      });
    }
    if (route === 'POST /restapi/oauth/revoke') return sendJson(res, 200, {});
    let body;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    if (/^POST \/restapi\/v1\.0\/account\/[^/]+\/extension\/[^/]+\/sms$/.test(route)) {
      const id = String(nextId++);
      const to = body?.to?.[0]?.phoneNumber ?? '';
      sent.set(id, record(id, body?.text ?? '', to));
      state.smsSent++;
      return sendJson(res, 200, sent.get(id));
    }
    let m;
    if ((m = /^GET \/restapi\/v1\.0\/account\/[^/]+\/extension\/[^/]+\/message-store\/(\d+)$/.exec(route))) {
      return sent.has(m[1]) ? sendJson(res, 200, sent.get(m[1])) : sendJson(res, 404, { errorCode: 'CMN-102', message: 'not found' });
    }
    if (/^GET \/restapi\/v1\.0\/account\/[^/]+\/extension\/[^/]+\/message-store$/.test(route)) {
      return sendJson(res, 200, { records: [], paging: { page: 1, totalPages: 1, perPage: 100 }, navigation: {} });
    }
    if (route === 'POST /restapi/v1.0/subscription') {
      const address = body?.deliveryMode?.address;
      if (typeof address !== 'string' || !(await validateAddress(address))) {
        return sendJson(res, 400, { errorCode: 'SUB-525', message: 'WebHook server response is invalid' });
      }
      const subscription = { id: randomUUID(), address, eventFilters: body.eventFilters ?? [] };
      state.subscriptions.push(subscription);
      return sendJson(res, 200, subscriptionInfo(subscription));
    }
    if ((m = /^(?:POST|PUT|GET) \/restapi\/v1\.0\/subscription\/([^/]+)(?:\/renew)?$/.exec(route))) {
      const subscription = state.subscriptions.find((s) => s.id === m[1]);
      return subscription ? sendJson(res, 200, subscriptionInfo(subscription)) : sendJson(res, 404, { errorCode: 'CMN-102', message: 'not found' });
    }
    return sendJson(res, 404, { errorCode: 'CMN-102', message: `bench fake: no route ${route}` });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    credentials,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- load ----

let sequence = 0;
function inboundNotification() {
  const n = sequence++;
  const id = String(700000000000 + n);
  const from = `+1555${String(2000000 + (n % SENDERS)).padStart(7, '0')}`;
  const now = new Date().toISOString();
  return JSON.stringify({
    uuid: randomUUID(),
    event: INSTANT_SMS_EVENT,
    timestamp: now,
    subscriptionId: 'bench-subscription',
    ownerId: '1001',
    body: {
      id,
      to: [{ phoneNumber: BUSINESS_NUMBER, name: 'Hibachi Catering', target: true }],
      from: { phoneNumber: from },
      type: 'SMS',
      creationTime: now,
      lastModifiedTime: now,
      readStatus: 'Unread',
      priority: 'Normal',
      attachments: [{ id, type: 'Text', contentType: 'text/plain' }],
      direction: 'Inbound',
      availability: 'Alive',
      subject: TEXTS[n % TEXTS.length],
      messageStatus: 'Received',
      conversationId: `78764162${id}`,
      ownerId: '1001',
    },
  });
}

const webhookHeaders = { 'content-type': 'application/json; charset=UTF-8', 'user-agent': 'RingCentral-Webhook/8.3', 'verification-token': WEBHOOK_TOKEN };

async function eventCounts(db) {
  const { rows } = await db.query('SELECT status, count(*)::int AS n FROM webhook_event GROUP BY status');
  const counts = { PENDING: 0, RETRYING: 0, APPLIED: 0, DEAD: 0 };
  for (const row of rows) counts[row.status] = row.n;
  counts.total = counts.PENDING + counts.RETRYING + counts.APPLIED + counts.DEAD;
  return counts;
}

/**
 * Sustained webhooks to `url` for DURATION s, then the wait until the server's queue has
 * applied everything; counts are deltas from before the load, so runs can follow each other.
 */
/** Per queue, the SQL statements its job attempts sent and how many attempts, from the server's /metrics. */
async function jobStatements(serverUrl) {
  const text = await (await fetch(`${serverUrl}/metrics`, { headers: { authorization: `Bearer ${benchMetricsToken}` } })).text();
  const totals = {};
  for (const match of text.matchAll(/^job_attempt_db_statements_(sum|count)\{queue="([^"]+)"\} (\S+)$/gm)) {
    const [, kind, queue, value] = match;
    totals[queue] ??= { sum: 0, count: 0 };
    totals[queue][kind] = Number(value);
  }
  return totals;
}

async function ingestAndDrain({ label, url, db, rc, profiler, serverPid, serverUrl }) {
  const statementsBefore = await jobStatements(serverUrl);
  const before = await eventCounts(db);
  const smsBefore = rc.state.smsSent;
  await profiler?.start();
  const ingest = await load(label, {
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: 'POST', headers: webhookHeaders, setupRequest: (request) => ({ ...request, body: inboundNotification() }) }],
  });
  const loadEnded = performance.now();
  const cpuAtLoadEnd = serverPid ? cpuSeconds(serverPid) : null;
  const profile = await profiler?.stop();
  // The drain alone gets a profile of its own: no ingest beside it.
  await profiler?.start();
  const atLoadEnd = await eventCounts(db);
  const smsAtLoadEnd = rc.state.smsSent - smsBefore;
  const backlog = atLoadEnd.PENDING + atLoadEnd.RETRYING;
  const appliedDuringLoad = atLoadEnd.APPLIED - before.APPLIED;
  console.log(`  at the end of the load: ${atLoadEnd.total - before.total} events stored, ${appliedDuringLoad} applied during the load, backlog ${backlog}`);

  // Drain: no event left waiting or retrying. Progress every 30 s, since a long backlog takes a while.
  let lastReport = performance.now();
  const drained = await waitFor(
    async () => {
      const counts = await eventCounts(db);
      if (performance.now() - lastReport >= 30_000) {
        lastReport = performance.now();
        const seconds = (lastReport - loadEnded) / 1000;
        console.log(`  draining: ${seconds.toFixed(0)} s, applied ${counts.APPLIED - before.APPLIED}, waiting ${counts.PENDING + counts.RETRYING} (${((counts.APPLIED - atLoadEnd.APPLIED) / seconds).toFixed(1)} events/s)`);
      }
      return counts.PENDING + counts.RETRYING === 0;
    },
    DRAIN_TIMEOUT_S * 1000,
    250,
  );
  const drainSeconds = (performance.now() - loadEnded) / 1000;
  const cpuAfterDrain = serverPid ? cpuSeconds(serverPid) : null;
  const drainProfile = await profiler?.stop();
  const afterDrain = await eventCounts(db);
  const stored = afterDrain.total - before.total;
  const applied = afterDrain.APPLIED - before.APPLIED;
  const dead = afterDrain.DEAD - before.DEAD;
  const drainRate = (afterDrain.APPLIED - atLoadEnd.APPLIED) / drainSeconds;
  console.log(
    drained
      ? `  queue drained ${drainSeconds.toFixed(1)} s after the load ended: applied ${applied}, dead ${dead}; ${drainRate.toFixed(1)} events/s applied while draining`
      : `  queue NOT drained ${DRAIN_TIMEOUT_S} s after the load (DRAIN_TIMEOUT): ${JSON.stringify(afterDrain)}; ${drainRate.toFixed(1)} events/s, ` +
          `about ${((afterDrain.PENDING + afterDrain.RETRYING) / drainRate).toFixed(0)} s more at that rate`,
  );
  // Requests still in flight when autocannon's window closed are stored but not counted as 2xx.
  console.log(
    `  requests sent ${ingest.sent}, events stored ${stored} (${stored === ingest.sent ? 'one per request' : `MISMATCH: ${stored - ingest.sent}`}), answered 2xx within the window ${ingest.ok}`,
  );
  console.log(`  replies received by the RingCentral stand-in: ${smsAtLoadEnd} by the end of the load, ${rc.state.smsSent - smsBefore} when the queue had drained`);
  // The server's own CPU time per event while draining: steadier than events per second on a busy machine.
  const drainCpuMsPerEvent = cpuAtLoadEnd !== null && cpuAfterDrain !== null && afterDrain.APPLIED > atLoadEnd.APPLIED ? ((cpuAfterDrain - cpuAtLoadEnd) * 1000) / (afterDrain.APPLIED - atLoadEnd.APPLIED) : null;
  if (drainCpuMsPerEvent !== null) console.log(`  server CPU while draining: ${drainCpuMsPerEvent.toFixed(2)} ms per event applied (its reply sent)`);
  const statementsAfter = await jobStatements(serverUrl);
  const perAttempt = ['webhook.apply', 'outbound.send'].map((queue) => {
    const [after, earlier] = [statementsAfter[queue] ?? { sum: 0, count: 0 }, statementsBefore[queue] ?? { sum: 0, count: 0 }];
    const attempts = after.count - earlier.count;
    return `${queue} ${attempts > 0 ? ((after.sum - earlier.sum) / attempts).toFixed(1) : 'n/a'} over ${attempts} attempts`;
  });
  const counted = ['webhook.apply', 'outbound.send'].some((queue) => (statementsAfter[queue]?.count ?? 0) > (statementsBefore[queue]?.count ?? 0));
  console.log(
    counted
      ? `  SQL statements per job attempt (pg-boss's own fetch and completion not included): ${perAttempt.join('; ')}`
      : '  SQL statements per job attempt: not counted (the server runs as in production; run with SQL_STATEMENTS_PER_OPERATION=true to count them)',
  );
  return { ingest, profile, drainProfile, drain: { drained, seconds: drainSeconds, backlog, applied, dead, rate: drainRate, cpuMsPerEvent: drainCpuMsPerEvent } };
}

async function main() {
  console.log(`Webhook ingest benchmark: ${DURATION} s per run, ${CONNECTIONS} connections, ${SENDERS} senders, loopback.`);
  const rc = await startFakeRingCentral();
  onCleanup(() => rc.close());
  const database = await createDatabase();
  const redisPrefix = redisKeyPrefix();
  const profileDir = profileDirectory(process.env.PROFILE, 'webhooks');
  const server = await startServer(
    {
      DATABASE_URL: database.url,
      ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisPrefix } : {}),
      RINGCENTRAL_SERVER_URL: rc.url,
      RINGCENTRAL_CLIENT_ID: rc.credentials.clientId,
      RINGCENTRAL_CLIENT_SECRET: rc.credentials.clientSecret,
      RINGCENTRAL_JWT: rc.credentials.jwt,
      RINGCENTRAL_FROM_NUMBER: BUSINESS_NUMBER,
      RINGCENTRAL_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    },
    { nodeOptions: profileDir ? ['--inspect=127.0.0.1:0'] : [] },
  );
  const profiler = profileDir ? await cpuProfiler(server.inspector) : undefined;
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  onCleanup(() => db.end());
  // The server subscribes once it listens; let that (and its validation handshake) finish first.
  if (!(await waitFor(() => rc.state.subscriptions.length > 0, 15_000))) console.log('(the server made no webhook subscription within 15 s; going on)');
  // After the server has migrated the database and created the queues it shares with it.
  const peer = await superviseChild(
    spawnPeer('webhook-peer.mjs', { DATABASE_URL: database.url, WEBHOOK_TOKEN }),
    'bare peer',
  );

  const webhookUrl = `${server.url}/webhooks/ringcentral`;
  // Warm-up: connections, JIT, the pools.
  await autocannon({ url: `${server.url}/healthz`, connections: CONNECTIONS, duration: 2 });

  console.log('');
  const product = await ingestAndDrain({ label: 'product: verify, store, enqueue', url: webhookUrl, db, rc, profiler, serverPid: server.pid, serverUrl: server.url });
  console.log('');
  const bare = await ingestAndDrain({ label: 'bare peer: the same, node:http + pg', url: `${peer.url}/webhooks/ringcentral`, db, rc, serverPid: server.pid, serverUrl: server.url });

  console.log('');
  console.log('Peers on the same server, queue idle:');
  const storedBefore = (await eventCounts(db)).total;
  const handshake = await load('same route and body, answered before storing', {
    url: webhookUrl,
    connections: CONNECTIONS,
    duration: DURATION,
    // RingCentral's Validation-Token handshake is answered before verification and storage.
    requests: [{ method: 'POST', headers: { ...webhookHeaders, 'validation-token': 'bench-handshake' }, setupRequest: (request) => ({ ...request, body: inboundNotification() }) }],
  });
  const healthz = await load('GET /healthz', { url: `${server.url}/healthz`, connections: CONNECTIONS, duration: DURATION });
  const stillStored = (await eventCounts(db)).total;
  if (stillStored !== storedBefore) console.log(`  NOTE: the handshake peer stored events (${stillStored - storedBefore})`);

  console.log('');
  console.log('Summary');
  printTable([
    ['run', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx/err'],
    ...[product.ingest, bare.ingest, handshake, healthz].map((r) => [r.label, r.rps.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), String(r.ok), String(r.non2xx + r.errors)]),
  ]);
  for (const [name, run] of [['product', product], ['bare peer', bare]]) {
    const { drain } = run;
    console.log(
      `  queue drain after the ${name}'s load: ${drain.drained ? `${drain.seconds.toFixed(1)} s` : `not within ${DRAIN_TIMEOUT_S} s`} ` +
        `(backlog ${drain.backlog}, applied ${drain.applied}, dead ${drain.dead}; ${drain.rate.toFixed(1)} events/s while draining` +
        `${drain.cpuMsPerEvent === null ? '' : `, ${drain.cpuMsPerEvent.toFixed(2)} ms of server CPU per event`})`,
    );
  }
  const ingest = product.ingest;
  console.log(`  product / bare peer:              req/s ${ratio(ingest.rps, bare.ingest.rps)}, p50 ${ratio(ingest.p50, bare.ingest.p50)}, p99 ${ratio(ingest.p99, bare.ingest.p99)}`);
  console.log(`  product ingest rate / drain rate: x${(ingest.rps / product.drain.rate).toFixed(1)}`);
  console.log(`  product / answered-before-storing: req/s ${ratio(ingest.rps, handshake.rps)}, p50 ${ratio(ingest.p50, handshake.p50)}, p99 ${ratio(ingest.p99, handshake.p99)}`);
  console.log(`  product / healthz:                 req/s ${ratio(ingest.rps, healthz.rps)}, p50 ${ratio(ingest.p50, healthz.p50)}, p99 ${ratio(ingest.p99, healthz.p99)}`);
  if (server.exited()) throw new Error(`the server exited during the run: ${server.output()}`);
  for (const [name, profile] of [['during-ingest', product.profile], ['while-draining', product.drainProfile]]) {
    if (!profile) continue;
    const file = path.join(profileDir, `server-${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log('');
    summarize(file);
  }
}

await runBenchmark(main);

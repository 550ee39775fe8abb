// Benchmark: sustained inbound-SMS webhooks from RingCentral on loopback. Each request is a distinct
// notification (its own uuid and message id, senders spread over SENDERS numbers) with the
// subscription's Verification-Token, so every one is verified, stored in webhook_event and its apply
// job enqueued before the 200. Reported: requests accepted per second and the acknowledgement
// latency while the queue applies them, the backlog at the end of the load and the time for the
// queue to drain it; then, as peers on the same server with the queue idle, the same load on the
// same route answered before anything is stored (RingCentral's Validation-Token handshake, same
// body) and on GET /healthz. Figures and ratios, no pass/fail.
//
// Run after `pnpm build:server`: `pnpm bench:webhooks` (DURATION=20 s per run, CONNECTIONS=20).
// Needs PostgreSQL and Redis like the tests: DATABASE_ADMIN_URL (default the local server) and
// REDIS_URL (default the local one; REDIS_URL= runs the server on its in-process pub/sub).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const SENDERS = Number(process.env.SENDERS ?? 1000);
const DRAIN_TIMEOUT_S = Number(process.env.DRAIN_TIMEOUT ?? 1800);
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
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

const cleanups = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    await step().catch((error) => console.error(`cleanup: ${error.message}`));
  }
}

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

// ---- database, server ----

async function createDatabase() {
  const name = `hibachi_bench_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function startServer(env) {
  const child = spawn(process.execPath, [path.join(root, 'server/dist/server/src/main.js')], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code) => ((exited = true), resolve(code))));
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    // A graceful stop can wait on the load generator's keep-alive connections; do not let it stall the run.
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
      const match = /Console:\s+(http:\/\/\S+?)\/?\s*$/m.exec(output);
      if (match) resolve({ url: match[1], output: () => output, exited: () => exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exit.then((code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

// ---- load ----

const pct = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

/** autocannon for DURATION s; latencies of 2xx answers kept at full precision (autocannon's histogram rounds to 1 ms). */
async function load(label, options) {
  const latencies = [];
  const instance = autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const ok = result['2xx'];
  const figures = {
    label,
    sent: result.requests.sent,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: ok / result.duration,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)])),
    start: result.start,
    finish: result.finish,
  };
  console.log(
    `${label.padEnd(46)} sent ${figures.sent}  2xx ${ok}  non-2xx ${figures.non2xx}  errors ${figures.errors}  ` +
      `${figures.rps.toFixed(0)} req/s  p50 ${figures.p50.toFixed(2)} ms  p99 ${figures.p99.toFixed(2)} ms  max ${figures.max.toFixed(1)} ms`,
  );
  if (figures.non2xx > 0) console.log(`${''.padEnd(46)} status codes: ${JSON.stringify(figures.statusCodes)}`);
  return figures;
}

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

async function waitFor(condition, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return true;
}

async function main() {
  console.log(`Webhook ingest benchmark: ${DURATION} s per run, ${CONNECTIONS} connections, ${SENDERS} senders, loopback.`);
  const rc = await startFakeRingCentral();
  cleanups.push(() => rc.close());
  const databaseUrl = await createDatabase();
  const redisPrefix = `bench${randomBytes(3).toString('hex')}:`;
  if (redisUrl) {
    cleanups.push(async () => {
      const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });
  }
  const server = await startServer({
    DATABASE_URL: databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisPrefix } : {}),
    ADMIN_EMAIL: 'bench@example.test',
    ADMIN_PASSWORD: 'bench password 1234',
    RINGCENTRAL_SERVER_URL: rc.url,
    RINGCENTRAL_CLIENT_ID: rc.credentials.clientId,
    RINGCENTRAL_CLIENT_SECRET: rc.credentials.clientSecret,
    RINGCENTRAL_JWT: rc.credentials.jwt,
    RINGCENTRAL_FROM_NUMBER: BUSINESS_NUMBER,
    RINGCENTRAL_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  // The server subscribes once it listens; let that (and its validation handshake) finish first.
  if (!(await waitFor(() => rc.state.subscriptions.length > 0, 15_000))) console.log('(the server made no webhook subscription within 15 s; going on)');

  const webhookUrl = `${server.url}/webhooks/ringcentral`;
  // Warm-up: connections, JIT, the pools.
  await autocannon({ url: `${server.url}/healthz`, connections: CONNECTIONS, duration: 2 });

  console.log('');
  const ingest = await load('inbound SMS webhooks (verify, store, enqueue)', {
    url: webhookUrl,
    requests: [{ method: 'POST', headers: webhookHeaders, setupRequest: (request) => ({ ...request, body: inboundNotification() }) }],
  });
  const loadEnded = performance.now();
  const atLoadEnd = await eventCounts(db);
  const smsAtLoadEnd = rc.state.smsSent;

  const backlog = atLoadEnd.PENDING + atLoadEnd.RETRYING;
  console.log(`  at the end of the load: ${atLoadEnd.total} events stored, ${atLoadEnd.APPLIED} applied during the load, backlog ${backlog}`);

  // Drain: no event left waiting or retrying. Progress every 30 s, since a long backlog takes a while.
  let lastReport = performance.now();
  const drained = await waitFor(
    async () => {
      const counts = await eventCounts(db);
      if (performance.now() - lastReport >= 30_000) {
        lastReport = performance.now();
        const seconds = (lastReport - loadEnded) / 1000;
        console.log(`  draining: ${seconds.toFixed(0)} s, applied ${counts.APPLIED}, waiting ${counts.PENDING + counts.RETRYING} (${((counts.APPLIED - atLoadEnd.APPLIED) / seconds).toFixed(1)} events/s)`);
      }
      return counts.PENDING + counts.RETRYING === 0;
    },
    DRAIN_TIMEOUT_S * 1000,
    250,
  );
  const drainSeconds = (performance.now() - loadEnded) / 1000;
  const afterDrain = await eventCounts(db);
  const smsAtDrain = rc.state.smsSent;
  const drainRate = (afterDrain.APPLIED - atLoadEnd.APPLIED) / drainSeconds;
  console.log(
    drained
      ? `  queue drained ${drainSeconds.toFixed(1)} s after the load ended: applied ${afterDrain.APPLIED}, dead ${afterDrain.DEAD}; ${drainRate.toFixed(1)} events/s applied while draining`
      : `  queue NOT drained ${DRAIN_TIMEOUT_S} s after the load (DRAIN_TIMEOUT): ${JSON.stringify(afterDrain)}; ${drainRate.toFixed(1)} events/s, ` +
          `about ${((afterDrain.PENDING + afterDrain.RETRYING) / drainRate).toFixed(0)} s more at that rate`,
  );
  // Requests still in flight when autocannon's window closed are stored but not counted as 2xx.
  console.log(
    `  requests sent ${ingest.sent}, events stored ${afterDrain.total} (${afterDrain.total === ingest.sent ? 'one per request' : `MISMATCH: ${afterDrain.total - ingest.sent}`}), ` +
      `answered 2xx within the window ${ingest.ok}`,
  );
  console.log(`  replies received by the RingCentral stand-in: ${smsAtLoadEnd} by the end of the load, ${smsAtDrain} when the queue had drained`);

  console.log('');
  console.log('Peers on the same server, queue idle:');
  const handshake = await load('same route and body, answered before storing', {
    url: webhookUrl,
    // RingCentral's Validation-Token handshake is answered before verification and storage.
    requests: [{ method: 'POST', headers: { ...webhookHeaders, 'validation-token': 'bench-handshake' }, setupRequest: (request) => ({ ...request, body: inboundNotification() }) }],
  });
  const healthz = await load('GET /healthz', { url: `${server.url}/healthz` });
  const stillStored = await eventCounts(db);
  if (stillStored.total !== afterDrain.total) console.log(`  NOTE: the handshake peer stored events (${stillStored.total - afterDrain.total})`);

  const ratio = (a, b) => (Number.isFinite(a / b) ? `x${(a / b).toFixed(2)}` : 'n/a');
  console.log('');
  console.log('Summary');
  const rows = [
    ['run', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx/err'],
    ...[ingest, handshake, healthz].map((r) => [r.label, r.rps.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), String(r.ok), String(r.non2xx + r.errors)]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log('  ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  console.log(
    `  queue drain after the load: ${drained ? `${drainSeconds.toFixed(1)} s` : `not within ${DRAIN_TIMEOUT_S} s`} ` +
      `(backlog ${backlog}, applied ${afterDrain.APPLIED}, dead ${afterDrain.DEAD}; ${drainRate.toFixed(1)} events/s while draining)`,
  );
  console.log(`  ingest rate / drain rate: x${(ingest.rps / drainRate).toFixed(1)}`);
  console.log(
    `  ingest / answered-before-storing: req/s ${ratio(ingest.rps, handshake.rps)}, p50 ${ratio(ingest.p50, handshake.p50)}, p99 ${ratio(ingest.p99, handshake.p99)}`,
  );
  console.log(`  ingest / healthz:                 req/s ${ratio(ingest.rps, healthz.rps)}, p50 ${ratio(ingest.p50, healthz.p50)}, p99 ${ratio(ingest.p99, healthz.p99)}`);
  if (server.exited()) throw new Error(`the server exited during the run: ${server.output()}`);
}

let interrupted = false;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`${signal}: cleaning up`);
    cleanUp().finally(() => process.exit(code));
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  if (!interrupted) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  if (!interrupted) await cleanUp();
}

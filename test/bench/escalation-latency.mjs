// Benchmark: an escalation raised on instance A reaching K staff consoles connected to
// instance B over Redis, for K = 1, 100 and 1,000. Each console is its own graphql-ws
// connection (one sign-in token shared) subscribed with the console's own EscalationRaised
// document, EscalationFields and all, as codegen generated it from console/src/graphql/
// operations.ts: when the fragment changes, this follows. For each escalation (a web-chat
// message asking for a human, sent one at a time) the time from the send to its arrival at
// the LAST of the K consoles is recorded; the table gives p50 and p99 of that, and what the
// fan-out adds to the single console's p99. Then the same for one console on one instance
// with the in-process pub/sub, against Redis. Also the database transactions per escalation
// (pg_stat_database; a statement outside a transaction counts as one), to see how the
// server's work grows with K. Figures and ratios, no pass/fail.
//
// Run after `pnpm build` (the documents come from `pnpm codegen`): `pnpm bench`
// (N=100 escalations per K; N_LARGE=100 from K=1,000 on, fewer to save time;
// CONSOLES=1,100,1000). Needs PostgreSQL and Redis like the tests:
// DATABASE_ADMIN_URL (default the local server) and REDIS_URL.
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { consoleDocument, cpuProfiler, createDatabase, gql, login, onCleanup, pct, printTable, profileDirectory, redisKeyPrefix, redisUrl, runBenchmark, startServer } from './bench-support.mjs';

const N = Number(process.env.N ?? 100);
const N_LARGE = Number(process.env.N_LARGE ?? 100);
const CONSOLES = (process.env.CONSOLES ?? '1,100,1000').split(',').map(Number);
/** pg_stat_database is flushed by each backend at most every 10 s while it idles: wait that out before reading it. */
const STATS_SETTLE_MS = 11_000;
const WARM_UP = 3;

const escalationRaised = consoleDocument('EscalationRaised');

async function openConsoles(url, token, count, onEvent) {
  const clients = [];
  // A few at a time: each connection authenticates its token against the database.
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => i + j);
    await Promise.all(
      batch.map(
        (index) =>
          new Promise((resolve, reject) => {
            const client = createClient({
              url: url.replace('http', 'ws') + '/graphql',
              webSocketImpl: WebSocket,
              connectionParams: { authorization: `Bearer ${token}` },
              lazy: false,
              retryAttempts: 0,
              on: { connected: () => resolve(), error: reject, closed: (event) => reject(new Error(`console ${index} closed: ${event?.code} ${event?.reason}`)) },
            });
            clients.push(client);
            client.subscribe(
              { query: escalationRaised, operationName: 'EscalationRaised' },
              {
                next: (result) => {
                  if (result.errors) console.error(`console ${index}: ${JSON.stringify(result.errors)}`);
                  else onEvent(index, result.data.escalationRaised.id, performance.now());
                },
                error: (error) => console.error(`console ${index}: ${error instanceof Error ? error.message : JSON.stringify(error)}`),
                complete: () => undefined,
              },
            );
          }),
      ),
    );
  }
  return { dispose: () => Promise.all(clients.map((client) => client.dispose())) };
}

async function transactions(db) {
  await db.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await db.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
  return { n: Number(rows[0].n), at: performance.now() };
}

/** K consoles on `consoleUrl`, N escalations raised through `senderUrl`, one after another. */
async function measure({ label, senderUrl, consoleUrl, consoles, db }) {
  const n = consoles >= 1000 ? Math.min(N, N_LARGE) : N;
  const token = await login(consoleUrl);
  // Sends are one at a time and each raises one escalation: the first event of an id not seen
  // before is the awaited escalation's (it may arrive before the send's HTTP answer).
  let current = null;
  const finished = new Set();
  const onEvent = (index, escalationId, at) => {
    if (!current || finished.has(escalationId)) return;
    current.id ??= escalationId;
    if (escalationId !== current.id || current.seen.has(index)) return;
    current.seen.add(index);
    current.first ??= at;
    if (current.seen.size === consoles) current.resolve(at);
  };
  const opened = performance.now();
  const group = await openConsoles(consoleUrl, token, consoles, onEvent);
  const openSeconds = (performance.now() - opened) / 1000;

  const one = async () => {
    const session = (await gql(senderUrl, `mutation { startWebChatSession { sessionToken } }`)).startWebChatSession.sessionToken;
    let timer;
    const allArrived = new Promise((resolve, reject) => {
      current = { id: null, seen: new Set(), first: undefined, resolve };
      timer = setTimeout(() => reject(new Error(`${label}: an escalation reached ${current.seen.size} of ${consoles} consoles in 60 s`)), 60_000);
    });
    const started = performance.now();
    await gql(senderUrl, `mutation($t: String!) { sendWebChatMessage(sessionToken: $t, text: "I need to speak to a human") { message { id } } }`, { t: session });
    const last = await allArrived;
    clearTimeout(timer);
    finished.add(current.id);
    const first = current.first;
    current = null;
    return { first: first - started, last: last - started };
  };

  // Warm-up, and proof that every console's subscription is live: each must see these.
  for (let i = 0; i < WARM_UP; i++) await one();

  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS));
  const idleFrom = await transactions(db);
  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS));
  const idleTo = await transactions(db);
  const idlePerMs = (idleTo.n - idleFrom.n) / (idleTo.at - idleFrom.at);

  const firsts = [];
  const lasts = [];
  const from = await transactions(db);
  for (let i = 0; i < n; i++) {
    const { first, last } = await one();
    firsts.push(first);
    lasts.push(last);
  }
  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS));
  const to = await transactions(db);
  const perEscalation = (to.n - from.n - idlePerMs * (to.at - from.at)) / n;
  await group.dispose();

  // The spread from the first console to the last of the same escalation: what fanning out
  // itself takes, apart from the path before it (the send, the database, Redis).
  const spreads = lasts.map((last, i) => last - firsts[i]).sort((a, b) => a - b);
  const slowest = lasts.map((last, i) => ({ i, last, first: firsts[i] })).sort((a, b) => b.last - a.last).slice(0, 3);
  firsts.sort((a, b) => a - b);
  lasts.sort((a, b) => a - b);
  const figures = {
    label, consoles, n, p50: pct(lasts, 50), p99: pct(lasts, 99), max: lasts.at(-1), firstP50: pct(firsts, 50), firstP99: pct(firsts, 99),
    spreadP50: pct(spreads, 50), spreadP99: pct(spreads, 99), perEscalation, openSeconds,
  };
  if (consoles > 1) {
    console.log(`  first to last console: p50 ${figures.spreadP50.toFixed(1)} ms, p99 ${figures.spreadP99.toFixed(1)} ms; slowest: ${slowest.map((s) => `#${s.i} ${s.last.toFixed(0)} ms (first console at ${s.first.toFixed(0)} ms)`).join(', ')}`);
  }
  console.log(
    `${label.padEnd(48)} K=${String(consoles).padStart(4)} n=${n}  last console p50 ${figures.p50.toFixed(1)} ms  p99 ${figures.p99.toFixed(1)} ms  ` +
      `(first p50 ${figures.firstP50.toFixed(1)} ms)  ~${perEscalation.toFixed(0)} db transactions/escalation  (${openSeconds.toFixed(1)} s to connect)`,
  );
  return figures;
}

async function main() {
  console.log(`Escalation fan-out benchmark: ${N} escalations per K (${N_LARGE} from K=1,000), K = ${CONSOLES.join(', ')} consoles, each subscribed with the console's EscalationRaised document.`);
  const envBase = { WEB_CHAT_MAX_MESSAGES_PER_MINUTE_PER_IP: '100000' };

  const database = await createDatabase();
  const prefix = redisKeyPrefix();
  const redisEnv = { ...envBase, DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
  // PROFILE=<dir>: a CPU profile of instance B (the consoles' instance) for each K.
  const profileDir = profileDirectory(process.env.PROFILE, 'fan-out');
  const [a, b] = await Promise.all([
    startServer(redisEnv, { label: 'instance A' }),
    startServer(redisEnv, { label: 'instance B', nodeOptions: profileDir ? ['--inspect=127.0.0.1:0'] : [] }),
  ]);
  const profiler = profileDir ? await cpuProfiler(b.inspector) : undefined;
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  onCleanup(() => db.end());
  const overRedis = [];
  for (const consoles of CONSOLES) {
    await profiler?.start();
    overRedis.push(await measure({ label: 'two instances, Redis (send on A, consoles on B)', senderUrl: a.url, consoleUrl: b.url, consoles, db }));
    if (profiler) {
      const file = path.join(profileDir, `instance-b-k${consoles}.cpuprofile`);
      writeFileSync(file, JSON.stringify(await profiler.stop()));
      console.log(`  profile of instance B: ${file} (node test/bench/cpu-profile-summary.mjs ${file})`);
    }
  }
  await Promise.all([a.stop(), b.stop()]);

  const single = await createDatabase();
  const one = await startServer({ ...envBase, DATABASE_URL: single.url }, { label: 'single instance' });
  const singleDb = new pg.Client({ connectionString: single.url });
  await singleDb.connect();
  onCleanup(() => singleDb.end());
  const inProcess = await measure({ label: 'one instance, in-process pub/sub', senderUrl: one.url, consoleUrl: one.url, consoles: 1, db: singleDb });
  await one.stop();

  console.log('');
  console.log('Summary: time from the send to the escalation at the last of K consoles');
  const base = overRedis.find((r) => r.consoles === 1) ?? overRedis[0];
  const rows = [['pub/sub', 'K', 'n', 'p50 ms', 'p99 ms', 'max ms', 'p99 added vs K=1', 'db xacts/escalation']];
  for (const r of overRedis) {
    rows.push(['Redis, A to B', r.consoles, r.n, r.p50.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), r === base ? '-' : `+${(r.p99 - base.p99).toFixed(1)} ms`, r.perEscalation.toFixed(0)]);
  }
  rows.push(['in-process', 1, inProcess.n, inProcess.p50.toFixed(1), inProcess.p99.toFixed(1), inProcess.max.toFixed(1), '', inProcess.perEscalation.toFixed(0)]);
  printTable(rows);
  if (base.consoles === 1) {
    console.log(`  Redis / in-process at K=1: p50 x${(base.p50 / inProcess.p50).toFixed(2)}, p99 x${(base.p99 / inProcess.p99).toFixed(2)}`);
  }
}

await runBenchmark(main);

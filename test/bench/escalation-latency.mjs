// Benchmark: time from a web-chat message that triggers an escalation to the escalationRaised
// event at a console subscribed on another instance (Redis), against the same on one instance
// with the in-process pub/sub. Run after `pnpm build`: `pnpm bench` (N=500 by default).
// Needs PostgreSQL and Redis like the tests: DATABASE_ADMIN_URL (default the local server) and REDIS_URL.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const N = Number(process.env.N ?? 500);
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const admin = { email: 'bench@example.test', password: 'bench password 1234' };

async function createDatabase() {
  const name = `hibachi_bench_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => { const c = new pg.Client({ connectionString: adminUrl }); await c.connect(); await c.query(`DROP DATABASE "${name}" WITH (FORCE)`); await c.end(); } };
}

function startServer(env) {
  const child = spawn(process.execPath, [path.join(root, 'server/dist/server/src/main.js')], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'error', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Console:\s+(http:\/\/\S+?)\/?\s*$/m.exec(output);
      if (match) {
        // A graceful stop can wait on the bench's own keep-alive connections; do not let it stall the run.
        const stop = () =>
          new Promise((r) => {
            child.once('exit', r);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          });
        resolve({ url: match[1], stop });
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

async function gql(url, query, variables = {}, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()).data;
}

async function measure(label, senderUrl, consoleUrl) {
  const token = (await gql(consoleUrl, `mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: admin })).login.token;
  // Sends are sequential and each raises exactly one escalation, so the next event answers the pending send.
  let pending = null;
  const client = createClient({ url: consoleUrl.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
  await new Promise((resolve, reject) => {
    client.subscribe({ query: `subscription { escalationRaised { id } }` }, {
      next: () => {
        const resolvePending = pending;
        pending = null;
        resolvePending?.(performance.now());
      },
      error: reject,
      complete: () => undefined,
    });
    client.on('connected', () => setTimeout(resolve, 300)); // let the subscription reach Redis
  });
  const latencies = [];
  for (let i = 0; i < N; i++) {
    const session = (await gql(senderUrl, `mutation { startWebChatSession { sessionToken } }`)).startWebChatSession.sessionToken;
    const received = new Promise((resolve) => (pending = resolve));
    const started = performance.now();
    await gql(senderUrl, `mutation($t: String!) { sendWebChatMessage(sessionToken: $t, text: "I need to speak to a human") { message { id } } }`, { t: session });
    latencies.push((await received) - started);
  }
  await client.dispose();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  console.log(`${label.padEnd(44)} n=${N}  p50 ${pct(50).toFixed(1)} ms  p99 ${pct(99).toFixed(1)} ms`);
  return { p50: pct(50), p99: pct(99) };
}

const db1 = await createDatabase();
const prefix = `bench${randomBytes(3).toString('hex')}:`;
const envBase = { DATABASE_URL: db1.url, WEB_CHAT_MAX_MESSAGES_PER_MINUTE_PER_IP: '100000' };
const [a, b] = await Promise.all([startServer({ ...envBase, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix }), startServer({ ...envBase, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix })]);
const redis = await measure('two instances, Redis (send on A, console on B)', a.url, b.url);
await Promise.all([a.stop(), b.stop()]);
await db1.drop();

const db2 = await createDatabase();
const single = await startServer({ DATABASE_URL: db2.url, WEB_CHAT_MAX_MESSAGES_PER_MINUTE_PER_IP: '100000' });
const local = await measure('one instance, in-process pub/sub', single.url, single.url);
await single.stop();
await db2.drop();

console.log(`Redis / in-process: p50 x${(redis.p50 / local.p50).toFixed(2)}, p99 x${(redis.p99 / local.p99).toFixed(2)}`);

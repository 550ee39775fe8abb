import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ringCentralEnv, startFakeRingCentral, type FakeRingCentral, type HeldSms } from './support/fake-ringcentral-server';
import { connectDatabase, startApp } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { LOGIN, spawnServer, startTestServer, type TestServer } from './support/test-server';
import { createTestDatabase, testRedis } from './support/test-database';
import { tcpProxy } from './support/tcp-proxy';

/**
 * What a deploy or rolling restart does to a running server: SIGTERM while webhook events are
 * being applied and a text is on its way to a RingCentral that answers slowly. The process must
 * stop on its own, with exit code 0, within SHUTDOWN_GRACE_SECONDS; open consoles are told the
 * server is going away (1001); every delivery it acknowledged is applied, and the text in flight
 * is either finished before the exit or back on the queue and sent exactly once by the next start.
 */

const WEBHOOK_TOKEN = 'shutdown-verification-token-0123456789';
const GRACE_SECONDS = 8;
const LIVE_MS = 20_000;
const QUESTION = 'What is included in the party?';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

interface Stream {
  /** Customers whose delivery was acknowledged with 200 and stored. */
  accepted: string[];
  /** Resolves once deliveries are refused (the server stopped listening) or the cap is reached. */
  done: Promise<void>;
}

/** Inbound texts from new customers, two at a time, until the server stops taking them. */
function streamInboundTexts(rc: FakeRingCentral, prefix: string): Stream {
  const accepted: string[] = [];
  let next = 0;
  let refused = false;
  const lane = async () => {
    while (!refused && next < 400) {
      const customer = `${prefix}${String(next++).padStart(4, '0')}`;
      try {
        const reply = await rc.deliver(rc.inboundSmsBody({ from: customer, text: QUESTION }));
        if (reply.status === 200 && JSON.parse(reply.text).stored === 1) accepted.push(customer);
      } catch {
        refused = true; // connection refused or closed: the listener is gone
      }
    }
  };
  return { accepted, done: Promise.all([lane(), lane()]).then(() => undefined) };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  await expect.poll(condition, { timeout: timeoutMs, interval: 50, message: `waiting for ${what}` }).toBe(true);
}

/** Exit code and milliseconds from the signal, or null when it had to be killed. */
async function timeExit(server: Pick<TestServer, 'kill' | 'exited'>, limitMs: number): Promise<{ code: number | null; ms: number }> {
  const sentAt = Date.now();
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), limitMs);
  const code = await server.exited;
  clearTimeout(timer);
  return { code, ms: Date.now() - sentAt };
}

describe.each([
  { mode: 'development', finishInFlight: true, prefix: '+1555601' },
  { mode: 'production', finishInFlight: false, prefix: '+1555602' },
])('SIGTERM with NODE_ENV=$mode and DATABASE_URL', ({ mode, finishInFlight, prefix }) => {
  it(`drains and exits 0 within the grace period; the text in flight is ${finishInFlight ? 'finished' : 'sent once after a restart'}`, async () => {
    const databaseUrl = await createTestDatabase();
    const redis = testRedis();
    const app = await startApp({
      ringCentral: { webhookToken: WEBHOOK_TOKEN },
      databaseUrl,
      redis,
      env: { NODE_ENV: mode, JOBS_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1', SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) },
    });
    cleanups.push(() => app.stop());
    const { rc, server, db } = app;
    // The same environment for the next start on this database.
    const env = { ...ringCentralEnv(rc, WEBHOOK_TOKEN), NODE_ENV: mode, JOBS_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1', SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) };

    // A console with a live subscription.
    const socket = wsClient(server.url, `Bearer ${app.adminToken}`);
    await connected(socket.client);
    subscribe(socket.client, `subscription { escalationRaised { id } }`);

    // A reply on its way to a RingCentral that holds its answer.
    const heldCustomer = `${prefix}9999`;
    const held: HeldSms = rc.holdNextSms();
    expect((await rc.deliver(rc.inboundSmsBody({ from: heldCustomer, text: QUESTION }))).status).toBe(200);
    const heldText = await held.arrived;

    // Webhook events arriving and being applied when the signal comes.
    const stream = streamInboundTexts(rc, prefix);
    await waitFor(() => stream.accepted.length >= 10, LIVE_MS, 'ten acknowledged deliveries');

    const exit = timeExit(server, GRACE_SECONDS * 1000 + 15_000);
    expect(await socket.closed).toBe(1001);
    if (finishInFlight) held.release();
    const { code, ms } = await exit;
    await stream.done;
    console.log(`[shutdown] NODE_ENV=${mode}: exit code ${code} after ${ms} ms (SHUTDOWN_GRACE_SECONDS=${GRACE_SECONDS})`);
    expect(code).toBe(0);
    expect(ms).toBeLessThanOrEqual(GRACE_SECONDS * 1000);

    const heldSend = async () => (await db.query(`SELECT status, attempts, provider_message_id FROM outbound_send WHERE recipient = $1`, [heldCustomer])).rows[0];
    if (finishInFlight) {
      expect(await heldSend()).toMatchObject({ status: 'SENT', attempts: 1, provider_message_id: heldText.id });
    } else {
      // Given up at the deadline, not left running: the client hung up, and the job is back on the queue to retry soon.
      expect(held.isAbandoned).toBe(true);
      const { rows } = await db.query(
        `SELECT state, start_after < now() + interval '1 minute' AS soon FROM pgboss.job WHERE name = 'outbound.send' AND data->>'key' IN (SELECT idempotency_key FROM outbound_send WHERE recipient = $1)`,
        [heldCustomer],
      );
      expect(rows).toEqual([{ state: 'retry', soon: true }]);
    }

    // The next start on the same database finishes what was acknowledged, and sends nothing twice.
    const restarted = await startTestServer({ databaseUrl, redis, env });
    cleanups.push(() => restarted.stop());
    // Every stored event is applied. (One that arrived as the listener closed can be stored
    // without its answer getting out: RingCentral delivers it again, and it is stored once.)
    const events = async () =>
      (await db.query(`SELECT count(*)::int AS stored, count(*) FILTER (WHERE status = 'APPLIED')::int AS applied FROM webhook_event`)).rows[0];
    await expect.poll(async () => { const { stored, applied } = await events(); return stored === applied; }, { timeout: 60_000 }).toBe(true);
    expect((await events()).stored).toBeGreaterThanOrEqual(stream.accepted.length + 1);
    // Each customer whose text was taken gets exactly one answer; the held one is the text already taken.
    const { rows: threads } = await db.query<{ phone: string }>(`SELECT channel_address AS phone FROM conversation WHERE channel = 'SMS'`);
    const customers = threads.map((thread) => thread.phone);
    expect(customers).toEqual(expect.arrayContaining([...stream.accepted, heldCustomer]));
    const textsTo = (phone: string) => rc.sentSms.filter((sms) => sms.to.includes(phone));
    await expect.poll(() => customers.filter((customer) => textsTo(customer).length !== 1), { timeout: 60_000 }).toEqual([]);
    await expect.poll(async () => (await heldSend()).status, { timeout: LIVE_MS }).toBe('SENT');
    expect(textsTo(heldCustomer)).toEqual([heldText]);
    expect((await heldSend()).provider_message_id).toBe(heldText.id);

    const again = await timeExit(restarted, GRACE_SECONDS * 1000 + 15_000);
    expect(again.code).toBe(0);
  }, 180_000);
});

describe('a second signal while stopping', () => {
  it('exits at once with a non-zero code, and the text in flight is still sent once by the next start', async () => {
    const databaseUrl = await createTestDatabase();
    const redis = testRedis();
    // A short attempt time: the abandoned job is retried once pg-boss's expiry finds it.
    const timings = { NODE_ENV: 'development', JOBS_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1', PROVIDER_TIMEOUT_SECONDS: '2', JOB_TIMEOUT_SECONDS: '4', SHUTDOWN_GRACE_SECONDS: '30' };
    const app = await startApp({ ringCentral: { webhookToken: WEBHOOK_TOKEN }, databaseUrl, redis, env: timings });
    cleanups.push(() => app.stop());
    const { rc, server, db } = app;
    const env = { ...ringCentralEnv(rc, WEBHOOK_TOKEN), ...timings };
    const socket = wsClient(server.url, `Bearer ${app.adminToken}`);
    await connected(socket.client);

    const customer = '+15556040001';
    const held = rc.holdNextSms();
    expect((await rc.deliver(rc.inboundSmsBody({ from: customer, text: QUESTION }))).status).toBe(200);
    const heldText = await held.arrived;

    const sentAt = Date.now();
    server.kill('SIGTERM');
    expect(await socket.closed).toBe(1001); // stopping, and waiting for the held text
    server.kill('SIGINT');
    const code = await server.exited;
    expect(code).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(10_000); // not the 30 s grace

    // Nothing was put back on the queue: the next start retries the text once its attempt has
    // expired (attempt time, then pg-boss's maintenance), and finds it at RingCentral.
    const restarted = await startTestServer({ databaseUrl, redis, env });
    cleanups.push(() => restarted.stop());
    await expect.poll(async () => (await db.query(`SELECT status FROM outbound_send WHERE recipient = $1`, [customer])).rows[0]?.status, { timeout: 90_000 }).toBe('SENT');
    expect(rc.sentSms.filter((sms) => sms.to.includes(customer))).toEqual([heldText]);
  }, 180_000);
});

describe('SIGTERM with the embedded PostgreSQL (no DATABASE_URL)', () => {
  it('drains while its PostgreSQL still runs, stops PostgreSQL last, and exits 0 within the grace period', async () => {
    const rc = await startFakeRingCentral();
    cleanups.push(() => rc.close());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hibachi-shutdown-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const postgresPort = await freePort();
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      ...ringCentralEnv(rc, WEBHOOK_TOKEN),
      JOBS_POLL_SECONDS: '0.5',
      JOB_RETRY_DELAY_SECONDS: '1',
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
    };
    const server = spawnServer(env);
    cleanups.push(() => server.stop());
    const url = await server.ready;
    await waitFor(() => rc.subscriptions.some((s) => !s.deleted), LIVE_MS, 'the webhook subscription');
    const [, email, password] = /Demo login:\s+(\S+) \/ (\S+)/.exec(server.output())!;
    const token = (await graphql(url, LOGIN, { input: { email, password } })).data!.login.token as string;
    const socket = wsClient(url, `Bearer ${token}`);
    await connected(socket.client);

    // A text in flight that needs the database after the signal: to record it, or to put it back on the queue.
    const customer = '+15556030001';
    const held = rc.holdNextSms();
    expect((await rc.deliver(rc.inboundSmsBody({ from: customer, text: QUESTION }))).status).toBe(200);
    const heldText = await held.arrived;

    // PostgreSQL keeps its pid in postmaster.pid while it runs and removes it on a clean stop.
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    const postgresPid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    expect(isRunning(postgresPid)).toBe(true);

    const { code, ms } = await timeExit(server, GRACE_SECONDS * 1000 + 15_000);
    console.log(`[shutdown] embedded PostgreSQL: exit code ${code} after ${ms} ms (SHUTDOWN_GRACE_SECONDS=${GRACE_SECONDS})`);
    expect(code).toBe(0);
    expect(ms).toBeLessThanOrEqual(GRACE_SECONDS * 1000);
    expect(await socket.closed).toBe(1001);
    expect(existsSync(pidFile)).toBe(false);
    expect(isRunning(postgresPid)).toBe(false);

    // The next start finds the text back on the queue, looks it up, and does not send it again.
    const restarted = spawnServer(env);
    cleanups.push(() => restarted.stop());
    await restarted.ready;
    const credentials = JSON.parse(await readFile(path.join(dataDir, 'postgres-credentials.json'), 'utf8')) as { password: string };
    const db = await connectDatabase(`postgres://hibachi:${encodeURIComponent(credentials.password)}@127.0.0.1:${postgresPort}/hibachi`);
    cleanups.push(() => db.end());
    const send = async () => (await db.query(`SELECT status, provider_message_id FROM outbound_send WHERE recipient = $1`, [customer])).rows[0];
    await expect.poll(async () => (await send())?.status, { timeout: LIVE_MS }).toBe('SENT');
    expect((await send()).provider_message_id).toBe(heldText.id);
    expect(rc.sentSms.filter((sms) => sms.to.includes(customer))).toEqual([heldText]);
    await db.end();
    expect((await timeExit(restarted, GRACE_SECONDS * 1000 + 15_000)).code).toBe(0);
  }, 180_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('SIGTERM after Redis went away', () => {
  it('exits 0 within the grace period: closing a Redis that is gone neither fails nor waits for it', async () => {
    const databaseUrl = await createTestDatabase();
    const redis = testRedis();
    const proxy = await tcpProxy(new URL(redis.url), 6379);
    const server = await startTestServer({ databaseUrl, redis: { ...redis, url: proxy.url }, env: { NODE_ENV: 'development', SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) } });
    cleanups.push(() => server.stop());
    // Ready, Redis included.
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    await proxy.cut();
    const { code, ms } = await timeExit(server, GRACE_SECONDS * 1000 + 15_000);
    console.log(`[shutdown] Redis gone: exit code ${code} after ${ms} ms (SHUTDOWN_GRACE_SECONDS=${GRACE_SECONDS})`);
    expect(code).toBe(0);
    expect(ms).toBeLessThanOrEqual(GRACE_SECONDS * 1000);
  }, 120_000);
});

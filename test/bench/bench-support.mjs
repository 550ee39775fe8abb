// What the benchmarks share: throwaway databases, the built server as a child process, the
// console's own GraphQL documents, autocannon runs with full-precision latencies, and tables.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { print } from 'graphql';
import Redis from 'ioredis';
import pg from 'pg';
import WebSocket from 'ws';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const benchAdmin = { email: 'bench@example.test', password: 'bench password 1234' };

/** Steps run at the end (or on Ctrl-C), last registered first. */
const cleanups = [];
export const onCleanup = (step) => cleanups.push(step);
export async function cleanUp() {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    await step().catch((error) => console.error(`cleanup: ${error.message}`));
  }
}

/** Runs `main`, then cleans up whatever it started, also on SIGINT/SIGTERM. */
export async function runBenchmark(main) {
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
}

export async function createDatabase() {
  const name = `hibachi_bench_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  onCleanup(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** A Redis key prefix of this run's own; its keys are deleted at the end. */
export function redisKeyPrefix() {
  const prefix = `bench${randomBytes(3).toString('hex')}:`;
  onCleanup(async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  return prefix;
}

/** What the benches send to read /metrics, which production serves only with a token. */
export const benchMetricsToken = 'bench-metrics-token-0123456789';

/**
 * The built server (server/dist) on a free port. `nodeOptions` go to node itself; with
 * `--inspect=127.0.0.1:0` the result's `inspector` is the address `cpuProfiler` needs.
 */
/**
 * The Node flags `pnpm start` runs the server with (its `start` script), so a benchmark measures
 * the server as it runs. The bare peers get the same flags: the comparison is of the code, not
 * of the runtime's settings.
 */
export const runtimeFlags = (() => {
  const start = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const flags = /\bnode ((?:--\S+ )*)server\/dist\/server\/src\/main\.js/.exec(start);
  if (!flags) throw new Error(`the start script no longer runs server/dist/server/src/main.js with node: ${start}`);
  return flags[1].split(' ').filter(Boolean);
})();

/** A bench peer (a bare server script under test/bench), with the product's runtime flags. */
export function spawnPeer(script, env) {
  return spawn(process.execPath, [...runtimeFlags, path.join(root, 'test/bench', script)], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function startServer(env, { nodeOptions = [], label = 'server' } = {}) {
  const child = spawn(process.execPath, [...runtimeFlags, ...nodeOptions, path.join(root, 'server/dist/server/src/main.js')], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      // Production leaves per-operation statement counts off; a caller may turn them on.
      ...(process.env.SQL_STATEMENTS_PER_OPERATION ? { SQL_STATEMENTS_PER_OPERATION: process.env.SQL_STATEMENTS_PER_OPERATION } : {}),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'error',
      ADMIN_EMAIL: benchAdmin.email,
      ADMIN_PASSWORD: benchAdmin.password,
      METRICS_TOKEN: benchMetricsToken,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return superviseChild(child, label, /Console:\s+(http:\/\/\S+?)\/?\s*$/m);
}

/** A child process that prints its address once it listens (a bench peer prints `Listening: <url>`). */
export function superviseChild(child, label, readyPattern = /Listening:\s+(http:\/\/\S+?)\/?\s*$/m) {
  let output = '';
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code) => ((exited = true), resolve(code))));
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    // A graceful stop can wait on the load generator's keep-alive connections; do not let it stall the run.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };
  onCleanup(stop);
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
      const match = readyPattern.exec(output);
      if (match) {
        const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
        resolve({ url: match[1], pid: child.pid, inspector, stop, output: () => output, exited: () => exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exit.then((code) => reject(new Error(`${label} exited ${code}: ${output}`)));
  });
}

export async function gql(url, query, variables = {}, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function login(url) {
  const { login: result } = await gql(url, `mutation($i: LoginInput!) { login(input: $i) { token userErrors { message } } }`, { i: benchAdmin });
  if (!result.token) throw new Error(`login failed: ${JSON.stringify(result.userErrors)}`);
  return result.token;
}

/**
 * One of the console's operations exactly as the console sends it: the document codegen
 * generated from console/src/graphql/operations.ts (with its fragments), printed. Run
 * `pnpm codegen` after changing an operation, and the benchmarks follow.
 */
export function consoleDocument(operationName) {
  const file = path.join(root, 'console/src/graphql/generated/graphql.ts');
  const source = readFileSync(file, 'utf8');
  const match = new RegExp(`^export const ${operationName}Document = (\\{.*\\}) as unknown as DocumentNode<`, 'm').exec(source);
  if (!match) throw new Error(`${operationName}Document is not in ${file}; run \`pnpm codegen\``);
  return print(JSON.parse(match[1]));
}

export const pct = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

/** autocannon for `duration` s; latencies of 2xx answers kept at full precision (autocannon's histogram rounds to 1 ms). */
/** CPU seconds a process has used (user + system), from /proc on Linux; null elsewhere. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second)
  } catch {
    return null;
  }
}

/**
 * Sustained load with autocannon. With `serverPid`, also the server's CPU time per answered
 * request: on a machine shared with the load generator (and anything else), requests per second
 * swing with what else runs, while CPU per request is what the code costs.
 */
export async function load(label, options, { serverPid } = {}) {
  const cpuBefore = serverPid ? cpuSeconds(serverPid) : null;
  const latencies = [];
  const instance = autocannon(options);
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
    cpuMsPerRequest: NaN,
  };
  const cpuAfter = serverPid ? cpuSeconds(serverPid) : null;
  if (cpuBefore !== null && cpuAfter !== null && ok > 0) figures.cpuMsPerRequest = ((cpuAfter - cpuBefore) * 1000) / ok;
  console.log(
    `${label.padEnd(46)} sent ${figures.sent}  2xx ${ok}  non-2xx ${figures.non2xx}  errors ${figures.errors}  ` +
      `${figures.rps.toFixed(0)} req/s  p50 ${figures.p50.toFixed(2)} ms  p99 ${figures.p99.toFixed(2)} ms  max ${figures.max.toFixed(1)} ms` +
      (Number.isNaN(figures.cpuMsPerRequest) ? '' : `  server CPU ${figures.cpuMsPerRequest.toFixed(2)} ms/req`),
  );
  if (figures.non2xx > 0) console.log(`${''.padEnd(46)} status codes: ${JSON.stringify(figures.statusCodes)}`);
  return figures;
}

export const ratio = (a, b) => (Number.isFinite(a / b) ? `x${(a / b).toFixed(2)}` : 'n/a');

/** Prints rows (the first is the header) as a right-aligned table, the first column left-aligned. */
export function printTable(rows, indent = '  ') {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  for (const row of rows) console.log(indent + row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '));
}

export async function waitFor(condition, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return true;
}

/**
 * Samples another process's CPU through its inspector (node --inspect) between start() and
 * stop(), which resolves to the profile (the .cpuprofile format). The process need not exit.
 */
export async function cpuProfiler(inspectorUrl) {
  const socket = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 200 });
  onCleanup(async () => socket.close());
  return {
    start: () => call('Profiler.start'),
    stop: async () => (await call('Profiler.stop')).profile,
  };
}

/** A fresh directory for CPU profiles under `dir` (PROFILE=dir), or undefined when not profiling. */
export function profileDirectory(dir, name) {
  if (!dir) return undefined;
  const target = path.resolve(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(target, { recursive: true });
  return target;
}

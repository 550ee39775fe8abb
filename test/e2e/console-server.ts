import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs the built product (server/dist + console/dist) as a child process, the way `pnpm start`
 * does: its own free port, a fresh DATA_DIR (so a new embedded PostgreSQL, the demo admin and
 * demo extensions 101 and 102), in-process pub/sub. Swap this for a shared test server later
 * without touching the browser tests: they only need `url` and `admin`.
 */
export interface ConsoleServer {
  url: string;
  admin: { email: string; password: string };
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

export function workspaceRoot(start = process.cwd()): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
  return dir;
}

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startConsoleServer(): Promise<ConsoleServer> {
  const root = workspaceRoot();
  const main = path.join(root, 'server/dist/server/src/main.js');
  for (const built of [main, path.join(root, 'console/dist/index.html')]) {
    if (!existsSync(built)) throw new Error(`${path.relative(root, built)} is missing: run \`pnpm build\` first.`);
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hibachi-console-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  // The embedded database with its demo admin, whatever the surrounding suite has configured.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'EMBEDDED_POSTGRES_PORT', 'CONSOLE_DIST_DIR', 'PUBLIC_URL']) {
    delete env[name];
  }

  let output = '';
  const child: ChildProcess = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  async function stop(): Promise<void> {
    if (!hasExited) {
      child.kill('SIGTERM'); // the server stops its embedded PostgreSQL on SIGTERM
      const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const loginFile = path.join(dataDir, 'demo-login.txt');
    for (;;) {
      if (hasExited) throw new Error('the server exited');
      if (Date.now() > deadline) throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s`);
      const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
      if (healthy && existsSync(loginFile)) break;
      await sleep(250);
    }
    const text = await readFile(loginFile, 'utf8');
    const email = /^email: (.+)$/m.exec(text)?.[1]?.trim();
    const password = /^password: (.+)$/m.exec(text)?.[1]?.trim();
    if (!email || !password) throw new Error(`could not read the demo login from ${loginFile}`);
    return { url, admin: { email, password }, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`The console server did not start (${(error as Error).message}). Its output:\n${output}`);
  }
}

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SERVER_ENTRY, spawnServer } from '../support/test-server';

/**
 * Runs the built product (server/dist + console/dist) as a child process, the way `pnpm start`
 * does: a free port of its choosing, a fresh DATA_DIR (so a new embedded PostgreSQL, the demo admin and
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

export async function startConsoleServer(): Promise<ConsoleServer> {
  const root = workspaceRoot();
  for (const built of [SERVER_ENTRY, path.join(root, 'console/dist/index.html')]) {
    if (!existsSync(built)) throw new Error(`${path.relative(root, built)} is missing: run \`pnpm build\` first.`);
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hibachi-console-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  // The embedded database with its demo admin, whatever the surrounding suite has configured.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'EMBEDDED_POSTGRES_PORT', 'CONSOLE_DIST_DIR', 'PUBLIC_URL']) {
    delete env[name];
  }

  // Ready when it prints its console line (after the demo login is saved); on SIGTERM it also stops its embedded PostgreSQL.
  const server = spawnServer(env, READY_TIMEOUT_MS, { cwd: root, killAfterMs: STOP_TIMEOUT_MS });
  async function stop(): Promise<void> {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  try {
    const url = await server.ready;
    const loginFile = path.join(dataDir, 'demo-login.txt');
    const text = await readFile(loginFile, 'utf8');
    const email = /^email: (.+)$/m.exec(text)?.[1]?.trim();
    const password = /^password: (.+)$/m.exec(text)?.[1]?.trim();
    if (!email || !password) throw new Error(`could not read the demo login from ${loginFile}`);
    return { url, admin: { email, password }, output: server.output, stop };
  } catch (error) {
    await stop();
    throw new Error(`The console server did not start (${(error as Error).message}). Its output:\n${server.output()}`);
  }
}

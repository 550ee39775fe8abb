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
    await openAllDay(url, { email, password });
    return { url, admin: { email, password }, output: server.output, stop };
  } catch (error) {
    await stop();
    throw new Error(`The console server did not start (${(error as Error).message}). Its output:\n${server.output()}`);
  }
}

/** Calls the console server's GraphQL API over HTTP, as an integrator would; an error in the answer throws. */
export async function callApi<T = any>(url: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The demo admin's bearer token. */
export async function adminTokenOf(server: ConsoleServer): Promise<string> {
  const { login } = await callApi<{ login: { token: string } }>(server.url, 'mutation($input: LoginInput!) { login(input: $input) { token } }', { input: server.admin });
  return login.token;
}

/** A staff user made through the API the way an admin would, for a second console. */
export async function createStaffUser(server: ConsoleServer, user: { email: string; password: string; displayName: string }, role: 'STAFF' | 'ADMIN' = 'STAFF'): Promise<void> {
  const { createStaffUser: created } = await callApi<{ createStaffUser: { userErrors: unknown[] } }>(
    server.url,
    'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { message } } }',
    { input: { ...user, role } },
    await adminTokenOf(server),
  );
  if (created.userErrors.length > 0) throw new Error(`createStaffUser: ${JSON.stringify(created.userErrors)}`);
}

const EVERY_DAY = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/**
 * The demo extensions work 09:00–21:00 in the business time zone, so a browser test that
 * escalates would route differently by the hour it runs at: they work all day instead. A test
 * about working hours sets its own.
 */
async function openAllDay(url: string, admin: { email: string; password: string }): Promise<void> {
  const token = await adminTokenOf({ url, admin } as ConsoleServer);
  const { extensions } = await callApi<{ extensions: { edges: Array<{ node: { id: string } }> } }>(url, '{ extensions(first: 50) { edges { node { id } } } }', {}, token);
  const workingHours = EVERY_DAY.map((day) => ({ day, start: '00:00', end: '24:00' }));
  for (const { node } of extensions.edges) {
    const { updateExtension } = await callApi<{ updateExtension: { userErrors: unknown[] } }>(
      url,
      'mutation($input: UpdateExtensionInput!) { updateExtension(input: $input) { userErrors { message } } }',
      { input: { id: node.id, workingHours } },
      token,
    );
    if (updateExtension.userErrors.length > 0) throw new Error(`demo extensions: ${JSON.stringify(updateExtension.userErrors)}`);
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { graphql } from './graphql-client';
import { createTestDatabase, testRedis } from './test-database';

export const TEST_ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };
const ROOT = path.resolve(__dirname, '../..');
export const SERVER_ENTRY = path.join(ROOT, 'server/dist/server/src/main.js');

export interface TestServer {
  url: string;
  databaseUrl: string;
  redis: { url: string; keyPrefix: string };
  /** Everything the process printed, for assertions on the start log. */
  output(): string;
  /** Signs in and returns the bearer token. */
  login(email?: string, password?: string): Promise<string>;
  /** Sends a signal and leaves the process to it (stop() is the impatient way: SIGKILL after 10 s). */
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the exit code once the process has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * The real, built server as its own process, over real HTTP and WebSocket on a free port,
 * against a database of its own and the run's Redis (unless `redis: false`). `pnpm test`
 * builds it first.
 */
export async function startTestServer(
  options: { env?: Record<string, string | undefined>; redis?: boolean | { url: string; keyPrefix: string }; databaseUrl?: string } = {},
): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const redis = typeof options.redis === 'object' ? options.redis : testRedis();
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: options.redis === false ? undefined : redis.url,
    REDIS_KEY_PREFIX: redis.keyPrefix,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...options.env,
  };
  const child = spawnServer(env);
  const url = await child.ready;
  return {
    url,
    databaseUrl,
    redis,
    output: child.output,
    async login(email = TEST_ADMIN.email, password = TEST_ADMIN.password) {
      const response = await graphql(url, LOGIN, { input: { email, password } });
      const token = response.data?.login?.token;
      if (!token) throw new Error(`login failed: ${JSON.stringify(response)}`);
      return token as string;
    },
    kill: child.kill,
    exited: child.exited,
    stop: child.stop,
  };
}

/**
 * Starts `node server/dist/.../main.js` and resolves `ready` with its URL once it prints the
 * console line. `stop()` sends SIGTERM and, if the process is still there after `killAfterMs`,
 * SIGKILL.
 */
export function spawnServer(env: Record<string, string | undefined>, timeoutMs = 90_000, options: { cwd?: string; killAfterMs?: number } = {}) {
  const cleanEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as Record<string, string>;
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], { env: cleanEnv, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Console:\s+(http:\/\/\S+?)\/?\s*$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before it was ready:\n${output}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    ready,
    exited,
    output: () => output,
    kill(signal: NodeJS.Signals) {
      child.kill(signal);
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      staffUser { id email role }
      userErrors { field message code }
    }
  }
`;

import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration, read once from the environment and validated here.
 * A bad value stops the start with one line naming the variable and what it must be.
 * Every variable is documented in `.env.example`.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const PORT_RULE = 'must be a TCP port number (0-65535, 0 picks a free one)';
const port = () => z.coerce.number({ message: PORT_RULE }).int(PORT_RULE).min(0, PORT_RULE).max(65535, PORT_RULE);

const intInRange = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const urlWithProtocols = (protocols: string[], example: string) =>
  optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL like ${example}` },
  );


const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as America/New_York' },
);

const envSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'], { message: 'must be development, test or production' })
      .default('development'),
    HOST: z.string().trim().min(1, 'must be a host name or address to listen on').default('127.0.0.1'),
    PORT: port().default(4000),
    PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://console.example.com'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),

    DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/database'),
    DATA_DIR: optionalString,
    EMBEDDED_POSTGRES_PORT: port().optional(),

    REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1-64 letters, digits, ":", "_" or "-"')
      .default('hibachi:'),

    ADMIN_EMAIL: optionalString.pipe(z.email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalString.pipe(
      z.string().min(12, 'must be at least 12 characters long').optional(),
    ),

    BUSINESS_TIME_ZONE: timeZone.default('America/New_York'),
    SESSION_TTL_HOURS: intInRange(1, 24 * 90).default(24 * 7),
    LOGIN_MAX_FAILURES: intInRange(1, 100).default(5),
    LOGIN_LOCKOUT_MINUTES: intInRange(1, 24 * 60).default(15),
    BAD_TOKEN_MAX_PER_MINUTE: intInRange(1, 10_000).default(30),
    GRAPHQL_MAX_DEPTH: intInRange(2, 50).default(10),
    GRAPHQL_MAX_PAGE_SIZE: intInRange(1, 1000).default(100),
    CONSOLE_DIST_DIR: optionalString,
  })
  .superRefine((env, ctx) => {
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      const missing = env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'must be set together with ' + (missing === 'ADMIN_EMAIL' ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'),
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  publicUrl?: string;
  logLevel: Env['LOG_LEVEL'];
  database:
    | { kind: 'external'; url: string }
    | { kind: 'embedded'; dataDir: string; port?: number };
  redis: { kind: 'redis'; url: string; keyPrefix: string } | { kind: 'in-process'; keyPrefix: string };
  initialAdmin?: { email: string; password: string };
  businessTimeZone: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  badTokenMaxPerMinute: number;
  graphqlMaxDepth: number;
  graphqlMaxPageSize: number;
  consoleDistDir: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly requirement: string) {
    super(`Configuration error: ${variable} ${requirement}`);
    this.name = 'ConfigError';
  }
}

/** The workspace root: the nearest folder above this file that holds pnpm-workspace.yaml. */
export function findWorkspaceRoot(start = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(environment);
  if (!parsed.success) {
    // One clear line for the first problem; values are never echoed (they may be secrets).
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const env = parsed.data;
  const root = findWorkspaceRoot();
  const resolveDir = (dir: string) => (path.isAbsolute(dir) ? dir : path.resolve(root, dir));

  return {
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    database: env.DATABASE_URL
      ? { kind: 'external', url: env.DATABASE_URL }
      : {
          kind: 'embedded',
          dataDir: resolveDir(env.DATA_DIR ?? '.data'),
          port: env.EMBEDDED_POSTGRES_PORT,
        },
    redis: env.REDIS_URL
      ? { kind: 'redis', url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX }
      : { kind: 'in-process', keyPrefix: env.REDIS_KEY_PREFIX },
    initialAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    businessTimeZone: env.BUSINESS_TIME_ZONE,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
    badTokenMaxPerMinute: env.BAD_TOKEN_MAX_PER_MINUTE,
    graphqlMaxDepth: env.GRAPHQL_MAX_DEPTH,
    graphqlMaxPageSize: env.GRAPHQL_MAX_PAGE_SIZE,
    consoleDistDir: resolveDir(env.CONSOLE_DIST_DIR ?? 'console/dist'),
  };
}

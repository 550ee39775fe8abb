import { print, type DocumentNode } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { metaEnv, startFakeMeta, type FakeMeta } from './fake-meta-server';
import { ringCentralEnv, startFakeRingCentral, type FakeRingCentral, type SentSms } from './fake-ringcentral-server';
import { graphql } from './graphql-client';
import { startTestServer, type TestServer } from './test-server';

/** Every day, all day: an extension with these hours is always within them. */
export const ALL_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, start: '00:00', end: '24:00' }));

const CREATE_EXTENSION = `mutation($input: CreateExtensionInput!) { createExtension(input: $input) { extension { id number } userErrors { message } } }`;

/** Creates an extension (AVAILABLE and always in hours unless told otherwise) and returns its id. */
export async function createExtension(
  url: string,
  token: string,
  input: { number: number; employeeName?: string; role?: string; phone?: string; status?: 'AVAILABLE' | 'BUSY' | 'OFFLINE'; workingHours?: typeof ALL_WEEK },
): Promise<string> {
  const response = await graphql(
    url,
    CREATE_EXTENSION,
    {
      input: {
        employeeName: `Ext ${input.number}`,
        role: 'Bookings',
        phone: `+1555555${String(input.number).padStart(4, '0')}`,
        status: 'AVAILABLE',
        workingHours: ALL_WEEK,
        ...input,
      },
    },
    token,
  );
  expect(response.data?.createExtension?.userErrors).toEqual([]);
  return response.data!.createExtension.extension.id as string;
}

export async function setExtensionStatus(url: string, token: string, id: string, status: 'AVAILABLE' | 'BUSY' | 'OFFLINE'): Promise<void> {
  const response = await graphql(url, `mutation($id: ID!, $status: ExtensionStatus!) { setExtensionStatus(id: $id, status: $status) { userErrors { message } } }`, { id, status }, token);
  expect(response.data?.setExtensionStatus?.userErrors).toEqual([]);
}

/** A customer in the web chat: a session and a way to send messages in it. */
export async function webChatCustomer(url: string) {
  const started = await graphql(url, `mutation { startWebChatSession { sessionToken userErrors { message } } }`);
  const token = started.data!.startWebChatSession.sessionToken as string;
  return {
    token,
    async send(text: string) {
      const response = await graphql(
        url,
        `mutation($token: String!, $text: String!) { sendWebChatMessage(sessionToken: $token, text: $text) { message { id text } reply { text author } userErrors { field message code } } }`,
        { token, text },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.sendWebChatMessage;
    },
  };
}

/** A web-chat customer who asks for a person straight away, raising an escalation. */
export async function customerAskingForAPerson(url: string): Promise<void> {
  const customer = await webChatCustomer(url);
  const sent = await customer.send('I need to talk to a real person please');
  expect(sent.userErrors).toEqual([]);
}

/** A console operation as the console sends it: its generated document, printed. */
export function consoleOperation(document: DocumentNode): string {
  return print(document);
}

/** One Prometheus sample of GET /metrics, e.g. `graphql_operation_db_statements_sum{operation="Escalations",type="query"}`; 0 when absent. */
export async function metricValue(url: string, sample: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

/** The SQL statements one GraphQL operation cost, read from the server's own statement histogram. */
export async function statementsOf(url: string, operation: string, type: 'query' | 'mutation', run: () => Promise<unknown>): Promise<number> {
  const sample = `graphql_operation_db_statements_sum{operation="${operation}",type="${type}"}`;
  const before = await metricValue(url, sample);
  await run();
  return (await metricValue(url, sample)) - before;
}

/** A client on a test database. Errors of an idle connection (a test that cuts the database kills it too) surface on the next query instead of crashing the run. */
export async function connectDatabase(databaseUrl: string): Promise<pg.Client> {
  const db = new pg.Client({ connectionString: databaseUrl });
  db.on('error', () => undefined);
  await db.connect();
  return db;
}

/** The extension escalations and calls go to in the files that need one: the first, so the primary; available and always in hours. */
export const AVERY = { number: 101, employeeName: 'Avery', phone: '+15555550111' } as const;

export const DEFAULT_WEBHOOK_TOKEN = 'test-verification-token-0123456789';

export interface AppOptions {
  /** A fake RingCentral and the server's RingCentral environment pointing at it (SMS, calls, webhooks). */
  ringCentral?: boolean | { webhookToken?: string };
  /** A fake Meta Graph API and the server's Meta environment (Messenger and Instagram; WhatsApp when asked). */
  meta?: boolean | { whatsapp?: boolean };
  /** More server environment (job timings, time zone...). */
  env?: Record<string, string>;
  /** Creates AVERY (extension 101) after signing in; default true. */
  extension101?: boolean;
  databaseUrl?: string;
  redis?: { url: string; keyPrefix: string };
}

/** A running server with its fakes, signed in, with a database client. */
export interface App {
  server: TestServer;
  db: pg.Client;
  adminToken: string;
  /** Extension 101's id, or null when `extension101: false`. */
  extension101: string | null;
  /** Throws unless started with `ringCentral`. */
  rc: FakeRingCentral;
  /** Throws unless started with `meta`. */
  meta: FakeMeta;
  /** The texts sent through the fake RingCentral to this number, in order. */
  textsTo(phone: string): SentSms[];
  stop(): Promise<void>;
}

interface Parts {
  rc?: FakeRingCentral;
  meta?: FakeMeta;
  server?: TestServer;
  db?: pg.Client;
}

/**
 * Starts the fakes asked for, then the server with their environment; signs in, waits for the
 * server's RingCentral webhook subscription (deliveries go to its address) and creates extension
 * 101. Whatever did start is stopped by `stop()`, also when a later step failed.
 */
export async function startApp(options: AppOptions = {}): Promise<App> {
  const parts: Parts = {};
  try {
    return await startParts(options, parts);
  } catch (error) {
    await stopParts(parts);
    throw error;
  }
}

/**
 * `startApp` in beforeAll and its stop in afterAll of the current file or describe. The fields
 * are there once beforeAll has run.
 */
export function useApp(options: AppOptions = {}): App {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp(options);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  }, 60_000);
  const started = (): App => {
    if (!app) throw new Error('the app did not start: see the beforeAll error');
    return app;
  };
  return {
    get server() { return started().server; },
    get db() { return started().db; },
    get adminToken() { return started().adminToken; },
    get extension101() { return started().extension101; },
    get rc() { return started().rc; },
    get meta() { return started().meta; },
    textsTo: (phone) => started().textsTo(phone),
    stop: () => started().stop(),
  };
}

async function startParts(options: AppOptions, parts: Parts): Promise<App> {
  const env: Record<string, string> = {};
  if (options.ringCentral) {
    parts.rc = await startFakeRingCentral();
    const webhookToken = (typeof options.ringCentral === 'object' && options.ringCentral.webhookToken) || DEFAULT_WEBHOOK_TOKEN;
    Object.assign(env, ringCentralEnv(parts.rc, webhookToken));
  }
  if (options.meta) {
    parts.meta = await startFakeMeta();
    Object.assign(env, metaEnv(parts.meta, { whatsapp: typeof options.meta === 'object' && options.meta.whatsapp }));
  }
  const server = (parts.server = await startTestServer({ env: { ...env, ...options.env }, databaseUrl: options.databaseUrl, redis: options.redis }));
  const db = (parts.db = await connectDatabase(server.databaseUrl));
  const adminToken = await server.login();
  const { rc, meta } = parts;
  if (rc) {
    await eventually('the server to subscribe to RingCentral webhooks', () => rc.subscriptions.some((s) => !s.deleted));
  }
  const extension101 = options.extension101 === false ? null : await createExtension(server.url, adminToken, AVERY);
  return {
    server,
    db,
    adminToken,
    extension101,
    get rc(): FakeRingCentral {
      if (!rc) throw new Error('started without ringCentral');
      return rc;
    },
    get meta(): FakeMeta {
      if (!meta) throw new Error('started without meta');
      return meta;
    },
    textsTo: (phone) => (rc ? rc.sentSms.filter((sms) => sms.to.includes(phone)) : []),
    stop: () => stopParts(parts),
  };
}

async function stopParts(parts: Parts): Promise<void> {
  await parts.db?.end().catch(() => undefined);
  await parts.server?.stop();
  await parts.rc?.close();
  await parts.meta?.close();
}

/**
 * Waits until the durable queue has nothing left to do: no webhook event waiting to be applied
 * and no send waiting or running. Everything a delivery or a reply could still cause has
 * happened then, so a test can assert that something did not (a second reply, say).
 */
export async function untilQueueIdle(db: pg.Client, timeoutMs = 20_000): Promise<void> {
  const busy = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('webhook.apply', 'outbound.send') AND state IN ('created', 'retry', 'active')`,
      )
    ).rows[0].n;
  await eventually('the job queue to be idle', async () => (await busy()) === 0, timeoutMs);
}

/**
 * Polls until `condition` holds (vi.waitFor, which unlike expect.poll also works in beforeAll),
 * or fails naming what it waited for.
 */
export async function eventually(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000, intervalMs = 50): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await condition())) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    },
    { timeout: timeoutMs, interval: intervalMs },
  );
}

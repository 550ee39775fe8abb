import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeMeta, type FakeMeta } from '../support/fake-meta-server';
import { graphql } from '../support/graphql-client';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, signIn } from './browser';

/**
 * A Messenger reply whose answer Meta never gave (the fake takes it and hangs up) is not sent
 * again by itself: the thread shows it as not confirmed, and staff, having checked, send it
 * again from the thread with one button. Real browser, real server, Meta's wire format faked.
 */

const CUSTOMER = '24023423420009001';

let meta: FakeMeta | undefined;
let server: TestServer | undefined;
let db: pg.Client | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  meta = await startFakeMeta();
  server = await startTestServer({
    env: {
      META_GRAPH_API_URL: `${meta.url}/v21.0`,
      META_APP_SECRET: meta.appSecret,
      META_VERIFY_TOKEN: meta.verifyToken,
      META_PAGE_ACCESS_TOKEN: meta.pageAccessToken,
      JOBS_POLL_SECONDS: '0.5',
      JOB_RETRY_DELAY_SECONDS: '1',
    },
  });
  db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await db?.end();
  await server?.stop();
  await meta?.close();
}, 60_000);

describe('an unconfirmed reply in the console', () => {
  it('is shown as not confirmed, and "Send again" sends it once more', async () => {
    const fake = meta!;
    const api = server!;
    const sentTo = () => fake.sent.filter((sent) => sent.body.recipient?.id === CUSTOMER);
    const sendStatus = async () => (await db!.query(`SELECT status FROM outbound_send WHERE recipient = $1`, [CUSTOMER])).rows[0]?.status;

    fake.dropNextAnswer();
    expect((await fake.deliver(api.url, fake.messengerText({ senderId: CUSTOMER, text: 'What is included in the party?' }))).status).toBe(200);
    await expect.poll(sendStatus, { timeout: LIVE_TIMEOUT_MS * 2 }).toBe('UNCONFIRMED');
    expect(sentTo()).toHaveLength(1);

    const token = await api.login();
    const threads = await graphql(api.url, `{ conversations(first: 5, channel: MESSENGER) { edges { node { id } } } }`, {}, token);
    const conversationId = threads.data!.conversations.edges[0].node.id as string;

    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${api.url}/#/conversations/${encodeURIComponent(conversationId)}`);
    await signIn(page, TEST_ADMIN);
    const reply = page.getByTestId('message').filter({ hasText: 'Not confirmed' });
    await reply.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await reply.textContent()).toContain('Check with the customer that it did not arrive');

    await reply.getByRole('button', { name: 'Send again' }).click();
    await expect.poll(sendStatus, { timeout: LIVE_TIMEOUT_MS }).toBe('SENT');
    expect(sentTo()).toHaveLength(2);
    // The thread shows it sent, live (no reload), and the button is gone.
    await page.getByTestId('message').filter({ hasText: '· Sent' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await page.getByTestId('message').filter({ hasText: 'Sending…' }).count()).toBe(0);
    expect(await page.getByTestId('message').filter({ hasText: 'Not confirmed' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send again' }).count()).toBe(0);
    await context.close();
  }, 90_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, signIn } from './browser';

/**
 * Someone answers a Messenger customer in the Facebook Page inbox while staff have the thread
 * open in the console: the reply appears live as a staff message marked "via Page inbox", the
 * header says the assistant is paused, and the queue names the Page inbox as holder. Real
 * browser, real server, Meta's wire format faked.
 */

const CUSTOMER = '24023423420009101';
const PAGE_INBOX_REPLY = 'Hi, Sam from the team here. Dec 19 works, I will call you this afternoon.';

const app = useApp({ meta: true, extension101: false, env: { JOBS_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1' } });
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

describe('a reply typed in the Page inbox, in the console', () => {
  it('shows live as a staff message "via Page inbox", with the assistant paused and the Page inbox as holder', async () => {
    const { meta: fake, server: api, db, adminToken: token } = app;
    const replyStatus = async () => (await db.query(`SELECT status FROM outbound_send WHERE recipient = $1`, [CUSTOMER])).rows[0]?.status;

    await fake.deliver(api.url, fake.messengerText({ senderId: CUSTOMER, text: 'Hi! Do you do hibachi for 12 people on Dec 19?' }));
    await expect.poll(replyStatus, { timeout: LIVE_TIMEOUT_MS * 2 }).toBe('SENT');

    const threads = await graphql(api.url, `{ conversations(first: 5, channel: MESSENGER) { edges { node { id } } } }`, {}, token);
    const conversationId = threads.data!.conversations.edges[0].node.id as string;

    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${api.url}/#/conversations/${encodeURIComponent(conversationId)}`);
    await signIn(page, TEST_ADMIN);
    await page.getByTestId('message').nth(1).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await page.getByTestId('thread-holder').textContent()).toContain('The assistant is answering this thread.');

    // Meta echoes our own reply (nothing new in the thread), then the one typed in the Page inbox.
    await fake.deliver(api.url, fake.echoOf(fake.sent.find((sent) => sent.body.recipient?.id === CUSTOMER)!));
    await fake.deliver(api.url, fake.inboxReply({ recipientId: CUSTOMER, text: PAGE_INBOX_REPLY }));

    const fromInbox = page.getByTestId('message').filter({ hasText: PAGE_INBOX_REPLY });
    await fromInbox.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await fromInbox.getByTestId('message-via').textContent()).toContain('via Page inbox');
    expect(await fromInbox.locator('.message__meta strong').textContent()).toBe('Staff');
    expect(await page.getByTestId('message').count()).toBe(3);
    await expect.poll(() => page.getByTestId('thread-holder').textContent(), { timeout: LIVE_TIMEOUT_MS }).toContain('Someone in the Page inbox answered; the assistant is paused.');

    await page.goto(`${api.url}/#/escalations`);
    const row = page.getByTestId('escalation-row');
    await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await row.getByTestId('held-by').textContent()).toBe('Someone in the Page inbox');
    expect(await row.textContent()).toContain('Replied in Page inbox or Instagram');
    await context.close();
  }, 90_000);
});

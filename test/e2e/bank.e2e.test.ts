import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FakePlaid, plaidEnv } from '../support/fake-plaid-server';
import { eventually, startApp, useApp, type App } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, screenshots, signIn, WIDE } from './browser';

/**
 * The Bank page in a real browser against the real server: without Plaid keys it says what
 * is needed and points to the statement upload; with Plaid (a local server speaking its wire
 * format) it shows a connected bank, syncs it on "Sync now", and offers "Re-connect" when the
 * bank asks to sign in again. (Plaid Link itself is Plaid's page and is not opened here.)
 */

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

async function openBankPage(url: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: WIDE, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${url}/#/bank`);
  await signIn(page, TEST_ADMIN);
  await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
  return page;
}

describe('without Plaid keys', () => {
  const app = useApp({ extension101: false });

  it('says the bank connection needs Plaid keys and points to the statement upload on the Payments page', async () => {
    const page = await openBankPage(app.server.url);
    const notice = page.getByTestId('bank-no-plaid');
    await expect.poll(() => notice.isVisible(), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
    expect(await notice.getByRole('heading').innerText()).toBe('The bank connection needs Plaid keys');
    expect(await notice.getByRole('link', { name: 'Payments page' }).getAttribute('href')).toBe('#/payments');
    expect(await page.getByRole('button', { name: 'Connect bank' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Console areas' }).first().getByRole('link', { name: 'Bank' }).getAttribute('aria-current')).toBe('page');
    await screenshots(page, 'bank-no-plaid');
  });
});

describe('with Plaid', () => {
  let fake: FakePlaid;
  let app: App;
  beforeAll(async () => {
    fake = await FakePlaid.start();
    app = await startApp({ extension101: false, env: { ...plaidEnv(fake), BANK_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64')}` } });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('shows the connected bank, syncs it on Sync now, and offers Re-connect when the bank asks to sign in again', async () => {
    const { item, publicToken } = fake.newItem({ institutionName: 'First Platypus Bank' });
    fake.add(item, { transaction_id: 'tx-e2e-1', account_id: item.accounts[0].account_id, amount: -540, date: '2026-11-20', name: 'Zelle payment from JOHN A SMITH', pending: false });
    const exchanged = await graphql(app.server.url, `mutation($t: String!) { exchangePlaidPublicToken(publicToken: $t) { connection { id } userErrors { message } } }`, { t: publicToken }, app.adminToken);
    expect(exchanged.data?.exchangePlaidPublicToken.userErrors).toEqual([]);
    await eventually('the first sync', () => fake.syncRequests.some((request) => request.itemId === item.itemId));

    const page = await openBankPage(app.server.url);
    const card = page.getByTestId('bank-connection');
    await expect.poll(() => card.getAttribute('data-status'), { timeout: LIVE_TIMEOUT_MS }).toBe('CONNECTED');
    expect(await card.innerText()).toContain('Plaid Checking ••0000');
    expect(await page.getByRole('button', { name: 'Connect bank' }).count()).toBe(1);

    fake.add(item, { transaction_id: 'tx-e2e-2', account_id: item.accounts[0].account_id, amount: -60, date: '2026-11-21', name: 'VENMO *JSMITH', pending: false });
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'synced:' }).first().innerText(), { timeout: LIVE_TIMEOUT_MS })
      .toContain('First Platypus Bank synced: 1 new transaction, 0 changed, 0 removed.');
    await screenshots(page, 'bank-connected');

    item.loginRequired = true;
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getAttribute('data-status'), { timeout: LIVE_TIMEOUT_MS }).toBe('NEEDS_RECONNECT');
    expect(await card.innerText()).toContain('The bank asks you to sign in again. Re-connect to resume the feed.');
    expect(await card.getByRole('button', { name: 'Re-connect' }).isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
    await screenshots(page, 'bank-needs-reconnect');
  });
});

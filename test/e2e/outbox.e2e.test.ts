import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, screenshots, signIn, WIDE } from './browser';

/**
 * The Outbox page in a real browser against the real server without SMTP settings: "Send this
 * week's reports now" puts the reconciliation report and the business summary in the outbox,
 * asking again sends nothing, and a message opens as plain text (markup in a bank line's
 * description is shown as typed, never run).
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

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
/** A day of the last whole week (Monday to Sunday), the one "this week's reports" cover. */
function dayOfLastWeek(): string {
  const now = new Date();
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(monday.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
}

describe('the Outbox page', () => {
  const app = useApp({ extension101: false, env: { JOBS_POLL_SECONDS: '0.5', OWNER_EMAIL: 'owner@hibachi.example', BUSINESS_TIME_ZONE: 'UTC' } });

  it('sends this week’s reports into the outbox once and shows a message as text', async () => {
    const description = 'Zelle from <img src=x onerror=alert(1)> PAT';
    const text = ['Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #', `CREDIT,${usDate(dayOfLastWeek())},"${description}",180.00,QUICKPAY_CREDIT,5000.00,,`].join('\n');
    const uploaded = await graphql(app.server.url, `mutation($input: UploadBankStatementInput!) { uploadBankStatement(input: $input) { added userErrors { message } } }`, { input: { text } }, app.adminToken);
    expect(uploaded.data?.uploadBankStatement.userErrors).toEqual([]);

    const context = await browser!.newContext({ viewport: WIDE, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${app.server.url}/#/outbox`);
    await signIn(page, TEST_ADMIN);
    await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
    await expect.poll(() => page.getByText('No SMTP server is configured').isVisible(), { timeout: LIVE_TIMEOUT_MS }).toBe(true);

    await page.getByRole('button', { name: 'Send this week’s reports now' }).click();
    await expect.poll(() => page.getByTestId('outbox-notice').innerText(), { timeout: LIVE_TIMEOUT_MS }).toBe('The reports are on their way.');
    const emails = page.getByTestId('outbox-email');
    await expect.poll(() => emails.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);
    await page.reload();
    await expect.poll(() => page.getByText('In the outbox').count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);

    const report = page.getByTestId('outbox-email').filter({ hasText: 'Weekly reconciliation' });
    expect(await report.innerText()).toMatch(/to owner@hibachi\.example/);
    expect(await report.innerText()).toMatch(/Attached: reconciliation-\d{4}-\d{2}-\d{2}\.csv/);
    await report.getByRole('button', { name: 'Show message' }).click();
    const body = report.locator('pre');
    expect(await body.innerText()).toContain(description);
    expect(await report.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshots(page, 'outbox');

    await page.getByRole('button', { name: 'Send this week’s reports now' }).click();
    await expect.poll(() => page.getByTestId('outbox-notice').innerText(), { timeout: LIVE_TIMEOUT_MS }).toBe('This week’s reports were made already: they are not sent twice.');
    expect(await page.getByTestId('outbox-email').count()).toBe(2);
  });
});

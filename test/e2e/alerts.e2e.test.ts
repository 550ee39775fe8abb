import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, screenshots, signIn } from './browser';

/**
 * The Alerts page in a real browser against the real server: a metric alert raised by the
 * scheduled check appears live, "Acknowledge" records who saw it, and when the metric recovers
 * it leaves the open alerts live and is listed as dealt with.
 */

const app = useApp({ extension101: false, env: { METRIC_ALERTS_EVERY_SECONDS: '1', QUIET_HOURS: '00:00-00:00' } });
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
});

async function openAlertsPage(): Promise<Page> {
  context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/#/alerts`);
  await signIn(page, TEST_ADMIN);
  await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
  return page;
}

describe('alerts in the console', () => {
  it('shows a metric alert live, records who acknowledged it, and moves it to dealt with when the metric recovers', async () => {
    const page = await openAlertsPage();
    await expect.poll(() => page.getByTestId('no-open-alerts').isVisible(), { timeout: LIVE_TIMEOUT_MS }).toBe(true);

    // A webhook refused for a bad signature in the last hour crosses its threshold (above 0).
    await app.db.query(`INSERT INTO webhook_rejection_tally (provider, reason, minute, count) VALUES ('ringcentral', 'bad-signature', date_trunc('minute', now()), 1)`);
    const open = page.getByRole('list', { name: 'Open alerts' }).getByTestId('alert-item');
    await expect.poll(() => open.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await open.first().innerText()).toMatch(/Webhooks refused for a bad signature[\s\S]*1 webhook deliveries were refused/);

    await open.first().getByRole('button', { name: 'Acknowledge' }).click();
    const seen = open.first().getByTestId('alert-acknowledged');
    await expect.poll(() => seen.isVisible(), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
    expect(await seen.innerText()).toMatch(/^Seen by .+ · /);
    expect(await open.first().getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    const stored = await graphql(app.server.url, `{ alerts(open: true, first: 5) { edges { node { acknowledgedBy { email } } } } }`, {}, app.adminToken);
    expect(stored.data!.alerts.edges.map((edge: any) => edge.node.acknowledgedBy.email)).toEqual([TEST_ADMIN.email]);
    await screenshots(page, 'alerts-acknowledged');

    await app.db.query(`DELETE FROM webhook_rejection_tally`);
    await expect.poll(() => page.getByTestId('no-open-alerts').isVisible(), { timeout: LIVE_TIMEOUT_MS }).toBe(true);
    const closed = page.getByRole('list', { name: 'Closed alerts' }).getByTestId('alert-item');
    await page.reload();
    await expect.poll(() => closed.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await closed.first().innerText()).toMatch(/Dealt with /);
  });
});

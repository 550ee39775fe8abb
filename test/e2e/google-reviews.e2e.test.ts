import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { FakeGoogle } from '../support/fake-google-business-server';
import { eventually, startApp, type App } from '../support/fixtures';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, screenshots, signIn } from './browser';

/**
 * Google reviews from the admin's chair, in a real browser against the real server and the real
 * googleapis client (Google played by its local wire-format fake): Connect Google goes through
 * Google's consent page and back, the connection shows its location and first sync, the reviews
 * arrive on the Reviews page, a five-star reply is PUT to Google by itself, and Sync now reports
 * what it found.
 */

let fake: FakeGoogle;
let app: App;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  fake = await FakeGoogle.start();
  app = await startApp({ extension101: false, env: { ...fake.env(), BANK_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64')}`, REVIEW_AUTO_REPLY_DELAY_MINUTES: '0' } });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await app?.stop();
  await fake?.close();
});

const flat = (locator: Locator) => locator.innerText({ timeout: LIVE_TIMEOUT_MS }).then((text) => text.replace(/\s+/g, ' ').trim());

describe('Google reviews in the console', () => {
  it('connects through Google’s consent page, reads the location’s reviews, posts a five-star reply to Google, and syncs again on demand', async () => {
    const location = fake.addLocation('7001', 'Hibachi at Home, Vacaville', 0);
    const happy = fake.addReview(location, { reviewer: { displayName: 'Luis Ortega' }, starRating: 'FIVE', comment: 'Best birthday dinner, the chef was hilarious!' });
    fake.addReview(location, { reviewer: { displayName: 'Jamie Cole' }, starRating: 'THREE', comment: 'Food was good but the chef arrived 40 minutes late.' });

    context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/channels`);
    await signIn(page, TEST_ADMIN);
    await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
    const card = page.getByTestId('google-connection');
    await expect.poll(() => card.getAttribute('data-state'), { timeout: LIVE_TIMEOUT_MS }).toBe('NOT_CONNECTED');
    await screenshots(page, 'google-not-connected');

    await card.getByRole('button', { name: 'Connect Google' }).click();
    // Google's consent page sends the browser back to our callback, which says what happened.
    await page.waitForURL(/\/oauth\/google\/callback/, { timeout: LIVE_TIMEOUT_MS });
    expect(await page.locator('h1').innerText()).toMatch(/connected/i);
    await page.getByRole('link', { name: 'Back to the console' }).click();

    await expect.poll(() => page.getByTestId('google-connection').getAttribute('data-state'), { timeout: LIVE_TIMEOUT_MS }).toBe('CONNECTED');
    await expect.poll(() => flat(page.getByTestId('google-connection')), { timeout: LIVE_TIMEOUT_MS }).toMatch(/Hibachi at Home, Vacaville .*Last synced .*2 new/);
    await screenshots(page, 'google-connected');

    await eventually('the five-star reply to reach Google', () => happy.reviewReply !== undefined, 15_000);
    expect(happy.reviewReply!.comment).toMatch(/Luis/);

    fake.addReview(location, { reviewer: { displayName: 'Ana Ruiz' }, starRating: 'FOUR', comment: 'Great show, a bit pricey.' });
    await page.getByTestId('google-connection').getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => flat(page.getByTestId('google-connection')), { timeout: LIVE_TIMEOUT_MS }).toMatch(/Google reviews synced: 3 on Google, 1 new, 0 edited, 0 removed\./);

    await page.goto(`${app.server.url}/#/reviews`);
    const items = page.getByTestId('review-item');
    await expect.poll(() => items.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(3);
    expect(await flat(items.filter({ hasText: 'Jamie Cole' }))).toMatch(/Draft: waiting for approval/);
    await screenshots(page, 'google-reviews');
  }, 90_000);
});

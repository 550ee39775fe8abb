import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, screenshots, signIn } from './browser';

/**
 * Reviews and tasks in the console, in a real browser against the real server (the local review
 * source, as on the embedded default): a one-star review entered through the form is flagged,
 * its draft edited and posted; a five-star review arriving through the API shows up live with its
 * reply posted by itself; the analytics draw their charts; the task the one-star review made is
 * on the Tasks page and is marked done.
 */

const app = useApp({ ringCentral: true, env: { REVIEW_AUTO_REPLY_DELAY_MINUTES: '0', BUSINESS_PHONE: '+1 555 555 0100', BUSINESS_EMAIL: 'hello@hibachi.example' } });
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
});

async function openConsole(hash: string): Promise<Page> {
  context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/${hash}`);
  await signIn(page, TEST_ADMIN);
  await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
  return page;
}

const flat = (locator: Locator) => locator.innerText({ timeout: LIVE_TIMEOUT_MS }).then((text) => text.replace(/\s+/g, ' ').trim());

describe('reviews in the console', () => {
  it('flags an unknown one-star reviewer, posts the edited draft, shows a five-star review live, charts them, and lists the task it made', async () => {
    const page = await openConsole('#/reviews');
    await page.getByText('Add a review').click();
    await page.getByLabel("Reviewer's name").fill('Dana Whitfield');
    await page.getByLabel('Rating', { exact: true }).selectOption('1');
    await page.getByLabel('What they wrote').fill('The food was cold and the chef was rude. Never again.');
    await page.getByRole('button', { name: 'Add review' }).click();

    const dana = page.getByTestId('review-item').filter({ hasText: 'Dana Whitfield' });
    await expect.poll(() => flat(dana), { timeout: LIVE_TIMEOUT_MS }).toMatch(/Flagged Draft: waiting for approval/);
    expect(await flat(dana.getByTestId('review-evidence'))).toMatch(/No record of serving them/);
    const draft = dana.getByLabel('Reply draft');
    expect(await draft.inputValue()).toMatch(/no record of serving you yet.*\+1 555 555 0100.*hello@hibachi\.example/s);
    await screenshots(page, 'reviews-draft');

    // Too long for Google: refused with the count shown, nothing posted.
    await draft.fill('x'.repeat(4097));
    await expect.poll(() => dana.getByRole('button', { name: 'Post edited reply' }).isDisabled()).toBe(true);
    expect(await flat(dana)).toContain('4,097 / 4,096 characters');
    await draft.fill('Dana, we are sorry to read this. We could not find your booking: could you call us at +1 555 555 0100 so we can make it right?');
    await dana.getByRole('button', { name: 'Post edited reply' }).click();
    await expect.poll(() => flat(dana), { timeout: LIVE_TIMEOUT_MS }).toMatch(/Posted .*could you call us at \+1 555 555 0100 so we can make it right\?/);

    // A five-star review entered elsewhere (an integrator) appears without a reload, its reply posted by itself.
    const added = await graphql(
      app.server.url,
      `mutation($input: AddReviewInput!) { addReview(input: $input) { userErrors { message } } }`,
      { input: { reviewerName: 'Priya Natarajan', rating: 5, comment: 'Chef Ken was amazing and the fried rice was the best we have had!' } },
      app.adminToken,
    );
    expect(added.data!.addReview.userErrors).toEqual([]);
    const priya = page.getByTestId('review-item').filter({ hasText: 'Priya Natarajan' });
    await expect.poll(async () => (await priya.count()) > 0 && flat(priya), { timeout: LIVE_TIMEOUT_MS }).toMatch(/Positive.*Posted.*Priya/);
    await screenshots(page, 'reviews');

    await page.getByRole('button', { name: 'Analytics' }).click();
    await expect.poll(() => page.locator('.recharts-surface').count(), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Rating and sentiment by week').count()).toBe(1);
    await screenshots(page, 'reviews-analytics');

    await page.goto(`${app.server.url}/#/tasks`);
    const task = page.getByTestId('task-item').filter({ hasText: 'Dana Whitfield' });
    await expect.poll(() => task.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await flat(task)).toMatch(/Find out who Dana Whitfield is \(1-star review, no record of serving them\)/);
    await screenshots(page, 'tasks');
    await task.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => task.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
  });
});

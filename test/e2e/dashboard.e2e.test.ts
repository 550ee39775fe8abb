import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CreateBookingDocument, RecordTermsAcknowledgmentDocument } from '../../console/src/graphql/generated/graphql';
import { consoleOperation, customerAskingForAPerson, useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, markDocument, NARROW, screenshots, signIn, stillSameDocument } from './browser';

/**
 * The owner's dashboard in a real browser against the real server: the figures of data seeded
 * through the API (a confirmed booking with its deposit, a review, a customer asking for a
 * person), then a new booking and a new escalation showing without a reload.
 */

// No extension: an escalation waits in the queue. Prices fixed so the revenue is known.
// The metric alert check runs every second, so an alert is raised as soon as its metric crosses.
const app = useApp({
  extension101: false,
  env: {
    PRICE_PER_GUEST_CENTS: '6000',
    PRICE_PER_KID_CENTS: '3000',
    MINIMUM_SPEND_CENTS: '60000',
    DEPOSIT_CENTS: '10000',
    METRIC_ALERTS_EVERY_SECONDS: '1',
    QUIET_HOURS: '00:00-00:00',
  },
});
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

let phone = 150;
async function createBooking(name: string, adults: number): Promise<{ id: string; totalCents: number }> {
  phone += 1;
  const created = await graphql(
    app.server.url,
    consoleOperation(CreateBookingDocument),
    { input: { customer: { name, phone: `(916) 555-0${phone}` }, sourceChannel: 'PHONE', eventDate: dayFromNow(20), startTime: '18:00', address: '1 Capitol Mall, Sacramento, CA 95814', adults } },
    app.adminToken,
  );
  expect(created.data?.createBooking.userErrors).toEqual([]);
  const { id, price } = created.data!.createBooking.booking;
  return { id, totalCents: price.totalCents };
}

const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

async function api(query: string, variables: Record<string, unknown>, field: string): Promise<void> {
  const response = await graphql(app.server.url, query, variables, app.adminToken);
  expect(response.errors).toBeUndefined();
  expect(response.data![field].userErrors).toEqual([]);
}

const figure = (page: Page, id: string): Locator => page.getByTestId(id);
const valueOf = (page: Page, id: string) => figure(page, id).locator('.dashboard-figure__value').innerText({ timeout: LIVE_TIMEOUT_MS });
const detailOf = (page: Page, id: string) => figure(page, id).locator('.dashboard-figure__detail').innerText({ timeout: LIVE_TIMEOUT_MS });

describe('the owner’s dashboard', () => {
  it('shows today’s and this week’s figures, the queue and the charts, and follows new bookings and escalations live', async () => {
    // A confirmed booking of 12 adults ($720 and the travel fee), its $100 deposit in cash, and an inquiry that stays one.
    const { id: confirmed, totalCents } = await createBooking('Dana Figures', 12);
    expect(totalCents).toBeGreaterThanOrEqual(72_000);
    const revenue = dollars(totalCents);
    await api(
      consoleOperation(RecordTermsAcknowledgmentDocument),
      { input: { bookingId: confirmed, channel: 'IN_PERSON', replyText: 'Yes, I agree.' } },
      'recordTermsAcknowledgment',
    );
    await api(
      `mutation($input: RecordManualPaymentInput!) { recordManualPayment(input: $input) { userErrors { message } } }`,
      { input: { bookingId: confirmed, kind: 'DEPOSIT', amountCents: 10_000, reference: 'receipt 1' } },
      'recordManualPayment',
    );
    await createBooking('Robin Inquiry', 10);
    await api(`mutation($input: AddReviewInput!) { addReview(input: $input) { userErrors { message } } }`, { input: { reviewerName: 'Pat Reviewer', rating: 4, comment: 'Great chef, lots of fun.' } }, 'addReview');
    await customerAskingForAPerson(app.server.url);

    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/dashboard`);
    await signIn(page, TEST_ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
    await markDocument(page);
    // Every read of the figures the page makes, to check that a burst of events costs few.
    const figureReads: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('"operationName":"DashboardMetrics"')) figureReads.push(Date.now());
    });
    expect(await page.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: 'Dashboard' }).count()).toBe(1);

    // Today.
    expect(await valueOf(page, 'figure-bookings')).toBe('2');
    expect(await detailOf(page, 'figure-bookings')).toBe('1 confirmed');
    expect(await valueOf(page, 'figure-revenue')).toBe(revenue);
    expect(await valueOf(page, 'figure-deposits')).toBe('$100.00');
    expect(await valueOf(page, 'figure-conversion')).toBe('50%');
    expect(await detailOf(page, 'figure-conversion')).toBe('1 of 2 inquiries became bookings');
    expect(await valueOf(page, 'figure-reviews')).toBe('1');
    expect(await detailOf(page, 'figure-reviews')).toBe('4.0 stars on average');
    // The assistant answered the customer who asked for a person; no staff answer yet.
    expect(await valueOf(page, 'figure-ai-share')).toBe('100%');
    expect(await detailOf(page, 'figure-ai-share')).toMatch(/^Assistant: [\d.]+ s median, [\d.]+ s p90\s+Staff: no answers$/);
    // Needs a person now: the customer waiting, no bank credit, no alert.
    await expect.poll(() => valueOf(page, 'figure-escalations-waiting'), { timeout: LIVE_TIMEOUT_MS }).toBe('1');
    expect(await detailOf(page, 'figure-escalations-waiting')).toBe('Oldest raised just now');
    expect(await valueOf(page, 'figure-unmatched')).toBe('0');
    expect(await valueOf(page, 'figure-open-alerts')).toBe('0');

    // The charts, each with its heading and a sentence saying what it shows.
    for (const [id, title] of [
      ['chart-per-day', 'Bookings and revenue per day'],
      ['chart-channels', 'Bookings and revenue per channel'],
      ['chart-rating', 'Review rating trend'],
      ['chart-response-times', 'Response times, assistant and staff'],
    ]) {
      await page.getByTestId(id).getByRole('heading', { name: title }).waitFor({ timeout: LIVE_TIMEOUT_MS });
      expect(await page.getByTestId(id).locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('chart-per-day').locator('.dashboard-chart__summary').innerText()).toBe(`2 bookings and ${revenue} booked in the last 30 days; the busiest day was ${await todayLabel(page)} with 2.`);
    expect(await page.getByTestId('chart-channels').locator('.dashboard-chart__summary').innerText()).toBe(`1 channel brought bookings in the last 30 days; Phone brought the most (2 bookings, ${revenue}).`);
    expect(await page.getByTestId('chart-rating').locator('.dashboard-chart__summary').innerText()).toMatch(/^1 review in the last 30 days, 4\.0 stars on average/);
    // The table alternative holds the same figures.
    await page.getByTestId('chart-channels').getByText('Show as a table').click();
    expect(await page.getByTestId('chart-channels').getByRole('row', { name: /Phone/ }).innerText()).toBe(`Phone\t2\t1\t${revenue}`);

    // A booking and a second customer asking for a person, elsewhere: the figures follow, no reload.
    await createBooking('Sam Latecomer', 15);
    await expect.poll(() => valueOf(page, 'figure-bookings'), { timeout: LIVE_TIMEOUT_MS }).toBe('3');
    await customerAskingForAPerson(app.server.url);
    await expect.poll(() => valueOf(page, 'figure-escalations-waiting'), { timeout: LIVE_TIMEOUT_MS }).toBe('2');
    await expect.poll(() => detailOf(page, 'figure-conversion'), { timeout: LIVE_TIMEOUT_MS }).toBe('1 of 3 inquiries became bookings');
    expect(await stillSameDocument(page)).toBe(true);

    // A burst of three bookings is read at once and once more when the burst is over: not once per event.
    const readsBefore = figureReads.length;
    for (const name of ['Burst One', 'Burst Two', 'Burst Three']) await createBooking(name, 10);
    await expect.poll(() => valueOf(page, 'figure-bookings'), { timeout: LIVE_TIMEOUT_MS }).toBe('6');
    expect(figureReads.length - readsBefore).toBeGreaterThanOrEqual(1);
    expect(figureReads.length - readsBefore).toBeLessThanOrEqual(2);

    // An alert raised by the scheduled check shows live, and is acknowledged from here.
    await app.db.query(`INSERT INTO webhook_rejection_tally (provider, reason, minute, count) VALUES ('ringcentral', 'bad-signature', date_trunc('minute', now()), 1)`);
    await expect.poll(() => valueOf(page, 'figure-open-alerts'), { timeout: LIVE_TIMEOUT_MS }).toBe('1');
    const alert = page.getByRole('list', { name: 'Open alerts' }).getByTestId('alert-item');
    expect(await alert.innerText()).toMatch(/Webhooks refused for a bad signature/);
    expect(await detailOf(page, 'figure-open-alerts')).toBe('1 not yet seen');
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => detailOf(page, 'figure-open-alerts'), { timeout: LIVE_TIMEOUT_MS }).toBe('All seen by staff');
    expect(await alert.getByTestId('alert-acknowledged').innerText()).toMatch(/^Seen by /);

    // A bank statement with a credit nobody can match: the unmatched payments follow.
    const iso = new Date().toISOString().slice(0, 10);
    const uploaded = await graphql(
      app.server.url,
      `mutation($text: String!) { uploadBankStatement(input: { text: $text }) { added userErrors { message } } }`,
      { text: `Date,Description,Amount\n${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)},INTEREST PAYMENT,0.42\n` },
      app.adminToken,
    );
    expect(uploaded.data!.uploadBankStatement).toEqual({ added: 1, userErrors: [] });
    await expect.poll(() => valueOf(page, 'figure-unmatched'), { timeout: LIVE_TIMEOUT_MS }).toBe('1');
    expect(await detailOf(page, 'figure-unmatched')).toMatch(/^\$0\.42 · oldest posted \w{3} \d{1,2}$/);
    expect(await stillSameDocument(page)).toBe(true);

    // This week: everything above happened today, so it holds the same.
    await page.getByRole('button', { name: 'This week' }).click();
    await page.getByRole('heading', { level: 2, name: 'This week' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => valueOf(page, 'figure-bookings'), { timeout: LIVE_TIMEOUT_MS }).toBe('6');
    expect(await valueOf(page, 'figure-deposits')).toBe('$100.00');
    expect(await page.getByText(/^From Monday /).count()).toBe(1);
    await page.getByRole('button', { name: 'Today' }).click();

    // On a phone nothing needs sideways scrolling.
    await page.setViewportSize(NARROW);
    await expect.poll(() => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
    await page.setViewportSize({ width: 1400, height: 900 });
    await screenshots(page, 'dashboard');
  }, 90_000);
});

/** Today as the charts label it ("Dec 1"), in the business's zone as the page says (the series ends today). */
async function todayLabel(page: Page): Promise<string> {
  const rows = page.getByTestId('chart-per-day').locator('tbody tr');
  return ((await rows.last().locator('th').textContent({ timeout: LIVE_TIMEOUT_MS })) ?? '').trim();
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CreateBookingDocument, RecordTermsAcknowledgmentDocument } from '../../console/src/graphql/generated/graphql';
import { consoleOperation, useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, markDocument, screenshots, signIn, stillSameDocument, WIDE } from './browser';

/**
 * Travel in the staff console, in a real browser against the real server with no Google Maps
 * key, so quotes are the offline estimate from the default base (Vacaville, CA 95687): the
 * quote calculator, a booking's Travel section, and a day's route with its cluster discounts.
 * Figures: Sacramento 95814 is 37.1 mi (50 min, $16); West Sacramento 95691 is 33.1 mi ($8);
 * Sacramento 95819 is 39.8 mi ($20); the last two are within 15 mi of each other, so each
 * gets half off.
 */

const app = useApp({ extension101: false });
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

/** A YYYY-MM-DD day `days` from today (UTC; far enough from today that the business's time zone does not matter). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function openConsole(hash: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: WIDE, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.server.url}/${hash}`);
  await signIn(page, TEST_ADMIN);
  await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
  await markDocument(page);
  return page;
}

async function createBooking(input: Record<string, unknown>): Promise<string> {
  const response = await graphql(app.server.url, consoleOperation(CreateBookingDocument), { input }, app.adminToken);
  expect(response.errors).toBeUndefined();
  expect(response.data?.createBooking.userErrors).toEqual([]);
  return response.data!.createBooking.booking.id as string;
}

/** A confirmed booking, as staff make one for a customer who accepted the terms at the counter. */
async function confirmedBooking(input: Record<string, unknown>): Promise<string> {
  const id = await createBooking({ sourceChannel: 'PHONE', adults: 12, ...input });
  const response = await graphql(
    app.server.url,
    consoleOperation(RecordTermsAcknowledgmentDocument),
    { input: { bookingId: id, channel: 'IN_PERSON', replyText: 'Yes, I agree.' } },
    app.adminToken,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data?.recordTermsAcknowledgment.userErrors).toEqual([]);
  expect(response.data?.recordTermsAcknowledgment.acknowledgment.booking.status).toBe('CONFIRMED');
  return id;
}

/** What a person reads there, as laid out (a block's text on its own line), on one line. */
const text = (locator: Locator) => locator.innerText({ timeout: LIVE_TIMEOUT_MS }).then((value) => value.replace(/\s+/g, ' ').trim());

describe('travel in the console', () => {
  it('quotes an address in the service area and one past it, and lists both as recent quotes', async () => {
    const page = await openConsole('#/bookings');
    await page.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: 'Travel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Travel quotes' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    const form = page.getByRole('form', { name: 'Quote travel' });
    const result = page.getByTestId('travel-result');

    // One it cannot place: the server's words, beside the address.
    await form.getByLabel('Event address').fill('45 Nowhere Lane');
    await form.getByRole('button', { name: 'Quote' }).click();
    const notFound = form.getByText("We couldn't find that address. Please include the city or ZIP code.");
    await notFound.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await form.getByLabel('Event address').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Event address').getAttribute('aria-describedby')).toContain(await notFound.getAttribute('id'));

    await form.getByLabel('Event address').fill('123 Example Street, Sacramento, CA 95814');
    await form.getByLabel('Event date (optional)').fill(dayFromNow(60));
    await form.getByLabel('Start time (optional)').fill('18:00');
    await form.getByRole('button', { name: 'Quote' }).click();
    await result.getByRole('heading', { name: 'Travel fee $16.00' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await notFound.count()).toBe(0);
    expect(await text(result.getByTestId('travel-miles'))).toBe('37.1 mi');
    expect(await text(result.getByTestId('travel-drive'))).toBe('50 min');
    expect(await text(result.getByTestId('travel-band'))).toBe('Secondary service area (30 to 60 mi)');
    expect(await text(result.getByTestId('travel-fee'))).toBe('$16.00');
    expect(await text(result.getByTestId('travel-placed'))).toBe('Sacramento, CA 95814');
    expect(await result.getByTestId('travel-estimate').count()).toBe(1);
    expect(await result.getByTestId('travel-decline').count()).toBe(0);
    await screenshots(page, 'travel-01-in-area');

    await form.getByLabel('Event address').fill('200 Sample Boulevard, Los Angeles, CA 90012');
    await form.getByLabel('Event date (optional)').fill('');
    await form.getByLabel('Start time (optional)').fill('');
    await form.getByRole('button', { name: 'Quote' }).click();
    await result.getByRole('heading', { name: 'Outside our service area' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await text(result.getByTestId('travel-decline'))).toBe('Service area exceeded. Please contact us for special arrangements.');
    expect(await text(result.getByTestId('travel-band'))).toBe('Outside our service area (over 100 mi)');
    expect(await text(result.getByTestId('travel-fee'))).toBe('Declined');
    await screenshots(page, 'travel-02-declined');

    // Both are kept, newest first (the one it could not place is not).
    const rows = page.getByTestId('quote-row');
    await expect.poll(() => rows.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);
    expect(await text(rows.nth(0))).toContain('200 Sample Boulevard, Los Angeles, CA 90012');
    expect(await text(rows.nth(0))).toContain('Declined');
    expect(await text(rows.nth(1))).toContain('123 Example Street, Sacramento, CA 95814');
    expect(await text(rows.nth(1))).toContain('$16.00');
    // Read again from the server, the list is the same.
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);
    expect(await text(rows.nth(0))).toContain('Los Angeles');
  }, 90_000);

  it('shows a booking’s drive on its page: miles, time, service area, fee, estimate and where the address was placed', async () => {
    const id = await createBooking({
      customer: { name: 'Taylor Traveler', phone: '(916) 555-0190' },
      sourceChannel: 'PHONE',
      eventDate: dayFromNow(70),
      startTime: '17:30',
      address: '500 Example Way, Sacramento, CA 95814',
      adults: 10,
    });
    const page = await openConsole(`#/bookings/${id}`);
    const travel = page.getByTestId('travel-section');
    await travel.getByTestId('travel-miles').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await text(travel.getByTestId('travel-miles'))).toBe('37.1 mi');
    expect(await text(travel.getByTestId('travel-drive'))).toBe('50 min');
    expect(await text(travel.getByTestId('travel-band'))).toBe('Secondary service area (30 to 60 mi)');
    expect(await text(travel.getByTestId('travel-fee'))).toBe('$16.00');
    expect(await text(travel.getByTestId('travel-placed'))).toBe('Sacramento, CA 95814');
    expect(await travel.getByTestId('travel-estimate').count()).toBe(1);
    expect(await text(travel)).toContain('Quoted for “500 Example Way, Sacramento, CA 95814”');
    expect(await text(page.getByTestId('price-travel-fee'))).toBe('$16.00');
    await screenshots(page, 'travel-03-booking-page');

    // A new address is quoted again, and the section follows.
    const details = page.getByRole('form', { name: 'Event details' });
    await details.getByLabel('Address').fill('500 Example Way, Davis, CA 95616');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('Event details saved.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => text(travel.getByTestId('travel-placed')), { timeout: LIVE_TIMEOUT_MS }).toBe('Davis, CA 95616');
    expect(await text(travel.getByTestId('travel-fee'))).toBe('Free');
    expect(await text(travel.getByTestId('travel-band'))).toBe('Primary service area (up to 30 mi)');
    expect(await text(page.getByTestId('price-travel-fee'))).toBe('$0.00');
  }, 90_000);

  it('routes a day’s two confirmed events in driving order, and applying the cluster discounts halves both fees', async () => {
    const date = dayFromNow(45);
    const evening = await confirmedBooking({
      customer: { name: 'Rowan Eveningside', phone: '(916) 555-0191' },
      eventDate: date,
      startTime: '18:00',
      address: '20 Example Court, Sacramento, CA 95819',
    });
    const noon = await confirmedBooking({
      customer: { name: 'Noa Middayer', phone: '(916) 555-0192' },
      eventDate: date,
      startTime: '12:00',
      address: '10 Example Court, West Sacramento, CA 95691',
    });
    // Another console on the evening booking's page sees its fee change without a reload.
    const other = await openConsole(`#/bookings/${evening}`);
    await other.getByTestId('price-travel-fee').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await text(other.getByTestId('price-travel-fee'))).toBe('$20.00');

    // Without a day, the page opens on the next day with a confirmed event: this one.
    const page = await openConsole('#/bookings');
    await page.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: 'Day route' }).click();
    await expect.poll(() => page.url(), { timeout: LIVE_TIMEOUT_MS }).toContain(`#/route?date=${date}`);
    const stops = page.getByTestId('route-stop');
    await expect.poll(() => stops.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);

    // Nearest first from the base: West Sacramento, then Sacramento.
    expect(await stops.nth(0).getAttribute('data-booking-id')).toBe(noon);
    expect(await stops.nth(1).getAttribute('data-booking-id')).toBe(evening);
    expect(await text(stops.nth(0))).toContain('Noa Middayer');
    expect(await text(stops.nth(0))).toContain('12:00 PM');
    expect(await text(stops.nth(0).getByTestId('stop-leg'))).toMatch(/^33\.\d mi · \d+ min from the base$/);
    expect(await text(stops.nth(1))).toContain('Rowan Eveningside');
    expect(await text(stops.nth(1).getByTestId('stop-leg'))).toMatch(/ from the previous event$/);
    const fees = async () => [await text(stops.nth(0).getByTestId('stop-fee')), await text(stops.nth(1).getByTestId('stop-fee'))];
    const clustered = async () => [await text(stops.nth(0).getByTestId('stop-clustered-fee')), await text(stops.nth(1).getByTestId('stop-clustered-fee'))];
    expect(await fees()).toEqual(['$8.00', '$20.00']);
    expect((await clustered()).map((fee) => fee?.split(' ')[0])).toEqual(['$4.00', '$10.00']);
    expect(await text(stops.nth(0).getByTestId('stop-clustered-fee'))).toContain('near Rowan Eveningside');
    expect(await text(page.getByTestId('route-total-fees'))).toBe('$28.00');
    expect(await text(page.getByTestId('route-total-clustered'))).toBe('$14.00');
    expect(await text(page.getByTestId('cluster-state'))).toBe('2 bookings’ travel fee would change.');
    await screenshots(page, 'route-01-before-discounts');

    await page.getByRole('button', { name: 'Apply cluster discounts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply cluster discounts?' });
    expect(await text(dialog.getByTestId('fee-changes'))).toBe('Noa Middayer $8.00 → $4.00 Rowan Eveningside $20.00 → $10.00');
    await screenshots(page, 'route-02-confirm');
    await dialog.getByRole('button', { name: 'Apply discounts' }).click();
    await dialog.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });

    const notice = page.getByRole('status').filter({ hasText: 'Cluster discounts applied' });
    expect(await text(notice)).toContain('Cluster discounts applied to 2 bookings: Noa Middayer $8.00 → $4.00; Rowan Eveningside $20.00 → $10.00.');
    await expect.poll(fees, { timeout: LIVE_TIMEOUT_MS }).toEqual(['$4.00 Changed', '$10.00 Changed']);
    expect(await text(page.getByTestId('route-total-fees'))).toBe('$14.00');
    expect(await page.getByRole('button', { name: 'Apply cluster discounts' }).isDisabled()).toBe(true);
    expect(await text(page.getByTestId('cluster-state'))).toBe('Every fee already matches the clustering rule.');
    await screenshots(page, 'route-03-after-discounts');

    // The booking's own page, open elsewhere, has the new fee and says why.
    await expect.poll(() => text(other.getByTestId('price-travel-fee')), { timeout: LIVE_TIMEOUT_MS }).toBe('$10.00');
    expect(await text(other.getByTestId('travel-section').getByTestId('travel-fee'))).toBe('$10.00 Quoted $20.00; a cluster discount applies');
    expect(await stillSameDocument(other)).toBe(true);
    expect(await stillSameDocument(page)).toBe(true);
  }, 90_000);

  it('says so for a day without confirmed events: one still waiting for the terms is not routed', async () => {
    const date = dayFromNow(44);
    await createBooking({
      customer: { name: 'Pat Pendington', phone: '(916) 555-0193' },
      sourceChannel: 'PHONE',
      eventDate: date,
      startTime: '18:00',
      address: '30 Example Court, Davis, CA 95616',
      adults: 10,
    });
    const page = await openConsole(`#/route?date=${date}`);
    const empty = page.getByTestId('route-empty');
    await empty.waitFor({ timeout: LIVE_TIMEOUT_MS });
    // A booking waiting for the terms is not routed.
    expect(await text(empty)).toContain('No confirmed events on');
    expect(await page.getByTestId('route-stop').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Apply cluster discounts' }).count()).toBe(0);
    await screenshots(page, 'route-04-empty-day');
  }, 60_000);
});

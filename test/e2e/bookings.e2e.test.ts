import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CreateBookingDocument } from '../../console/src/graphql/generated/graphql';
import { consoleOperation, useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, markDocument, signIn, stillSameDocument } from './browser';

/**
 * Bookings in the staff console, in a real browser against the real server: made through the
 * form (a refused field first), listed, filtered, priced, edited, sent the terms and cancelled,
 * while another console sees each change arrive without a reload.
 */

// The price list the numbers below are worked out from. The events are within the free travel
// miles of the default base (Vacaville, CA 95687), so no travel fee is added.
const app = useApp({
  extension101: false,
  env: { PRICE_PER_GUEST_CENTS: '6000', PRICE_PER_KID_CENTS: '3000', MINIMUM_SPEND_CENTS: '60000', DEPOSIT_CENTS: '10000' },
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

/** Set E2E_SCREENSHOT_DIR to keep a picture of each step (to look at the layout). */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** A YYYY-MM-DD day `days` from today (UTC; far enough from today that the business's time zone does not matter). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A console of its own (separate storage, so a separate session), signed in at `hash`, its live connection up. */
async function openConsole(hash: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.server.url}/${hash}`);
  await signIn(page, TEST_ADMIN);
  await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
  await markDocument(page);
  return page;
}

/** Another tab of the same console (same session). */
async function anotherTab(page: Page, hash: string): Promise<Page> {
  const tab = await page.context().newPage();
  await tab.goto(`${app.server.url}/${hash}`);
  await expect.poll(() => liveStatus(tab), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
  await markDocument(tab);
  return tab;
}

async function createBooking(input: Record<string, unknown>): Promise<string> {
  const response = await graphql(app.server.url, consoleOperation(CreateBookingDocument), { input }, app.adminToken);
  expect(response.data?.createBooking.userErrors).toEqual([]);
  return response.data!.createBooking.booking.id as string;
}

async function bookingsNamed(name: string): Promise<number> {
  const response = await graphql(app.server.url, `query($search: String) { bookings(search: $search, first: 10) { totalCount } }`, { search: name }, app.adminToken);
  return response.data!.bookings.totalCount as number;
}

const rowOf = (page: Page, customer: string): Locator => page.getByTestId('booking-row').filter({ hasText: customer });
const text = (locator: Locator) => locator.textContent({ timeout: LIVE_TIMEOUT_MS }).then((value) => value?.replace(/\s+/g, ' ').trim());
const statusOf = (locator: Locator) => locator.getByTestId('booking-status').first().getAttribute('data-status', { timeout: LIVE_TIMEOUT_MS });

describe('bookings in the console', () => {
  it('creates a booking through the form after a refused past date, shows its price, lists it live in another console, and filters the list', async () => {
    const eventDate = dayFromNow(30);
    // Another customer's inquiry, to be filtered out.
    await createBooking({
      customer: { name: 'Morgan Filterson', phone: '(916) 555-0142' },
      sourceChannel: 'EMAIL',
      requestTerms: false,
      eventDate: dayFromNow(31),
      startTime: '17:00',
      address: '200 Example Avenue, Sacramento, CA 95814',
      adults: 12,
    });

    const other = await openConsole('#/bookings');
    await rowOf(other, 'Morgan Filterson').waitFor({ timeout: LIVE_TIMEOUT_MS });
    const staff = await openConsole('#/bookings');
    await staff.getByRole('link', { name: 'New booking' }).click();

    const form = staff.getByRole('form', { name: 'New booking' });
    await form.getByLabel('Customer name').fill('Jordan Formfield');
    await form.getByLabel('Phone').fill('(916) 555-0134');
    await form.getByLabel('Email').fill('jordan@example.test');
    await form.getByLabel('Source channel').selectOption('PHONE');
    await form.getByLabel('Event date').fill(dayFromNow(-3));
    await form.getByLabel('Start time').fill('18:00');
    await form.getByLabel('Address').fill('100 Example Street, Davis, CA 95616');
    await form.getByLabel('Adults').fill('8');
    await form.getByLabel('Kids').fill('2');
    await form.getByLabel('Dietary notes').fill('One guest is allergic to shellfish.');
    await form.getByLabel('The customer agrees to receive texts about this booking').check();
    expect(await form.getByLabel('Send terms now').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Create booking' }).click();

    // The server refuses the day; the message sits under Event date, tied to it for screen readers.
    const dateError = form.getByText('Event date has passed; choose today or a later day.');
    await dateError.waitFor({ timeout: LIVE_TIMEOUT_MS });
    const dateInput = form.getByLabel('Event date');
    expect(await dateInput.getAttribute('aria-invalid')).toBe('true');
    expect(await dateInput.getAttribute('aria-describedby')).toContain(await dateError.getAttribute('id'));
    expect(await form.getByRole('alert').count()).toBe(0); // no summary: the one error has its field
    await screenshot(staff, '01-new-booking-past-date');
    expect(await bookingsNamed('Jordan Formfield')).toBe(0);

    await dateInput.fill(eventDate);
    await form.getByRole('button', { name: 'Create booking' }).click();
    await staff.getByRole('heading', { level: 1, name: /Jordan Formfield/ }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(staff.url()).toMatch(/#\/bookings\/[\w-]+$/);
    expect(await text(staff.getByRole('status').filter({ hasText: 'Booking created' }))).toContain('The terms were texted to (916) 555-0134');
    expect(await statusOf(staff.getByRole('heading', { level: 1 }))).toBe('PENDING_TERMS');

    // 8 adults at $60 and 2 kids at $30 come to $540, raised to the $600 minimum.
    const price = (line: string) => text(staff.getByTestId(`price-${line}`));
    expect(await price('adults')).toBe('$480.00');
    expect(await price('kids')).toBe('$60.00');
    expect(await price('food')).toBe('$540.00');
    expect(await price('minimum-top-up')).toBe('$60.00');
    expect(await price('travel-fee')).toBe('$0.00');
    expect(await price('total')).toBe('$600.00');
    expect(await price('deposit')).toBe('$100.00');
    expect(await price('paid')).toBe('$0.00');
    expect(await price('balance')).toBe('$600.00');
    expect(await text(staff.getByTestId('booking-next-step'))).toContain('Waiting for the customer to accept the terms');
    await screenshot(staff, '02-booking-created');

    // The other console, open on the list all along, has the new booking without a reload.
    const liveRow = rowOf(other, 'Jordan Formfield');
    await liveRow.waitFor({ timeout: LIVE_TIMEOUT_MS });
    const shown = await text(liveRow);
    for (const part of ['(916) 555-0134', '10', '8 adults, 2 kids', '$600.00', 'Waiting for terms', 'Phone', '6:00 PM']) expect(shown).toContain(part);
    expect(await stillSameDocument(other)).toBe(true);
    await screenshot(other, '03-list-live-in-other-console');

    // Filters: by status, then by name, then by phone digits.
    await staff.getByRole('link', { name: '← Bookings' }).click();
    await rowOf(staff, 'Jordan Formfield').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await staff.getByRole('button', { name: 'Waiting for terms' }).click();
    await rowOf(staff, 'Morgan Filterson').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    expect(staff.url()).toContain('status=PENDING_TERMS');
    for (const row of await staff.getByTestId('booking-row').all()) expect(await statusOf(row)).toBe('PENDING_TERMS');
    await screenshot(staff, '04-list-filtered-by-status');

    await staff.getByLabel('Search', { exact: true }).fill('morgan');
    await staff.getByText('No bookings match these filters.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await screenshot(staff, '05-list-nothing-matches');
    await staff.getByRole('button', { name: 'Waiting for terms' }).click();
    await rowOf(staff, 'Morgan Filterson').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await staff.getByTestId('booking-row').count()).toBe(1);

    await staff.getByLabel('Search', { exact: true }).fill('555-0134');
    await rowOf(staff, 'Jordan Formfield').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => staff.getByTestId('booking-row').count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);

    // The filters are in the URL: a reload shows the same list.
    await staff.reload();
    await rowOf(staff, 'Jordan Formfield').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await staff.getByLabel('Search', { exact: true }).inputValue()).toBe('555-0134');
    expect(await staff.getByTestId('booking-row').count()).toBe(1);
  }, 90_000);

  it('cancels a booking with a reason, and another console sees it cancelled on its list and on the booking’s page', async () => {
    const id = await createBooking({
      customer: { name: 'Casey Cancelman', phone: '(916) 555-0156' },
      sourceChannel: 'PHONE',
      eventDate: dayFromNow(40),
      startTime: '12:30',
      address: '300 Example Road, Davis, CA 95616',
      adults: 15,
    });
    const otherList = await openConsole('#/bookings?q=Cancelman');
    const otherPage = await anotherTab(otherList, `#/bookings/${id}`);
    await rowOf(otherList, 'Casey Cancelman').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await otherPage.getByRole('heading', { level: 1, name: /Casey Cancelman/ }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    const staff = await openConsole(`#/bookings/${id}`);
    // 15 adults at $60 are over the minimum: no top-up line.
    expect(await text(staff.getByTestId('price-total'))).toBe('$900.00');
    expect(await staff.getByTestId('price-minimum-top-up').count()).toBe(0);

    await staff.getByRole('button', { name: 'Cancel booking' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Cancel this booking?' });
    await dialog.getByRole('button', { name: 'Cancel booking' }).click();
    const reasonError = dialog.getByText('Enter the reason for cancelling');
    await reasonError.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await dialog.getByLabel('Reason for cancelling').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Reason for cancelling').fill('The customer moved the party to next year.');
    await screenshot(staff, '06-cancel-dialog');
    await dialog.getByRole('button', { name: 'Cancel booking' }).click();
    await dialog.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });

    await expect.poll(() => statusOf(staff.getByRole('heading', { level: 1 })), { timeout: LIVE_TIMEOUT_MS }).toBe('CANCELLED');
    expect(await text(staff.getByTestId('cancellation-reason'))).toBe('The customer moved the party to next year.');
    expect(await staff.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
    expect(await staff.getByLabel('Adults').isDisabled()).toBe(true);
    await screenshot(staff, '07-booking-cancelled');

    await expect.poll(() => statusOf(rowOf(otherList, 'Casey Cancelman')), { timeout: LIVE_TIMEOUT_MS }).toBe('CANCELLED');
    await expect.poll(() => statusOf(otherPage.getByRole('heading', { level: 1 })), { timeout: LIVE_TIMEOUT_MS }).toBe('CANCELLED');
    expect(await text(otherPage.getByTestId('cancellation-reason'))).toBe('The customer moved the party to next year.');
    expect(await stillSameDocument(otherList)).toBe(true);
    expect(await stillSameDocument(otherPage)).toBe(true);
    await screenshot(otherList, '08-list-cancelled-live');
  }, 90_000);

  it('edits an inquiry’s event details (a refused count beside its field, then a saved one that reprices it) and sends its terms', async () => {
    const id = await createBooking({
      customer: { name: 'Riley Inquirer', phone: '(916) 555-0178' },
      sourceChannel: 'PHONE',
      requestTerms: false,
      eventDate: dayFromNow(50),
      startTime: '19:00',
      address: '400 Example Lane, Dixon, CA 95620',
      adults: 10,
    });
    const other = await openConsole(`#/bookings/${id}`);
    const staff = await openConsole(`#/bookings/${id}`);
    const details = staff.getByRole('form', { name: 'Event details' });

    await details.getByLabel('Adults').fill('0');
    await details.getByRole('button', { name: 'Save' }).click();
    const adultsError = details.getByText('Adults and kids add up to no guests; enter at least 1 adult.');
    await adultsError.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await details.getByLabel('Adults').getAttribute('aria-describedby')).toContain(await adultsError.getAttribute('id'));
    await screenshot(staff, '09-event-details-refused');

    await details.getByLabel('Adults').fill('12');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('Event details saved.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await text(staff.getByTestId('price-total'))).toBe('$720.00');
    // The other console shows the new count and price without a reload.
    await expect.poll(() => text(other.getByTestId('price-total')), { timeout: LIVE_TIMEOUT_MS }).toBe('$720.00');
    expect(await other.getByRole('form', { name: 'Event details' }).getByLabel('Adults').inputValue()).toBe('12');

    expect(await text(staff.getByTestId('booking-next-step'))).toContain('Nothing has been sent to the customer yet');
    await staff.getByRole('button', { name: 'Send terms' }).click();
    await staff.getByText('Terms sent to (916) 555-0178.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await statusOf(staff.getByRole('heading', { level: 1 }))).toBe('PENDING_TERMS');
    expect(await staff.getByRole('link', { name: 'Open the SMS conversation' }).getAttribute('href')).toMatch(/^#\/conversations\//);
    await expect.poll(() => statusOf(other.getByRole('heading', { level: 1 })), { timeout: LIVE_TIMEOUT_MS }).toBe('PENDING_TERMS');
    expect(await stillSameDocument(other)).toBe(true);
    await screenshot(staff, '10-terms-sent');
  }, 90_000);
});

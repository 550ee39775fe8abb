import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CreateBookingDocument } from '../../console/src/graphql/generated/graphql';
import { consoleOperation, eventually, useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, screenshots, signIn } from './browser';

/**
 * A booking's reminders in the console, in a real browser against the real server: the one
 * sent, the ones skipped with their reason, the one still to go with when it goes on the
 * customer's clock, and a cancellation turning what was left into "Cancelled" without a reload.
 */

const LA = 'America/Los_Angeles';
const app = useApp({
  ringCentral: true,
  extension101: false,
  env: { SCHEDULED_MESSAGES_EVERY_SECONDS: '1', REMINDER_SEND_TIME: '00:00', QUIET_HOURS: '00:00-00:00', TERMS_AGAIN_ON_CHANGE: 'none' },
});
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
});

function localDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: LA }).format(new Date(Date.now() + days * 86_400_000));
}

async function openBooking(id: string): Promise<Page> {
  context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/#/bookings/${encodeURIComponent(id)}`);
  await signIn(page, TEST_ADMIN);
  await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
  return page;
}

describe('a booking’s reminders', () => {
  it('shows what was sent, skipped and is still to go, on the customer’s clock, and what a cancellation stopped', async () => {
    const phone = '+15105550177';
    const created = await graphql(
      app.server.url,
      consoleOperation(CreateBookingDocument),
      { input: { customer: { name: 'Morgan Ito', phone }, sourceChannel: 'PHONE', eventDate: localDay(30), startTime: '18:00', address: '47000 Warm Springs Blvd, Fremont, CA 94539', adults: 12, kids: 0, requestTerms: false } },
      app.adminToken,
    );
    expect(created.data?.createBooking.userErrors).toEqual([]);
    const id = created.data!.createBooking.booking.id as string;
    // Confirmed a month ago for tomorrow, paid in full (travel included): the day-before reminder is due now.
    const rowId = Buffer.from(id, 'base64').toString('utf8').split(':')[1];
    await app.db.query(
      `UPDATE booking SET status = 'CONFIRMED', confirmed_at = now() - interval '30 days', event_date = $2::date, starts_at = ($2::date + time '18:00') AT TIME ZONE '${LA}', paid_cents = 100000000 WHERE id = $1`,
      [rowId, localDay(1)],
    );
    await eventually('the reminder to be texted', () => app.textsTo(phone).length === 1);

    const page = await openBooking(id);
    const card = page.getByTestId('scheduled-messages');
    const rows = card.getByTestId('scheduled-message');
    await expect.poll(() => rows.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(4);
    const lines = async () => (await rows.allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim());
    const [sevenDays, twoDays, dayBefore, review] = await lines();
    expect(sevenDays).toMatch(/^Balance reminder, 7 days before Skipped .*later reminder/);
    expect(twoDays).toMatch(/^Balance reminder, 2 days before Skipped .*paid in full/);
    expect(dayBefore).toMatch(/^Reminder the day before Sent .* (PST|PDT)$/);
    expect(review).toMatch(/^Review request the day after Scheduled Goes .* (PST|PDT)$/);
    await expect.poll(() => card.textContent()).toContain("Times on the customer’s clock (America/Los_Angeles), read from the event's ZIP code.");
    await screenshots(page, 'booking-reminders');

    const cancelled = await graphql(
      app.server.url,
      `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { userErrors { message } } }`,
      { input: { id, reason: 'Moved abroad' } },
      app.adminToken,
    );
    expect(cancelled.data!.cancelBooking.userErrors).toEqual([]);
    await expect.poll(async () => (await lines()).at(-1), { timeout: LIVE_TIMEOUT_MS }).toMatch(/^Review request the day after Cancelled .*The booking was cancelled\.$/);
    await screenshots(page, 'booking-reminders-cancelled');
  });
});

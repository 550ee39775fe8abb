import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { bookingReference } from '../../server/src/modules/bookings/booking-reference';
import { useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, markDocument, screenshots, signIn, stillSameDocument, WIDE } from './browser';

/**
 * Payments in the staff console, in a real browser against the real server: a bank statement
 * uploaded, the matcher's suggestion shown beside the booking with its reason, verified in one
 * click, a credit arriving live from elsewhere, and the booking's paid amount and payment history.
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

const text = (locator: Locator) => locator.innerText({ timeout: LIVE_TIMEOUT_MS }).then((value) => value.replace(/\s+/g, ' ').trim());
const usToday = () => {
  const iso = new Date().toISOString().slice(0, 10);
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
};

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

describe('the payments page', () => {
  it('uploads a statement, shows the suggestion beside its booking, verifies it and the booking shows it paid', async () => {
    const made = await graphql(
      app.server.url,
      `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { message } } }`,
      {
        input: {
          customer: { name: 'Cordelia Fairbanks', phone: '+19165558123' },
          sourceChannel: 'PHONE',
          eventDate: new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10),
          startTime: '18:00',
          address: '12 Example Street, Sacramento, CA 95814',
          adults: 12,
          requestTerms: false,
        },
      },
      app.adminToken,
    );
    expect(made.data!.createBooking.userErrors).toEqual([]);
    const bookingId = made.data!.createBooking.booking.id as string;
    const reference = bookingReference(Buffer.from(bookingId, 'base64url').toString('utf8').split(':')[1]);

    const page = await openConsole('#/payments');
    await expect.poll(() => text(page.getByRole('heading', { level: 1 }))).toBe('Payments');
    await expect.poll(() => text(page.locator('main, body').first())).toContain('Nothing to review.');

    const statement = ['Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #', `CREDIT,${usToday()},"Zelle payment from ACME PARTY SUPPLY for ${reference}",143.21,QUICKPAY_CREDIT,900.00,,`].join('\r\n');
    await page.getByTestId('statement-file').setInputFiles({ name: 'Chase1234_Activity.CSV', mimeType: 'text/csv', buffer: Buffer.from(statement) });
    await expect.poll(() => text(page.locator('.payments .notice'))).toMatch(/^Chase1234_Activity\.CSV: 1 new line, 1 credit, 0 applied to bookings at once\./);

    const suggestion = page.getByTestId('payment-suggestion').filter({ hasText: reference });
    await expect.poll(() => suggestion.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    const row = await text(suggestion);
    expect(row).toContain('$143.21');
    expect(row).toContain('Zelle payment from ACME PARTY SUPPLY');
    expect(row).toContain(`${reference} Cordelia Fairbanks`);
    expect(row).toMatch(/\d+% (Deposit|Full price|Balance|Balance with tip): /);

    // A credit from elsewhere (another console, the bank feed) arrives without a reload.
    const other = await graphql(app.server.url, `mutation($text: String!) { uploadBankStatement(input: { text: $text }) { added userErrors { message } } }`, { text: `Date,Description,Amount\n${usToday()},INTEREST PAYMENT,0.42\n` }, app.adminToken);
    expect(other.data!.uploadBankStatement).toEqual({ added: 1, userErrors: [] });
    await expect.poll(() => page.getByTestId('unmatched-credit').filter({ hasText: 'INTEREST PAYMENT' }).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    await screenshots(page, 'payments-review');

    await suggestion.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => text(page.locator('.payments .notice'))).toBe(`Applied to ${reference}. Dismiss`);
    await expect.poll(() => suggestion.count()).toBe(0);
    await expect.poll(() => text(page.getByTestId('reconciliation-totals'))).toMatch(/matched \$143\.21/);
    await screenshots(page, 'payments-verified');
    expect(await stillSameDocument(page)).toBe(true);

    await page.goto(`${app.server.url}/#/bookings/${bookingId}`);
    const history = page.getByTestId('payment-history');
    await expect.poll(() => text(history), { timeout: LIVE_TIMEOUT_MS }).toMatch(/^Payments \$143\.21 Balance · Bank/);
    await expect.poll(() => text(page.getByTestId('price-paid'))).toMatch(/\$143\.21/);
    await screenshots(page, 'booking-payments');
  }, 90_000);
});

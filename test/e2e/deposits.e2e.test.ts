import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { CreateBookingDocument, RecordTermsAcknowledgmentDocument } from '../../console/src/graphql/generated/graphql';
import { consoleOperation, useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, markDocument, screenshots, signIn, stillSameDocument, WIDE } from './browser';

/**
 * Deposits on the embedded default (no Stripe keys), in a real browser against the real server:
 * the confirmation text carries the booking reference and a deposit link; staff make the link on
 * the booking page; the customer opens it, sees the booking and the amount on the local checkout
 * page and pays; the booking page shows the deposit paid, live.
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

/** A booking confirmed at the counter: its terms accepted in person, so the confirmation is texted. */
async function confirmedBooking(): Promise<{ id: string; dbId: string }> {
  const made = await graphql(
    app.server.url,
    consoleOperation(CreateBookingDocument),
    {
      input: {
        customer: { name: 'Dana Depositor', phone: '(916) 555-0177' },
        sourceChannel: 'PHONE',
        eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        startTime: '18:00',
        address: '1200 K St, Sacramento, CA 95814',
        adults: 14,
      },
    },
    app.adminToken,
  );
  expect(made.data?.createBooking.userErrors).toEqual([]);
  const id = made.data!.createBooking.booking.id as string;
  const accepted = await graphql(app.server.url, consoleOperation(RecordTermsAcknowledgmentDocument), { input: { bookingId: id, channel: 'IN_PERSON', replyText: 'Yes, I agree.' } }, app.adminToken);
  expect(accepted.data?.recordTermsAcknowledgment.userErrors).toEqual([]);
  return { id, dbId: Buffer.from(id, 'base64url').toString('utf8').split(':')[1] };
}

describe('deposits without Stripe keys', () => {
  it('texts the deposit link with the booking reference, and the customer pays it on the local checkout page', async () => {
    const { id, dbId } = await confirmedBooking();
    const reference = `HB-${dbId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
    const { rows } = await app.db.query(
      `SELECT m.text FROM message m JOIN booking b ON b.conversation_id = m.conversation_id WHERE b.id = $1 AND m.text LIKE 'Your hibachi party is confirmed%'`,
      [dbId],
    );
    expect(rows).toHaveLength(1);
    const confirmation = rows[0].text as string;
    expect(confirmation).toContain(`Booking reference ${reference}.`);
    const texted = /Pay the \$100 deposit here: (http\S+)/.exec(confirmation)?.[1];
    expect(texted).toMatch(new RegExp(`^${app.server.url}/deposit/[0-9a-f-]{36}$`));

    const context = await browser!.newContext({ viewport: WIDE, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/bookings/${encodeURIComponent(id)}`);
    await signIn(page, TEST_ADMIN);
    await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
    await markDocument(page);

    const section = page.getByTestId('deposit-link-section');
    await section.getByRole('button', { name: 'Create deposit link' }).click();
    const link = section.getByTestId('deposit-link');
    await expect.poll(() => text(link), { timeout: LIVE_TIMEOUT_MS }).toBe('Pay $100.00 deposit');
    // The same checkout as the texted link: one per booking and amount.
    const href = await link.getAttribute('href');
    expect(href).toBe(texted);
    await expect.poll(() => section.getByRole('button', { name: 'Copy deposit link' }).isVisible()).toBe(true);
    await screenshots(page, 'deposit-link');

    // The customer's side: the booking, the amount, and the button.
    const customer = await context.newPage();
    await customer.goto(href!);
    expect(await text(customer.locator('body'))).toContain(`Booking ${reference}`);
    expect(await text(customer.locator('body'))).toContain('Deposit $100');
    await screenshots(customer, 'deposit-checkout');
    await customer.getByRole('button', { name: 'Pay deposit' }).click();
    await expect.poll(() => text(customer.getByRole('status')), { timeout: LIVE_TIMEOUT_MS }).toBe('Deposit received — thank you. Your date is held.');
    await screenshots(customer, 'deposit-paid');

    // Pressing again (a reload of the form) records nothing twice.
    await customer.goBack();
    await customer.reload();
    expect(await text(customer.getByRole('status'))).toBe('Deposit received. Your date is held.');

    // Staff see it on the booking page, live, without reloading.
    await expect.poll(() => text(page.getByTestId('price-paid')), { timeout: LIVE_TIMEOUT_MS }).toBe('$100.00');
    await expect.poll(() => text(section.getByTestId('deposit-paid')), { timeout: LIVE_TIMEOUT_MS }).toBe('Deposit paid: $100.00 received.');
    expect(await stillSameDocument(page)).toBe(true);
    await screenshots(page, 'deposit-paid-booking');
    const ledger = await app.db.query(`SELECT source, kind, amount_cents FROM payment WHERE booking_id = $1`, [dbId]);
    expect(ledger.rows).toEqual([{ source: 'CARD', kind: 'DEPOSIT', amount_cents: 10_000 }]);

    const again = await graphql(app.server.url, `mutation($id: ID!) { createDepositCheckout(bookingId: $id) { userErrors { code message } } }`, { id }, app.adminToken);
    expect(again.data!.createDepositCheckout.userErrors).toEqual([{ code: 'DEPOSIT_PAID', message: 'The deposit is already paid ($100 received).' }]);
  }, 90_000);
});

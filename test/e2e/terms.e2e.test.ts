import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { CreateBookingDocument } from '../../console/src/graphql/generated/graphql';
import { consoleOperation, useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, markDocument, screenshots, signIn, stillSameDocument, WIDE } from './browser';

/**
 * The terms in the staff console, in a real browser against the real server: a booking waiting
 * for the customer, an acceptance given in person recorded by staff (a refusal refused first),
 * the evidence it leaves and its printable page; publishing a new version as an admin (and a
 * staff member who cannot), and checking the evidence chain.
 */

const app = useApp({ extension101: false });
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const STAFF = { email: 'sam.staff@example.test', password: 'a long staff password 42', displayName: 'Sam Staffer' };

beforeAll(async () => {
  browser = await launchChromium();
  const response = await graphql(
    app.server.url,
    `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { field message } } }`,
    { input: { ...STAFF, role: 'STAFF' } },
    app.adminToken,
  );
  expect(response.data?.createStaffUser.userErrors).toEqual([]);
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function openConsole(hash: string, who: { email: string; password: string } = TEST_ADMIN): Promise<Page> {
  const context = await browser!.newContext({ viewport: WIDE, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.server.url}/${hash}`);
  await signIn(page, who);
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

/** What a person reads there, as laid out, on one line. */
const text = (locator: Locator) => locator.innerText({ timeout: LIVE_TIMEOUT_MS }).then((value) => value.replace(/\s+/g, ' ').trim());
const statusOf = (locator: Locator) => locator.getByTestId('booking-status').first().getAttribute('data-status', { timeout: LIVE_TIMEOUT_MS });
const termsState = (page: Page) => page.getByTestId('terms-status').getAttribute('data-state', { timeout: LIVE_TIMEOUT_MS });

describe('terms in the console', () => {
  it('records an acceptance given in person: the booking is confirmed, the evidence shows (also in another console) and its printable page opens', async () => {
    const id = await createBooking({
      customer: { name: 'Avery Acceptwell', phone: '(916) 555-0161' },
      sourceChannel: 'PHONE',
      eventDate: dayFromNow(80),
      startTime: '18:30',
      address: '40 Example Court, Davis, CA 95616',
      adults: 14,
    });
    const other = await openConsole(`#/bookings/${id}`);
    const page = await openConsole(`#/bookings/${id}`);
    const terms = page.getByTestId('terms-section');
    expect(await termsState(page)).toBe('WAITING');
    // The booking's thread, with the terms request it was sent.
    const messages = page.getByTestId('booking-messages');
    await messages.getByTestId('message').first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await text(messages)).toContain('reply I AGREE to accept them');
    expect(await text(messages)).toContain('Automatic');
    await screenshots(page, 'terms-01-waiting');

    await terms.getByRole('button', { name: 'Record acceptance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record the customer’s acceptance' });
    await dialog.getByTestId('acceptance-version').getByRole('link').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await dialog.getByLabel('In person').isChecked()).toBe(true);
    // Words that read as a refusal are refused, beside the field, and nothing is recorded.
    const said = dialog.getByLabel('What the customer said (optional)');
    await said.fill('No, I do not agree to that.');
    await dialog.getByRole('button', { name: 'Record acceptance' }).click();
    const refusal = dialog.getByText('That reply reads as a refusal, so it cannot be recorded as acceptance. Check with the customer.');
    await refusal.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await said.getAttribute('aria-invalid')).toBe('true');
    expect(await said.getAttribute('aria-describedby')).toContain(await refusal.getAttribute('id'));
    // (The page behind the open modal dialog is hidden from assistive technology, so it is read with includeHidden.)
    expect(await statusOf(page.getByRole('heading', { level: 1, includeHidden: true }))).toBe('PENDING_TERMS');
    await screenshots(page, 'terms-02-record-refused');

    const reply = 'Yes, I agree to the terms. See you on the day!';
    await said.fill(reply);
    await dialog.getByRole('button', { name: 'Record acceptance' }).click();
    await dialog.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await terms.getByRole('status').filter({ hasText: 'Acceptance recorded. The booking is confirmed.' }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    expect(await statusOf(page.getByRole('heading', { level: 1 }))).toBe('CONFIRMED');
    expect(await termsState(page)).toBe('ACCEPTED');
    expect(await text(terms.getByTestId('evidence-channel'))).toBe('In person');
    expect(await terms.getByTestId('evidence-reply').innerText()).toBe(reply);
    expect(await text(terms.getByTestId('evidence-verified'))).toBe('No Recorded by Administrator');
    expect(await text(terms.getByTestId('evidence-version'))).toMatch(/^v1, “.+”/);
    expect(await text(terms.getByTestId('evidence-sequence'))).toMatch(/^Record #\d+$/);
    const hash = terms.getByTestId('evidence-hash');
    const fullHash = await hash.getAttribute('data-value');
    expect(fullHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await text(hash)).toBe(`${fullHash!.slice(0, 12)}…`);
    // No IP or browser for an acceptance given in person: they were the staff member's, not the customer's.
    expect(await terms.getByTestId('evidence-ip').count()).toBe(0);
    // The confirmation goes out in the booking's thread, and shows there live.
    await messages.getByText('confirmed', { exact: false }).last().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await screenshots(page, 'terms-03-accepted');

    // The copy button copies the whole hash.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await terms.getByRole('button', { name: 'Copy record hash' }).click();
    await terms.getByRole('button', { name: 'Copy record hash' }).getByText('Copied').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(fullHash);

    // The printable evidence opens in a new tab: a page of its own, with the customer's words.
    const evidenceResponse = page.context().waitForEvent('response', { predicate: (response: Response) => response.url().includes('/terms-evidence/'), timeout: LIVE_TIMEOUT_MS });
    const popup = page.context().waitForEvent('page', { timeout: LIVE_TIMEOUT_MS });
    await terms.getByRole('button', { name: 'Open printable evidence' }).click();
    const response = await evidenceResponse;
    expect(response.status()).toBe(200);
    const tab = await popup;
    await tab.waitForURL(/\/terms-evidence\//, { timeout: LIVE_TIMEOUT_MS });
    expect(tab.url()).toContain(`/terms-evidence/${id}?token=`);
    expect(await tab.locator('body').innerText()).toContain(reply);
    await tab.close();

    // The other console, open on the booking all along, shows all of it without a reload.
    await expect.poll(() => statusOf(other.getByRole('heading', { level: 1 })), { timeout: LIVE_TIMEOUT_MS }).toBe('CONFIRMED');
    await expect.poll(() => termsState(other), { timeout: LIVE_TIMEOUT_MS }).toBe('ACCEPTED');
    expect(await other.getByTestId('evidence-reply').innerText()).toBe(reply);
    expect(await other.getByTestId('evidence-hash').getAttribute('data-value')).toBe(fullHash);
    expect(await stillSameDocument(other)).toBe(true);
  }, 90_000);

  it('publishes a new version as an admin through a confirm step, and the evidence chain verifies', async () => {
    const page = await openConsole('#/bookings');
    await page.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: 'Terms' }).click();
    const current = page.getByTestId('current-terms');
    await current.getByRole('heading').waitFor({ timeout: LIVE_TIMEOUT_MS });
    const before = await text(current.getByRole('heading'));
    expect(before).toMatch(/^Current terms: v\d+/);
    await screenshots(page, 'terms-04-terms-page');

    await page.getByRole('button', { name: 'Publish new version' }).click();
    const form = page.getByRole('form', { name: 'Publish a new version' });
    const title = 'Hibachi party terms, spring edition';
    const body = 'Deposit: $100, applied to the balance.\n\nCancellation: free up to 7 days before the event.\n\nRain: we cook under cover you provide.';
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Text').fill(body);
    await form.getByRole('button', { name: 'Review and publish…' }).click();
    const dialog = page.getByRole('dialog', { name: `Publish “${title}”?` });
    expect(await text(dialog)).toContain('Customers who already accepted keep pointing at the version they accepted');
    await screenshots(page, 'terms-05-publish-confirm');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });

    await page.getByRole('status').filter({ hasText: `“${title}” is published: it is now the current terms.` }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => text(current.getByRole('heading')), { timeout: LIVE_TIMEOUT_MS }).toMatch(new RegExp(`^Current terms: v\\d+ “${title}”$`));
    expect(await text(current.getByRole('heading'))).not.toBe(before);
    expect(await current.getByTestId('terms-text').innerText()).toBe(body);
    // The new version heads the list as the only current one; the one before is still there.
    const rows = page.getByTestId('terms-version-row');
    expect(await text(rows.first())).toContain(title);
    expect(await text(rows.first())).toContain('Current');
    expect(await rows.filter({ hasText: 'Current' }).count()).toBe(1);
    expect(await rows.count()).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Verify evidence chain' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await text(result)).toContain('The chain is intact.');
    await screenshots(page, 'terms-06-published-and-verified');
  }, 90_000);

  it('does not offer publishing to a staff member who is not an admin, who can still read and verify', async () => {
    const page = await openConsole('#/terms', STAFF);
    await page.getByTestId('current-terms').getByRole('heading').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await page.getByRole('button', { name: 'Publish new version' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Verify evidence chain' }).click();
    expect(await page.getByTestId('verify-result').getAttribute('data-ok', { timeout: LIVE_TIMEOUT_MS })).toBe('true');
  }, 60_000);
});

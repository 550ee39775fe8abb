import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, liveStatus, LIVE_TIMEOUT_MS, markDocument, screenshots, signIn, stillSameDocument } from './browser';
import { callApi, startConsoleServer, type ConsoleServer } from './console-server';

/**
 * Every customer known, in real browsers against the real server: a web-chat customer gives
 * their name and both staff consoles show it in place of "Web chat visitor" without a reload;
 * the customer panel beside the thread; search by name, phone and message words; and merging
 * the visitor into the record staff made for the same person on the phone, confirmed in a
 * dialog, which the other console follows live.
 */

const SECOND_STAFF = { email: 'robin@staff.hibachi.test', password: 'robin-password-2026', displayName: 'Robin Staff' };
const PHONE = '+19165550142';
/** The number as the console shows it. */
const PHONE_SHOWN = '(916) 555-0142';

let server: ConsoleServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let customer: Page;
let admin: Page;
let colleague: Page;
let adminToken = '';
let conversationId = '';

function api(): ConsoleServer {
  if (!server) throw new Error('server not started');
  return server;
}

const call = (query: string, variables: object = {}, token = adminToken): Promise<any> => callApi(api().url, query, variables, token);

async function openPage(path: string): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${api().url}${path}`);
  return page;
}

const chatMessages = (page: Page): Locator => page.getByTestId('chat-messages').locator('li[data-author]');
const textOf = (locator: Locator) => locator.textContent({ timeout: LIVE_TIMEOUT_MS }).then((text) => text?.trim() ?? '');
const threadHeading = (page: Page) => page.locator('h1').first();

async function sendAsCustomer(text: string): Promise<void> {
  const before = await chatMessages(customer).count();
  await customer.getByLabel('Your message').fill(text);
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => chatMessages(customer).count(), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(before + 1);
}

describe('every customer known, in a browser', { shuffle: false }, () => {
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    adminToken = (await call('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: api().admin }, '')).login.token;
    const created = await call('mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { message } } }', { input: { ...SECOND_STAFF, role: 'STAFF' } });
    expect(created.createStaffUser.userErrors).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('shows the web-chat customer as a visitor in both consoles until they give their name', async () => {
    customer = await openPage('/chat');
    await sendAsCustomer("Hi! We'd like a hibachi party for 12 people on Dec 20th at 6pm");
    const threads = await call('{ conversations(first: 1, channel: WEB_CHAT) { edges { node { id } } } }');
    conversationId = threads.conversations.edges[0].node.id;

    admin = await openPage(`/#/conversations/${encodeURIComponent(conversationId)}`);
    await signIn(admin, api().admin);
    colleague = await openPage(`/#/conversations/${encodeURIComponent(conversationId)}`);
    await signIn(colleague, SECOND_STAFF);
    for (const page of [admin, colleague]) {
      await expect.poll(() => textOf(threadHeading(page)), { timeout: LIVE_TIMEOUT_MS }).toBe('Web chat visitor');
      await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
      expect(await textOf(page.getByTestId('customer-panel').getByTestId('customer-name'))).toBe('Web chat visitor');
      await markDocument(page);
    }
  }, 120_000);

  it('replaces "Web chat visitor" with the name in both consoles the moment the customer gives it', async () => {
    await sendAsCustomer('123 Main St, Sacramento, CA 95814');
    await sendAsCustomer('My name is Dana Whitfield, and one guest is vegetarian');
    for (const page of [admin, colleague]) {
      await expect.poll(() => textOf(threadHeading(page)), { timeout: LIVE_TIMEOUT_MS }).toBe('Dana Whitfield');
      expect(await textOf(page.getByTestId('customer-panel').getByTestId('customer-name'))).toBe('Dana Whitfield');
      expect(await stillSameDocument(page)).toBe(true);
    }
    const panel = colleague.getByTestId('customer-panel');
    expect(await textOf(panel.getByTestId('customer-identities'))).toMatch(/^Web chat visitor [0-9a-f]{8}$/);
    expect(await textOf(panel.getByTestId('customer-threads'))).toContain('Web chat (this thread)');
    await screenshots(colleague, 'customers-01-thread-with-customer-panel');
  }, 60_000);

  it('lists threads with their customer and a preview of the last message', async () => {
    await colleague.goto(`${api().url}/#/conversations`);
    const row = colleague.getByTestId('conversation-row').filter({ hasText: 'Dana Whitfield' });
    await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
    // The assistant answered last: its words, after who wrote them.
    const preview = await textOf(row.getByTestId('last-message'));
    expect(preview).toMatch(/^Assistant: \S/);
    expect(preview).not.toContain('My name is Dana Whitfield');
    await screenshots(colleague, 'customers-02-conversations-with-previews');
  }, 30_000);

  it('finds the customer by name, by phone and by the words of a message from the top bar', async () => {
    // Staff booked the same person on the phone earlier: a record of their own, with a number.
    const booked = await call(
      'mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { message } } }',
      { input: { customer: { name: 'Dana Whitfield', phone: PHONE }, sourceChannel: 'PHONE', eventDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10), startTime: '18:00', address: '123 Main St, Sacramento, CA 95814', adults: 12, requestTerms: false } },
    );
    expect(booked.createBooking.userErrors).toEqual([]);

    const box = admin.getByTestId('search-box');
    await box.fill('Whitfield');
    await box.press('Enter');
    const customers = admin.getByTestId('search-customers');
    await expect.poll(() => customers.locator('li').count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);
    expect(await textOf(customers)).toContain(`Phone ${PHONE_SHOWN}`);
    expect(await textOf(customers)).toMatch(/Web chat visitor [0-9a-f]{8}/);
    expect(await admin.getByTestId('search-threads').locator('li').count()).toBe(2);

    await box.fill('(916) 555-0142');
    await box.press('Enter');
    await expect.poll(() => customers.locator('li').count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await textOf(customers)).toContain(PHONE_SHOWN);

    await box.fill('vegetarians');
    await box.press('Enter');
    const messages = admin.getByTestId('search-messages');
    await expect.poll(() => messages.locator('li').count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await textOf(messages.locator('mark').first())).toBe('vegetarian');
    await screenshots(admin, 'customers-03-search-message-words');
    await messages.getByRole('link', { name: 'Dana Whitfield' }).click();
    await expect.poll(() => admin.url(), { timeout: LIVE_TIMEOUT_MS }).toContain(encodeURIComponent(conversationId));
  }, 60_000);

  it('merges the visitor into the phone record after a confirmation, and the other console follows', async () => {
    // The colleague watches the web-chat thread; the admin merges on the phone customer's page.
    await colleague.goto(`${api().url}/#/conversations/${encodeURIComponent(conversationId)}`);
    await expect.poll(() => textOf(colleague.getByTestId('customer-panel').getByTestId('customer-threads')), { timeout: LIVE_TIMEOUT_MS }).toContain('this thread');
    expect(await textOf(colleague.getByTestId('customer-panel'))).toContain('Bookings (0)');
    await markDocument(colleague);

    const box = admin.getByTestId('search-box');
    await box.fill(PHONE);
    await box.press('Enter');
    await admin.getByTestId('search-customers').getByRole('link', { name: 'Dana Whitfield' }).click();
    const merge = admin.getByTestId('merge-section');
    await merge.getByLabel('Find the other record').fill('Dana');
    await merge.getByRole('button', { name: 'Find' }).click();
    const candidates = merge.getByTestId('merge-candidates').locator('li');
    await expect.poll(() => candidates.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await textOf(candidates.first())).toMatch(/Web chat visitor [0-9a-f]{8}/);
    await candidates.first().getByRole('button', { name: 'Merge into this customer…' }).click();

    const dialog = admin.getByRole('dialog', { name: 'Merge these two records?' });
    const summary = dialog.getByTestId('merge-summary');
    await summary.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await textOf(summary)).toContain('1 thread');
    expect(await textOf(summary)).toContain('cannot be undone');
    await screenshots(admin, 'customers-04-merge-confirmation');
    await dialog.getByRole('button', { name: 'Merge records' }).click();
    await admin.getByRole('status').filter({ hasText: 'was merged into this customer' }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    const panel = admin.getByTestId('customer-panel');
    await expect.poll(() => textOf(panel.getByTestId('customer-identities')), { timeout: LIVE_TIMEOUT_MS }).toMatch(/Web chat visitor/);
    expect(await textOf(panel.getByTestId('customer-identities'))).toContain(PHONE_SHOWN);
    expect(await textOf(panel)).toContain('Threads (2)');
    expect(await textOf(panel.getByTestId('customer-merges'))).toMatch(/Dana Whitfield merged in on .* by Demo Admin: 1 identity, 1 thread and 0 bookings moved/);
    await screenshots(admin, 'customers-05-customer-page-after-merge');

    // The colleague's thread now belongs to the phone record: its booking and number show, no reload.
    const colleaguePanel = colleague.getByTestId('customer-panel');
    await expect.poll(() => textOf(colleaguePanel), { timeout: LIVE_TIMEOUT_MS }).toContain('Bookings (1)');
    expect(await textOf(colleaguePanel.getByTestId('customer-identities'))).toContain(PHONE_SHOWN);
    expect(await stillSameDocument(colleague)).toBe(true);
    await screenshots(colleague, 'customers-06-thread-after-merge');
  }, 60_000);

  it('leaves the merged record out of search: one Dana Whitfield remains', async () => {
    const box = admin.getByTestId('search-box');
    await box.fill('Whitfield');
    await box.press('Enter');
    const customers = admin.getByTestId('search-customers');
    await expect.poll(() => customers.locator('li').count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await textOf(customers)).toContain(PHONE_SHOWN);
    expect(await textOf(customers)).toMatch(/Web chat visitor [0-9a-f]{8}/);
  }, 30_000);

  it('refuses a merge that cannot be made in the dialog, in words staff can act on, and changes nothing', async () => {
    const book = (phone: string) =>
      call('mutation($input: CreateBookingInput!) { createBooking(input: $input) { userErrors { message } } }', {
        input: { customer: { name: 'Kim Okafor', phone }, sourceChannel: 'PHONE', eventDate: new Date(Date.now() + 50 * 86_400_000).toISOString().slice(0, 10), startTime: '17:00', address: '9 Elm St, Davis, CA 95616', adults: 10 },
      });
    // Two records, each with a booking waiting for its terms (texted at once).
    for (const phone of ['+19165550161', '+19165550162']) expect((await book(phone)).createBooking.userErrors).toEqual([]);

    const box = admin.getByTestId('search-box');
    await box.fill('(916) 555-0161');
    await box.press('Enter');
    await admin.getByTestId('search-customers').getByRole('link', { name: 'Kim Okafor' }).click();
    const merge = admin.getByTestId('merge-section');
    await merge.getByLabel('Find the other record').fill('Kim Okafor');
    await merge.getByRole('button', { name: 'Find' }).click();
    const candidates = merge.getByTestId('merge-candidates').locator('li');
    await expect.poll(() => candidates.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    await candidates.first().getByRole('button', { name: 'Merge into this customer…' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Merge these two records?' });
    await dialog.getByTestId('merge-summary').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await dialog.getByRole('button', { name: 'Merge records' }).click();
    const refusal = dialog.getByRole('alert');
    await expect.poll(() => textOf(refusal), { timeout: LIVE_TIMEOUT_MS }).toContain('Both customers have a booking waiting for its terms');
    expect(await textOf(refusal)).toContain('Confirm or cancel one of the two bookings, then merge.');
    await screenshots(admin, 'customers-07-merge-refused');
    await dialog.getByRole('button', { name: 'Back' }).click();
    const panel = admin.getByTestId('customer-panel');
    expect(await textOf(panel.getByTestId('customer-identities'))).toBe('Phone (916) 555-0161');
    expect(await textOf(panel)).not.toContain('Merged records');
  }, 60_000);

  it('lets staff correct a name: a blank one is refused beside the field, a real one shows at once', async () => {
    const panel = admin.getByTestId('customer-panel');
    await panel.getByRole('button', { name: 'Edit name' }).click();
    const name = panel.getByLabel('Name');
    expect(await name.getAttribute('maxlength')).toBe('120');
    await name.fill('   ');
    await panel.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => textOf(panel.locator('.field-error')), { timeout: LIVE_TIMEOUT_MS }).toBe("Name: enter the customer's name, for example Dana Reyes.");
    await name.fill('Kimberly Okafor');
    await panel.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => textOf(admin.locator('h1').first()), { timeout: LIVE_TIMEOUT_MS }).toBe('Kimberly Okafor');
    expect(await textOf(panel.getByTestId('customer-name'))).toBe('Kimberly Okafor');
  }, 30_000);
});

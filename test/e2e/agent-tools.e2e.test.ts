import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, LIVE_TIMEOUT_MS, markDocument, screenshots, signIn, stillSameDocument } from './browser';
import { callApi, startConsoleServer, type ConsoleServer } from './console-server';

/**
 * Staff's tools and the customer's side of the web chat, in three browsers at once: an admin
 * keeps canned replies; a customer books, then asks for a person, writing on several lines; the
 * admin takes the thread over while a colleague watches it. Typing shows both ways (the
 * customer's to the holder only), a private note reaches the colleague live and never the
 * customer or their SMS thread, /deposit fills in the booking, a send the network drops is
 * marked with Retry, and a closed business says when someone will answer.
 */

const COLLEAGUE = { email: 'casey@staff.hibachi.test', password: 'casey-password-2026', displayName: 'Casey Staff' };
const NOTE = 'Private: she mentioned a nut allergy on the phone, tell the chef';
const ZONE = 'America/New_York';

let server: ConsoleServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let customer: Page;
let holder: Page; // the demo admin
let colleague: Page;
let adminToken = '';

function api(): ConsoleServer {
  if (!server) throw new Error('server not started');
  return server;
}

const call = <T = Record<string, any>>(query: string, variables: object = {}, token = adminToken): Promise<T> => callApi<T>(api().url, query, variables, token);

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
/** The part of a textarea the test reads in the page (the test's own types have no DOM). */
interface TextBox {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  setSelectionRange(start: number, end: number): void;
}
const composer = (page: Page) => page.getByLabel('Reply to the customer');

async function sendAsCustomer(text: string): Promise<void> {
  const before = await chatMessages(customer).count();
  await customer.getByLabel('Your message').fill(text);
  await customer.getByLabel('Your message').press('Enter');
  await expect.poll(() => chatMessages(customer).count(), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(before);
  await customer.getByTestId('outgoing').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
}

/** The weekday two days from now on the business clock: a day on which nobody works now. */
function dayAfterTomorrow(): { weekday: string; name: string } {
  const at = new Date(Date.now() + 2 * 24 * 3600_000);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'long' }).format(at);
  return { weekday: name.toUpperCase(), name };
}

describe('agent tools and the customer’s web chat in a browser', { shuffle: false }, () => {
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    adminToken = (await call<{ login: { token: string } }>('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: api().admin }, '')).login.token;
    await call('mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { message } } }', { input: { ...COLLEAGUE, role: 'STAFF' } });
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('lets an admin keep canned replies, with each field’s errors at once', async () => {
    holder = await openPage('/#/canned-replies');
    await signIn(holder, api().admin);
    await holder.getByRole('heading', { name: 'Canned replies' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await holder.getByRole('button', { name: 'New canned reply' }).click();
    await holder.getByLabel('Shortcut').fill('/deposit');
    await holder.getByLabel('Title').fill('Deposit reminder');
    await holder.getByLabel('Reply text').fill('Hi {customer.firstName}, to hold {booking.date} please send the {booking.deposit} deposit.');
    await holder.getByRole('button', { name: 'Save canned reply' }).click();
    await holder.getByText('Saved /deposit.').waitFor({ timeout: LIVE_TIMEOUT_MS });

    // A second one with a taken shortcut, no title and a placeholder we cannot fill: all three said at once.
    await holder.getByRole('button', { name: 'New canned reply' }).click();
    await holder.getByLabel('Shortcut').fill('/Deposit');
    await holder.getByLabel('Reply text').fill('Hi {customer.nickname}');
    await holder.getByRole('button', { name: 'Save canned reply' }).click();
    await holder.getByText('Shortcut: /deposit is already used by “Deposit reminder”. Choose another shortcut.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await textOf(holder.locator('form.canned-form'))).toContain('Title: enter a short name');
    expect(await textOf(holder.locator('form.canned-form'))).toContain('{customer.nickname} is not a placeholder we can fill');
    expect(await holder.getByLabel('Shortcut').getAttribute('aria-invalid')).toBe('true');
    await screenshots(holder, 'canned-replies-errors');

    await holder.getByLabel('Shortcut').fill('/menu');
    await holder.getByLabel('Title').fill('Menu');
    await holder.getByLabel('Reply text').fill('Every party includes fried rice, vegetables, salad and two proteins per guest.');
    await holder.getByRole('button', { name: 'Save canned reply' }).click();
    await holder.getByText('Saved /menu.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => holder.getByTestId('canned-reply').count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);
    await screenshots(holder, 'canned-replies');
    await markDocument(holder);
  }, 60_000);

  it('shows the customer the business name, times, and keeps a message on several lines', async () => {
    customer = await openPage('/chat');
    await expect.poll(() => textOf(customer.getByTestId('chat-business-name')), { timeout: LIVE_TIMEOUT_MS }).toBe('Hibachi at Home');
    // Open now: the console server's extensions work all day.
    expect(await customer.getByTestId('after-hours').count()).toBe(0);
    await markDocument(customer);
    await sendAsCustomer("Hi! I'd like to book a hibachi party for 12 people on Dec 20th at 6pm");
    await sendAsCustomer('123 Main St, Sacramento, CA 95814');
    await sendAsCustomer('My name is Dana Reyes');
    await sendAsCustomer('you can text me at (555) 555-0123');
    await sendAsCustomer('yes, that is correct');
    expect(await textOf(chatMessages(customer).last())).toContain("You're booked");

    // Shift+Enter is a new line; Enter sends the whole message.
    const box = customer.getByLabel('Your message');
    await box.fill('Could someone call me?');
    await box.press('Shift+Enter');
    await box.pressSequentially('I want to talk to a real person please');
    expect(await box.inputValue()).toBe('Could someone call me?\nI want to talk to a real person please');
    const before = await chatMessages(customer).count();
    await box.press('Enter');
    await expect.poll(() => chatMessages(customer).count(), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(before);
    const mine = customer.locator('li[data-author="CUSTOMER"]').last();
    expect(await mine.locator('p').innerText()).toBe('Could someone call me?\nI want to talk to a real person please');
    // Every message carries its time.
    const times = await customer.getByTestId('chat-messages').locator('li[data-author] time').count();
    expect(times).toBe(await chatMessages(customer).count());
    expect(await textOf(mine.locator('time'))).toMatch(/\d{1,2}:\d{2}/);
    await screenshots(customer, 'web-chat');
  }, 60_000);

  it('shows typing both ways: the customer’s to the holder only, the holder’s to the customer', async () => {
    await holder.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: /^Escalations/ }).click();
    await holder.getByTestId('escalation-row').first().getByRole('link', { name: 'Open chat' }).click();
    await holder.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => textOf(holder.getByTestId('thread-holder')), { timeout: LIVE_TIMEOUT_MS }).toContain('You hold this thread');
    const threadUrl = holder.url();

    colleague = await openPage(`/${new URL(threadUrl).hash}`);
    await signIn(colleague, COLLEAGUE);
    await expect.poll(() => textOf(colleague.getByTestId('thread-holder')), { timeout: LIVE_TIMEOUT_MS }).toContain('Demo Admin holds this thread');
    await markDocument(colleague);

    // The customer types (and does not send): the holder sees it, the colleague does not.
    await customer.getByLabel('Your message').pressSequentially('Also, can you do', { delay: 20 });
    await expect.poll(() => textOf(holder.getByTestId('customer-typing')), { timeout: LIVE_TIMEOUT_MS }).toBe('The customer is typing…');
    expect(await textOf(colleague.getByTestId('customer-typing'))).toBe('');
    await screenshots(holder, 'thread-customer-typing');

    // The holder types: the customer sees who.
    await composer(holder).pressSequentially('Hi Dana', { delay: 20 });
    await expect.poll(() => textOf(customer.getByTestId('team-typing')), { timeout: LIVE_TIMEOUT_MS }).toBe('Demo is typing…');
    await screenshots(customer, 'web-chat-team-typing');
    await composer(holder).fill('');
    await customer.getByLabel('Your message').fill('');
  }, 60_000);

  it('shows a private note to the colleague live, never to the customer or in their SMS thread', async () => {
    await holder.getByLabel(/^Private note/).fill(NOTE);
    await holder.getByRole('button', { name: 'Add note' }).click();
    await colleague.getByTestId('note').filter({ hasText: NOTE }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await textOf(colleague.getByTestId('note').first())).toContain('only staff see this');
    await holder.getByTestId('note').filter({ hasText: NOTE }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await screenshots(colleague, 'thread-private-note');

    // A reply after the note reaches the customer; the note never does.
    await composer(holder).fill('Hi Dana, I can help with that now.');
    await composer(holder).press('Enter');
    await customer.locator('li[data-author="STAFF"]', { hasText: 'I can help with that now' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await textOf(customer.getByTestId('chat-messages'))).not.toContain('nut allergy');
    // Her SMS thread (where the terms went) has neither the note nor any message holding it.
    const sms = await call<{ conversations: { edges: Array<{ node: { notes: unknown[]; messages: { edges: Array<{ node: { text: string } }> } } }> } }>(
      `{ conversations(first: 5, channel: SMS) { edges { node { notes { text } messages(first: 50) { edges { node { text } } } } } } }`,
    );
    expect(sms.conversations.edges).toHaveLength(1);
    expect(sms.conversations.edges[0].node.notes).toEqual([]);
    expect(JSON.stringify(sms.conversations.edges[0].node.messages)).not.toContain('nut allergy');
  }, 60_000);

  it('inserts /deposit filled from the booking, chosen with the keyboard', async () => {
    await composer(holder).fill('');
    await composer(holder).pressSequentially('/de');
    const menu = holder.getByRole('listbox', { name: 'Canned replies' });
    await menu.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await menu.getByRole('option').count()).toBe(1);
    expect(await textOf(menu.getByRole('option').first())).toContain('/deposit');
    await screenshots(holder, 'thread-canned-menu');
    await composer(holder).press('Enter');
    const filled = 'Hi Dana, to hold Sunday, December 20 please send the $100 deposit.';
    await expect.poll(() => composer(holder).inputValue(), { timeout: LIVE_TIMEOUT_MS }).toBe(filled);
    expect(await holder.getByTestId('unfilled-placeholders').count()).toBe(0);
    await composer(holder).press('Enter');
    await customer.locator('li[data-author="STAFF"]', { hasText: filled }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    // The menu also moves with the arrows and closes with Escape, leaving the text as typed.
    await composer(holder).pressSequentially('/');
    await menu.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await composer(holder).press('ArrowDown');
    expect(await menu.getByRole('option', { selected: true }).textContent()).toContain('/menu');
    await composer(holder).press('Escape');
    await menu.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    expect(await composer(holder).inputValue()).toBe('/');
    await composer(holder).fill('');
  }, 60_000);

  it('leaves a placeholder this thread has no value for selected, for the holder to type over, and never sends the braces', async () => {
    // She gave no email: {customer.email} has no value in this thread.
    await call('mutation($input: CannedReplyInput!) { createCannedReply(input: $input) { userErrors { message } } }', {
      input: { shortcut: 'receipt', title: 'Receipt by email', body: 'We will email the receipt to {customer.email}, {customer.firstName}.' },
    });
    await composer(holder).pressSequentially('/rec');
    await holder.getByRole('option', { name: /\/receipt/ }).click();
    await expect.poll(() => composer(holder).inputValue(), { timeout: LIVE_TIMEOUT_MS }).toBe('We will email the receipt to {customer.email}, Dana.');
    const hint = holder.getByTestId('unfilled-placeholders');
    expect(await textOf(hint)).toBe('This thread has no value for {customer.email}. Type it in before sending; replies holding braces are not sent.');
    // The placeholder is selected: what the holder types replaces it.
    expect(await composer(holder).evaluate((box) => {
      const area = box as unknown as TextBox;
      return area.value.slice(area.selectionStart, area.selectionEnd);
    })).toBe('{customer.email}');
    await screenshots(holder, 'thread-canned-unfilled');
    // Sent as it is, the server refuses it and the customer gets nothing.
    await composer(holder).press('End');
    await composer(holder).press('Enter');
    await holder.getByText('Replace {customer.email} with what the customer should read before sending.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await composer(holder).evaluate((box) => {
      const area = box as unknown as TextBox;
      area.setSelectionRange(area.value.indexOf('{'), area.value.indexOf('}') + 1);
    });
    await composer(holder).pressSequentially('dana@example.com');
    await hint.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await composer(holder).press('Enter');
    await customer.locator('li[data-author="STAFF"]', { hasText: 'We will email the receipt to dana@example.com, Dana.' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await textOf(customer.getByTestId('chat-messages'))).not.toContain('{customer.email}');
  }, 60_000);

  it('marks a message the network dropped, and sends it on Retry', async () => {
    let dropping = true;
    await customer.route('**/graphql', async (route) => {
      if (dropping && route.request().postData()?.includes('SendWebChatMessage')) return route.abort('internetdisconnected');
      return route.continue();
    });
    const before = await chatMessages(customer).count();
    await customer.getByLabel('Your message').fill('Are you still there?');
    await customer.getByLabel('Your message').press('Enter');
    const failed = customer.locator('[data-testid="outgoing"][data-status="failed"]');
    await failed.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await textOf(failed)).toContain('Not sent.');
    expect(await textOf(failed)).toContain('Are you still there?');
    // Shown at once, in the chat, though the server never had it.
    expect(await chatMessages(customer).count()).toBe(before);
    await screenshots(customer, 'web-chat-failed-send');

    dropping = false;
    await failed.getByRole('button', { name: 'Retry' }).click();
    await customer.locator('li[data-author="CUSTOMER"]', { hasText: 'Are you still there?' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await customer.getByTestId('outgoing').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await holder.getByTestId('messages').getByText('Are you still there?').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await customer.unroute('**/graphql');
    for (const page of [customer, holder, colleague]) expect(await stillSameDocument(page)).toBe(true);
  }, 60_000);

  it('tells the customer after hours when someone will answer', async () => {
    // Nobody works now: every extension's hours move to the day after tomorrow.
    const { weekday, name } = dayAfterTomorrow();
    const extensions = await call<{ extensions: { edges: Array<{ node: { id: string } }> } }>('{ extensions(first: 50) { edges { node { id } } } }');
    for (const { node } of extensions.extensions.edges) {
      const updated = await call<{ updateExtension: { userErrors: unknown[] } }>(
        'mutation($input: UpdateExtensionInput!) { updateExtension(input: $input) { userErrors { message } } }',
        { input: { id: node.id, workingHours: [{ day: weekday, start: '09:00', end: '17:00' }] } },
      );
      expect(updated.updateExtension.userErrors).toEqual([]);
    }
    await customer.reload();
    const notice = customer.getByTestId('after-hours');
    await notice.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await textOf(notice)).toBe(`Our team is away right now. Leave a message and someone will answer on ${name} at 9:00 AM.`);
    // The conversation so far is still there after the reload.
    expect(await textOf(customer.getByTestId('chat-messages'))).toContain('I can help with that now');
    await customer.locator('li[data-author="CUSTOMER"]', { hasText: 'Are you still there?' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await screenshots(customer, 'web-chat-after-hours');
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, liveStatus, LIVE_TIMEOUT_MS, markDocument, signIn, stillSameDocument } from './browser';
import { createStaffUser, startConsoleServer, type ConsoleServer } from './console-server';

/**
 * The heart of the product in real browsers against the real server: a customer on the web
 * chat page asks for a person; the escalation appears live in two staff consoles (with the
 * count in the tab title); one staff member takes the thread over and replies; the customer
 * sees the reply; the other console shows who holds the thread and cannot take it; the
 * assistant stays silent; resolving empties both queues.
 */

const SECOND_STAFF = { email: 'casey@staff.hibachi.test', password: 'casey-password-2026', displayName: 'Casey Staff' };
const HUMAN_REQUEST = 'This is not working, I want to talk to a real person please';
const STAFF_REPLY = 'Hi, this is the Demo Admin. I can help with your date right now.';

let server: ConsoleServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let customer: Page;
let holder: Page; // the demo admin, who takes the thread over
let colleague: Page; // a second staff member watching the same queue

function api(): ConsoleServer {
  if (!server) throw new Error('server not started');
  return server;
}

async function openPage(path: string): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  // One context per person: separate storage, so separate sessions.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${api().url}${path}`);
  return page;
}


const queueRows = (page: Page): Locator => page.getByTestId('escalation-row');
const chatMessages = (page: Page): Locator => page.getByTestId('chat-messages').locator('li[data-author]');
const textOf = (locator: Locator) => locator.textContent({ timeout: LIVE_TIMEOUT_MS }).then((text) => text?.trim() ?? '');

async function sendAsCustomer(text: string): Promise<void> {
  const before = await chatMessages(customer).count();
  await customer.getByLabel('Your message').fill(text);
  await customer.getByRole('button', { name: 'Send' }).click();
  // The message shows once the server has stored it.
  await expect.poll(() => chatMessages(customer).count(), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(before);
  await expect.poll(() => customer.getByLabel('Your message').inputValue(), { timeout: LIVE_TIMEOUT_MS }).toBe('');
}

// One story told in steps, in this order (each step starts where the previous one left the
// three browsers): the order is fixed so that shuffling the suite cannot cut it up.
describe('web chat escalation and live takeover in a browser', { shuffle: false }, () => {
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    await createStaffUser(api(), SECOND_STAFF);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('opens two staff consoles on an empty escalation queue', async () => {
    holder = await openPage('/');
    await signIn(holder, api().admin);
    colleague = await openPage('/#/escalations');
    await signIn(colleague, SECOND_STAFF);
    for (const page of [holder, colleague]) {
      await page.getByRole('heading', { name: 'Escalations' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
      await page.getByText('No open escalations.').waitFor({ timeout: LIVE_TIMEOUT_MS });
      await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
      expect(await page.title()).toBe('Hibachi staff console');
      await markDocument(page);
    }
  }, 60_000);

  it('lets a customer chat with the assistant on the web chat page', async () => {
    customer = await openPage('/chat');
    await markDocument(customer);
    await sendAsCustomer('Hi! Do you cater a hibachi party for 12 people on Dec 20th?');
    await expect.poll(async () => chatMessages(customer).last().getAttribute('data-author'), { timeout: LIVE_TIMEOUT_MS }).toBe('AI');
    // Nothing for staff yet: the assistant is handling it.
    expect(await queueRows(holder).count()).toBe(0);
  }, 30_000);

  it('shows the customer’s request for a person in both consoles without a reload, with the count in the title', async () => {
    await sendAsCustomer(HUMAN_REQUEST);
    expect(await textOf(chatMessages(customer).last())).toContain('connecting you with a member of our team');

    for (const page of [holder, colleague]) {
      await queueRows(page).first().waitFor({ timeout: LIVE_TIMEOUT_MS });
      expect(await queueRows(page).count()).toBe(1);
      const row = await textOf(queueRows(page).first());
      expect(row).toContain('Asked for a person');
      expect(row).toContain(HUMAN_REQUEST);
      expect(await textOf(queueRows(page).first().getByTestId('held-by'))).toBe('Nobody');
      await expect.poll(() => page.title(), { timeout: LIVE_TIMEOUT_MS }).toBe('(1) Hibachi staff console');
      expect(await textOf(page.getByTestId('waiting-count'))).toBe('1');
      expect(await stillSameDocument(page)).toBe(true);
    }
  }, 30_000);

  it('opens the thread with its whole history and the handoff packet', async () => {
    await queueRows(holder).first().getByRole('link', { name: 'Open chat' }).click();
    const history = holder.getByTestId('messages');
    await history.waitFor({ timeout: LIVE_TIMEOUT_MS });
    const historyText = await textOf(history);
    expect(historyText).toContain('Do you cater a hibachi party for 12 people');
    expect(historyText).toContain(HUMAN_REQUEST);
    const handoff = await textOf(holder.getByTestId('handoff'));
    expect(handoff).toContain('Asked for a person');
    expect(handoff).toMatch(/Party size\s*12/);
    // Not held yet: replying needs a takeover first.
    expect(await holder.getByLabel('Reply to the customer').isDisabled()).toBe(true);
  }, 30_000);

  it('takes the thread over, and the other console shows who holds it', async () => {
    await holder.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => textOf(holder.getByTestId('thread-holder')), { timeout: LIVE_TIMEOUT_MS }).toContain('You hold this thread');

    const inQueue = colleague.getByTestId('escalation-row').first().getByTestId('held-by');
    await expect.poll(() => textOf(inQueue), { timeout: LIVE_TIMEOUT_MS }).toBe('Demo Admin');
    // Taken over: nobody is waiting any more.
    await expect.poll(() => colleague.title(), { timeout: LIVE_TIMEOUT_MS }).toBe('Hibachi staff console');

    await colleague.getByTestId('escalation-row').first().getByRole('link', { name: 'Open chat' }).click();
    await expect.poll(() => textOf(colleague.getByTestId('thread-holder')), { timeout: LIVE_TIMEOUT_MS }).toContain('Demo Admin holds this thread');
    expect(await colleague.getByRole('button', { name: 'Take over' }).isDisabled()).toBe(true);
    expect(await colleague.getByLabel('Reply to the customer').isDisabled()).toBe(true);
  }, 30_000);

  it('delivers the staff reply to the customer live, and the assistant stays silent', async () => {
    await holder.getByLabel('Reply to the customer').fill(STAFF_REPLY);
    await holder.getByRole('button', { name: 'Send reply' }).click();

    const staffMessage = customer.locator('li[data-author="STAFF"]', { hasText: STAFF_REPLY });
    await staffMessage.waitFor({ timeout: LIVE_TIMEOUT_MS });
    // The colleague watching the thread sees it too.
    await colleague.getByTestId('messages').getByText(STAFF_REPLY).waitFor({ timeout: LIVE_TIMEOUT_MS });

    await sendAsCustomer('Great, thank you! Dec 20th at 6pm works.');
    // The assistant would answer within the same request; the customer's message is still the last.
    expect(await chatMessages(customer).last().getAttribute('data-author')).toBe('CUSTOMER');
    await holder.getByTestId('messages').getByText('Dec 20th at 6pm works').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await stillSameDocument(customer)).toBe(true);
  }, 30_000);

  it('resolves the escalation, and both queues empty live', async () => {
    await holder.getByRole('button', { name: 'Resolve escalation' }).click();
    // Resolving asks first; this one closes without a last word to the customer.
    const dialog = holder.getByRole('dialog', { name: 'Resolve this escalation?' });
    await dialog.getByLabel('Send the customer a closing message').uncheck();
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    // Closed, not "the assistant is answering": the status line says what is true.
    await expect.poll(() => textOf(holder.getByTestId('thread-holder')), { timeout: LIVE_TIMEOUT_MS }).toContain('Closed: the escalation was resolved.');
    await expect.poll(() => textOf(colleague.getByTestId('thread-holder')), { timeout: LIVE_TIMEOUT_MS }).toContain('Closed: the escalation was resolved.');

    await colleague.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: /^Escalations/ }).click();
    await colleague.getByText('No open escalations.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await stillSameDocument(colleague)).toBe(true);
    expect(await stillSameDocument(holder)).toBe(true);
  }, 30_000);

  it('lists the thread among conversations, with filters', async () => {
    await colleague.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: 'Conversations' }).click();
    const rows = colleague.getByTestId('conversation-row');
    await rows.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await rows.count()).toBe(1);
    const row = await textOf(rows.first());
    expect(row).toContain('Web chat visitor');
    expect(row).toContain('Closed');
    expect(row).toContain('Nobody');

    const filters = colleague.getByRole('form', { name: 'Filter conversations' });
    await filters.getByLabel('Escalation').selectOption('yes');
    await colleague.getByText('No conversations match these filters.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await filters.getByLabel('Escalation').selectOption('any');
    await filters.getByLabel('Channel').selectOption('WEB_CHAT');
    await rows.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await rows.count()).toBe(1);
  }, 30_000);
});

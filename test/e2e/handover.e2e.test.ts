import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, markDocument, screenshots, signIn, stillSameDocument, WIDE } from './browser';
import { createStaffUser, startConsoleServer, type ConsoleServer } from './console-server';

/**
 * Handing threads between people, in real browsers against the real server: two staff consoles
 * (the demo admin and a staff member) and three customers on the web chat. A booked customer asks
 * for a person; the status line says who answers at each step; the admin takes over (the
 * customer hears who joined, and sees the admin's first name on the reply), hands the thread to
 * the colleague (alerted live on another page), then takes it back from her once she has gone
 * and releases it: the thread stays booked and in the Booked filter, and the customer hears the
 * assistant is back. An upset customer is flagged and listed first on request; resolving asks
 * in a dialog and sends the customer a closing message.
 */

const COLLEAGUE = { email: 'casey@staff.hibachi.test', password: 'casey-password-2026', displayName: 'Casey Staff' };
const BUSINESS = 'Hibachi at Home';
const UPSET_MESSAGE = 'This is ridiculous, the worst service ever, I am furious!!';

let server: ConsoleServer | undefined;
let browser: Browser | undefined;
const contexts = new Map<Page, BrowserContext>();
let admin: Page;
let colleague: Page;
let booked: Page; // a customer whose party is booked
let calm: Page; // a customer who asks for a person
let upset: Page; // a customer who is upset

function api(): ConsoleServer {
  if (!server) throw new Error('server not started');
  return server;
}

async function openPage(path: string): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ viewport: WIDE });
  const page = await context.newPage();
  contexts.set(page, context);
  await page.goto(`${api().url}${path}`);
  return page;
}


const chatMessages = (page: Page): Locator => page.getByTestId('chat-messages').locator('li[data-author]');
const textOf = (locator: Locator) => locator.textContent({ timeout: LIVE_TIMEOUT_MS }).then((text) => text?.trim() ?? '');
const statusLine = (page: Page) => textOf(page.getByTestId('thread-holder'));
const queueRows = (page: Page): Locator => page.getByTestId('escalation-row');

async function say(customer: Page, text: string): Promise<void> {
  const before = await chatMessages(customer).count();
  await customer.getByLabel('Your message').fill(text);
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => chatMessages(customer).count(), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(before);
  await expect.poll(() => customer.getByLabel('Your message').inputValue(), { timeout: LIVE_TIMEOUT_MS }).toBe('');
}

/** What the customer sees last, as "who: text" (the message's time, after " · ", left out). */
async function lastLine(customer: Page): Promise<string> {
  const last = chatMessages(customer).last();
  const who = (await textOf(last.locator('.chat__who'))).split(' · ')[0];
  return `${who}: ${await textOf(last.locator('p'))}`;
}

async function openFromQueue(page: Page, lastMessage: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: /^Escalations/ }).click();
  const row = queueRows(page).filter({ hasText: lastMessage });
  await row.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
  await row.first().getByRole('link', { name: 'Open chat' }).click();
  await page.getByTestId('messages').waitFor({ timeout: LIVE_TIMEOUT_MS });
}

describe('handing threads between staff in a browser', { shuffle: false }, () => {
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    await createStaffUser(api(), COLLEAGUE);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts.values()) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('opens two staff consoles', async () => {
    admin = await openPage('/#/conversations');
    await signIn(admin, api().admin);
    colleague = await openPage('/#/escalations');
    await signIn(colleague, COLLEAGUE);
    for (const page of [admin, colleague]) {
      await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
      await markDocument(page);
    }
  }, 60_000);

  it('says the assistant is answering a booked customer’s thread', async () => {
    booked = await openPage('/chat');
    await say(booked, "Hi! I'd like to book a hibachi party for 12 people on Dec 20th at 6pm");
    await say(booked, '123 Main St, Sacramento, CA 95814');
    await say(booked, 'My name is Dana Reyes');
    await say(booked, 'you can text me at (555) 555-0123');
    await say(booked, 'yes, that is correct');
    await expect.poll(() => textOf(chatMessages(booked).last()), { timeout: LIVE_TIMEOUT_MS }).toContain("You're booked");

    await admin.reload();
    const row = admin.getByTestId('conversation-row').filter({ hasText: 'Web chat' }).filter({ hasText: 'Booked' });
    await row.first().getByRole('link').click();
    await expect.poll(() => statusLine(admin), { timeout: LIVE_TIMEOUT_MS }).toBe('The assistant is answering this thread.');
    expect(await admin.getByTestId('thread-holder').getAttribute('data-status')).toBe('ASSISTANT');
    await markDocument(admin);
  }, 60_000);

  it('says the thread waits for staff once the customer asks for a person, in both consoles', async () => {
    await say(booked, 'I want to talk to a real person please');
    await expect.poll(() => statusLine(admin), { timeout: LIVE_TIMEOUT_MS }).toContain('Waiting for staff: nobody holds this thread yet, and the assistant is silent.');
    await openFromQueue(colleague, 'I want to talk to a real person please');
    await expect.poll(() => statusLine(colleague), { timeout: LIVE_TIMEOUT_MS }).toContain('Waiting for staff');
    await screenshots(admin, 'handover-01-waiting-for-staff');
  }, 30_000);

  it('takes over: the customer hears who joined and sees their first name on the reply', async () => {
    await admin.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => statusLine(admin), { timeout: LIVE_TIMEOUT_MS }).toBe('You hold this thread. The assistant is silent until you release it.');
    await expect.poll(() => statusLine(colleague), { timeout: LIVE_TIMEOUT_MS }).toBe('Demo Admin holds this thread.');
    await expect.poll(() => lastLine(booked), { timeout: LIVE_TIMEOUT_MS }).toBe(`${BUSINESS}: Demo from ${BUSINESS} joined the chat.`);

    await admin.getByLabel('Reply to the customer').fill('Hi Dana, I can help with your party.');
    await admin.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => lastLine(booked), { timeout: LIVE_TIMEOUT_MS }).toBe('Demo: Hi Dana, I can help with your party.');
    await screenshots(booked, 'handover-02-customer-sees-who-joined');
  }, 30_000);

  it('hands the thread to a named colleague, who is alerted on another page and holds it', async () => {
    // The colleague has moved on to another page.
    await colleague.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: 'Bookings' }).click();
    const handover = admin.getByRole('form', { name: 'Hand over to a colleague' });
    await expect.poll(() => handover.getByRole('option', { name: COLLEAGUE.displayName }).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    await handover.getByLabel('Colleague').selectOption({ label: COLLEAGUE.displayName });
    await screenshots(admin, 'handover-03-hand-to-colleague');
    await handover.getByRole('button', { name: 'Hand over' }).click();
    await expect.poll(() => statusLine(admin), { timeout: LIVE_TIMEOUT_MS }).toBe('Casey Staff holds this thread. Handed over by you.');

    const alert = colleague.getByTestId('handover-alert');
    await expect.poll(() => textOf(alert), { timeout: LIVE_TIMEOUT_MS }).toContain('Demo Admin handed you the chat with Dana Reyes.');
    await screenshots(colleague, 'handover-04-colleague-alerted');
    await alert.getByRole('link', { name: 'Open chat' }).click();
    await expect.poll(() => statusLine(colleague), { timeout: LIVE_TIMEOUT_MS }).toBe('You hold this thread. The assistant is silent until you release it. Handed over by Demo Admin.');
    expect(await colleague.getByLabel('Reply to the customer').isDisabled()).toBe(false);
    expect(await admin.getByLabel('Reply to the customer').isDisabled()).toBe(true);
    await expect.poll(() => lastLine(booked), { timeout: LIVE_TIMEOUT_MS }).toBe(`${BUSINESS}: Casey from ${BUSINESS} joined the chat.`);
    expect(await stillSameDocument(colleague)).toBe(true);
  }, 30_000);

  it('lets the admin take the thread from a colleague who has gone, then release it: it stays booked', async () => {
    await contexts.get(colleague)!.close();
    await admin.getByRole('button', { name: `Take from ${COLLEAGUE.displayName}` }).click();
    await expect.poll(() => statusLine(admin), { timeout: LIVE_TIMEOUT_MS }).toBe('You hold this thread. The assistant is silent until you release it.');
    await expect.poll(() => lastLine(booked), { timeout: LIVE_TIMEOUT_MS }).toBe(`${BUSINESS}: Demo from ${BUSINESS} joined the chat.`);

    await admin.getByRole('button', { name: 'Release to assistant' }).click();
    await expect.poll(() => statusLine(admin), { timeout: LIVE_TIMEOUT_MS }).toBe('The assistant is answering this thread.');
    // Releasing never loses the stage or the booking.
    await expect.poll(() => textOf(admin.locator('.page__header .badge').first()), { timeout: LIVE_TIMEOUT_MS }).toBe('Booked');
    await expect
      .poll(() => lastLine(booked), { timeout: LIVE_TIMEOUT_MS })
      .toBe(`${BUSINESS}: Demo from ${BUSINESS} handed you back to the booking assistant. I'm back to help with anything else about your booking.`);

    await admin.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: 'Conversations' }).click();
    await admin.getByRole('form', { name: 'Filter conversations' }).getByLabel('Stage').selectOption('BOOKED');
    const bookedRows = admin.getByTestId('conversation-row').filter({ hasText: 'Web chat' });
    await expect.poll(() => bookedRows.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    expect(await textOf(bookedRows.first())).toContain('Dana Reyes');
    expect(await stillSameDocument(admin)).toBe(true);
  }, 30_000);

  it('flags an upset customer, and lists them first on request', async () => {
    calm = await openPage('/chat');
    await say(calm, 'I need to talk to a real person please');
    upset = await openPage('/chat');
    await say(upset, UPSET_MESSAGE);

    await admin.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: /^Escalations/ }).click();
    await expect.poll(() => queueRows(admin).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);
    const rows = async () => Promise.all((await queueRows(admin).all()).map(async (row) => [(await textOf(row.locator('td.quote'))), (await row.getAttribute('data-upset')) === 'true']));
    // Oldest first by default.
    expect(await rows()).toEqual([
      ['I need to talk to a real person please', false],
      [UPSET_MESSAGE, true],
    ]);
    expect(await textOf(queueRows(admin).nth(1).getByTestId('upset'))).toBe('Upset');
    await admin.getByLabel('Order').selectOption('upset');
    expect(await rows()).toEqual([
      [UPSET_MESSAGE, true],
      ['I need to talk to a real person please', false],
    ]);
    await screenshots(admin, 'handover-05-upset-first');
  }, 30_000);

  it('resolves after asking, sending the customer a closing message, and says the thread is closed', async () => {
    await queueRows(admin).filter({ hasText: UPSET_MESSAGE }).getByRole('link', { name: 'Open chat' }).click();
    await admin.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => lastLine(upset), { timeout: LIVE_TIMEOUT_MS }).toBe(`${BUSINESS}: Demo from ${BUSINESS} joined the chat.`);
    await admin.getByRole('button', { name: 'Resolve escalation' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Resolve this escalation?' });
    await dialog.waitFor({ timeout: LIVE_TIMEOUT_MS });
    // Backing out changes nothing.
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    expect(await statusLine(admin)).toBe('You hold this thread. The assistant is silent until you release it.');

    await admin.getByRole('button', { name: 'Resolve escalation' }).click();
    await dialog.getByLabel('Closing message', { exact: true }).fill('So sorry about the trouble, Dana will call you tomorrow to make it right.');
    await screenshots(admin, 'handover-06-resolve-dialog');
    await dialog.getByRole('button', { name: 'Send and resolve' }).click();
    await expect.poll(() => statusLine(admin), { timeout: LIVE_TIMEOUT_MS }).toBe('Closed: the escalation was resolved. The assistant answers if the customer writes again.');
    await expect.poll(() => lastLine(upset), { timeout: LIVE_TIMEOUT_MS }).toBe('Demo: So sorry about the trouble, Dana will call you tomorrow to make it right.');
    await screenshots(admin, 'handover-07-closed');
    await screenshots(upset, 'handover-08-customer-closing-message');
  }, 30_000);
});

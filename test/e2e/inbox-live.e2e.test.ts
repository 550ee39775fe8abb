import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { tcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { launchChromium, liveStatus, LIVE_TIMEOUT_MS, markDocument, screenshots, signIn, stillSameDocument } from './browser';
import { createStaffUser, startConsoleServer, type ConsoleServer } from './console-server';

/**
 * A staff inbox that misses nothing, in three browsers at once: the demo admin (A) holds a
 * web-chat thread, a second staff member (B) watches the queue, and the customer writes while A
 * is on other console pages, comes back by a link and by back/forward, or has lost the network.
 * Every message must be in the thread without a reload; A sees unread counts on the thread, in
 * the navigation and in the tab title, is chimed (and notified on the desktop while the tab is
 * hidden); B, who does not hold the thread, is not; opening the thread clears the counts; the
 * queue shows the customer's newest message.
 *
 * A reaches the server through a TCP proxy, so the test can cut A's connections (a network blip)
 * while the customer writes.
 */

const SECOND_STAFF = { email: 'blair@staff.hibachi.test', password: 'blair-password-2026', displayName: 'Blair Staff' };
const BASE_TITLE = 'Hibachi staff console';

let server: ConsoleServer | undefined;
let proxy: TcpProxy | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let customer: Page;
let holder: Page; // A: the demo admin, through the proxy
let colleague: Page; // B: a second staff member, not holding the thread
let threadPath = '';

function api(): ConsoleServer {
  if (!server) throw new Error('server not started');
  return server;
}

/**
 * Counts the alerts a page gives, by wrapping the browser's own APIs (they still run): a chime
 * is two oscillators, a desktop notification one Notification. Page code, so plain JavaScript.
 */
const RECORD_ALERTS = `(() => {
  const alerts = { oscillators: 0, notifications: [] };
  window.__alerts = alerts;
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    alerts.oscillators += 1;
    return createOscillator.call(this);
  };
  const Native = window.Notification;
  window.Notification = class extends Native {
    constructor(title, options) {
      super(title, options);
      alerts.notifications.push({ title, body: (options && options.body) || '' });
    }
  };
})();`;

const chimes = async (page: Page) => ((await page.evaluate('window.__alerts.oscillators')) as number) / 2;
const notifications = async (page: Page) => (await page.evaluate('window.__alerts.notifications')) as Array<{ title: string; body: string }>;
const notificationPermission = async (page: Page) => (await page.evaluate('Notification.permission')) as string;
const visibility = async (page: Page) => (await page.evaluate('document.visibilityState')) as string;

async function openPage(url: string): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  await context.addInitScript(RECORD_ALERTS);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}


async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate(`(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (${hidden} ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} });
    document.dispatchEvent(new Event('visibilitychange'));
  })()`);
  expect(await visibility(page)).toBe(hidden ? 'hidden' : 'visible');
}

const chatMessages = (page: Page): Locator => page.getByTestId('chat-messages').locator('li[data-author]');
const textOf = (locator: Locator) => locator.textContent({ timeout: LIVE_TIMEOUT_MS }).then((text) => text?.trim() ?? '');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Console areas' });
const heldUnread = (page: Page) => nav(page).getByTestId('unread-held-count');
const threadMessages = (page: Page) => page.getByTestId('messages');

async function sendAsCustomer(text: string): Promise<void> {
  const before = await chatMessages(customer).count();
  await customer.getByLabel('Your message').fill(text);
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => chatMessages(customer).count(), { timeout: LIVE_TIMEOUT_MS }).toBeGreaterThan(before);
  await expect.poll(() => customer.getByLabel('Your message').inputValue(), { timeout: LIVE_TIMEOUT_MS }).toBe('');
}

/** The message is in A's open thread, and (being looked at) the thread is read: no counts left. */
async function expectShownAndRead(text: string): Promise<void> {
  await threadMessages(holder).getByText(text).waitFor({ timeout: LIVE_TIMEOUT_MS });
  await heldUnread(holder).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
  await expect.poll(() => holder.title(), { timeout: LIVE_TIMEOUT_MS }).toBe(BASE_TITLE);
  expect(await stillSameDocument(holder)).toBe(true);
}

describe('a live inbox that misses nothing, with unread counts and alerts', { shuffle: false }, () => {
  beforeAll(async () => {
    server = await startConsoleServer();
    proxy = await tcpProxy(new URL(server.url), 80);
    browser = await launchChromium();
    await createStaffUser(api(), SECOND_STAFF);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await proxy?.cut();
    await server?.stop();
  }, 60_000);

  it('offers desktop alerts once, from a click, and remembers the answer', async () => {
    if (!proxy) throw new Error('proxy not started');
    holder = await openPage(proxy.url);
    await signIn(holder, api().admin);
    await holder.getByRole('heading', { name: 'Escalations' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    const offer = holder.getByRole('button', { name: 'Turn on desktop alerts' });
    await offer.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await screenshots(holder, 'inbox-desktop-alerts-offer');
    // The person answers "Allow" in the browser's prompt that the click opens.
    await holder.context().grantPermissions(['notifications'], { origin: new URL(proxy.url).origin });
    await offer.click();
    await offer.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    expect(await notificationPermission(holder)).toBe('granted');
    await holder.reload();
    await holder.getByRole('heading', { name: 'Escalations' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await holder.getByRole('button', { name: 'Turn on desktop alerts' }).count()).toBe(0);

    colleague = await openPage(`${api().url}/#/escalations`);
    await signIn(colleague, SECOND_STAFF);
    for (const page of [holder, colleague]) {
      await page.getByText('No open escalations.').waitFor({ timeout: LIVE_TIMEOUT_MS });
      await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
      await markDocument(page);
    }
  }, 60_000);

  it('lets A take over a thread the customer escalated', async () => {
    customer = await openPage(`${api().url}/chat`);
    await sendAsCustomer('Hi! Do you cater a party for 12 on Dec 20th?');
    await expect.poll(async () => chatMessages(customer).last().getAttribute('data-author'), { timeout: LIVE_TIMEOUT_MS }).toBe('AI');
    await sendAsCustomer('I want to talk to a real person please');
    const row = holder.getByTestId('escalation-row').first();
    await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await row.getByRole('link', { name: 'Open chat' }).click();
    await holder.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => textOf(holder.getByTestId('thread-holder')), { timeout: LIVE_TIMEOUT_MS }).toContain('You hold this thread');
    threadPath = new URL(holder.url()).hash;
    await colleague.getByTestId('escalation-row').first().getByTestId('held-by').filter({ hasText: 'Demo Admin' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    // Nothing unread: A has read the thread by opening it.
    expect(await heldUnread(holder).count()).toBe(0);
    await expect.poll(() => holder.title(), { timeout: LIVE_TIMEOUT_MS }).toBe(BASE_TITLE);
  }, 60_000);

  it('counts a message written while A is on another page, chimes A only, and shows it when A comes back (back button)', async () => {
    const colleagueChimes = await chimes(colleague);
    const holderChimes = await chimes(holder);
    await nav(holder).getByRole('link', { name: 'Bookings' }).click();
    await holder.getByRole('heading', { name: 'Bookings' }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    const first = 'Is a deposit needed to hold the date?';
    await sendAsCustomer(first);
    await expect.poll(() => textOf(heldUnread(holder)), { timeout: LIVE_TIMEOUT_MS }).toBe('1');
    await expect.poll(() => holder.title(), { timeout: LIVE_TIMEOUT_MS }).toBe(`(1) ${BASE_TITLE}`);
    await expect.poll(() => chimes(holder), { timeout: LIVE_TIMEOUT_MS }).toBe(holderChimes + 1);
    // B's queue shows the newest message (not the one that escalated), and B is not alerted for A's thread.
    const queueRow = colleague.getByTestId('escalation-row').first();
    await expect.poll(() => textOf(queueRow.getByTestId('last-message')), { timeout: LIVE_TIMEOUT_MS }).toBe(first);
    expect(await colleague.title()).toBe(BASE_TITLE);
    expect(await heldUnread(colleague).count()).toBe(0);
    expect(await chimes(colleague)).toBe(colleagueChimes);
    await screenshots(holder, 'inbox-unread-in-nav');
    await screenshots(colleague, 'inbox-queue-last-message');

    await holder.goBack();
    await expectShownAndRead(first);
    await screenshots(holder, 'inbox-thread-caught-up');
  }, 60_000);

  it('shows the unread count on the thread in the conversations list live, and the message when A opens it by its link', async () => {
    await nav(holder).getByRole('link', { name: 'Conversations' }).click();
    const row = holder.getByTestId('conversation-row').first();
    await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await row.getByTestId('unread-count').count()).toBe(0);

    const second = 'Also, can you do a vegetarian option for two guests?';
    await sendAsCustomer(second);
    await expect.poll(() => textOf(row.getByTestId('unread-count')), { timeout: LIVE_TIMEOUT_MS }).toBe('1');
    await screenshots(holder, 'inbox-conversations-unread');

    await row.getByRole('link').first().click();
    await expectShownAndRead(second);
    // Read here: the list shows no count any more.
    await holder.goBack();
    await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await row.getByTestId('unread-count').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
  }, 60_000);

  it('shows a message written while A was back on the list when A goes forward to the thread', async () => {
    const third = 'We will be 14 now, not 12.';
    await sendAsCustomer(third);
    await expect.poll(() => textOf(heldUnread(holder)), { timeout: LIVE_TIMEOUT_MS }).toBe('1');
    await holder.goForward();
    expect(new URL(holder.url()).hash).toBe(threadPath);
    await expectShownAndRead(third);
  }, 60_000);

  it('shows a message that arrived while A’s connection was down, once it reconnects', async () => {
    if (!proxy) throw new Error('proxy not started');
    // A's connection hangs: the live event for the next message is held, then lost with the connection.
    proxy.pause();
    const fourth = 'Sorry, one more thing: is parking on the street OK?';
    await sendAsCustomer(fourth);
    proxy.dropConnections();
    await expect.poll(() => liveStatus(holder), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
    await expectShownAndRead(fourth);
  }, 60_000);

  it('notifies A on the desktop while the tab is hidden, and clears the count when A looks again', async () => {
    // A switches to another tab. Headless Chromium never hides a tab, so the page is told what the
    // browser would say (visibilityState and its event); everything after that is the console's own.
    await setTabHidden(holder, true);

    const fifth = 'Can we start at 6:30 instead?';
    await sendAsCustomer(fifth);
    await expect.poll(async () => (await notifications(holder)).map((n) => n.body), { timeout: LIVE_TIMEOUT_MS }).toContain(fifth);
    expect((await notifications(holder)).find((n) => n.body === fifth)?.title).toBe('New message from Web chat visitor');
    expect(await notifications(colleague)).toEqual([]);
    // Open but not looked at: still unread.
    await expect.poll(() => holder.title(), { timeout: LIVE_TIMEOUT_MS }).toBe(`(1) ${BASE_TITLE}`);

    await setTabHidden(holder, false);
    await expectShownAndRead(fifth);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createExtension, eventually } from '../support/fixtures';
import { LOGIN } from '../support/test-server';
import { graphql } from '../support/graphql-client';
import { launchChromium, liveStatus, LIVE_TIMEOUT_MS, markDocument, signIn as signInAs, stillSameDocument } from './browser';
import { startConsoleServer, type ConsoleServer } from './console-server';

/**
 * The staff console in a real browser against the real server: two signed-in sessions see
 * each other's extension changes live (create, status, delete), and mutations' userErrors
 * are shown beside the field at fault. The two sessions are opened once for the file; each
 * test works on an extension of its own.
 */

let server: ConsoleServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let tabA: Page;
let tabB: Page;

function api(): ConsoleServer {
  if (!server) throw new Error('server not started');
  return server;
}

async function openConsole(): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  // A separate context per tab: separate localStorage, so two independent staff sessions.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${api().url}/#/extensions`);
  return page;
}

function signIn(page: Page, password = api().admin.password): Promise<void> {
  return signInAs(page, { email: api().admin.email, password });
}

const row = (page: Page, number: string): Locator => page.getByTestId(`extension-row-${number}`);
const textOf = (locator: Locator) => locator.textContent({ timeout: LIVE_TIMEOUT_MS }).then((text) => text?.trim());

/** Signs in, waits for the list and the live connection, and marks the document to notice a reload. */
async function signedInConsole(): Promise<Page> {
  const tab = await openConsole();
  await signIn(tab);
  await row(tab, '101').waitFor({ timeout: LIVE_TIMEOUT_MS });
  await eventually('the live connection', async () => (await liveStatus(tab)) === 'connected', LIVE_TIMEOUT_MS);
  await markDocument(tab);
  return tab;
}

/** An offline extension made through the API, once both sessions show it. */
async function extensionShownInBoth(number: number): Promise<string> {
  const login = await graphql(api().url, LOGIN, { input: api().admin });
  await createExtension(api().url, login.data!.login.token, { number, employeeName: `Ext ${number}`, status: 'OFFLINE' });
  for (const tab of [tabA, tabB]) await row(tab, String(number)).waitFor({ timeout: LIVE_TIMEOUT_MS });
  return String(number);
}

describe('staff console in a browser', () => {
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    tabA = await signedInConsole();
    tabB = await signedInConsole();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('shows a wrong password beside the password field, then signs in two sessions', async () => {
    const first = await openConsole();
    await signIn(first, 'not-the-password');
    const passwordError = first.getByText('Email or password is incorrect.');
    await passwordError.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await first.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await first.getByLabel('Password').getAttribute('aria-describedby')).toBe(await passwordError.getAttribute('id'));

    await signIn(first);
    const second = await openConsole();
    await signIn(second);

    for (const tab of [first, second]) {
      expect(await textOf(tab.getByTestId('signed-in-user'))).toContain('Demo Admin');
      await row(tab, '101').waitFor({ timeout: LIVE_TIMEOUT_MS });
      await expect.poll(() => liveStatus(tab), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
    }
  }, 60_000);

  it('shows an extension created in one session in the other, without a reload', async () => {
    const NUMBER = '150';
    await tabA.getByRole('button', { name: 'New extension' }).click();
    const form = tabA.getByRole('form', { name: 'New extension' });
    await form.getByLabel('Number').fill(NUMBER);
    await form.getByLabel('Employee name').fill('Riley Example');
    await form.getByLabel('Role').fill('Catering');
    await form.getByLabel('Phone').fill('+1 555 555 0150');
    await form.getByRole('button', { name: 'Add hours' }).click();
    await form.getByRole('button', { name: 'Create extension' }).click();

    await row(tabA, NUMBER).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await row(tabB, NUMBER).waitFor({ timeout: LIVE_TIMEOUT_MS });
    const inB = await textOf(row(tabB, NUMBER));
    expect(inB).toContain('Riley Example');
    expect(inB).toContain('+15555550150');
    expect(inB).toContain('Mon 09:00–17:00');
    expect(await textOf(row(tabB, NUMBER).getByTestId('extension-status'))).toBe('Offline');
    expect(await stillSameDocument(tabB)).toBe(true);
  }, 30_000);

  it('shows a status set in one session in the other, without a reload', async () => {
    const NUMBER = await extensionShownInBoth(151);
    const inB = row(tabB, NUMBER);
    await inB.getByRole('button', { name: 'Busy' }).click();
    await expect.poll(() => textOf(inB.getByTestId('extension-status')), { timeout: LIVE_TIMEOUT_MS }).toBe('Busy');
    await expect.poll(() => textOf(row(tabA, NUMBER).getByTestId('extension-status')), { timeout: LIVE_TIMEOUT_MS }).toBe('Busy');
    expect(await row(tabA, NUMBER).getByRole('button', { name: 'Busy' }).getAttribute('aria-pressed')).toBe('true');
    expect(await stillSameDocument(tabA)).toBe(true);
  }, 30_000);

  it('removes an extension deleted in one session from the other, without a reload', async () => {
    const NUMBER = await extensionShownInBoth(152);
    const inA = row(tabA, NUMBER);
    await inA.getByRole('button', { name: 'Delete' }).click();
    await inA.getByRole('button', { name: 'Yes, delete' }).click();

    await row(tabB, NUMBER).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await inA.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    expect(await row(tabB, '101').isVisible()).toBe(true);
    expect(await stillSameDocument(tabA)).toBe(true);
    expect(await stillSameDocument(tabB)).toBe(true);
  }, 30_000);

  it('shows userErrors beside the field: end before start, then a duplicate number', async () => {
    await tabA.getByRole('button', { name: 'New extension' }).click();
    const form = tabA.getByRole('form', { name: 'New extension' });
    await form.getByLabel('Number').fill('101'); // the demo data's first extension
    await form.getByLabel('Employee name').fill('Sam Example');
    await form.getByLabel('Role').fill('Bookings');
    await form.getByLabel('Phone').fill('+15555550177');
    await form.getByRole('button', { name: 'Add hours' }).click();
    const hours = form.getByRole('group', { name: 'Hours 1' });
    await hours.getByLabel('Start').fill('18:00');
    await hours.getByLabel('End').fill('09:00');
    await form.getByRole('button', { name: 'Create extension' }).click();

    // Both problems come back at once, each beside its field.
    const endError = hours.getByText('must be after the start time 18:00');
    await endError.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await hours.getByLabel('End').getAttribute('aria-invalid')).toBe('true');

    await hours.getByLabel('End').fill('22:00');
    await form.getByRole('button', { name: 'Create extension' }).click();
    const numberError = form.getByText(/extension 101 already exists/);
    await numberError.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await form.getByLabel('Number').getAttribute('aria-describedby')).toContain(await numberError.getAttribute('id'));
    expect(await endError.count()).toBe(0);

    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await row(tabB, '101').textContent()).toContain('Avery Demo');
  }, 30_000);
});

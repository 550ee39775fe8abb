import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { useApp } from '../support/fixtures';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, screenshots, signIn } from './browser';

/**
 * A form submitted with several mistakes shows every message at once, each under the field it
 * names (tied to it for screen readers), in the words of the form's labels; and the inputs stop
 * at the API's limits. Real browser, real server.
 */

const app = useApp();
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

async function openConsole(hash: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.server.url}/${hash}`);
  await signIn(page, TEST_ADMIN);
  await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
  return page;
}

/** The message shown for `input`, found through its aria-describedby, so it is the one beside that field. */
async function messageOf(page: Page, input: Locator): Promise<string> {
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  expect(ids).toHaveLength(1);
  return (await page.locator(`[id="${ids[0]}"]`).textContent()) ?? '';
}

describe('form errors in the console', () => {
  it('the extension form shows a taken number, a blank name, a bad phone and bad hours at once, beside their fields', async () => {
    const page = await openConsole('#/extensions');
    await page.getByRole('button', { name: 'New extension' }).click();
    const form = page.getByRole('form', { name: 'New extension' });
    expect(await form.getByLabel('Employee name').getAttribute('maxlength')).toBe('100');
    expect(await form.getByLabel('Role').getAttribute('maxlength')).toBe('100');
    expect(await form.getByLabel('Number').getAttribute('maxlength')).toBe('5');

    await form.getByLabel('Number').fill('101'); // extension 101 exists already
    await form.getByLabel('Role').fill('Bookings');
    await form.getByLabel('Phone').fill('555-0150');
    await form.getByRole('button', { name: 'Add hours' }).click();
    const hours = form.getByRole('group', { name: 'Hours 1' });
    await hours.getByLabel('Start').fill('18:00');
    await hours.getByLabel('End').fill('09:00');
    await form.getByRole('button', { name: 'Create extension' }).click();

    await form.getByText('Phone: enter the phone number with country code, for example +1 916 555 0100.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await messageOf(page, form.getByLabel('Number'))).toBe('Number: extension 101 already exists; choose another number.');
    expect(await messageOf(page, form.getByLabel('Employee name'))).toBe(
      'Employee name: enter the name of the person who answers this extension, for example Maria Lopez.',
    );
    expect(await messageOf(page, form.getByLabel('Phone'))).toBe('Phone: enter the phone number with country code, for example +1 916 555 0100.');
    expect(await messageOf(page, hours.getByLabel('End'))).toBe('Monday: the end time 09:00 must be after the start time 18:00.');
    expect(await form.getByRole('alert').count()).toBe(0); // every message has its field
    await screenshots(page, 'form-errors-extension');

    // Corrected in one go, as typed by a person: spaces and punctuation in the phone are fine.
    await form.getByLabel('Number').fill('160');
    await form.getByLabel('Employee name').fill('Maria Lopez');
    await form.getByLabel('Phone').fill('+1 (916) 555-0100');
    await hours.getByLabel('End').fill('22:00');
    await form.getByRole('button', { name: 'Create extension' }).click();
    await page.getByRole('row').filter({ hasText: 'Maria Lopez' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
  }, 60_000);

  it('the new booking form shows the customer and event problems of one submit together, beside their fields', async () => {
    const page = await openConsole('#/bookings/new');
    const form = page.getByRole('form', { name: 'New booking' });
    expect(await form.getByLabel('Customer name').getAttribute('maxlength')).toBe('120');
    expect(await form.getByLabel('Address').getAttribute('maxlength')).toBe('300');
    expect(await form.getByLabel('Adults').getAttribute('min')).toBe('0');

    await form.getByLabel('Phone').fill('12');
    await form.getByLabel('Start time').fill('18:00');
    await form.getByLabel('Address').fill('100 Example Street, Davis, CA 95616');
    await form.getByLabel('Adults').fill('0');
    await form.getByLabel('Kids').fill('0');
    await form.getByRole('button', { name: 'Create booking' }).click();

    await form.getByText('Customer name: enter the name of the person booking, for example Dana Smith.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await messageOf(page, form.getByLabel('Customer name'))).toBe('Customer name: enter the name of the person booking, for example Dana Smith.');
    expect(await messageOf(page, form.getByLabel('Phone'))).toBe('Phone: enter a phone number such as (916) 555-0100.');
    expect(await messageOf(page, form.getByLabel('Event date'))).toBe('Event date: choose the day of the party.');
    expect(await messageOf(page, form.getByLabel('Adults'))).toBe('Adults and kids add up to no guests; enter at least 1 adult.');
    await screenshots(page, 'form-errors-new-booking');
  }, 60_000);
});

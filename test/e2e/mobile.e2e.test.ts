import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CreateBookingDocument, RecordTermsAcknowledgmentDocument } from '../../console/src/graphql/generated/graphql';
import { consoleOperation, customerAskingForAPerson, useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, markDocument, NARROW, signIn, stillSameDocument, WIDE } from './browser';

/**
 * The console on a phone (390 x 844): every area is reached through the Menu button, nothing
 * on any page needs sideways scrolling, and lists show each row as a card (its fields one under
 * another, each with its column's name) instead of a table wider than the screen.
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

function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function confirmedBooking(): Promise<string> {
  const created = await graphql(
    app.server.url,
    consoleOperation(CreateBookingDocument),
    {
      input: {
        customer: { name: 'Marisol Longname-Fitzgerald', phone: '(916) 555-0177', email: 'marisol.longname-fitzgerald@example.com' },
        sourceChannel: 'PHONE',
        eventDate: dayFromNow(12),
        startTime: '17:30',
        address: '1200 Anniversary Boulevard, Apartment 14B, West Sacramento, CA 95691',
        adults: 14,
        kids: 3,
        dietaryNotes: 'Two guests are allergic to shellfish; one vegetarian plate.',
      },
    },
    app.adminToken,
  );
  expect(created.data?.createBooking.userErrors).toEqual([]);
  const id = created.data!.createBooking.booking.id as string;
  const accepted = await graphql(
    app.server.url,
    consoleOperation(RecordTermsAcknowledgmentDocument),
    { input: { bookingId: id, channel: 'IN_PERSON', replyText: 'Yes, I agree.' } },
    app.adminToken,
  );
  expect(accepted.data?.recordTermsAcknowledgment.userErrors).toEqual([]);
  return id;
}

/** With E2E_SCREENSHOT_DIR set, the page as a phone and as a desktop show it (to look at). */
async function screenshotsOf(page: Page, name: string, { phoneOnly = false } = {}): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `mobile-${name}-390.png`), fullPage: true });
  if (phoneOnly) return;
  await page.setViewportSize(WIDE);
  await page.screenshot({ path: path.join(dir, `mobile-${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(NARROW);
}

/**
 * How far the page, or a list's box, reaches past its right edge (0: nothing needs sideways
 * scrolling, neither of the page nor inside a list).
 */
const overflow = (page: Page) =>
  page.evaluate(`Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ...[...document.querySelectorAll('.table-wrap')].map((box) => box.scrollWidth - box.clientWidth),
  )`) as Promise<number>;

/** Whether the element has the keyboard focus. (The tests compile without the DOM's types: what runs in the page is loosely typed.) */
const focused = (locator: Locator) => locator.evaluate((element: any) => element === (globalThis as any).document.activeElement);

const nav = (page: Page): Locator => page.getByRole('navigation', { name: 'Console areas' });
const menuButton = (page: Page): Locator => page.getByRole('button', { name: /^Menu/ });
const heading = (page: Page, name: string | RegExp): Locator => page.getByRole('heading', { level: 1, name });

/** Opens the Menu and follows one of its links; the menu closes on the way. */
async function goThroughMenu(page: Page, area: string | RegExp): Promise<void> {
  await menuButton(page).click();
  const menu = page.getByRole('dialog', { name: 'Hibachi console' });
  await menu.waitFor({ timeout: LIVE_TIMEOUT_MS });
  await menu.getByRole('navigation', { name: 'Console areas' }).getByRole('link', { name: area }).click();
  await menu.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
}

/**
 * The rows of a list laid out as cards: no column headings in view, each row as wide as its
 * list, its fields stacked (each below the one before), each value labelled with its column.
 */
async function expectCards(rows: Locator): Promise<void> {
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  const layout = await rows.first().evaluate((row: any) => {
    const table = row.closest('table');
    const cells: any[] = [...row.children].filter((cell: any) => cell.offsetHeight > 0);
    // In the order shown (the row's name may lead the card).
    const boxes: Array<{ top: number; bottom: number }> = cells.map((cell) => cell.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    return {
      headerShown: (table.tHead?.offsetHeight ?? 0) > 0,
      rowWidth: row.getBoundingClientRect().width,
      listWidth: table.getBoundingClientRect().width,
      // Each field starts below the end of the one above it: one column, none side by side.
      stacked: boxes.every((box, index) => index === 0 || box.top >= boxes[index - 1].bottom - 0.5),
      labels: cells.map((cell) => (globalThis as any).getComputedStyle(cell, '::before').content).filter((content) => content !== 'none' && content !== 'normal'),
      cellCount: cells.length,
    };
  });
  expect(layout.headerShown).toBe(false);
  expect(layout.cellCount).toBeGreaterThan(2);
  expect(layout.stacked).toBe(true);
  expect(Math.abs(layout.rowWidth - layout.listWidth)).toBeLessThan(2);
  expect(layout.labels.length).toBeGreaterThan(1);
}

describe('the console on a phone', () => {
  it('reaches every area through the Menu, with no sideways scrolling and lists shown as cards', async () => {
    await customerAskingForAPerson(app.server.url);
    const bookingId = await confirmedBooking();

    const context = await browser!.newContext({ viewport: NARROW, locale: 'en-US', isMobile: true, hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/escalations`);
    await signIn(page, TEST_ADMIN);
    await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
    await markDocument(page);

    // The bar shows the Menu button, not the areas; the menu is a labelled dialog holding them.
    await heading(page, 'Escalations').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await nav(page).count()).toBe(0);
    const menu = menuButton(page);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // The waiting escalation shows on the Menu button too, not only inside the menu.
    await expect.poll(() => menu.textContent(), { timeout: LIVE_TIMEOUT_MS }).toMatch(/Menu\s*1/);
    await menu.click();
    const panel = page.getByRole('dialog', { name: 'Hibachi console' });
    await panel.waitFor({ timeout: LIVE_TIMEOUT_MS });
    // (The page behind the open menu, its button included, is hidden from screen readers.)
    expect(await page.locator('header button[aria-haspopup="dialog"]').getAttribute('aria-expanded')).toBe('true');
    expect(await panel.getByRole('link', { name: /^Escalations/ }).getAttribute('aria-current')).toBe('page');
    expect(await panel.getByRole('link', { name: 'Channels' }).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '00-menu-open', { phoneOnly: true });
    // Escape closes it and puts focus back on the button.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    expect(await focused(menu)).toBe(true);

    // Escalations: the waiting chat as a card.
    const queueRows = page.getByTestId('escalation-row');
    await queueRows.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expectCards(queueRows);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '01-escalations');

    // Conversations, then the thread from its card.
    await goThroughMenu(page, 'Conversations');
    await heading(page, 'Conversations').waitFor({ timeout: LIVE_TIMEOUT_MS });
    const conversationRows = page.getByTestId('conversation-row');
    await conversationRows.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expectCards(conversationRows);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '02-conversations');
    await conversationRows.filter({ hasText: 'Web chat' }).getByRole('link').click();
    await page.getByTestId('messages').getByText('I need to talk to a real person please').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(page.url()).toMatch(/#\/conversations\/[^/]+$/);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '03-conversation');

    // Bookings, a booking from its card, and the new-booking form.
    await goThroughMenu(page, 'Bookings');
    const bookingRows = page.getByTestId('booking-row');
    await bookingRows.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expectCards(bookingRows);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '04-bookings');
    await bookingRows.first().getByRole('link', { name: 'Marisol Longname-Fitzgerald' }).click();
    await heading(page, /Marisol Longname-Fitzgerald/).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(page.url()).toContain(`#/bookings/${bookingId}`);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '05-booking');
    // A dialog fits the phone's width and gives focus back to what opened it.
    const cancel = page.getByRole('button', { name: 'Cancel booking' });
    await cancel.click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this booking?' });
    await dialog.waitFor({ timeout: LIVE_TIMEOUT_MS });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(NARROW.width);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '05-booking-cancel-dialog', { phoneOnly: true });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    expect(await focused(cancel)).toBe(true);
    await goThroughMenu(page, 'Bookings');
    await page.getByRole('link', { name: 'New booking' }).click();
    await heading(page, 'New booking').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '06-new-booking');

    // The day route opens on the confirmed booking's day.
    await goThroughMenu(page, 'Day route');
    await heading(page, 'Day route').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.getByTestId('route-stop').first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '07-day-route');

    for (const [area, title, name] of [
      ['Travel', 'Travel quotes', '08-travel'],
      ['Terms', 'Terms', '09-terms'],
      ['Channels', 'Channels', '11-channels'],
      ['Canned replies', 'Canned replies', '12-canned-replies'],
      ['Staff', 'Staff', '13-staff'],
    ] as const) {
      await goThroughMenu(page, area);
      await heading(page, title).waitFor({ timeout: LIVE_TIMEOUT_MS });
      await expect.poll(() => page.getByRole('status').filter({ hasText: /^Loading/ }).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
      expect(await overflow(page)).toBe(0);
      await screenshotsOf(page, name);
    }
    await goThroughMenu(page, 'Channels');
    await page.getByTestId('channel-connection-ringcentral').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await overflow(page)).toBe(0);

    // Search (the top bar's box) and a customer's page, reached from its result.
    const search = page.getByRole('searchbox').first();
    await search.fill('Longname');
    await search.press('Enter');
    await heading(page, 'Search').waitFor({ timeout: LIVE_TIMEOUT_MS });
    const customerResult = page.getByRole('link', { name: /Marisol Longname-Fitzgerald/ }).first();
    await customerResult.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '14-search');
    await customerResult.click();
    await heading(page, /Marisol Longname-Fitzgerald/).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Loading/ }).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(0);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '15-customer');

    await goThroughMenu(page, 'Extensions');
    const extensionRows = page.getByTestId('extension-row-101');
    await extensionRows.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expectCards(extensionRows);
    expect(await overflow(page)).toBe(0);
    await screenshotsOf(page, '10-extensions');
    // The row's own buttons still work inside its card.
    await extensionRows.getByRole('button', { name: 'Busy' }).click();
    await expect.poll(() => extensionRows.getByTestId('extension-status').textContent(), { timeout: LIVE_TIMEOUT_MS }).toBe('Busy');

    // A tablet's width has the same layout: no list wider than the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    await expectCards(extensionRows);
    expect(await overflow(page)).toBe(0);
    for (const [area, ready] of [
      ['Day route', page.getByTestId('route-stop')],
      ['Channels', page.getByTestId('channel-connection-ringcentral')],
      ['Bookings', page.getByTestId('booking-row')],
    ] as const) {
      await goThroughMenu(page, area);
      await ready.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
      expect(await overflow(page)).toBe(0);
    }

    // All of it in one document: the menu navigates without reloading.
    expect(await stillSameDocument(page)).toBe(true);
  }, 120_000);

  it('keeps the areas in the bar on a desktop, where the Menu button is not shown', async () => {
    const context = await browser!.newContext({ viewport: WIDE, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/bookings?status=CONFIRMED`);
    await signIn(page, TEST_ADMIN);
    await heading(page, 'Bookings').waitFor({ timeout: LIVE_TIMEOUT_MS });
    // The link followed before signing in (its filters included) is where the console opens.
    expect(await page.getByRole('button', { name: 'Confirmed', pressed: true }).count()).toBe(1);
    expect(await menuButton(page).isVisible()).toBe(false);
    expect(await nav(page).getByRole('link', { name: 'Bookings' }).getAttribute('aria-current')).toBe('page');
    await nav(page).getByRole('link', { name: 'Extensions' }).click();
    await page.getByTestId('extension-row-101').waitFor({ timeout: LIVE_TIMEOUT_MS });
    // A table again: the header row is shown and a row's cells sit side by side.
    expect(await page.getByRole('columnheader', { name: 'Employee' }).isVisible()).toBe(true);
    // Back returns to the filtered list.
    await page.goBack();
    await heading(page, 'Bookings').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(page.url()).toContain('#/bookings?status=CONFIRMED');
    expect(await overflow(page)).toBe(0);
  });
});

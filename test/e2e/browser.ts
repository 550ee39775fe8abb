import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Helpers the browser tests share: Debian's Chromium, signing in, and noticing a reload. */

export const LIVE_TIMEOUT_MS = 10_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Marks the document; if the page ever reloads, the mark is gone. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(globalThis, { __e2eNoReload: true }));
}

export async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as { __e2eNoReload?: boolean }).__e2eNoReload === true);
}

export const liveStatus = (page: Page) => page.getByTestId('live-status').getAttribute('data-status');

/** The widths the console is looked at in: a desktop window and a phone. */
export const WIDE = { width: 1400, height: 900 } as const;
export const NARROW = { width: 390, height: 844 } as const;

/**
 * With E2E_SCREENSHOT_DIR set, saves the whole page at the desktop width and at a phone's
 * (`<name>.png`, `<name>-390.png`), to look at the layout; otherwise does nothing.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  const size = page.viewportSize() ?? WIDE;
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  await page.setViewportSize(NARROW);
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  await page.setViewportSize(size);
}

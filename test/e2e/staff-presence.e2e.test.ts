import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createExtension, customerAskingForAPerson, useApp } from '../support/fixtures';
import { TEST_ADMIN } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, screenshots, signIn } from './browser';

/**
 * Two staff sessions in real browsers against the real server: an admin invites a colleague on
 * the Staff page; the colleague sets their password through the one-time link and signs in,
 * which makes their extension available; the away toggle takes it out and back; an escalation
 * goes to them while they are there; and closing their browser takes the extension offline once
 * the grace period is over, as the admin's page shows live.
 */

const app = useApp({ extension101: false, env: { PRESENCE_GRACE_SECONDS: '1', JOBS_POLL_SECONDS: '0.5' } });
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

async function newTab(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  return { context, page: await context.newPage() };
}

describe('staff invited on the Staff page, and their presence', () => {
  it('invite -> set password by link -> sign in (available) -> away and back -> escalation routed to them -> browser closed (offline)', async () => {
    await createExtension(app.server.url, app.adminToken, { number: 170, employeeName: 'Robin Extension', status: 'OFFLINE' });

    const { page: admin } = await newTab();
    await admin.goto(`${app.server.url}/#/staff`);
    await signIn(admin, TEST_ADMIN);
    await expect.poll(() => liveStatus(admin), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');
    await admin.getByRole('button', { name: 'Invite someone' }).click();
    const form = admin.getByRole('form', { name: 'Invite someone' });
    expect(await form.getByLabel('Name').getAttribute('maxlength')).toBe('100');
    await form.getByLabel('Email').fill('robin@example.test');
    await form.getByLabel('Name').fill('Robin Lee');
    await form.getByLabel('Role').selectOption('STAFF');
    await form.getByLabel('Extension').selectOption({ label: '170 · Robin Extension' });
    await form.getByRole('button', { name: 'Invite' }).click();
    const link = (await admin.getByTestId('password-link-url').textContent({ timeout: LIVE_TIMEOUT_MS }))!.trim();
    expect(link).toMatch(new RegExp(`^${app.server.url}/#/set-password/hbp_`));
    const row = admin.getByTestId('staff-row-robin@example.test');
    await expect.poll(() => row.textContent()).toContain('Invited: no password yet');
    await screenshots(admin, 'staff-invited');

    // The colleague opens the link in a browser of their own.
    const { context: robinContext, page: robin } = await newTab();
    await robin.goto(link);
    await robin.getByLabel('New password').fill('robin chooses a long one');
    await robin.getByLabel('Repeat password').fill('robin chooses a long one');
    await screenshots(robin, 'staff-set-password');
    await robin.getByRole('button', { name: 'Set password' }).click();
    await robin.getByText('Your password is set. Sign in with robin@example.test.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await robin.getByRole('link', { name: 'Go to sign in' }).click();
    await signIn(robin, { email: 'robin@example.test', password: 'robin chooses a long one' });
    await expect.poll(() => liveStatus(robin), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');

    // Signed in: their extension is available, in their top bar and live on the admin's page.
    const presence = robin.getByTestId('presence');
    await expect.poll(() => presence.getAttribute('data-status'), { timeout: LIVE_TIMEOUT_MS }).toBe('AVAILABLE');
    await expect.poll(() => row.textContent(), { timeout: LIVE_TIMEOUT_MS }).toContain('Available');
    await screenshots(robin, 'staff-presence-available');

    // Away and back.
    await presence.getByRole('button', { name: 'Step away' }).click();
    await expect.poll(() => presence.getAttribute('data-status'), { timeout: LIVE_TIMEOUT_MS }).toBe('OFFLINE');
    await expect.poll(() => row.textContent(), { timeout: LIVE_TIMEOUT_MS }).toContain('Offline');
    await screenshots(robin, 'staff-presence-away');
    await presence.getByRole('button', { name: "I'm back" }).click();
    await expect.poll(() => row.textContent(), { timeout: LIVE_TIMEOUT_MS }).toContain('Available');

    // A customer asks for a person: it goes to Robin, the one staff member present.
    await robin.goto(`${app.server.url}/#/escalations`);
    await customerAskingForAPerson(app.server.url);
    await robin.getByTestId('escalation-row').filter({ hasText: 'Ext. 170' }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    // Robin closes the browser: offline once the grace period is over.
    await robinContext.close();
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('Offline');
    await screenshots(admin, 'staff-after-close');
  }, 120_000);
});

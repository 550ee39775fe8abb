import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { launchChromium, LIVE_TIMEOUT_MS, liveStatus, signIn } from './browser';

/**
 * An administrator deactivates a staff member whose console is open: that console signs out at
 * once and says why, and signing in again says the account is deactivated, without the earlier
 * "sign in again" notice beside it. Real browser, real server.
 */

const app = useApp({ extension101: false });
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

describe('a staff member deactivated while their console is open', () => {
  it('is signed out at once, told why, and told their account is deactivated when they sign in again', async () => {
    const { server, adminToken } = app;
    const sam = { email: 'sam.leaves@example.test', password: 'a long enough password 1' };
    const created = await graphql(
      server.url,
      `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id } } }`,
      { input: { ...sam, role: 'STAFF', displayName: 'Sam Staff' } },
      adminToken,
    );
    const samId = created.data!.createStaffUser.staffUser.id as string;

    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/escalations`);
    await signIn(page, sam);
    await expect.poll(() => liveStatus(page), { timeout: LIVE_TIMEOUT_MS }).toBe('connected');

    const deactivated = await graphql(server.url, `mutation($id: ID!) { setStaffUserActive(id: $id, active: false) { userErrors { message } } }`, { id: samId }, adminToken);
    expect(deactivated.data!.setStaffUserActive.userErrors).toEqual([]);

    const ended = page.getByRole('status').filter({ hasText: 'Your session has ended. Sign in again.' });
    await ended.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await signIn(page, sam);
    await page.getByText('This account has been deactivated. Ask an administrator to restore it.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await ended.count()).toBe(0);
    await context.close();
  }, 90_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { FakeRingCentral } from '../support/fake-ringcentral-server';
import { useApp } from '../support/fixtures';
import { graphql } from '../support/graphql-client';
import { TEST_ADMIN, type TestServer } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS, signIn } from './browser';

/**
 * The Channels page in a real browser against the real server, with RingCentral played by the
 * wire-format fake: the connection shows as configured with its subscription and expiry, and
 * "Check subscriptions now" renews it. Two inbound SMS webhooks cannot be applied and end up as
 * dead letters the real way (verified, stored, retried by the queue with JOB_RETRY_LIMIT, then
 * DEAD): one has no sender number (it fails again when retried), the other is held back by a
 * database rule the test adds and then removes (once removed, the retry applies it and the
 * text becomes a conversation whose messages show their channel). Staff do not see the page.
 *
 * Runs on the suite's PostgreSQL (not the embedded one of console-server.ts): the test needs the
 * database to add and remove the rule, and RingCentral settings in the server's environment.
 */

const WEBHOOK_TOKEN = 'e2e-verification-token-0123456789';
const HELD_CUSTOMER = '+15555550143';
const HELD_TEXT = 'Hi, can you do a hibachi party for 12 people on Dec 20th?';
const NO_SENDER_ERROR = 'inbound SMS without a sender number';
// Stands in for a fault an operator fixes (a bad migration, a full disk): the customer cannot be stored until it is dropped.
const HOLD_RULE = 'e2e_customer_on_hold';
const STAFF = { email: 'casey@staff.hibachi.test', password: 'casey-password-2026', displayName: 'Casey Staff' };
const DEATH_TIMEOUT_MS = 40_000;

const app = useApp({
  ringCentral: { webhookToken: WEBHOOK_TOKEN },
  // Three attempts in a few seconds, then the dead-letter state.
  env: { JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '2', JOB_RETRY_DELAY_SECONDS: '1' },
});
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
/** The admin's Channels page, open and signed in for the whole file. */
let admin: Page;

const api = (): TestServer => app.server;
const fakeRingCentral = (): FakeRingCentral => app.rc;

async function openPage(path: string): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${api().url}${path}`);
  return page;
}

interface EventState {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/** The event as the API reports it, found by the provider's event id. */
async function eventState(eventId: string): Promise<EventState | undefined> {
  const response = await graphql(api().url, `{ webhookEvents(first: 50) { edges { node { id eventId status attempts lastError } } } }`, {}, app.adminToken);
  return response.data!.webhookEvents.edges.map((edge: { node: EventState & { eventId: string } }) => edge.node).find((node: { eventId: string }) => node.eventId === eventId);
}

const nav = (page: Page): Locator => page.getByRole('navigation', { name: 'Console areas' });
const connectionRow = (page: Page): Locator => page.getByTestId('channel-connection-ringcentral');
const eventRows = (page: Page): Locator => page.getByTestId('webhook-event-row');
const noSenderRow = (page: Page): Locator => eventRows(page).filter({ hasText: NO_SENDER_ERROR });
const heldRow = (page: Page): Locator => eventRows(page).filter({ hasText: HOLD_RULE });
const textOf = (locator: Locator) => locator.textContent({ timeout: LIVE_TIMEOUT_MS }).then((text) => text?.trim() ?? '');

/** The admin's page back on Channels, wherever an earlier test left it. */
async function showChannels(): Promise<void> {
  await nav(admin).getByRole('link', { name: 'Channels' }).click();
  await admin.getByRole('heading', { name: 'Channels', level: 1 }).waitFor({ timeout: LIVE_TIMEOUT_MS });
}

/** Selecting a status reads that list again (cache-and-network), so a change in the queue shows. */
async function showStatus(page: Page, label: string): Promise<void> {
  await page.getByRole('form', { name: 'Filter webhook events' }).getByLabel('Status').selectOption({ label });
}

describe('channels page in a browser', () => {
  beforeAll(async () => {
    const created = await graphql(
      api().url,
      'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { message } } }',
      { input: { ...STAFF, role: 'STAFF' } },
      app.adminToken,
    );
    expect(created.data!.createStaffUser.userErrors).toEqual([]);
    browser = await launchChromium();
    admin = await openPage('/#/channels');
    await signIn(admin, TEST_ADMIN);
    await admin.getByRole('heading', { name: 'Channels', level: 1 }).waitFor({ timeout: LIVE_TIMEOUT_MS });
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app.db.query(`ALTER TABLE customer DROP CONSTRAINT IF EXISTS ${HOLD_RULE}`).catch(() => undefined);
  }, 60_000);

  it('shows the RingCentral connection as configured, with its subscription and when it expires', async () => {
    // The server subscribes at start, through the validation handshake.
    await expect.poll(() => fakeRingCentral().subscriptions.filter((s) => !s.deleted).length, { timeout: LIVE_TIMEOUT_MS }).toBe(1);
    const subscription = fakeRingCentral().subscriptions.find((s) => !s.deleted)!;

    await showChannels();
    expect(await nav(admin).getByRole('link', { name: 'Channels' }).getAttribute('aria-current')).toBe('page');

    const row = connectionRow(admin);
    await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await textOf(row.getByRole('rowheader'))).toBe('RingCentral (SMS)');
    expect(await textOf(row.getByTestId('connection-mode'))).toBe('Configured');
    expect(await textOf(row.getByTestId('connection-status'))).toBe('Active');
    expect(await textOf(row)).toContain(subscription.id);
    // The fake's subscriptions last 7 days.
    expect(await textOf(row.getByTestId('subscription-expiry'))).toContain('in 7 days');
    expect(await row.getByTestId('subscription-expiry').locator('time').getAttribute('datetime')).toBe(subscription.expirationTime.toISOString());

  }, 60_000);

  it('renews the subscription with "Check subscriptions now" and says so', async () => {
    const subscription = fakeRingCentral().subscriptions.find((s) => !s.deleted)!;
    const expiryBefore = subscription.expirationTime.toISOString();
    const renewalsBefore = subscription.renewals;
    await showChannels();
    await admin.getByRole('button', { name: 'Check subscriptions now' }).click();
    await admin.getByRole('status').filter({ hasText: 'Subscriptions checked' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(subscription.renewals).toBe(renewalsBefore + 1);
    expect(await admin.getByRole('button', { name: 'Check subscriptions now' }).isEnabled()).toBe(true);
    // The table is read back: the renewed expiry is the one shown.
    const renewedExpiry = subscription.expirationTime.toISOString();
    await expect
      .poll(() => connectionRow(admin).getByTestId('subscription-expiry').locator('time').getAttribute('datetime'), { timeout: LIVE_TIMEOUT_MS })
      .toBe(renewedExpiry);
    expect(Date.parse(renewedExpiry)).toBeGreaterThan(Date.parse(expiryBefore));
  }, 30_000);

  it('shows a renewal made elsewhere (the hourly check, another admin) without a reload', async () => {
    await showChannels();
    const shownExpiry = () => connectionRow(admin).getByTestId('subscription-expiry').locator('time').getAttribute('datetime');
    const before = await shownExpiry();
    const synced = await graphql(api().url, 'mutation { syncChannelSubscriptions { userErrors { message } } }', {}, app.adminToken);
    expect(synced.data!.syncChannelSubscriptions.userErrors).toEqual([]);
    const renewedExpiry = fakeRingCentral().subscriptions.find((s) => !s.deleted)!.expirationTime.toISOString();
    expect(renewedExpiry).not.toBe(before);
    await expect.poll(shownExpiry, { timeout: LIVE_TIMEOUT_MS }).toBe(renewedExpiry);
  }, 30_000);

  describe('a dead letter, from its failure to its retry', { shuffle: false }, () => {
    // One story in four steps, in this order: two events die, one is retried while its cause
    // remains, the other once its cause is gone, and its thread then shows.
    it('lists webhook events that ran out of retries as dead letters, newest first', async () => {
      await showChannels();
      await admin.getByText('No dead-letter events.').waitFor({ timeout: LIVE_TIMEOUT_MS });
      await app.db.query(`ALTER TABLE customer ADD CONSTRAINT ${HOLD_RULE} CHECK (phone IS DISTINCT FROM '${HELD_CUSTOMER}') NOT VALID`);

      // Verified and stored, but it cannot be applied: the text has no sender number.
      const noSender = fakeRingCentral().inboundSmsBody({ from: '+15555550142', text: 'hello' }) as { from: unknown };
      noSender.from = {};
      expect((await fakeRingCentral().deliver(noSender, { uuid: 'uuid-no-sender' })).status).toBe(200);
      // A good text whose customer cannot be stored while the rule is in place.
      const held = fakeRingCentral().inboundSmsBody({ from: HELD_CUSTOMER, text: HELD_TEXT });
      expect((await fakeRingCentral().deliver(held, { uuid: 'uuid-held' })).status).toBe(200);

      for (const eventId of ['uuid-no-sender', 'uuid-held']) {
        await expect.poll(async () => (await eventState(eventId))?.status, { timeout: DEATH_TIMEOUT_MS, interval: 500 }).toBe('DEAD');
      }

      // The dead-letter list the admin has open shows them as they die, with no reload or filter change.
      await expect.poll(() => eventRows(admin).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);
      await showStatus(admin, 'Applied');
      await admin.getByText('No events have been applied yet.').waitFor({ timeout: LIVE_TIMEOUT_MS });
      await showStatus(admin, 'Dead letter');
      await expect.poll(() => eventRows(admin).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);

      // Newest first: the held text arrived second.
      expect(await textOf(eventRows(admin).first())).toContain(HOLD_RULE);
      for (const row of [noSenderRow(admin), heldRow(admin)]) {
        expect(await textOf(row.getByTestId('webhook-event-status'))).toBe('Dead letter');
        expect(await textOf(row.getByTestId('webhook-event-attempts'))).toBe('3');
        const text = await textOf(row);
        expect(text).toContain('RingCentral');
        expect(text).toContain('inbound-sms');
      }

      // The payload is collapsed to one line; opened, it shows the whole event.
      const payload = heldRow(admin).locator('details');
      expect(await payload.getAttribute('open')).toBeNull();
      expect(await payload.locator('pre').isVisible()).toBe(false);
      await payload.locator('summary').click();
      await payload.locator('pre').waitFor({ timeout: LIVE_TIMEOUT_MS });
      expect(await textOf(payload.locator('pre'))).toContain(HELD_TEXT);
    }, 90_000);

    it('retries a dead letter: it leaves the dead list, and fails again while its cause remains', async () => {
      const before = await eventState('uuid-no-sender');
      const retry = noSenderRow(admin).getByRole('button', { name: /^Retry/ });
      await retry.click();

      await admin.getByRole('status').filter({ hasText: 'The inbound-sms event is back on the queue (pending).' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
      await noSenderRow(admin).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
      expect(await heldRow(admin).count()).toBe(1);

      // Attempted again with a fresh set of retries, and dead again with the same error.
      await expect
        .poll(async () => eventState('uuid-no-sender'), { timeout: DEATH_TIMEOUT_MS, interval: 500 })
        .toMatchObject({ id: before!.id, status: 'DEAD', attempts: 6, lastError: NO_SENDER_ERROR });
      // Back in the dead letters the admin is looking at, live.
      await expect.poll(() => textOf(noSenderRow(admin).getByTestId('webhook-event-attempts')), { timeout: LIVE_TIMEOUT_MS }).toBe('6');
    }, 60_000);

    it('applies a dead letter retried once its cause is removed', async () => {
      await app.db.query(`ALTER TABLE customer DROP CONSTRAINT ${HOLD_RULE}`);
      await heldRow(admin).getByRole('button', { name: /^Retry/ }).click();
      await heldRow(admin).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });

      await expect.poll(async () => (await eventState('uuid-held'))?.status, { timeout: LIVE_TIMEOUT_MS, interval: 500 }).toBe('APPLIED');
      await showStatus(admin, 'Applied');
      await expect.poll(() => eventRows(admin).count(), { timeout: LIVE_TIMEOUT_MS }).toBe(1);
      const applied = eventRows(admin).first();
      expect(await textOf(applied.getByTestId('webhook-event-status'))).toBe('Applied');
      expect(await textOf(applied)).toContain(HELD_TEXT);
      // Only dead letters can be retried.
      expect(await applied.getByRole('button', { name: /^Retry/ }).count()).toBe(0);

      // The assistant's answer left through RingCentral, and its message is marked sent.
      await expect.poll(() => fakeRingCentral().sentSms.filter((sms) => sms.to.includes(HELD_CUSTOMER)).length, { timeout: LIVE_TIMEOUT_MS }).toBe(1);
      const replyStatus = async () => {
        const response = await graphql(
          api().url,
          `{ conversations(first: 5, channel: SMS) { edges { node { customer { phone } messages { edges { node { direction deliveryStatus } } } } } } }`,
          {},
          app.adminToken,
        );
        const thread = response.data!.conversations.edges.find((edge: any) => edge.node.customer.phone === HELD_CUSTOMER);
        return thread?.node.messages.edges.find((edge: any) => edge.node.direction === 'OUTBOUND')?.node.deliveryStatus;
      };
      await expect.poll(replyStatus, { timeout: LIVE_TIMEOUT_MS }).toBe('SENT');
    }, 30_000);

    it('shows each message of the SMS thread with its channel and delivery status', async () => {
      await nav(admin).getByRole('link', { name: 'Conversations' }).click();
      const thread = admin.getByTestId('conversation-row').filter({ hasText: HELD_CUSTOMER });
      await thread.getByRole('link').click();

      const messages = admin.getByTestId('message');
      await expect.poll(() => messages.count(), { timeout: LIVE_TIMEOUT_MS }).toBe(2);
      const customerMessage = messages.filter({ hasText: HELD_TEXT });
      expect(await textOf(customerMessage.getByTestId('message-channel'))).toBe('SMS');
      const reply = messages.nth(1);
      expect(await textOf(reply)).toContain('Assistant');
      expect(await textOf(reply.getByTestId('message-channel'))).toBe('SMS');
      expect(await textOf(reply.locator('.message__status'))).toBe('· Sent');
    }, 30_000);
  });

  it('does not offer the page to staff, and explains if they follow a link to it', async () => {
    const staff = await openPage('/#/escalations');
    await signIn(staff, STAFF);
    await staff.getByRole('heading', { name: 'Escalations' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await nav(staff).getByRole('link', { name: 'Extensions' }).count()).toBe(1);
    expect(await nav(staff).getByRole('link', { name: 'Channels' }).count()).toBe(0);

    await staff.goto(`${api().url}/#/channels`);
    await staff.getByText('Only admins can see channel connections and webhook events.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await staff.getByTestId('webhook-event-row').count()).toBe(0);
  }, 30_000);
});

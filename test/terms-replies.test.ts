import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/src/app/config';
import type { ModuleServices } from '../server/src/app/module';
import { createModules, entities } from '../server/src/app/modules';
import { createRateLimits } from '../server/src/shared/auth/rate-limits';
import { openDatabase } from '../server/src/shared/db/data-source';
import { UnitOfWork } from '../server/src/shared/db/unit-of-work';
import { JobQueue } from '../server/src/shared/jobs/job-queue';
import { createLogger } from '../server/src/shared/logger';
import { createEventBus, type EventBus } from '../server/src/shared/pubsub/event-bus';
import { Booking } from '../server/src/modules/bookings/booking.entity';
import { TermsChannel } from '../server/src/modules/terms/terms-acknowledgment.entity';
import { useApp } from './support/fixtures';

/**
 * The service API the inbound SMS path calls (applyReply, termsRequestText), on the real
 * modules and the real database the server migrated: composed the way server.ts composes them,
 * without the HTTP layer in front, since no route of this module reaches them.
 */
const app = useApp({ extension101: false });
const PUBLIC_URL = 'https://book.example.test';

let dataSource: Awaited<ReturnType<typeof openDatabase>>;
let eventBus: EventBus;
let jobs: JobQueue;
let services: ModuleServices;

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: app.server.databaseUrl, BUSINESS_NAME: 'Hibachi Test Kitchen', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  dataSource = await openDatabase({ url: app.server.databaseUrl, logger, entities, statementTimeoutMs: 15_000, applicationName: 'terms-replies-test' });
  eventBus = createEventBus(config.redis, logger);
  jobs = await JobQueue.start({ url: app.server.databaseUrl, logger, pollingIntervalSeconds: 1 });
  services = createModules({ config, dataSource, uow: new UnitOfWork(dataSource, eventBus), eventBus, jobs, logger, rateLimits: createRateLimits(config), webhookBaseUrl: () => PUBLIC_URL }).services;
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  await eventBus?.close();
  await dataSource?.destroy();
});

let counter = 0;
async function pendingBooking(): Promise<Booking> {
  counter += 1;
  const { rows: [customer] } = await app.db.query(`INSERT INTO customer (name, phone) VALUES ('Reply Tester', $1) RETURNING id`, [`+1555556${String(counter).padStart(4, '0')}`]);
  const { rows: [row] } = await app.db.query(
    `INSERT INTO booking (customer_id, event_date, start_time, address, party_size, source_channel, status) VALUES ($1, '2026-12-19', '18:30', '12 Example Street', 8, 'SMS', 'PENDING_TERMS') RETURNING id`,
    [customer.id],
  );
  return dataSource.manager.findOneByOrFail(Booking, { id: row.id });
}

function reply(booking: Booking, text: string, providerMessageId = `rc-${Math.random().toString(36).slice(2)}`) {
  return new UnitOfWork(dataSource, eventBus).run((tx, events) =>
    services.terms.applyReply(tx, events, {
      booking,
      text,
      channel: TermsChannel.SMS,
      providerMessageId,
      fromAddress: '+15555550100',
      signatureVerified: true,
      receivedAt: new Date(),
    }),
  );
}

const statusOf = async (booking: Booking) => (await app.db.query(`SELECT status FROM booking WHERE id = $1`, [booking.id])).rows[0].status as string;
const acknowledgmentsOf = async (booking: Booking) => (await app.db.query(`SELECT * FROM terms_acknowledgment WHERE booking_id = $1`, [booking.id])).rows;
const invalidRepliesOf = async (booking: Booking) => (await app.db.query(`SELECT text FROM terms_invalid_reply WHERE booking_id = $1 ORDER BY received_at`, [booking.id])).rows.map((row) => row.text);

describe('applyReply', () => {
  it('records an acceptance with the provider’s details and confirms the booking', async () => {
    const booking = await pendingBooking();
    expect(await reply(booking, 'i agre', 'rc-accept-1')).toEqual({ outcome: 'ACCEPTED', reply: expect.stringMatching(/^Thank you/) });
    expect(await statusOf(booking)).toBe('CONFIRMED');
    expect(await acknowledgmentsOf(booking)).toEqual([
      expect.objectContaining({ channel: 'SMS', reply_text: 'i agre', provider_message_id: 'rc-accept-1', from_address: '+15555550100', signature_verified: true, ip: null }),
    ]);
  });

  it('records nothing for a refusal and says staff will be in touch', async () => {
    const booking = await pendingBooking();
    expect(await reply(booking, "yes but I don't agree to the cancellation fee")).toEqual({ outcome: 'REFUSED', reply: expect.stringMatching(/team will be in touch/) });
    expect(await statusOf(booking)).toBe('PENDING_TERMS');
    expect(await acknowledgmentsOf(booking)).toEqual([]);
    expect(await invalidRepliesOf(booking)).toEqual([]);
  });

  it('re-prompts once for an unclear reply, counting it, and hands the second to staff', async () => {
    const booking = await pendingBooking();
    const current = await services.terms.currentVersion();
    const first = await reply(booking, 'what are the terms?');
    expect(first).toEqual({
      outcome: 'UNCLEAR',
      reply: `To confirm your booking, please reply I AGREE to accept our terms: ${PUBLIC_URL}/terms/${current!.globalId}, or NO if you don't agree.`,
    });
    expect(await reply(booking, 'maybe')).toEqual({ outcome: 'UNCLEAR_AGAIN', reply: expect.stringMatching(/team will be in touch/) });
    expect(await invalidRepliesOf(booking)).toEqual(['what are the terms?', 'maybe']);
    expect(await statusOf(booking)).toBe('PENDING_TERMS');
    // A clear yes afterwards still confirms.
    expect((await reply(booking, 'yes')).outcome).toBe('ACCEPTED');
    expect(await statusOf(booking)).toBe('CONFIRMED');
  });

  it('refuses, leaving nothing written, a booking that is no longer waiting for terms', async () => {
    const booking = await pendingBooking();
    await reply(booking, 'ok');
    await expect(reply(booking, 'ok')).rejects.toThrow(/already accepted for this booking on/);
    expect(await acknowledgmentsOf(booking)).toHaveLength(1);
  });
});

describe('termsRequestText', () => {
  it('asks for I AGREE with the event and the link to the current version', async () => {
    const booking = await pendingBooking();
    const current = await services.terms.currentVersion();
    expect(await services.terms.termsRequestText(booking)).toBe(
      `Hibachi Test Kitchen: to confirm your hibachi event on Sat, Dec 19 at 6:30 PM for 8 guests, please read our terms at ${PUBLIC_URL}/terms/${current!.globalId} and reply I AGREE to accept them.`,
    );
  });
});

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations';
import { createTestDatabase } from './support/test-database';

/**
 * Calls recorded before the call status became ours keep RingCentral's word in `status`; the
 * migration turns it into the status staff see and keeps the word in `provider_status`, and
 * undoing it puts the word back.
 */

const DOMAIN_STATUS = 'DomainCallStatus1795280000000';

let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client({ connectionString: await createTestDatabase() });
  await db.connect();
  const index = migrations.findIndex((migration) => migration.name === DOMAIN_STATUS);
  expect(index).toBeGreaterThan(0);
  for (const Migration of migrations.slice(0, index)) await new Migration().up(db);
});

afterAll(async () => {
  await db?.end();
});

const RECORDED = ['Setup', 'Proceeding', 'Answered', 'Hold', 'Parked', 'VoiceMail', 'VoiceMailScreening', 'FaxReceive', 'Disconnected', 'Gone', 'gone', 'Tds'];

describe('the call status migration', () => {
  it('maps each recorded RingCentral code to a call status and keeps the code beside it, and back', async () => {
    for (const [index, code] of RECORDED.entries()) {
      await db.query(`INSERT INTO phone_call (telephony_session_id, party_id, status, last_sequence) VALUES ($1, 'p', $2, 1)`, [`s-${index}`, code]);
    }
    const statuses = async () => (await db.query(`SELECT status, provider_status FROM phone_call`)).rows;
    const Migration = migrations.find((migration) => migration.name === DOMAIN_STATUS)!;

    await new Migration().up(db);
    const byCode = Object.fromEntries((await statuses()).map((row) => [row.provider_status, row.status]));
    expect(byCode).toEqual({
      Setup: 'RINGING',
      Proceeding: 'RINGING',
      Answered: 'ANSWERED',
      Hold: 'ON_HOLD',
      // Neither is a state we act on; both follow a call that was picked up.
      Parked: 'ANSWERED',
      FaxReceive: 'ANSWERED',
      Tds: 'ANSWERED',
      VoiceMail: 'VOICEMAIL',
      VoiceMailScreening: 'VOICEMAIL',
      Disconnected: 'ENDED',
      Gone: 'ENDED',
      gone: 'ENDED',
    });
    await expect(db.query(`UPDATE phone_call SET status = 'Proceeding' WHERE telephony_session_id = 's-0'`)).rejects.toThrow(/phone_call_status/);

    await new Migration().down(db);
    const { rows } = await db.query(`SELECT status FROM phone_call`);
    expect(rows.map((row) => row.status).sort()).toEqual([...RECORDED].sort());
  });
});

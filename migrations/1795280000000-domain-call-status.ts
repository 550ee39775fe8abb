import type { Migration, MigrationQueryRunner } from './migration';

/**
 * A call's status becomes ours (RINGING, ANSWERED, ON_HOLD, VOICEMAIL, ENDED) instead of
 * RingCentral's code, which moves to provider_status for debugging. Parked, FaxReceive and
 * the other codes we never act on only follow a call that was picked up, so they become
 * ANSWERED (a new event with such a code leaves the status as it was).
 */
export class DomainCallStatus1795280000000 implements Migration {
  name = 'DomainCallStatus1795280000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE phone_call ADD COLUMN provider_status varchar(24)`);
    await db.query(`
      UPDATE phone_call SET provider_status = status, status = CASE lower(status)
        WHEN 'setup' THEN 'RINGING'
        WHEN 'proceeding' THEN 'RINGING'
        WHEN 'answered' THEN 'ANSWERED'
        WHEN 'hold' THEN 'ON_HOLD'
        WHEN 'voicemail' THEN 'VOICEMAIL'
        WHEN 'voicemailscreening' THEN 'VOICEMAIL'
        WHEN 'disconnected' THEN 'ENDED'
        WHEN 'gone' THEN 'ENDED'
        ELSE 'ANSWERED'
      END`);
    await db.query(`ALTER TABLE phone_call ALTER COLUMN provider_status SET NOT NULL`);
    await db.query(`ALTER TABLE phone_call ADD CONSTRAINT phone_call_status CHECK (status IN ('RINGING', 'ANSWERED', 'ON_HOLD', 'VOICEMAIL', 'ENDED'))`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE phone_call DROP CONSTRAINT phone_call_status`);
    await db.query(`UPDATE phone_call SET status = provider_status`);
    await db.query(`ALTER TABLE phone_call DROP COLUMN provider_status`);
  }
}

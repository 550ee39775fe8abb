import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Reminders and review requests: each one sent or skipped is recorded once per booking, kind,
 * slot and event date (a moved booking's new day gets new ones); an outbound message keeps the
 * recipient's time zone its quiet hours are read in.
 */
export class ScheduledMessages1795800000020 implements Migration {
  name = 'ScheduledMessages1795800000020';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scheduled_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
        kind varchar(24) NOT NULL CHECK (kind IN ('DAY_BEFORE_REMINDER', 'PAYMENT_REMINDER', 'REVIEW_REQUEST')),
        slot varchar(12) NOT NULL,
        event_date date NOT NULL,
        outcome varchar(12) NOT NULL CHECK (outcome IN ('SENT', 'SKIPPED')),
        reason varchar(300),
        due_at timestamptz NOT NULL,
        handled_at timestamptz NOT NULL,
        time_zone varchar(64) NOT NULL,
        time_zone_source varchar(12) NOT NULL,
        UNIQUE (booking_id, kind, slot, event_date)
      )`);
    await db.query(`ALTER TABLE outbound_send ADD COLUMN time_zone varchar(64)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbound_send DROP COLUMN time_zone`);
    await db.query(`DROP TABLE scheduled_message`);
  }
}

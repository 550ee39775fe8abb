import type { Migration, MigrationQueryRunner } from './migration';

/**
 * The owner's metrics over a date range read by creation time: bookings, messages and
 * escalations get an index on it (the message one carries what the thread and response-time
 * figures read, so they scan the index alone). Alerts record who acknowledged them and when.
 */
export class Metrics1795800000030 implements Migration {
  name = 'Metrics1795800000030';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`CREATE INDEX booking_created ON booking (created_at)`);
    await db.query(`CREATE INDEX message_created_author ON message (created_at) INCLUDE (conversation_id, author, id)`);
    await db.query(`CREATE INDEX escalation_created ON escalation (created_at) INCLUDE (conversation_id)`);
    await db.query(`ALTER TABLE alert ADD COLUMN acknowledged_at timestamptz, ADD COLUMN acknowledged_by_staff_user_id uuid`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE alert DROP COLUMN acknowledged_at, DROP COLUMN acknowledged_by_staff_user_id`);
    await db.query(`DROP INDEX escalation_created`);
    await db.query(`DROP INDEX message_created_author`);
    await db.query(`DROP INDEX booking_created`);
  }
}

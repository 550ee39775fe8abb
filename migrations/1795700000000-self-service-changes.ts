import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Changes and cancellations the assistant finishes itself:
 *   - a thread remembers the language it is answered in, and the change it has read back to the
 *     customer and waits for a yes or no to;
 *   - a booking may be accepted again after a change that asked for its terms again (when it
 *     was is kept on the booking), so one booking may have several acknowledgments (each still in
 *     the one chain, none ever changed).
 */
export class SelfServiceChanges1795700000000 implements Migration {
  name = 'SelfServiceChanges1795700000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conversation ADD COLUMN language varchar(2) CHECK (language IN ('en', 'es'))`);
    await db.query(`ALTER TABLE conversation ADD COLUMN pending_change jsonb`);
    await db.query(`ALTER TABLE booking ADD COLUMN terms_asked_again_at timestamptz`);
    await db.query(`DROP INDEX terms_acknowledgment_one_per_booking`);
    await db.query(`CREATE INDEX terms_acknowledgment_booking ON terms_acknowledgment (booking_id, sequence)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP INDEX terms_acknowledgment_booking`);
    await db.query(`CREATE UNIQUE INDEX terms_acknowledgment_one_per_booking ON terms_acknowledgment (booking_id)`);
    await db.query(`ALTER TABLE booking DROP COLUMN terms_asked_again_at`);
    await db.query(`ALTER TABLE conversation DROP COLUMN pending_change`);
    await db.query(`ALTER TABLE conversation DROP COLUMN language`);
  }
}

import type { Migration, MigrationQueryRunner } from './migration';

/** A staff member can be deactivated (and restored) instead of deleted: their history keeps its author. */
export class StaffDeactivation1795320000000 implements Migration {
  name = 'StaffDeactivation1795320000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE staff_user ADD COLUMN deactivated_at timestamptz`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE staff_user DROP COLUMN deactivated_at`);
  }
}

import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Alerts for the owner. At most one open alert per kind and subject (a partial unique index), so
 * a scheduled check raises it once however often it runs, and again only after it was closed.
 */
export class Alerts1795590000000 implements Migration {
  name = 'Alerts1795590000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(60) NOT NULL,
        subject_id varchar(200) NOT NULL,
        message text NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )
    `);
    await db.query(`CREATE UNIQUE INDEX alert_one_open_key ON alert (kind, subject_id) WHERE resolved_at IS NULL`);
    await db.query(`CREATE INDEX alert_raised_idx ON alert (raised_at DESC)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE alert`);
  }
}

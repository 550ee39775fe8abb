import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Staff invited without a password set their own through a one-time link: only the link's hash
 * is stored, with its expiry and when it was used (once). Until then the account has no password
 * and cannot sign in.
 */
export class StaffPasswordLinks1795520000000 implements Migration {
  name = 'StaffPasswordLinks1795520000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE staff_user ALTER COLUMN password_hash DROP NOT NULL`);
    await db.query(`
      CREATE TABLE staff_password_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_user_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX staff_password_link_staff_user ON staff_password_link (staff_user_id)`);
    // At most one extension per staff login: presence sets the availability of exactly one.
    await db.query(`CREATE UNIQUE INDEX extension_one_per_staff_user ON extension (staff_user_id) WHERE staff_user_id IS NOT NULL`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP INDEX extension_one_per_staff_user`);
    await db.query(`DROP TABLE staff_password_link`);
    await db.query(`UPDATE staff_user SET password_hash = '!' WHERE password_hash IS NULL`);
    await db.query(`ALTER TABLE staff_user ALTER COLUMN password_hash SET NOT NULL`);
  }
}

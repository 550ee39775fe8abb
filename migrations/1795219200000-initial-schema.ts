import type { Migration, MigrationQueryRunner } from './migration';

/** Staff users, sessions, API keys and extensions. */
export class InitialSchema1795219200000 implements Migration {
  name = 'InitialSchema1795219200000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`CREATE TYPE staff_role AS ENUM ('ADMIN', 'STAFF')`);
    await db.query(`
      CREATE TABLE staff_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL UNIQUE,
        display_name varchar(100) NOT NULL,
        password_hash varchar(255) NOT NULL,
        role staff_role NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE staff_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL,
        staff_user_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX staff_session_token_hash ON staff_session (token_hash)`);
    await db.query(`CREATE INDEX staff_session_staff_user ON staff_session (staff_user_id)`);
    await db.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        prefix varchar(16) NOT NULL,
        secret_hash char(64) NOT NULL,
        scopes text[] NOT NULL,
        created_by_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX api_key_secret_hash ON api_key (secret_hash)`);
    await db.query(`CREATE TYPE extension_status AS ENUM ('AVAILABLE', 'BUSY', 'OFFLINE')`);
    await db.query(`
      CREATE TABLE extension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number integer NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 99999),
        employee_name varchar(100) NOT NULL,
        role varchar(100) NOT NULL,
        phone varchar(16) NOT NULL,
        status extension_status NOT NULL DEFAULT 'OFFLINE',
        working_hours jsonb NOT NULL DEFAULT '[]',
        is_primary_escalation boolean NOT NULL DEFAULT false,
        staff_user_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one primary escalation extension, whatever the application does.
    await db.query(`CREATE UNIQUE INDEX extension_one_primary ON extension (is_primary_escalation) WHERE is_primary_escalation`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE extension`);
    await db.query(`DROP TYPE extension_status`);
    await db.query(`DROP TABLE api_key`);
    await db.query(`DROP TABLE staff_session`);
    await db.query(`DROP TABLE staff_user`);
    await db.query(`DROP TYPE staff_role`);
  }
}

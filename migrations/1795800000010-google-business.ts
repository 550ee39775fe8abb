import type { Migration, MigrationQueryRunner } from './migration';

/**
 * The Google Business Profile connection (one per business): its state, the account and
 * location it reads reviews from, the refresh token and the current access token sealed with
 * AES-256-GCM (never in clear), and the last sync. The OAuth states handed to consent screens
 * are stored hashed, each consumed once.
 */
export class GoogleBusiness1795800000010 implements Migration {
  name = 'GoogleBusiness1795800000010';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE google_connection (
        id uuid PRIMARY KEY,
        singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
        state varchar(20) NOT NULL CHECK (state IN ('CONNECTED', 'NEEDS_RECONSENT', 'NEEDS_LOCATION')),
        account_name varchar(200),
        account_display_name varchar(300),
        location_name varchar(300),
        location_title varchar(300),
        location_choices jsonb NOT NULL DEFAULT '[]',
        refresh_token_sealed bytea NOT NULL,
        refresh_token_key_id varchar(32) NOT NULL,
        access_token_sealed bytea,
        access_token_key_id varchar(32),
        access_token_expires_at timestamptz,
        last_synced_at timestamptz,
        last_sync_added integer NOT NULL DEFAULT 0,
        last_sync_updated integer NOT NULL DEFAULT 0,
        last_sync_unchanged integer NOT NULL DEFAULT 0,
        last_sync_deleted integer NOT NULL DEFAULT 0,
        last_sync_error varchar(500),
        connected_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (state <> 'CONNECTED' OR location_name IS NOT NULL)
      )
    `);
    await db.query(`
      CREATE TABLE google_oauth_state (
        state_hash char(64) PRIMARY KEY,
        staff_user_id uuid NOT NULL,
        expires_at timestamptz NOT NULL
      )
    `);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE google_oauth_state`);
    await db.query(`DROP TABLE google_connection`);
  }
}

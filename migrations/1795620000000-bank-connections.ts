import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Bank connections of the Plaid feed: the item, its accounts and status, the sync cursor, and
 * the access token sealed with AES-256-GCM (never in clear) beside the id of the key that sealed it.
 */
export class BankConnections1795620000000 implements Migration {
  name = 'BankConnections1795620000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE bank_connection (
        id uuid PRIMARY KEY,
        provider varchar(20) NOT NULL DEFAULT 'PLAID' CHECK (provider IN ('PLAID')),
        item_id varchar(100) NOT NULL UNIQUE,
        institution_id varchar(100),
        institution_name varchar(200),
        accounts jsonb NOT NULL DEFAULT '[]',
        status varchar(20) NOT NULL CHECK (status IN ('CONNECTED', 'NEEDS_RECONNECT', 'DISCONNECTED')),
        status_reason varchar(60),
        access_token_sealed bytea NOT NULL,
        access_token_key_id varchar(32) NOT NULL,
        sync_cursor text,
        last_synced_at timestamptz,
        last_sync_added integer NOT NULL DEFAULT 0,
        last_sync_modified integer NOT NULL DEFAULT 0,
        last_sync_removed integer NOT NULL DEFAULT 0,
        last_sync_error varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'NEEDS_RECONNECT' OR status_reason IS NOT NULL)
      )
    `);
    // The re-wrap after a key change finds rows sealed under other keys.
    await db.query(`CREATE INDEX bank_connection_key_id_idx ON bank_connection (access_token_key_id)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE bank_connection`);
  }
}

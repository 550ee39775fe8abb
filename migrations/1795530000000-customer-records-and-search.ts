import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Customer records that can be merged (the merged one points at the survivor and keeps its
 * id, so terms evidence naming it still resolves), an audit row per merge, and full-text
 * search over customers, threads (the details the assistant gathered) and messages.
 * Names and addresses use the 'simple' configuration (no stemming of names); message text
 * uses 'english', so "booking" finds "booked".
 */
export class CustomerRecordsAndSearch1795530000000 implements Migration {
  name = 'CustomerRecordsAndSearch1795530000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer ADD COLUMN merged_into_id uuid REFERENCES customer(id), ADD COLUMN merged_at timestamptz`);
    await db.query(`ALTER TABLE customer ADD CONSTRAINT customer_not_merged_into_itself CHECK (merged_into_id IS NULL OR merged_into_id <> id)`);
    await db.query(`CREATE INDEX customer_merged_into ON customer (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await db.query(`
      ALTER TABLE customer ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || translate(coalesce(email, ''), '@._-+', '     '))
      ) STORED
    `);
    await db.query(`CREATE INDEX customer_search ON customer USING gin (search_vector)`);
    await db.query(`CREATE INDEX customer_phone ON customer (phone) WHERE phone IS NOT NULL`);

    await db.query(`
      ALTER TABLE conversation ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        jsonb_to_tsvector('simple'::regconfig, booking_draft, '["string"]'::jsonb)
      ) STORED
    `);
    await db.query(`CREATE INDEX conversation_search ON conversation USING gin (search_vector)`);

    await db.query(`ALTER TABLE message ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED`);
    await db.query(`CREATE INDEX message_search ON message USING gin (search_vector)`);
    // A thread's latest message (the preview in lists) is the last entry of this index.
    await db.query(`CREATE INDEX message_conversation_latest ON message (conversation_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE customer_merge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        surviving_customer_id uuid NOT NULL REFERENCES customer(id),
        merged_customer_id uuid NOT NULL UNIQUE REFERENCES customer(id),
        staff_user_id uuid REFERENCES staff_user(id),
        api_key_id uuid REFERENCES api_key(id),
        merged_customer jsonb NOT NULL,
        moved jsonb NOT NULL,
        merged_at timestamptz NOT NULL DEFAULT now(),
        CHECK (surviving_customer_id <> merged_customer_id)
      )
    `);
    await db.query(`CREATE INDEX customer_merge_surviving ON customer_merge (surviving_customer_id, merged_at)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE customer_merge`);
    await db.query(`DROP INDEX message_conversation_latest`);
    await db.query(`ALTER TABLE message DROP COLUMN search_vector`);
    await db.query(`ALTER TABLE conversation DROP COLUMN search_vector`);
    await db.query(`DROP INDEX customer_phone`);
    await db.query(`ALTER TABLE customer DROP COLUMN search_vector`);
    await db.query(`ALTER TABLE customer DROP CONSTRAINT customer_not_merged_into_itself, DROP COLUMN merged_at, DROP COLUMN merged_into_id`);
  }
}

import type { Migration, MigrationQueryRunner } from './migration';

/**
 * How far each staff member has read each thread: one row per (staff user, thread), moved
 * forward only. Unread counts are the customer's messages after it. The partial index on
 * customer messages keeps those counts to an index range per thread.
 */
export class ConversationReadMarkers1795500000000 implements Migration {
  name = 'ConversationReadMarkers1795500000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE conversation_read_marker (
        staff_user_id uuid NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
        last_read_message_id uuid REFERENCES message (id) ON DELETE SET NULL,
        last_read_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (staff_user_id, conversation_id)
      )`);
    await db.query(`CREATE INDEX conversation_read_marker_conversation ON conversation_read_marker (conversation_id)`);
    await db.query(`CREATE INDEX message_customer_by_conversation ON message (conversation_id, created_at) WHERE author = 'CUSTOMER'`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP INDEX message_customer_by_conversation`);
    await db.query(`DROP TABLE conversation_read_marker`);
  }
}

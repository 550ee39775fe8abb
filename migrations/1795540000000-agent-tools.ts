import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Staff's tools in a thread: canned replies (a shortcut such as /deposit, unique however it is
 * cased), private notes (a table of their own, so no path that sends, lists or counts messages
 * can ever reach them), and the web chat's waiting notices, one per wait (keyed by the first
 * customer message nobody answered), so a sweep that runs twice never tells a customer twice.
 */
export class AgentTools1795540000000 implements Migration {
  name = 'AgentTools1795540000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE canned_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shortcut varchar(32) NOT NULL,
        title varchar(80) NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await db.query(`CREATE UNIQUE INDEX canned_reply_shortcut_key ON canned_reply (lower(shortcut))`);
    await db.query(`
      CREATE TABLE conversation_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        staff_user_id uuid NOT NULL REFERENCES staff_user(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await db.query(`CREATE INDEX conversation_note_thread_idx ON conversation_note (conversation_id, created_at)`);
    await db.query(`
      CREATE TABLE web_chat_wait_notice (
        waiting_message_id uuid PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        notice_message_id uuid REFERENCES message(id) ON DELETE SET NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE web_chat_wait_notice`);
    await db.query(`DROP TABLE conversation_note`);
    await db.query(`DROP TABLE canned_reply`);
  }
}

import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Handoff state is stored once, on the escalation: a thread's "escalated", "assistant paused",
 * "assigned extension" and "held by" are derived from its open escalation, so the columns that
 * mirrored them on conversation go. Escalations record how they closed and count their changes
 * (so a console can ignore a late event), and web-chat sessions get a table of their own that
 * expires them. Anonymous sessions of the old kind end here: their threads stay, and the
 * customer's next visit starts a new chat.
 */
export class HandoffStateOnce1795290000000 implements Migration {
  name = 'HandoffStateOnce1795290000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    // The stage before the escalation is unknown for rows written by the old code; the
    // assistant resumed in COLLECTING_DETAILS then too.
    await db.query(`UPDATE conversation SET stage = 'COLLECTING_DETAILS' WHERE stage = 'ESCALATED'`);
    await db.query(`ALTER TABLE conversation DROP COLUMN ai_paused, DROP COLUMN assigned_extension_id, DROP COLUMN held_by_staff_user_id`);

    await db.query(`ALTER TABLE escalation ADD COLUMN resolution varchar(10)`);
    await db.query(`UPDATE escalation SET resolution = 'RESOLVED' WHERE status = 'RESOLVED'`);
    await db.query(`ALTER TABLE escalation ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await db.query(`ALTER TABLE escalation ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()`);
    // The open escalation of each thread is read for every thread a page shows.
    await db.query(`CREATE INDEX escalation_open_by_conversation ON escalation (conversation_id) WHERE status <> 'RESOLVED'`);

    await db.query(`
      CREATE TABLE web_chat_session (
        token_hash char(64) PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_active_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX web_chat_session_expiry ON web_chat_session (expires_at)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE web_chat_session`);
    await db.query(`DROP INDEX escalation_open_by_conversation`);
    await db.query(`ALTER TABLE escalation DROP COLUMN updated_at, DROP COLUMN version, DROP COLUMN resolution`);
    await db.query(`
      ALTER TABLE conversation
        ADD COLUMN ai_paused boolean NOT NULL DEFAULT false,
        ADD COLUMN assigned_extension_id uuid REFERENCES extension(id) ON DELETE SET NULL,
        ADD COLUMN held_by_staff_user_id uuid REFERENCES staff_user(id) ON DELETE SET NULL`);
  }
}

import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Replies a person typed in Meta's own inbox (the Page inbox, the Instagram app) reach us as
 * echoes: the message records where it was written (`via`), and each is stored once however
 * often it is applied. Telling such a reply from the echo of our own send also looks for a send
 * to the same person that may have gone out without its provider id being known yet (waiting,
 * being sent, or unconfirmed), so those few sends are indexed.
 */
export class RepliesFromMetaInbox1795310000000 implements Migration {
  name = 'RepliesFromMetaInbox1795310000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE message ADD COLUMN via varchar(16)`);
    await db.query(`CREATE UNIQUE INDEX message_outside_reply_provider_id ON message (channel, provider_message_id) WHERE via IS NOT NULL`);
    await db.query(`CREATE INDEX outbound_send_not_settled ON outbound_send (channel, recipient) WHERE status IN ('PENDING', 'SENDING', 'UNCONFIRMED')`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbound_send_not_settled`);
    await db.query(`DROP INDEX message_outside_reply_provider_id`);
    await db.query(`ALTER TABLE message DROP COLUMN via`);
  }
}

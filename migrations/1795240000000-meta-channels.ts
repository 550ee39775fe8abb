import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Meta channels: each message records the channel it travelled on (a phone thread is answered
 * by SMS); outbound sends cover every provider channel, not only SMS; an inbound provider
 * message is stored once however often it is applied; page and Instagram comments are kept
 * with their sentiment, and those asking about booking become leads.
 */
export class MetaChannels1795240000000 implements Migration {
  name = 'MetaChannels1795240000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE message ADD COLUMN channel varchar(20)`);
    await db.query(`UPDATE message m SET channel = c.channel FROM conversation c WHERE c.id = m.conversation_id`);
    await db.query(`ALTER TABLE message ALTER COLUMN channel SET NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX message_inbound_provider_id ON message (channel, provider_message_id) WHERE direction = 'INBOUND' AND provider_message_id IS NOT NULL`);
    await db.query(`CREATE INDEX message_outbound_provider_id ON message (provider_message_id) WHERE direction = 'OUTBOUND'`);

    await db.query(`ALTER TABLE sms_send RENAME TO outbound_send`);
    await db.query(`ALTER INDEX sms_send_provider_id RENAME TO outbound_send_provider_id`);
    await db.query(`ALTER TABLE outbound_send ADD COLUMN channel varchar(20) NOT NULL DEFAULT 'SMS'`);
    await db.query(`ALTER TABLE outbound_send RENAME COLUMN to_number TO recipient`);
    await db.query(`ALTER TABLE outbound_send ALTER COLUMN recipient TYPE varchar(64)`);

    await db.query(`
      CREATE TABLE lead (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source varchar(20) NOT NULL,
        contact_name varchar(200),
        contact_handle varchar(120),
        text text NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'NEW',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX lead_created ON lead (created_at, id)`);
    await db.query(`
      CREATE TABLE social_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source varchar(20) NOT NULL,
        provider_comment_id varchar(120) NOT NULL,
        post_id varchar(120),
        author_id varchar(64),
        author_name varchar(200),
        text text NOT NULL,
        sentiment real NOT NULL,
        asks_about_booking boolean NOT NULL,
        lead_id uuid REFERENCES lead(id) ON DELETE SET NULL,
        commented_at timestamptz NOT NULL,
        received_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (source, provider_comment_id)
      )`);
    await db.query(`CREATE INDEX social_comment_received ON social_comment (received_at, id)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE social_comment`);
    await db.query(`DROP TABLE lead`);
    await db.query(`ALTER TABLE outbound_send ALTER COLUMN recipient TYPE varchar(16)`);
    await db.query(`ALTER TABLE outbound_send RENAME COLUMN recipient TO to_number`);
    await db.query(`ALTER TABLE outbound_send DROP COLUMN channel`);
    await db.query(`ALTER INDEX outbound_send_provider_id RENAME TO sms_send_provider_id`);
    await db.query(`ALTER TABLE outbound_send RENAME TO sms_send`);
    await db.query(`DROP INDEX message_outbound_provider_id`);
    await db.query(`DROP INDEX message_inbound_provider_id`);
    await db.query(`ALTER TABLE message DROP COLUMN channel`);
  }
}

import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Emails (issue 17): each one the product sends, once per idempotency key (for example
 * weekly-reconciliation:2026-11-23), with its attempts and outcome: the local outbox when no
 * SMTP server is configured, and the record of what went when one is.
 */
export class Email1795800000040 implements Migration {
  name = 'Email1795800000040';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key varchar(200) NOT NULL UNIQUE,
        kind varchar(32) NOT NULL,
        to_address varchar(320) NOT NULL,
        from_address varchar(320) NOT NULL,
        subject varchar(300) NOT NULL,
        text_body text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        message_id varchar(300) NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'OUTBOX', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_error varchar(2000),
        smtp_response varchar(1000),
        last_attempt_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX email_created_at_idx ON email (created_at DESC, id DESC)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE email`);
  }
}

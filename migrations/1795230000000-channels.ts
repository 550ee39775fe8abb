import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Channels: the durable webhook inbox, counted signature failures, SMS sends keyed for
 * idempotency, SMS/WhatsApp consent, and the provider connections (webhook subscriptions).
 */
export class Channels1795230000000 implements Migration {
  name = 'Channels1795230000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    // Every verified delivery, stored before it is acknowledged; (provider, event_id) makes a redelivery a no-op.
    await db.query(`
      CREATE TABLE webhook_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider varchar(20) NOT NULL,
        event_id varchar(200) NOT NULL,
        kind varchar(60) NOT NULL,
        payload jsonb NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        received_at timestamptz(3) NOT NULL DEFAULT now(),
        applied_at timestamptz,
        UNIQUE (provider, event_id)
      )`);
    await db.query(`CREATE INDEX webhook_event_status ON webhook_event (status, received_at, id)`);
    await db.query(`
      CREATE TABLE webhook_rejection (
        id bigserial PRIMARY KEY,
        provider varchar(20) NOT NULL,
        reason varchar(40) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX webhook_rejection_recent ON webhook_rejection (created_at)`);
    // One row per text we mean to send. The key survives retries and restarts, so a send whose
    // answer was lost is looked up at the provider before it is ever tried again.
    await db.query(`
      CREATE TABLE sms_send (
        idempotency_key varchar(120) PRIMARY KEY,
        to_number varchar(16) NOT NULL,
        body text NOT NULL,
        purpose varchar(32) NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        attempt_started_at timestamptz,
        provider_message_id varchar(120),
        message_id uuid,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX sms_send_provider_id ON sms_send (provider_message_id)`);
    await db.query(`
      CREATE TABLE messaging_consent (
        channel varchar(20) NOT NULL,
        address varchar(64) NOT NULL,
        opted_out boolean NOT NULL,
        keyword varchar(20) NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, address)
      )`);
    await db.query(`
      CREATE TABLE channel_connection (
        provider varchar(20) PRIMARY KEY,
        subscription_id varchar(120),
        expires_at timestamptz,
        status varchar(20) NOT NULL,
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    for (const table of ['channel_connection', 'messaging_consent', 'sms_send', 'webhook_rejection', 'webhook_event']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

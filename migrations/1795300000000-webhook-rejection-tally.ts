import type { Migration, MigrationQueryRunner } from './migration';

/**
 * A refused webhook no longer writes a row of its own (1,000 unsigned POSTs were 1,000 rows):
 * refusals are tallied per provider, reason and minute, and a few of them are kept as samples
 * (who sent it, and the start of the body) to diagnose a wrong secret or a scanner.
 */
export class WebhookRejectionTally1795300000000 implements Migration {
  name = 'WebhookRejectionTally1795300000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_rejection_tally (
        provider varchar(20) NOT NULL,
        reason varchar(40) NOT NULL,
        minute timestamptz NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (provider, reason, minute)
      )`);
    await db.query(`CREATE INDEX webhook_rejection_tally_recent ON webhook_rejection_tally (minute)`);
    await db.query(`
      INSERT INTO webhook_rejection_tally (provider, reason, minute, count)
      SELECT provider, reason, date_trunc('minute', created_at), count(*) FROM webhook_rejection GROUP BY 1, 2, 3`);
    await db.query(`DROP TABLE webhook_rejection`);
    await db.query(`
      CREATE TABLE webhook_rejection_sample (
        id bigserial PRIMARY KEY,
        provider varchar(20) NOT NULL,
        reason varchar(40) NOT NULL,
        client_address varchar(64) NOT NULL,
        body_excerpt text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX webhook_rejection_sample_recent ON webhook_rejection_sample (received_at)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_rejection_sample`);
    await db.query(`
      CREATE TABLE webhook_rejection (
        id bigserial PRIMARY KEY,
        provider varchar(20) NOT NULL,
        reason varchar(40) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX webhook_rejection_recent ON webhook_rejection (created_at)`);
    await db.query(`DROP TABLE webhook_rejection_tally`);
  }
}

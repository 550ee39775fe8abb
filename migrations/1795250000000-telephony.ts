import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Telephony: each inbound call (one party of a RingCentral telephony session), how it was
 * routed and why, and whether staff transferred it. Inbound calls rotate over extensions on
 * their own row of routing_rotation ('calls'), which needs no schema.
 */
export class Telephony1795250000000 implements Migration {
  name = 'Telephony1795250000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE phone_call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        telephony_session_id varchar(120) NOT NULL,
        party_id varchar(120) NOT NULL,
        provider_extension_id varchar(40),
        caller_number varchar(64),
        status varchar(24) NOT NULL,
        last_sequence bigint NOT NULL,
        routed_to varchar(12),
        routed_extension_id uuid REFERENCES extension(id) ON DELETE SET NULL,
        routing_reason text,
        routed_at timestamptz,
        routing_error text,
        transferred_to_extension_id uuid REFERENCES extension(id) ON DELETE SET NULL,
        transferred_at timestamptz,
        started_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (telephony_session_id, party_id)
      )`);
    // The calls list, newest first.
    await db.query(`CREATE INDEX phone_call_started ON phone_call (started_at, id)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE phone_call`);
    await db.query(`DELETE FROM routing_rotation WHERE name = 'calls'`);
  }
}

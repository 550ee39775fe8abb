import type { Migration, MigrationQueryRunner } from './migration';

/** Customers and their identities, conversations and messages, bookings, escalations and their routing, the SMS outbox. */
export class Conversations1795222800000 implements Migration {
  name = 'Conversations1795222800000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120),
        phone varchar(16),
        email varchar(254),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE customer_identity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(20) NOT NULL,
        value varchar(254) NOT NULL,
        customer_id uuid NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, value)
      )`);
    await db.query(`CREATE INDEX customer_identity_customer ON customer_identity (customer_id)`);
    // Millisecond timestamps where they serve as pagination keys, so a cursor round-trips exactly.
    await db.query(`
      CREATE TABLE conversation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer(id),
        channel varchar(20) NOT NULL,
        channel_address varchar(254) NOT NULL,
        stage varchar(20) NOT NULL DEFAULT 'GREETING',
        booking_draft jsonb NOT NULL DEFAULT '{}',
        failed_attempts integer NOT NULL DEFAULT 0,
        ai_paused boolean NOT NULL DEFAULT false,
        assigned_extension_id uuid REFERENCES extension(id) ON DELETE SET NULL,
        held_by_staff_user_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        booking_id uuid,
        last_message_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX conversation_channel_address ON conversation (channel, channel_address)`);
    await db.query(`CREATE INDEX conversation_activity ON conversation (last_message_at DESC, id DESC)`);
    await db.query(`CREATE INDEX conversation_customer ON conversation (customer_id)`);
    await db.query(`
      CREATE TABLE message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        direction varchar(10) NOT NULL,
        author varchar(10) NOT NULL,
        text text NOT NULL,
        provider_message_id varchar(128),
        delivery_status varchar(10) NOT NULL,
        staff_user_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX message_conversation_time ON message (conversation_id, created_at, id)`);
    await db.query(`
      CREATE TABLE booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer(id),
        event_date date NOT NULL,
        start_time varchar(5) NOT NULL,
        address varchar(300) NOT NULL,
        party_size integer NOT NULL CHECK (party_size > 0),
        dietary_notes varchar(500),
        source_channel varchar(20) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'INQUIRY',
        conversation_id uuid REFERENCES conversation(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE conversation ADD CONSTRAINT conversation_booking FOREIGN KEY (booking_id) REFERENCES booking(id) ON DELETE SET NULL`);
    await db.query(`
      CREATE TABLE escalation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        reason varchar(24) NOT NULL,
        handoff jsonb NOT NULL,
        status varchar(12) NOT NULL,
        assigned_extension_id uuid REFERENCES extension(id) ON DELETE SET NULL,
        assigned_at timestamptz,
        taken_over_by_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        declined_extension_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        resolved_at timestamptz
      )`);
    await db.query(`CREATE INDEX escalation_status_age ON escalation (status, created_at)`);
    // One open escalation per conversation, whatever the application does.
    await db.query(`CREATE UNIQUE INDEX escalation_one_open ON escalation (conversation_id) WHERE status <> 'RESOLVED'`);
    await db.query(`
      CREATE TABLE escalation_routing_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        escalation_id uuid NOT NULL REFERENCES escalation(id) ON DELETE CASCADE,
        extension_id uuid,
        explanation text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX escalation_routing_log_escalation ON escalation_routing_log (escalation_id, created_at)`);
    await db.query(`CREATE TABLE routing_rotation (name varchar(40) PRIMARY KEY, last_number integer NOT NULL)`);
    await db.query(`
      CREATE TABLE sms_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_number varchar(16) NOT NULL,
        body text NOT NULL,
        purpose varchar(32) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    for (const table of ['sms_outbox', 'routing_rotation', 'escalation_routing_log', 'escalation']) await db.query(`DROP TABLE ${table}`);
    await db.query(`ALTER TABLE conversation DROP CONSTRAINT conversation_booking`);
    for (const table of ['booking', 'message', 'conversation', 'customer_identity', 'customer']) await db.query(`DROP TABLE ${table}`);
  }
}

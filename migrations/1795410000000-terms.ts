import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Terms acknowledgment as evidence (SPEC §5): versioned terms texts, the hash-chained record of
 * each acceptance, replies that were not understood, and the key that signs printable links.
 *
 * The database itself keeps the evidence honest, whatever the application does: an
 * acknowledgment can be inserted but never updated, deleted or truncated; it must extend the
 * chain (next sequence, previous record's hash); a version's text and hash never change and
 * the hash must be the SHA-256 of the text; at most one version is current; one acceptance per
 * booking.
 */
export class Terms1795410000000 implements Migration {
  name = 'Terms1795410000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE terms_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL UNIQUE CHECK (version > 0),
        label varchar(40) NOT NULL UNIQUE,
        title varchar(200) NOT NULL CHECK (btrim(title) <> ''),
        text text NOT NULL CHECK (btrim(text) <> ''),
        sha256 char(64) NOT NULL CHECK (sha256 = encode(sha256(convert_to(text, 'UTF8')), 'hex')),
        published_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        published_by_staff_user_id uuid REFERENCES staff_user(id),
        is_current boolean NOT NULL DEFAULT false
      )`);
    // At most one current version; publishing moves the flag in one transaction.
    await db.query(`CREATE UNIQUE INDEX terms_version_one_current ON terms_version (is_current) WHERE is_current`);
    await db.query(`
      CREATE FUNCTION terms_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF (NEW.id, NEW.version, NEW.label, NEW.title, NEW.text, NEW.sha256, NEW.published_at, NEW.published_by_staff_user_id)
             IS NOT DISTINCT FROM
             (OLD.id, OLD.version, OLD.label, OLD.title, OLD.text, OLD.sha256, OLD.published_at, OLD.published_by_staff_user_id) THEN
            RETURN NEW; -- only which version is current may change
          END IF;
        END IF;
        RAISE EXCEPTION 'terms_version is append-only: a published version is never changed or removed (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER terms_version_immutable BEFORE UPDATE OR DELETE ON terms_version FOR EACH ROW EXECUTE FUNCTION terms_version_immutable()`);
    await db.query(`CREATE TRIGGER terms_version_no_truncate BEFORE TRUNCATE ON terms_version FOR EACH STATEMENT EXECUTE FUNCTION terms_version_immutable()`);

    await db.query(`
      CREATE TABLE terms_acknowledgment (
        id uuid PRIMARY KEY,
        sequence bigint NOT NULL UNIQUE CHECK (sequence > 0),
        booking_id uuid NOT NULL REFERENCES booking(id),
        customer_id uuid NOT NULL REFERENCES customer(id),
        terms_version_id uuid NOT NULL REFERENCES terms_version(id),
        terms_sha256 char(64) NOT NULL,
        channel varchar(12) NOT NULL CHECK (channel IN ('WEB', 'PHONE', 'SMS', 'WHATSAPP', 'AI_CHAT', 'EMAIL', 'IN_PERSON')),
        reply_text text,
        provider_message_id varchar(128),
        from_address varchar(254),
        signature_verified boolean NOT NULL,
        received_at timestamptz(3) NOT NULL,
        ip varchar(64),
        user_agent varchar(1024),
        recorded_by_staff_user_id uuid REFERENCES staff_user(id),
        content_sha256 char(64) NOT NULL UNIQUE,
        -- Unique: two records can never follow the same one, so the chain cannot fork.
        previous_sha256 char(64) NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL
      )`);
    // One acceptance per booking.
    await db.query(`CREATE UNIQUE INDEX terms_acknowledgment_one_per_booking ON terms_acknowledgment (booking_id)`);
    await db.query(`CREATE INDEX terms_acknowledgment_received ON terms_acknowledgment (received_at)`);
    await db.query(`
      CREATE FUNCTION terms_acknowledgment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'terms_acknowledgment is append-only evidence: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER terms_acknowledgment_append_only BEFORE UPDATE OR DELETE ON terms_acknowledgment FOR EACH ROW EXECUTE FUNCTION terms_acknowledgment_append_only()`);
    await db.query(`CREATE TRIGGER terms_acknowledgment_no_truncate BEFORE TRUNCATE ON terms_acknowledgment FOR EACH STATEMENT EXECUTE FUNCTION terms_acknowledgment_append_only()`);
    // A new record must extend the chain's head. Concurrent writers are serialised by the
    // application (an advisory lock); the unique indexes above catch any that are not.
    await db.query(`
      CREATE FUNCTION terms_acknowledgment_extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE head record;
      BEGIN
        SELECT sequence, content_sha256 INTO head FROM terms_acknowledgment ORDER BY sequence DESC LIMIT 1;
        IF head IS NULL THEN
          IF NEW.sequence <> 1 OR NEW.previous_sha256 <> repeat('0', 64) THEN
            RAISE EXCEPTION 'the first terms acknowledgment must have sequence 1 and a previous hash of 64 zeros';
          END IF;
        ELSIF NEW.sequence <> head.sequence + 1 OR NEW.previous_sha256 <> head.content_sha256 THEN
          RAISE EXCEPTION 'a terms acknowledgment must follow the chain head (sequence %)', head.sequence;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER terms_acknowledgment_extends_chain BEFORE INSERT ON terms_acknowledgment FOR EACH ROW EXECUTE FUNCTION terms_acknowledgment_extends_chain()`);

    // Replies that were neither yes nor no: counted per day by the owner's metrics.
    await db.query(`
      CREATE TABLE terms_invalid_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL REFERENCES booking(id) ON DELETE CASCADE,
        text text NOT NULL,
        received_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX terms_invalid_reply_booking ON terms_invalid_reply (booking_id, received_at)`);
    await db.query(`CREATE INDEX terms_invalid_reply_received ON terms_invalid_reply (received_at)`);

    // The key that signs printable evidence links, shared by every instance; made on first use.
    await db.query(`
      CREATE TABLE terms_link_key (
        id smallint PRIMARY KEY CHECK (id = 1),
        secret char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(
      `INSERT INTO terms_version (version, label, title, text, sha256, is_current)
       VALUES (1, 'v1', $1, $2, encode(sha256(convert_to($2, 'UTF8')), 'hex'), true)`,
      [DEFAULT_TITLE, DEFAULT_TEXT],
    );
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE terms_link_key`);
    await db.query(`DROP TABLE terms_invalid_reply`);
    await db.query(`DROP TABLE terms_acknowledgment`);
    await db.query(`DROP FUNCTION terms_acknowledgment_extends_chain()`);
    await db.query(`DROP FUNCTION terms_acknowledgment_append_only()`);
    await db.query(`DROP TABLE terms_version`);
    await db.query(`DROP FUNCTION terms_version_immutable()`);
  }
}

const DEFAULT_TITLE = 'Booking terms and conditions';

/** A generic placeholder: the owner publishes their own text with publishTermsVersion. */
const DEFAULT_TEXT = `These terms apply to every private hibachi event booked with us. By replying I AGREE, or by accepting them on our website, you agree to them.

1. Deposit. A deposit is required to hold your date. It is credited toward your final bill. Your booking is confirmed once these terms are accepted and the deposit is received.

2. Cancellation. You may cancel or move your event free of charge up to 7 days before the event date. Cancellations made less than 7 days before the event forfeit the deposit. If we must cancel, the deposit is refunded in full.

3. Guest count. Please confirm your final number of guests at least 48 hours before the event. You will be charged for the confirmed number of guests or the number served, whichever is greater, and at least the minimum spend.

4. Allergies and dietary needs. Tell us about any food allergies or dietary restrictions before the event. Our kitchen and grill handle shellfish, eggs, wheat, soy, sesame and other common allergens, and we cannot guarantee that any dish is free of them.

5. Travel fee. Travel within our standard service area is free. A travel fee applies beyond it and is stated in your quote before you book.

6. Venue and safety. You provide a safe, level outdoor space for the grill with adequate clearance, and tables and seating for your guests. The chef may decline to cook where conditions are unsafe.

7. Weather. Outdoor events in rain or high wind need a covered area. If none is available, we will work with you to move the event to another date.

8. Balance. The remaining balance, less the deposit, is due at the end of the event. Gratuity is not included and is at your discretion.`;

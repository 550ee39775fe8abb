import type { Migration, MigrationQueryRunner } from './migration';

/**
 * A booking becomes the centre of the product: adults and kids, the price it was quoted at
 * (kept on the booking, so a later price change never reprices a signed booking), its travel
 * quote, SMS consent, and when it was confirmed, completed or cancelled and why. The columns the
 * console filters and sorts on are indexed.
 */
export class BookingsPricing1795400000000 implements Migration {
  name = 'BookingsPricing1795400000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE booking
        ADD COLUMN adults integer,
        ADD COLUMN kids integer NOT NULL DEFAULT 0 CHECK (kids >= 0),
        ADD COLUMN sms_consent boolean NOT NULL DEFAULT false,
        ADD COLUMN travel_quote_id uuid,
        ADD COLUMN price_per_adult_cents integer NOT NULL DEFAULT 0 CHECK (price_per_adult_cents >= 0),
        ADD COLUMN price_per_kid_cents integer NOT NULL DEFAULT 0 CHECK (price_per_kid_cents >= 0),
        ADD COLUMN minimum_spend_cents integer NOT NULL DEFAULT 0 CHECK (minimum_spend_cents >= 0),
        ADD COLUMN travel_fee_cents integer NOT NULL DEFAULT 0 CHECK (travel_fee_cents >= 0),
        ADD COLUMN deposit_cents integer NOT NULL DEFAULT 0 CHECK (deposit_cents >= 0),
        ADD COLUMN paid_cents integer NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN completed_at timestamptz,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancellation_reason varchar(500),
        ADD COLUMN starts_at timestamptz,
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    // When the event starts, as an instant (the day and time are on the business clock, in UTC
    // here for rows from before this column: they are re-set on their next change).
    await db.query(`UPDATE booking SET starts_at = (event_date + start_time::time) AT TIME ZONE 'UTC'`);
    await db.query(`ALTER TABLE booking ALTER COLUMN starts_at SET NOT NULL`);
    // Bookings the assistant made before kids were counted apart: every guest was an adult.
    await db.query(`UPDATE booking SET adults = party_size`);
    await db.query(`ALTER TABLE booking ALTER COLUMN adults SET NOT NULL, ADD CONSTRAINT booking_adults CHECK (adults >= 0)`);
    await db.query(`ALTER TABLE booking DROP COLUMN party_size`);
    await db.query(`ALTER TABLE booking ADD CONSTRAINT booking_guests CHECK (adults + kids > 0)`);
    await db.query(`ALTER TABLE booking ADD CONSTRAINT booking_status CHECK (status IN ('INQUIRY', 'PENDING_TERMS', 'CONFIRMED', 'COMPLETED', 'CANCELLED'))`);
    await db.query(`CREATE INDEX booking_event_date ON booking (event_date, start_time, id)`);
    await db.query(`CREATE INDEX booking_starts_at ON booking (starts_at, id)`);
    await db.query(`CREATE INDEX booking_status_event_date ON booking (status, event_date)`);
    await db.query(`CREATE INDEX booking_customer ON booking (customer_id)`);
    await db.query(`CREATE INDEX booking_conversation ON booking (conversation_id)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    for (const index of ['booking_starts_at', 'booking_event_date', 'booking_status_event_date', 'booking_customer', 'booking_conversation']) await db.query(`DROP INDEX ${index}`);
    await db.query(`ALTER TABLE booking DROP CONSTRAINT booking_status, DROP CONSTRAINT booking_guests`);
    await db.query(`ALTER TABLE booking ADD COLUMN party_size integer`);
    await db.query(`UPDATE booking SET party_size = adults + kids`);
    await db.query(`ALTER TABLE booking ALTER COLUMN party_size SET NOT NULL`);
    await db.query(`
      ALTER TABLE booking
        DROP COLUMN adults, DROP COLUMN kids, DROP COLUMN sms_consent, DROP COLUMN travel_quote_id,
        DROP COLUMN price_per_adult_cents, DROP COLUMN price_per_kid_cents, DROP COLUMN minimum_spend_cents,
        DROP COLUMN travel_fee_cents, DROP COLUMN deposit_cents, DROP COLUMN paid_cents,
        DROP COLUMN confirmed_at, DROP COLUMN completed_at, DROP COLUMN cancelled_at, DROP COLUMN cancellation_reason,
        DROP COLUMN starts_at, DROP COLUMN version`);
  }
}

import type { Migration, MigrationQueryRunner } from './migration';

/** Travel quotes kept with their inputs and the provider's answers, and the geocodes already paid for. */
export class TravelQuotes1795420000000 implements Migration {
  name = 'TravelQuotes1795420000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE travel_quote (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        address varchar(300) NOT NULL,
        formatted_address varchar(500) NOT NULL,
        location jsonb NOT NULL,
        departure_at timestamptz,
        base_address varchar(300) NOT NULL,
        base_location jsonb NOT NULL,
        rules jsonb NOT NULL,
        miles double precision NOT NULL CHECK (miles >= 0),
        drive_minutes integer NOT NULL CHECK (drive_minutes >= 0),
        fee_cents integer NOT NULL CHECK (fee_cents >= 0),
        band varchar(16) NOT NULL CHECK (band IN ('PRIMARY', 'SECONDARY', 'EXTENDED', 'OUTSIDE')),
        declined boolean NOT NULL,
        decline_reason varchar(200),
        estimate boolean NOT NULL,
        provider varchar(40) NOT NULL,
        provider_response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (declined = (band = 'OUTSIDE')),
        CHECK (declined = (decline_reason IS NOT NULL))
      )
    `);
    // travelQuotes pages newest first on (created_at, id).
    await db.query(`CREATE INDEX travel_quote_created_at_idx ON travel_quote (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE geocode_cache (
        provider varchar(40) NOT NULL,
        normalized_address varchar(300) NOT NULL,
        formatted_address varchar(500) NOT NULL,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        raw jsonb NOT NULL,
        geocoded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider, normalized_address)
      )
    `);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE geocode_cache`);
    await db.query(`DROP TABLE travel_quote`);
  }
}

import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Deposit checkouts: one per booking and amount (asking again gives the same one), with the
 * card vendor's session once it is made. `attempt` counts the sessions made for it: a session
 * that expired unpaid is replaced by the next attempt's, under a new idempotency key.
 */
export class DepositCheckouts1795610000000 implements Migration {
  name = 'DepositCheckouts1795610000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE deposit_checkout (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
        amount_cents integer NOT NULL CHECK (amount_cents >= 10000),
        status varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'PAID', 'EXPIRED')),
        provider varchar(10),
        attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
        provider_session_id varchar(255) UNIQUE,
        url text,
        expires_at timestamptz,
        payment_id varchar(255),
        paid_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (booking_id, amount_cents),
        CHECK ((provider_session_id IS NULL) = (url IS NULL)),
        CHECK ((provider_session_id IS NULL) = (provider IS NULL)),
        CHECK ((status = 'PAID') = (paid_at IS NOT NULL))
      )
    `);
    // A refund names the payment intent it gives back.
    await db.query(`CREATE INDEX deposit_checkout_payment_idx ON deposit_checkout (payment_id) WHERE payment_id IS NOT NULL`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE deposit_checkout`);
  }
}

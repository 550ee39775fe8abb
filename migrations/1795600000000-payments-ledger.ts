import type { Migration, MigrationQueryRunner } from './migration';

/**
 * The payments ledger: every amount of money applied to a booking, once per (source, external id),
 * so a webhook or a bank line delivered twice, or out of order, is applied once. A booking's
 * paid_cents is kept equal to the sum of its rows by the payments module.
 */
export class PaymentsLedger1795600000000 implements Migration {
  name = 'PaymentsLedger1795600000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL REFERENCES booking (id),
        source varchar(10) NOT NULL CHECK (source IN ('CARD', 'BANK', 'MANUAL')),
        kind varchar(20) NOT NULL CHECK (kind IN ('DEPOSIT', 'FULL', 'BALANCE', 'BALANCE_WITH_TIP', 'REFUND')),
        amount_cents integer NOT NULL CHECK (amount_cents <> 0),
        external_id varchar(255) NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payment_source_external_id_key UNIQUE (source, external_id),
        CHECK ((kind = 'REFUND') = (amount_cents < 0))
      )
    `);
    // A booking's payment history, oldest first.
    await db.query(`CREATE INDEX payment_booking_idx ON payment (booking_id, occurred_at, id)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE payment`);
  }
}

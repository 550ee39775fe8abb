import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Bank lines from the bank feed (Plaid or an uploaded statement), stored once per (source,
 * external id) so a sync or an upload repeated adds nothing, and the matches proposed or applied
 * for each credit. A transaction pays at most one booking: the partial unique index on an
 * applied match refuses a second, whichever instance writes it.
 */
export class BankTransactions1795600001000 implements Migration {
  name = 'BankTransactions1795600001000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE bank_transaction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source varchar(10) NOT NULL CHECK (source IN ('PLAID', 'UPLOAD')),
        connection_id uuid,
        external_id varchar(255) NOT NULL,
        account_id varchar(255),
        amount_cents integer NOT NULL,
        posted_on date NOT NULL,
        description varchar(1000) NOT NULL,
        counterparty_name varchar(300),
        pending boolean NOT NULL DEFAULT false,
        removed_at timestamptz,
        excluded_booking_ids uuid[] NOT NULL DEFAULT '{}',
        matched_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bank_transaction_source_external_id_key UNIQUE (source, external_id)
      )
    `);
    // The unmatched queue and the weekly report read settled credits by date.
    await db.query(`CREATE INDEX bank_transaction_credit_posted_idx ON bank_transaction (posted_on, id) WHERE amount_cents > 0 AND removed_at IS NULL`);
    await db.query(`
      CREATE TABLE payment_match (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_transaction_id uuid NOT NULL REFERENCES bank_transaction (id),
        booking_id uuid NOT NULL REFERENCES booking (id),
        type varchar(20) NOT NULL CHECK (type IN ('DEPOSIT', 'FULL', 'BALANCE', 'BALANCE_WITH_TIP')),
        confidence numeric(3, 2) NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        reason varchar(1000) NOT NULL,
        status varchar(12) NOT NULL CHECK (status IN ('SUGGESTED', 'AUTO_APPLIED', 'VERIFIED', 'REJECTED', 'WITHDRAWN')),
        origin varchar(8) NOT NULL CHECK (origin IN ('MATCHER', 'MANUAL')),
        decided_by_staff_user_id uuid,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    // The constraint a race between two syncs on two instances meets: one applied match per bank line.
    await db.query(`CREATE UNIQUE INDEX payment_match_one_applied_idx ON payment_match (bank_transaction_id) WHERE status IN ('AUTO_APPLIED', 'VERIFIED')`);
    // One open suggestion per (line, booking): a re-match does not pile up duplicates.
    await db.query(`CREATE UNIQUE INDEX payment_match_one_suggestion_idx ON payment_match (bank_transaction_id, booking_id) WHERE status = 'SUGGESTED'`);
    await db.query(`CREATE INDEX payment_match_status_idx ON payment_match (status, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX payment_match_booking_idx ON payment_match (booking_id)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE payment_match`);
    await db.query(`DROP TABLE bank_transaction`);
  }
}

import { In, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { Payment, type PaymentKind, type PaymentSource } from './payment.entity';

export interface NewPayment {
  bookingId: string;
  source: PaymentSource;
  kind: PaymentKind;
  amountCents: number;
  externalId: string;
  occurredAt: Date;
}

/** The payments ledger (and, with it, the bank lines and their matches): the only code that knows how they are stored. */
export class PaymentsRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** Money that moved in [from, to): everything net of refunds, deposits, and refunds (as a positive sum). */
  async weekFigures(range: { from: Date; to: Date }): Promise<{ receivedCents: number; depositCents: number; refundedCents: number }> {
    const [row] = (await this.manager().query(
      `SELECT coalesce(sum(amount_cents), 0)::bigint AS received,
              coalesce(sum(amount_cents) FILTER (WHERE kind = 'DEPOSIT'), 0)::bigint AS deposits,
              coalesce(-sum(amount_cents) FILTER (WHERE kind = 'REFUND'), 0)::bigint AS refunded
       FROM payment WHERE occurred_at >= $1 AND occurred_at < $2`,
      [range.from, range.to],
    )) as Array<{ received: string; deposits: string; refunded: string }>;
    return { receivedCents: Number(row.received), depositCents: Number(row.deposits), refundedCents: Number(row.refunded) };
  }

  /** Inserts the row unless (source, external id) is there already; returns it, or null when it was. */
  async insertOnce(tx: Tx, payment: NewPayment): Promise<Payment | null> {
    const rows = (await this.manager(tx).query(
      `INSERT INTO payment (booking_id, source, kind, amount_cents, external_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT payment_source_external_id_key DO NOTHING
       RETURNING id`,
      [payment.bookingId, payment.source, payment.kind, payment.amountCents, payment.externalId, payment.occurredAt],
    )) as Array<{ id: string }>;
    return rows.length === 0 ? null : this.manager(tx).findOneByOrFail(Payment, { id: rows[0].id });
  }

  findByExternalId(tx: Tx | undefined, source: PaymentSource, externalId: string): Promise<Payment | null> {
    return this.manager(tx).findOneBy(Payment, { source, externalId });
  }

  /** Removes a ledger row (a bank credit un-applied); returns the booking it was applied to. */
  async deleteByExternalId(tx: Tx, source: PaymentSource, externalId: string): Promise<string | null> {
    const rows = (await this.manager(tx).query(`DELETE FROM payment WHERE source = $1 AND external_id = $2 RETURNING booking_id`, [source, externalId])) as [
      Array<{ booking_id: string }>,
      number,
    ];
    return rows[0][0]?.booking_id ?? null;
  }

  /** The sum of a booking's ledger rows, read in the caller's transaction. */
  async sumForBooking(tx: Tx, bookingId: string): Promise<number> {
    const [row] = (await this.manager(tx).query(`SELECT coalesce(sum(amount_cents), 0)::int AS total FROM payment WHERE booking_id = $1`, [bookingId])) as Array<{ total: number }>;
    return row.total;
  }

  /** The ledger rows of these bookings, oldest first. */
  ofBookings(bookingIds: readonly string[]): Promise<Payment[]> {
    return bookingIds.length === 0
      ? Promise.resolve([])
      : this.manager().find(Payment, { where: { bookingId: In([...bookingIds]) }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}

import { In, QueryFailedError, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import type { BookingStatus } from '../bookings/booking.entity';
import { bookingReference } from '../bookings/booking-reference';
import { priceBreakdown } from '../bookings/pricing';
import { BankTransaction } from './bank-transaction.entity';
import type { BookingToMatch } from './matching';
import { APPLIED_STATUSES, PaymentMatch, PaymentMatchStatus, type PaymentMatchOrigin, type PaymentMatchType } from './payment-match.entity';

export interface NewPaymentMatch {
  bankTransactionId: string;
  bookingId: string;
  type: PaymentMatchType;
  confidence: number;
  reason: string;
  status: PaymentMatchStatus;
  origin: PaymentMatchOrigin;
  decidedByStaffUserId: string | null;
}

/** Matches of bank lines to bookings, and the reads the review queue and the report make. */
export class PaymentMatchesRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  async insert(tx: Tx, match: NewPaymentMatch): Promise<PaymentMatch> {
    const manager = this.manager(tx);
    const result = await manager.insert(PaymentMatch, { ...match, decidedAt: match.decidedByStaffUserId ? new Date() : null });
    return manager.findOneByOrFail(PaymentMatch, { id: (result.identifiers[0] as { id: string }).id });
  }

  lockById(tx: Tx, id: string): Promise<PaymentMatch | null> {
    return this.manager(tx).createQueryBuilder(PaymentMatch, 'm').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
  }

  async setStatus(tx: Tx, match: PaymentMatch, status: PaymentMatchStatus, decidedByStaffUserId: string | null): Promise<PaymentMatch> {
    match.status = status;
    if (decidedByStaffUserId) {
      match.decidedByStaffUserId = decidedByStaffUserId;
      match.decidedAt = new Date();
    }
    match.updatedAt = new Date();
    return this.manager(tx).save(match);
  }

  /** Closes the line's open suggestions (and its applied match when `applied`): a new set replaces them, or the line left. */
  async withdrawOpen(tx: Tx, bankTransactionId: string, options: { applied: boolean }): Promise<PaymentMatch[]> {
    const statuses = options.applied ? [PaymentMatchStatus.SUGGESTED, ...APPLIED_STATUSES] : [PaymentMatchStatus.SUGGESTED];
    const rows = (await this.manager(tx).query(
      `UPDATE payment_match SET status = 'WITHDRAWN', updated_at = now() WHERE bank_transaction_id = $1 AND status = ANY($2) RETURNING id`,
      [bankTransactionId, statuses],
    )) as [Array<{ id: string }>, number];
    return rows[0].length === 0 ? [] : this.manager(tx).findBy(PaymentMatch, { id: In(rows[0].map((row) => row.id)) });
  }

  appliedOf(bankTransactionId: string, tx?: Tx): Promise<PaymentMatch | null> {
    return this.manager(tx).findOneBy(PaymentMatch, { bankTransactionId, status: In([...APPLIED_STATUSES]) });
  }

  findByIds(ids: readonly string[]): Promise<PaymentMatch[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.manager().findBy(PaymentMatch, { id: In([...ids]) });
  }

  /** Open suggestions and applied matches of these lines, best first. */
  async currentOf(bankTransactionIds: readonly string[]): Promise<PaymentMatch[]> {
    if (bankTransactionIds.length === 0) return [];
    return this.manager().find(PaymentMatch, {
      where: { bankTransactionId: In([...bankTransactionIds]), status: In([PaymentMatchStatus.SUGGESTED, ...APPLIED_STATUSES]) },
      order: { confidence: 'DESC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every match of these lines, newest first (the report explains a rejection). */
  async allOf(bankTransactionIds: readonly string[]): Promise<PaymentMatch[]> {
    if (bankTransactionIds.length === 0) return [];
    return this.manager().find(PaymentMatch, { where: { bankTransactionId: In([...bankTransactionIds]) }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  list(status: PaymentMatchStatus, args: ConnectionArgs): Promise<Connection<PaymentMatch>> {
    const query = this.manager().createQueryBuilder(PaymentMatch, 'm').where('m.status = :status', { status });
    return paginate({ query, alias: 'm', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }

  // --- bank lines -----------------------------------------------------------------------------

  /** Settled credits not withdrawn and not applied to a booking, newest first. */
  unmatched(args: ConnectionArgs): Promise<Connection<BankTransaction>> {
    const query = this.manager()
      .createQueryBuilder(BankTransaction, 't')
      .where('t.amount_cents > 0 AND t.removed_at IS NULL AND t.pending = false AND t.matched_at IS NULL');
    return paginate({ query, alias: 't', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }

  /** Ids of every unmatched settled credit (the on-demand match runs over them), oldest first. */
  async unmatchedIds(): Promise<string[]> {
    const rows = (await this.manager().query(
      `SELECT id FROM bank_transaction WHERE amount_cents > 0 AND removed_at IS NULL AND pending = false AND matched_at IS NULL ORDER BY posted_on, id`,
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Unmatched settled credits posted on or before `postedOnOrBefore`, for the alert. */
  unmatchedPostedBefore(postedOnOrBefore: string): Promise<BankTransaction[]> {
    return this.manager()
      .createQueryBuilder(BankTransaction, 't')
      .where('t.amount_cents > 0 AND t.removed_at IS NULL AND t.pending = false AND t.matched_at IS NULL AND t.posted_on <= :date', { date: postedOnOrBefore })
      .orderBy('t.posted_on', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  /** Credits posted in [from, to], withdrawn and pending included, in date order: the weekly report. */
  creditsPostedBetween(from: string, to: string): Promise<BankTransaction[]> {
    return this.manager()
      .createQueryBuilder(BankTransaction, 't')
      .where('t.amount_cents > 0 AND t.posted_on BETWEEN :from AND :to', { from, to })
      .orderBy('t.posted_on', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  findTransactions(ids: readonly string[]): Promise<BankTransaction[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.manager().findBy(BankTransaction, { id: In([...ids]) });
  }

  async setMatchedAt(tx: Tx, bankTransactionId: string, matchedAt: Date | null): Promise<void> {
    await this.manager(tx).update(BankTransaction, { id: bankTransactionId }, { matchedAt, updatedAt: new Date() });
  }

  async exclude(tx: Tx, bankTransactionId: string, bookingId: string): Promise<void> {
    await this.manager(tx).query(
      `UPDATE bank_transaction SET excluded_booking_ids = array_append(excluded_booking_ids, $2::uuid), updated_at = now() WHERE id = $1 AND NOT ($2::uuid = ANY(excluded_booking_ids))`,
      [bankTransactionId, bookingId],
    );
  }

  // --- bookings as the matcher sees them ------------------------------------------------------

  /**
   * Bookings whose event falls between `eventFrom` and `eventTo`, with their customer's name
   * and phone and what is due: the matcher's candidates. A read of the bookings and customers
   * tables (owned by their modules) for one purpose, kept here beside the only code that uses it.
   */
  async bookingsToMatch(eventFrom: string, eventTo: string): Promise<BookingToMatch[]> {
    const rows = (await this.manager().query(
      `SELECT b.id, b.event_date::text AS "eventDate", b.status, b.adults, b.kids, b.price_per_adult_cents AS "pricePerAdultCents",
              b.price_per_kid_cents AS "pricePerKidCents", b.minimum_spend_cents AS "minimumSpendCents", b.travel_fee_cents AS "travelFeeCents",
              b.deposit_cents AS "depositCents", b.paid_cents AS "paidCents", coalesce(c.name, '') AS "customerName", c.phone AS "customerPhone"
         FROM booking b JOIN customer c ON c.id = b.customer_id
        WHERE b.event_date BETWEEN $1 AND $2`,
      [eventFrom, eventTo],
    )) as Array<Parameters<typeof priceBreakdown>[0] & { id: string; eventDate: string; status: BookingStatus; customerName: string; customerPhone: string | null }>;
    return rows.map((row) => ({
      id: row.id,
      reference: bookingReference(row.id),
      customerName: row.customerName,
      customerPhone: row.customerPhone,
      eventDate: row.eventDate,
      status: row.status,
      depositCents: row.depositCents,
      totalCents: priceBreakdown(row).totalCents,
      paidCents: row.paidCents,
    }));
  }

  /** Settled credits posted on or before `postedOnOrBefore` still unmatched: how many, and their sum (metrics). */
  async unmatchedTotalsPostedBefore(postedOnOrBefore: string): Promise<{ count: number; amountCents: number }> {
    const [row] = (await this.manager().query(
      `SELECT count(*)::int AS count, coalesce(sum(amount_cents), 0)::float8 AS "amountCents"
       FROM bank_transaction
       WHERE amount_cents > 0 AND removed_at IS NULL AND pending = false AND matched_at IS NULL AND posted_on <= $1`,
      [postedOnOrBefore],
    )) as Array<{ count: number; amountCents: number }>;
    return row;
  }
}

/** The constraints a second instance meets when it writes a line another instance has just written. */
const RACE_CONSTRAINTS = new Set(['payment_match_one_applied_idx', 'payment_match_one_suggestion_idx', 'payment_source_external_id_key']);

/** A unique index refused the write because another instance applied or suggested the same line first. */
export function isMatchRace(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && RACE_CONSTRAINTS.has(driverError.constraint ?? '');
}

import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure, UserInputFailure } from '../../shared/graphql/user-errors';
import { BookingStatus, type Booking } from '../bookings/booking.entity';
import { formatDollars, priceBreakdown } from '../bookings/pricing';
import { parseBankStatement, StatementError } from './bank-statement';
import type { BankTransaction } from './bank-transaction.entity';
import type { BankTransactionsRepository } from './bank-transactions.repository';
import { PaymentKind, PaymentSource, type Payment } from './payment.entity';
import type { PaymentsRepository } from './payments.repository';

/** A bank line as a feed delivers it (Plaid or an uploaded statement). */
export interface BankTransactionInput {
  externalId: string;
  accountId: string | null;
  /** Positive is money in (a credit); negative a debit. */
  amountCents: number;
  /** YYYY-MM-DD */
  postedOn: string;
  description: string;
  counterpartyName: string | null;
  pending: boolean;
}

export type BankFeedSource = 'PLAID' | 'UPLOAD';

export interface IngestParams {
  source: BankFeedSource;
  connectionId: string | null;
  added: BankTransactionInput[];
  modified: BankTransactionInput[];
  /** External ids. */
  removed: string[];
}

/** What the payments module needs of bookings: the row locked in its transaction, and the paid amount set there. */
export interface PaymentsBookingsPort {
  lockById(tx: Tx, bookingId: string): Promise<Booking | null>;
  setPaidCents(tx: Tx, events: PendingEvents, booking: Booking, paidCents: number): Promise<Booking>;
}

/** Settled credits newly stored by an ingest: the matcher runs on them once the ingest has committed. */
export type NewCreditsListener = (transactionIds: string[]) => Promise<{ applied: number }>;

/**
 * The payments ledger (SPEC §6): money applied to bookings, once per (source, external id), so
 * deliveries repeated or out of order end in the same state. A booking's paid amount is set to
 * its ledger sum in the same transaction as the ledger write, and its change published after
 * commit.
 */
export class PaymentsService {
  private newCreditsListener: NewCreditsListener | null = null;

  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: PaymentsRepository;
      transactions: BankTransactionsRepository;
      bookings: PaymentsBookingsPort;
    },
  ) {}

  // ---------------------------------------------------------------- the ledger

  /** A card payment (Stripe). applied=false when this external id was recorded already. */
  async recordCardPayment(params: { bookingId: string; externalId: string; amountCents: number; kind: 'DEPOSIT' | 'FULL' | 'BALANCE'; occurredAt: Date }): Promise<{ applied: boolean }> {
    if (!(params.amountCents > 0)) throw new Error('a card payment must be a positive amount');
    return this.deps.uow.run(async (tx, events) => ({
      applied: await this.apply(tx, events, {
        bookingId: params.bookingId,
        source: PaymentSource.CARD,
        kind: PaymentKind[params.kind],
        amountCents: params.amountCents,
        externalId: params.externalId,
        occurredAt: params.occurredAt,
      }),
    }));
  }

  /** Revenue received (net of refunds), deposits and refunds in [from, to), for the weekly summary and the metrics. */
  weekFigures(range: { from: Date; to: Date }): Promise<{ receivedCents: number; depositCents: number; refundedCents: number }> {
    return this.deps.repository.weekFigures(range);
  }

  /** A refund of a card payment, recorded as a negative row. applied=false when this refund was recorded already. */
  async recordRefund(params: { bookingId: string; externalId: string; amountCents: number; occurredAt: Date }): Promise<{ applied: boolean }> {
    if (!(params.amountCents > 0)) throw new Error('a refund amount is given as a positive number');
    return this.deps.uow.run(async (tx, events) => ({
      applied: await this.apply(tx, events, {
        bookingId: params.bookingId,
        source: PaymentSource.CARD,
        kind: PaymentKind.REFUND,
        amountCents: -params.amountCents,
        externalId: params.externalId,
        occurredAt: params.occurredAt,
      }),
    }));
  }

  /**
   * Inserts a ledger row unless its (source, external id) is there, and sets the booking's paid
   * amount to the ledger sum; all in the caller's transaction, the booking locked first so two
   * payments of one booking add up. Returns whether a row was added.
   */
  async apply(
    tx: Tx,
    events: PendingEvents,
    payment: { bookingId: string; source: PaymentSource; kind: PaymentKind; amountCents: number; externalId: string; occurredAt: Date },
  ): Promise<boolean> {
    const booking = await this.deps.bookings.lockById(tx, payment.bookingId);
    if (!booking) throw new Error(`no booking ${payment.bookingId} to apply a payment to`);
    const inserted = await this.deps.repository.insertOnce(tx, payment);
    if (!inserted) return false;
    await this.deps.bookings.setPaidCents(tx, events, booking, await this.deps.repository.sumForBooking(tx, booking.id));
    return true;
  }

  /** Removes a ledger row (a bank credit un-applied) and sets its booking's paid amount again. */
  async unapply(tx: Tx, events: PendingEvents, source: PaymentSource, externalId: string): Promise<string | null> {
    const existing = await this.deps.repository.findByExternalId(tx, source, externalId);
    if (!existing) return null;
    const booking = await this.deps.bookings.lockById(tx, existing.bookingId);
    if (!booking) return null;
    await this.deps.repository.deleteByExternalId(tx, source, externalId);
    await this.deps.bookings.setPaidCents(tx, events, booking, await this.deps.repository.sumForBooking(tx, booking.id));
    return booking.id;
  }

  /**
   * Money a person records by hand (cash, a check) or gives back, idempotent on its reference.
   * Refused, with every reason at once, for an unknown booking, a payment to a cancelled
   * booking, a payment above what is due, or a refund above what was paid.
   */
  async recordManualPayment(params: { bookingGlobalId: string; amountCents: number; kind: PaymentKind; reference: string; occurredAt: Date }): Promise<{ payment: Payment; booking: Booking }> {
    const bookingId = fromGlobalId('Booking', params.bookingGlobalId);
    if (!bookingId) throw userFailure('NOT_FOUND', 'Booking: no booking has this id.', 'bookingId');
    return this.deps.uow.run(async (tx, events) => {
      const booking = await this.deps.bookings.lockById(tx, bookingId);
      if (!booking) throw userFailure('NOT_FOUND', 'Booking: no booking has this id.', 'bookingId');
      const recorded = await this.deps.repository.findByExternalId(tx, PaymentSource.MANUAL, params.reference);
      if (recorded) {
        if (recorded.bookingId !== booking.id) throw userFailure('REFERENCE_USED', 'Reference: this receipt or check number was recorded for another booking.', 'reference');
        return { payment: recorded, booking };
      }
      const refund = params.kind === PaymentKind.REFUND;
      const { totalCents, paidCents } = priceBreakdown(booking);
      const errors: Array<{ code: string; message: string; field: string }> = [];
      if (!refund && booking.status === BookingStatus.CANCELLED) errors.push({ code: 'BOOKING_CANCELLED', message: 'Booking: this booking is cancelled; record a payment only on a booking that goes ahead.', field: 'bookingId' });
      if (!refund && paidCents + params.amountCents > totalCents) {
        errors.push({ code: 'OVERPAYS', message: `Amount: this would pay ${formatDollars(paidCents + params.amountCents - totalCents)} more than the booking’s total of ${formatDollars(totalCents)}.`, field: 'amountCents' });
      }
      if (refund && params.amountCents > paidCents) errors.push({ code: 'REFUND_ABOVE_PAID', message: `Amount: a refund can give back at most what was paid, ${formatDollars(paidCents)}.`, field: 'amountCents' });
      if (errors.length > 0) throw new UserInputFailure(errors);
      const payment = {
        bookingId: booking.id,
        source: PaymentSource.MANUAL,
        kind: params.kind,
        amountCents: refund ? -params.amountCents : params.amountCents,
        externalId: params.reference,
        occurredAt: params.occurredAt,
      };
      await this.apply(tx, events, payment);
      const stored = (await this.deps.repository.findByExternalId(tx, PaymentSource.MANUAL, params.reference))!;
      return { payment: stored, booking: (await this.deps.bookings.lockById(tx, booking.id))! };
    });
  }

  /** The ledger rows of these bookings, oldest first (Booking.payments). */
  paymentsOfBookings(bookingIds: readonly string[]): Promise<Payment[]> {
    return this.deps.repository.ofBookings(bookingIds);
  }

  // ---------------------------------------------------------------- the bank feed

  /** Called once, by whoever matches new credits (the matching part of this module). */
  onNewCredits(listener: NewCreditsListener): void {
    this.newCreditsListener = listener;
  }

  /**
   * Stores a feed's lines once per (source, external id): added lines already stored are left as
   * they are (an upload repeated adds nothing), modified ones are updated, removed ones are
   * marked removed and un-applied from any booking they paid. New settled credits are matched
   * after commit.
   */
  async ingestBankTransactions(params: IngestParams): Promise<{ added: number; modified: number; removed: number }> {
    return (await this.ingest(params)).counts;
  }

  /** A bank statement a person uploaded: read, then ingested as source UPLOAD (an export uploaded again adds nothing). */
  async importBankStatement(text: string): Promise<{ format: string; lines: number; added: number; credits: number; applied: number }> {
    let statement: Awaited<ReturnType<typeof parseBankStatement>>;
    try {
      statement = await parseBankStatement(text);
    } catch (error) {
      if (error instanceof StatementError) throw new UserInputFailure(error.problems.map((message) => ({ code: 'NOT_A_STATEMENT', message: `File: ${message}`, field: 'text' })));
      throw error;
    }
    const result = await this.ingest({ source: 'UPLOAD', connectionId: null, added: statement.lines, modified: [], removed: [] });
    return { format: statement.format, lines: statement.lines.length, added: result.counts.added, credits: result.newCredits, applied: result.applied };
  }

  private async ingest(params: IngestParams): Promise<{ counts: { added: number; modified: number; removed: number }; newCredits: number; applied: number }> {
    const { transactions } = this.deps;
    const result = await this.deps.uow.run(async (tx, events) => {
      const toMatch: string[] = [];
      let added = 0;
      let modified = 0;
      let removed = 0;
      for (const line of params.added) {
        const stored = await transactions.insertOnce(tx, params.source, params.connectionId, line);
        if (!stored) continue;
        added++;
        if (isSettledCredit(stored)) toMatch.push(stored.id);
      }
      for (const line of params.modified) {
        const change = await transactions.upsert(tx, params.source, params.connectionId, line);
        modified++;
        const { before, after } = change;
        const moneyChanged = before !== null && (before.amountCents !== after.amountCents || before.pending !== after.pending || before.removedAt !== null);
        if (before && moneyChanged && before.matchedAt) await this.releaseTransaction(tx, events, after);
        if (isSettledCredit(after) && (before === null || moneyChanged)) toMatch.push(after.id);
      }
      for (const externalId of params.removed) {
        const gone = await transactions.markRemoved(tx, params.source, externalId);
        if (!gone) continue;
        removed++;
        await this.releaseTransaction(tx, events, gone);
      }
      return { counts: { added, modified, removed }, toMatch };
    });
    const matched = result.toMatch.length > 0 && this.newCreditsListener ? await this.newCreditsListener(result.toMatch) : { applied: 0 };
    return { counts: result.counts, newCredits: result.toMatch.length, applied: matched.applied };
  }

  /** Un-applies a bank line from the booking it paid, if any (its matches are closed by the listener's owner). */
  private releaseTransaction(tx: Tx, events: PendingEvents, transaction: BankTransaction): Promise<string | null> {
    return this.releaseHook ? this.releaseHook(tx, events, transaction) : this.unapply(tx, events, PaymentSource.BANK, transaction.id);
  }

  private releaseHook: ((tx: Tx, events: PendingEvents, transaction: BankTransaction) => Promise<string | null>) | null = null;

  /** How a bank line is released when it is withdrawn or changed: set by the matching part, which also closes its matches. */
  onRelease(hook: (tx: Tx, events: PendingEvents, transaction: BankTransaction) => Promise<string | null>): void {
    this.releaseHook = hook;
  }
}

export function isSettledCredit(transaction: Pick<BankTransaction, 'amountCents' | 'pending' | 'removedAt'>): boolean {
  return transaction.amountCents > 0 && !transaction.pending && transaction.removedAt === null;
}

import { DateTime } from 'luxon';
import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure, UserInputFailure } from '../../shared/graphql/user-errors';
import type { Logger } from '../../shared/logger';
import { BookingStatus, type Booking } from '../bookings/booking.entity';
import { bookingReference } from '../bookings/booking-reference';
import { formatDollars, priceBreakdown } from '../bookings/pricing';
import type { BankTransaction } from './bank-transaction.entity';
import type { BankTransactionsRepository } from './bank-transactions.repository';
import { matchCredits, type MatchingWorker, type MatchSuggestion } from './matching';
import { PaymentKind, PaymentSource } from './payment.entity';
import { APPLIED_STATUSES, PaymentMatch, PaymentMatchOrigin, PaymentMatchStatus, PaymentMatchType } from './payment-match.entity';
import { isMatchRace, type PaymentMatchesRepository } from './payment-matches.repository';
import { PaymentTopic } from './payments.events';
import { isSettledCredit, type PaymentsService } from './payments.service';

/** The alert kind for a credit nobody has matched: one open alert per credit. */
export const UNMATCHED_ALERT_KIND = 'PAYMENT_UNMATCHED';

/** The matcher's window, in days from the credit's date to the event's: -45 (a late payer) to +400 (a deposit long before). */
const EVENT_DAYS_BEFORE_CREDIT = 45;
const EVENT_DAYS_AFTER_CREDIT = 400;

/** A tip on top of the balance is taken up to half the price, plus rounding to $10. */
const MAX_TIP_SHARE = 0.5;
const TIP_ROUNDING_CENTS = 1_000;

export interface AlertsPort {
  raise(params: { kind: string; subjectId: string; message: string }): Promise<unknown>;
  resolve(params: { kind: string; subjectId: string; message?: string }): Promise<unknown>;
}

export interface MatchingBookingsPort {
  lockById(tx: Tx, bookingId: string): Promise<Booking | null>;
}

type Outcome = 'APPLIED' | 'SUGGESTED' | 'NONE' | 'SKIPPED';

export interface MatchRunResult {
  examined: number;
  applied: number;
  suggested: number;
}

/** Where a credit of the weekly report stands. */
export type ReconciliationState = 'MATCHED' | 'SUGGESTED' | 'UNMATCHED' | 'PENDING' | 'REMOVED';

export interface ReconciliationLine {
  transaction: BankTransaction;
  state: ReconciliationState;
  match: PaymentMatch | null;
  bookingReference: string | null;
  explanation: string;
}

export interface ReconciliationReport {
  weekStart: string;
  weekEnd: string;
  lines: ReconciliationLine[];
  creditCents: number;
  matchedCents: number;
  unmatchedCents: number;
}

/**
 * Matching bank credits to bookings (SPEC §6): on each new settled credit and on demand, the
 * matcher's best suggestion at or above the threshold is applied (never to a cancelled booking,
 * never for more than is due), the rest wait for review; people verify, reject or match by hand.
 * A bank line pays at most one booking: the partial unique index on an applied match (and the
 * ledger's unique (source, external id)) refuses a second, whichever instance writes it, and
 * the loser of such a race simply leaves the line to the winner.
 */
export class PaymentMatchingService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      /** Where large runs are matched, off the event loop that serves the API. */
      matchingWorker: MatchingWorker;
      payments: PaymentsService;
      matches: PaymentMatchesRepository;
      transactions: BankTransactionsRepository;
      bookings: MatchingBookingsPort;
      alerts: AlertsPort;
      logger: Logger;
      settings: { autoMatchThreshold: number; unmatchedAlertDays: number; businessTimeZone: string };
    },
  ) {}

  // ---------------------------------------------------------------- matching runs

  /** New settled credits from an ingest: applied when sure, otherwise announced as unmatched. */
  async matchNewCredits(transactionIds: string[]): Promise<MatchRunResult> {
    return this.run(transactionIds, { autoApply: true, announce: true });
  }

  /** Every unmatched settled credit, matched again (bookings made since may fit now). */
  async rematchUnmatched(): Promise<MatchRunResult> {
    return this.run(await this.deps.matches.unmatchedIds(), { autoApply: true, announce: false });
  }

  private async run(transactionIds: string[], options: { autoApply: boolean; announce: boolean }): Promise<MatchRunResult> {
    const result: MatchRunResult = { examined: 0, applied: 0, suggested: 0 };
    const credits = (await this.deps.matches.findTransactions(transactionIds)).filter((t) => isSettledCredit(t) && t.matchedAt === null);
    if (credits.length === 0) return result;
    const days = credits.map((t) => t.postedOn).sort();
    const bookings = await this.deps.matches.bookingsToMatch(shiftDate(days[0], -EVENT_DAYS_BEFORE_CREDIT), shiftDate(days.at(-1)!, EVENT_DAYS_AFTER_CREDIT));
    const suggestions = await matchCredits(
      credits.map((t) => ({ id: t.id, amountCents: t.amountCents, postedOn: t.postedOn, description: t.description, counterpartyName: t.counterpartyName })),
      bookings,
      // A few credits (one from a sync) in slices here; a backlog or a statement in the worker, so the API stays responsive meanwhile.
      { excludedBookingIds: new Map(credits.map((t) => [t.id, new Set(t.excludedBookingIds)])), thread: 'auto', worker: this.deps.matchingWorker },
    );
    for (const credit of credits) {
      const outcome = await this.record(credit.id, suggestions.get(credit.id) ?? [], options);
      if (outcome === 'SKIPPED') continue;
      result.examined++;
      if (outcome === 'APPLIED') result.applied++;
      if (outcome === 'SUGGESTED') result.suggested++;
    }
    return result;
  }

  /** Stores one credit's suggestions, applying the best when it is sure enough and allowed. */
  private async record(transactionId: string, suggestions: MatchSuggestion[], options: { autoApply: boolean; announce: boolean }): Promise<Outcome> {
    let outcome: Outcome;
    try {
      outcome = await this.deps.uow.run(async (tx, events): Promise<Outcome> => {
        const transaction = await this.deps.transactions.lockById(tx, transactionId);
        if (!transaction || !isSettledCredit(transaction) || transaction.matchedAt !== null) return 'SKIPPED';
        await this.deps.matches.withdrawOpen(tx, transaction.id, { applied: false });
        const best = suggestions[0];
        if (options.autoApply && best && best.confidence >= this.deps.settings.autoMatchThreshold) {
          const booking = await this.deps.bookings.lockById(tx, best.bookingId);
          if (booking && this.applyProblems(booking, transaction.amountCents, best.type as PaymentMatchType).length === 0) {
            const match = await this.deps.matches.insert(tx, { ...matchFields(transaction, best), status: PaymentMatchStatus.AUTO_APPLIED, origin: PaymentMatchOrigin.MATCHER, decidedByStaffUserId: null });
            await this.applyToLedger(tx, events, transaction, match);
            return 'APPLIED';
          }
        }
        for (const suggestion of suggestions) {
          await this.deps.matches.insert(tx, { ...matchFields(transaction, suggestion), status: PaymentMatchStatus.SUGGESTED, origin: PaymentMatchOrigin.MATCHER, decidedByStaffUserId: null });
        }
        if (options.announce) events.add(PaymentTopic.UNMATCHED_ADDED, { bankTransactionId: transaction.id });
        return suggestions.length > 0 ? 'SUGGESTED' : 'NONE';
      });
    } catch (error) {
      // Another instance applied this line first: the unique index kept it to one booking.
      if (isMatchRace(error)) return 'SKIPPED';
      throw error;
    }
    if (outcome === 'APPLIED') await this.resolveAlert(transactionId);
    return outcome;
  }

  // ---------------------------------------------------------------- review

  /** A person pairs a credit with a booking by hand. */
  async matchManually(params: { transactionGlobalId: string; bookingGlobalId: string; type: PaymentMatchType | null; staffUserId: string | null }): Promise<PaymentMatch> {
    const transactionId = fromGlobalId('BankTransaction', params.transactionGlobalId);
    const bookingId = fromGlobalId('Booking', params.bookingGlobalId);
    const unknown: Array<{ code: string; message: string; field: string }> = [];
    if (!transactionId) unknown.push({ code: 'NOT_FOUND', message: 'Bank credit: no bank line has this id.', field: 'bankTransactionId' });
    if (!bookingId) unknown.push({ code: 'NOT_FOUND', message: 'Booking: no booking has this id.', field: 'bookingId' });
    if (unknown.length > 0) throw new UserInputFailure(unknown);
    const match = await this.applyingRace(() =>
      this.deps.uow.run(async (tx, events) => {
        const transaction = await this.deps.transactions.lockById(tx, transactionId!);
        const booking = await this.deps.bookings.lockById(tx, bookingId!);
        const errors = [...(await this.transactionProblems(tx, transaction)), ...(booking ? [] : [{ code: 'NOT_FOUND', message: 'Booking: no booking has this id.', field: 'bookingId' }])];
        const type = params.type ?? (booking && transaction ? inferType(booking, transaction.amountCents) : PaymentMatchType.BALANCE);
        if (booking && transaction) errors.push(...this.applyProblems(booking, transaction.amountCents, type));
        if (errors.length > 0) throw new UserInputFailure(errors);
        await this.deps.matches.withdrawOpen(tx, transaction!.id, { applied: false });
        const created = await this.deps.matches.insert(tx, {
          bankTransactionId: transaction!.id,
          bookingId: booking!.id,
          type,
          confidence: 1,
          reason: `Matched by hand to ${bookingReference(booking!.id)}: ${formatDollars(transaction!.amountCents)} as ${typeWords(type)}.`,
          status: PaymentMatchStatus.VERIFIED,
          origin: PaymentMatchOrigin.MANUAL,
          decidedByStaffUserId: params.staffUserId,
        });
        await this.applyToLedger(tx, events, transaction!, created);
        return created;
      }),
    );
    await this.resolveAlert(match.bankTransactionId);
    return match;
  }

  /** A person confirms a suggestion (applying it) or an automatic match (marking it checked). */
  async verify(params: { matchGlobalId: string; staffUserId: string | null }): Promise<PaymentMatch> {
    const matchId = this.matchIdOf(params.matchGlobalId);
    const match = await this.applyingRace(() =>
      this.deps.uow.run(async (tx, events) => {
        const found = await this.deps.matches.lockById(tx, matchId);
        if (!found) throw userFailure('NOT_FOUND', 'This suggestion no longer exists.', 'id');
        if (found.status === PaymentMatchStatus.VERIFIED) return found;
        if (found.status === PaymentMatchStatus.AUTO_APPLIED) return this.deps.matches.setStatus(tx, found, PaymentMatchStatus.VERIFIED, params.staffUserId);
        if (found.status !== PaymentMatchStatus.SUGGESTED) throw userFailure('NOT_OPEN', `This suggestion was ${found.status === PaymentMatchStatus.REJECTED ? 'rejected' : 'withdrawn'} and can no longer be verified.`, 'id');
        const transaction = await this.deps.transactions.lockById(tx, found.bankTransactionId);
        const booking = await this.deps.bookings.lockById(tx, found.bookingId);
        const errors = [...(await this.transactionProblems(tx, transaction)), ...(booking ? this.applyProblems(booking, transaction?.amountCents ?? 0, found.type) : [])];
        if (errors.length > 0) throw new UserInputFailure(errors);
        await this.deps.matches.withdrawOpen(tx, found.bankTransactionId, { applied: false });
        const verified = await this.deps.matches.setStatus(tx, found, PaymentMatchStatus.VERIFIED, params.staffUserId);
        await this.applyToLedger(tx, events, transaction!, verified);
        return verified;
      }),
    );
    await this.resolveAlert(match.bankTransactionId);
    return match;
  }

  /**
   * A person says the credit does not pay this booking: the match is rejected (and un-applied
   * when it had been applied), the booking is never proposed for this credit again, and the
   * credit returns to the unmatched queue with the matcher's other suggestions.
   */
  async reject(params: { matchGlobalId: string; staffUserId: string | null }): Promise<PaymentMatch> {
    const matchId = this.matchIdOf(params.matchGlobalId);
    const { match, changed } = await this.deps.uow.run(async (tx, events) => {
      const found = await this.deps.matches.lockById(tx, matchId);
      if (!found) throw userFailure('NOT_FOUND', 'This suggestion no longer exists.', 'id');
      if (found.status === PaymentMatchStatus.REJECTED) return { match: found, changed: false };
      if (found.status === PaymentMatchStatus.WITHDRAWN) throw userFailure('NOT_OPEN', 'This suggestion was withdrawn and can no longer be rejected.', 'id');
      await this.deps.transactions.lockById(tx, found.bankTransactionId);
      const wasApplied = (APPLIED_STATUSES as readonly PaymentMatchStatus[]).includes(found.status);
      const rejected = await this.deps.matches.setStatus(tx, found, PaymentMatchStatus.REJECTED, params.staffUserId);
      await this.deps.matches.exclude(tx, found.bankTransactionId, found.bookingId);
      if (wasApplied) {
        await this.deps.payments.unapply(tx, events, PaymentSource.BANK, found.bankTransactionId);
        await this.deps.matches.setMatchedAt(tx, found.bankTransactionId, null);
      }
      events.add(PaymentTopic.UNMATCHED_ADDED, { bankTransactionId: found.bankTransactionId });
      return { match: rejected, changed: true };
    });
    // The credit is back in the queue: the matcher proposes the other bookings (a person decides now).
    if (changed) await this.run([match.bankTransactionId], { autoApply: false, announce: false });
    return match;
  }

  /** Un-applies a line the bank withdrew or changed, closing its matches (the ingest's release hook). */
  async release(tx: Tx, events: PendingEvents, transaction: BankTransaction): Promise<string | null> {
    await this.deps.matches.withdrawOpen(tx, transaction.id, { applied: true });
    await this.deps.matches.setMatchedAt(tx, transaction.id, null);
    return this.deps.payments.unapply(tx, events, PaymentSource.BANK, transaction.id);
  }

  // ---------------------------------------------------------------- reading

  list(status: PaymentMatchStatus, args: ConnectionArgs): Promise<Connection<PaymentMatch>> {
    return this.deps.matches.list(status, args);
  }

  unmatched(args: ConnectionArgs): Promise<Connection<BankTransaction>> {
    return this.deps.matches.unmatched(args);
  }

  findMatches(ids: readonly string[]): Promise<PaymentMatch[]> {
    return this.deps.matches.findByIds(ids);
  }

  findTransactions(ids: readonly string[]): Promise<BankTransaction[]> {
    return this.deps.matches.findTransactions(ids);
  }

  currentMatchesOf(transactionIds: readonly string[]): Promise<PaymentMatch[]> {
    return this.deps.matches.currentOf(transactionIds);
  }

  /** The week (Monday to Sunday) holding `day`, every credit posted in it, and each one's match or why it has none. */
  async reconciliation(day: string): Promise<ReconciliationReport> {
    const date = DateTime.fromISO(day, { zone: 'utc' });
    if (!date.isValid) throw userFailure('INVALID', 'Week: enter a date as YYYY-MM-DD.', 'weekOf');
    const weekStart = date.startOf('week').toISODate()!;
    const weekEnd = date.endOf('week').toISODate()!;
    const credits = await this.deps.matches.creditsPostedBetween(weekStart, weekEnd);
    const all = await this.deps.matches.allOf(credits.map((t) => t.id));
    const byTransaction = new Map<string, PaymentMatch[]>();
    for (const match of all) byTransaction.set(match.bankTransactionId, [...(byTransaction.get(match.bankTransactionId) ?? []), match]);
    const lines = credits.map((transaction) => explain(transaction, byTransaction.get(transaction.id) ?? []));
    const sum = (state: ReconciliationState[]) => lines.filter((line) => state.includes(line.state)).reduce((total, line) => total + line.transaction.amountCents, 0);
    return {
      weekStart,
      weekEnd,
      lines,
      creditCents: sum(['MATCHED', 'SUGGESTED', 'UNMATCHED', 'PENDING']),
      matchedCents: sum(['MATCHED']),
      unmatchedCents: sum(['SUGGESTED', 'UNMATCHED']),
    };
  }

  // ---------------------------------------------------------------- the alert

  /** Raises an alert for every settled credit unmatched for more than the configured days (idempotent per credit). */
  async alertUnmatched(now = new Date()): Promise<number> {
    const days = this.deps.settings.unmatchedAlertDays;
    const today = DateTime.fromJSDate(now).setZone(this.deps.settings.businessTimeZone).toISODate()!;
    const stale = await this.deps.matches.unmatchedPostedBefore(shiftDate(today, -(days + 1)));
    for (const transaction of stale) {
      const waiting = Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(transaction.postedOn), 'days').days);
      await this.deps.alerts.raise({
        kind: UNMATCHED_ALERT_KIND,
        subjectId: transaction.id,
        message: `A bank credit of ${formatDollars(transaction.amountCents)} posted ${transaction.postedOn} ("${transaction.description.slice(0, 60)}") has not been matched to a booking for ${waiting} days. Match it on the Payments page.`,
      });
    }
    return stale.length;
  }

  // ---------------------------------------------------------------- helpers

  // The owner was texted when it was raised, so they are texted when it is dealt with (only when one was open).
  private async resolveAlert(transactionId: string): Promise<void> {
    await this.deps.alerts.resolve({ kind: UNMATCHED_ALERT_KIND, subjectId: transactionId, message: 'Resolved: a bank credit that had waited days to be matched is now matched to a booking.' });
  }

  private matchIdOf(globalId: string): string {
    const id = fromGlobalId('PaymentMatch', globalId);
    if (!id) throw userFailure('NOT_FOUND', 'This suggestion no longer exists.', 'id');
    return id;
  }

  /** Runs work that applies a line; a race lost to another instance (the unique index) becomes the error a person reads. */
  private async applyingRace<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isMatchRace(error)) throw userFailure('TRANSACTION_USED', 'Bank credit: this credit was just applied to a booking by someone else. Reload to see it.', 'bankTransactionId');
      throw error;
    }
  }

  private async transactionProblems(tx: Tx, transaction: BankTransaction | null): Promise<Array<{ code: string; message: string; field: string }>> {
    if (!transaction) return [{ code: 'NOT_FOUND', message: 'Bank credit: no bank line has this id.', field: 'bankTransactionId' }];
    if (transaction.removedAt) return [{ code: 'REMOVED', message: 'Bank credit: the bank withdrew this line; it pays nothing.', field: 'bankTransactionId' }];
    if (transaction.amountCents <= 0) return [{ code: 'NOT_A_CREDIT', message: 'Bank credit: this line is money going out, not a payment received.', field: 'bankTransactionId' }];
    if (transaction.pending) return [{ code: 'PENDING', message: 'Bank credit: this credit is still pending at the bank; match it once it has settled.', field: 'bankTransactionId' }];
    const applied = await this.deps.matches.appliedOf(transaction.id, tx);
    if (applied) return [{ code: 'TRANSACTION_USED', message: `Bank credit: this credit already pays booking ${bookingReference(applied.bookingId)}. Reject that match first.`, field: 'bankTransactionId' }];
    return [];
  }

  /** Why this credit may not be applied to this booking: a cancelled booking, or more than is due. */
  private applyProblems(booking: Booking, amountCents: number, type: PaymentMatchType): Array<{ code: string; message: string; field: string }> {
    const problems: Array<{ code: string; message: string; field: string }> = [];
    const reference = bookingReference(booking.id);
    if (booking.status === BookingStatus.CANCELLED) {
      problems.push({ code: 'BOOKING_CANCELLED', message: `Booking: ${reference} is cancelled, so a payment is not applied to it. Refund the customer or match the credit to another booking.`, field: 'bookingId' });
    }
    const { totalCents, paidCents } = priceBreakdown(booking);
    const dueCents = totalCents - paidCents;
    const allowed = type === PaymentMatchType.BALANCE_WITH_TIP ? dueCents + Math.ceil(totalCents * MAX_TIP_SHARE) + TIP_ROUNDING_CENTS : dueCents;
    if (dueCents <= 0) {
      problems.push({ code: 'OVERPAYS', message: `Booking: ${reference} is paid in full already (${formatDollars(paidCents)} of ${formatDollars(totalCents)}).`, field: 'bookingId' });
    } else if (amountCents > allowed) {
      problems.push({
        code: 'OVERPAYS',
        message: `Booking: this credit of ${formatDollars(amountCents)} is more than the ${formatDollars(dueCents)} still due on ${reference}${type === PaymentMatchType.BALANCE_WITH_TIP ? ' with a tip' : ''}.`,
        field: 'bookingId',
      });
    }
    return problems;
  }

  private async applyToLedger(tx: Tx, events: PendingEvents, transaction: BankTransaction, match: PaymentMatch): Promise<void> {
    await this.deps.payments.apply(tx, events, {
      bookingId: match.bookingId,
      source: PaymentSource.BANK,
      kind: PaymentKind[match.type],
      amountCents: transaction.amountCents,
      externalId: transaction.id,
      occurredAt: DateTime.fromISO(transaction.postedOn, { zone: this.deps.settings.businessTimeZone }).set({ hour: 12 }).toJSDate(),
    });
    await this.deps.matches.setMatchedAt(tx, transaction.id, new Date());
    events.add(PaymentTopic.MATCHED, { paymentMatchId: match.id, bankTransactionId: transaction.id, bookingId: match.bookingId });
  }

  /**
   * Settled credits unmatched for more than PAYMENT_UNMATCHED_ALERT_DAYS (the same cut-off as the
   * alert above): how many, their sum, and the days (metrics).
   */
  async staleUnmatched(now = new Date()): Promise<{ count: number; amountCents: number; olderThanDays: number }> {
    const days = this.deps.settings.unmatchedAlertDays;
    const today = DateTime.fromJSDate(now).setZone(this.deps.settings.businessTimeZone).toISODate()!;
    return { ...(await this.deps.matches.unmatchedTotalsPostedBefore(shiftDate(today, -(days + 1)))), olderThanDays: days };
  }
}

function matchFields(transaction: BankTransaction, suggestion: MatchSuggestion) {
  return {
    bankTransactionId: transaction.id,
    bookingId: suggestion.bookingId,
    type: suggestion.type as PaymentMatchType,
    confidence: Math.max(0, Math.min(1, Math.round(suggestion.confidence * 100) / 100)),
    reason: suggestion.reason.slice(0, 1000),
  };
}

/** What a credit matched by hand pays, from its amount and what is due. */
function inferType(booking: Booking, amountCents: number): PaymentMatchType {
  const { totalCents, paidCents, depositCents } = priceBreakdown(booking);
  if (paidCents === 0 && amountCents === totalCents) return PaymentMatchType.FULL;
  if (paidCents === 0 && amountCents <= depositCents) return PaymentMatchType.DEPOSIT;
  return amountCents > totalCents - paidCents ? PaymentMatchType.BALANCE_WITH_TIP : PaymentMatchType.BALANCE;
}

function typeWords(type: PaymentMatchType): string {
  return { DEPOSIT: 'the deposit', FULL: 'the full price', BALANCE: 'the balance', BALANCE_WITH_TIP: 'the balance with a tip' }[type];
}

function shiftDate(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** A credit's line in the weekly report: its match, or why it has none, in words. */
function explain(transaction: BankTransaction, matches: PaymentMatch[]): ReconciliationLine {
  const line = (state: ReconciliationState, match: PaymentMatch | null, explanation: string): ReconciliationLine => ({
    transaction,
    state,
    match,
    bookingReference: match ? bookingReference(match.bookingId) : null,
    explanation,
  });
  if (transaction.removedAt) return line('REMOVED', null, 'Withdrawn by the bank: it pays nothing.');
  if (transaction.pending) return line('PENDING', null, 'Pending at the bank: matched once it settles.');
  const applied = matches.find((match) => (APPLIED_STATUSES as readonly PaymentMatchStatus[]).includes(match.status));
  if (applied) {
    const how = applied.origin === PaymentMatchOrigin.MANUAL ? 'Matched by hand' : applied.status === PaymentMatchStatus.VERIFIED ? 'Suggested and verified' : `Applied automatically (confidence ${applied.confidence.toFixed(2)})`;
    return line('MATCHED', applied, `${how}: ${applied.reason}`);
  }
  const rejected = matches.filter((match) => match.status === PaymentMatchStatus.REJECTED).map((match) => bookingReference(match.bookingId));
  const rejectedWords = rejected.length > 0 ? ` Rejected for ${[...new Set(rejected)].join(', ')}.` : '';
  const suggestions = matches.filter((match) => match.status === PaymentMatchStatus.SUGGESTED).sort((a, b) => b.confidence - a.confidence);
  if (suggestions.length > 0) {
    const best = suggestions[0];
    return line('SUGGESTED', best, `Waiting for review: best suggestion ${bookingReference(best.bookingId)} at ${best.confidence.toFixed(2)} (${best.reason}).${rejectedWords}`);
  }
  return line('UNMATCHED', null, `No booking fits: no booking's customer name, reference or phone, amount due and event date match this credit.${rejectedWords}`);
}

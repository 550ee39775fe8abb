import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { AdminOnly, StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { Booking } from '../bookings/booking.entity';
import { bookingReference } from '../bookings/booking-reference';
import { StaffUser } from '../staff/staff-user.entity';
import { BankTransaction } from './bank-transaction.entity';
import { APPLIED_STATUSES, PaymentMatch, PaymentMatchStatus } from './payment-match.entity';
import type { PaymentMatchingService } from './payment-matching.service';
import { MatchPaymentInput, PaymentMatchesArgs, PaymentMatchIdInput, UploadBankStatementInput } from './payments.inputs';
import { PaymentTopic, type PaymentMatchedPayload, type UnmatchedPaymentPayload } from './payments.events';
import type { PaymentsService } from './payments.service';
import { PaymentMatchPayload, ReconciliationReport, RematchPayload, UploadBankStatementPayload } from './payments.types';

const PaymentMatchConnection = connectionType(PaymentMatch, 'PaymentMatch');
const BankTransactionConnection = connectionType(BankTransaction, 'BankTransaction');

/** The path of the weekly report as CSV (see payments-routes.ts). */
export const reconciliationCsvPath = (weekStart: string) => `/payments/reconciliation.csv?week=${weekStart}`;

function staffIdOrNull(context: RequestContext): string | null {
  return context.principal?.kind === 'staff' ? context.principal.staffUserId : null;
}

@Resolver(() => PaymentMatch)
export class PaymentMatchResolver {
  constructor(
    private readonly matching: PaymentMatchingService,
    private readonly payments: PaymentsService,
  ) {}

  @Query(() => PaymentMatchConnection, { description: 'Matches of bank credits to bookings by status, newest first; SUGGESTED (the review queue) by default.' })
  @StaffOnly()
  paymentMatches(@Args(() => PaymentMatchesArgs) args: PaymentMatchesArgs): Promise<Connection<PaymentMatch>> {
    return this.matching.list(args.status ?? PaymentMatchStatus.SUGGESTED, args);
  }

  @Query(() => BankTransactionConnection, { description: 'Settled bank credits not applied to any booking yet, newest first, each with its suggestions.' })
  @StaffOnly()
  unmatchedTransactions(@Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<BankTransaction>> {
    return this.matching.unmatched(args);
  }

  @Query(() => ReconciliationReport, { description: 'Every bank credit posted in the week (Monday to Sunday) holding weekOf, with its match or why none.' })
  @StaffOnly()
  async reconciliationReport(@Arg('weekOf', () => String, { description: 'Any day of the week, YYYY-MM-DD.' }) weekOf: string): Promise<ReconciliationReport> {
    const report = await this.matching.reconciliation(weekOf);
    return { ...report, csvPath: reconciliationCsvPath(report.weekStart) };
  }

  @Mutation(() => PaymentMatchPayload, { description: 'Apply a bank credit to a booking by hand.' })
  @StaffOnly()
  async matchPayment(@Arg('input', () => MatchPaymentInput) input: MatchPaymentInput, @Ctx() context: RequestContext): Promise<PaymentMatchPayload> {
    const paymentMatch = await this.matching.matchManually({ transactionGlobalId: input.bankTransactionId, bookingGlobalId: input.bookingId, type: input.type ?? null, staffUserId: staffIdOrNull(context) });
    return { paymentMatch, userErrors: [] };
  }

  @Mutation(() => PaymentMatchPayload, { description: 'Confirm a suggestion (it is applied to the booking) or an automatic match.' })
  @StaffOnly()
  async verifyPaymentMatch(@Arg('input', () => PaymentMatchIdInput) input: PaymentMatchIdInput, @Ctx() context: RequestContext): Promise<PaymentMatchPayload> {
    return { paymentMatch: await this.matching.verify({ matchGlobalId: input.id, staffUserId: staffIdOrNull(context) }), userErrors: [] };
  }

  @Mutation(() => PaymentMatchPayload, { description: 'Say the credit does not pay this booking: it returns to the unmatched credits and this booking is not proposed for it again.' })
  @StaffOnly()
  async rejectPaymentMatch(@Arg('input', () => PaymentMatchIdInput) input: PaymentMatchIdInput, @Ctx() context: RequestContext): Promise<PaymentMatchPayload> {
    return { paymentMatch: await this.matching.reject({ matchGlobalId: input.id, staffUserId: staffIdOrNull(context) }), userErrors: [] };
  }

  @Mutation(() => RematchPayload, { description: 'Match every unmatched credit again, applying the sure ones (bookings made since may fit now).' })
  @AdminOnly()
  async rematchUnmatchedTransactions(): Promise<RematchPayload> {
    return { ...(await this.matching.rematchUnmatched()), userErrors: [] };
  }

  @Mutation(() => UploadBankStatementPayload, { description: 'Import a bank statement (CSV or OFX/QFX export) when there is no bank connection; importing it again adds nothing.' })
  @AdminOnly()
  async uploadBankStatement(@Arg('input', () => UploadBankStatementInput) input: UploadBankStatementInput): Promise<UploadBankStatementPayload> {
    const result = await this.payments.importBankStatement(input.text);
    return { ...result, userErrors: [] };
  }

  @Subscription(() => BankTransaction, { topics: PaymentTopic.UNMATCHED_ADDED, description: 'A bank credit that needs a person: new and not applied, or rejected back into the queue. From any instance.' })
  @StaffOnly()
  async unmatchedPaymentAdded(@Root() payload: UnmatchedPaymentPayload, @Ctx() context: RequestContext): Promise<BankTransaction> {
    const transaction = await context.loaders.bankTransactionById.load(payload.bankTransactionId);
    if (!transaction) throw new Error('the bank line of an event is gone');
    return transaction;
  }

  @Subscription(() => PaymentMatch, { topics: PaymentTopic.MATCHED, description: 'A bank credit was applied to a booking, automatically or by a person. From any instance.' })
  @StaffOnly()
  async paymentMatched(@Root() payload: PaymentMatchedPayload, @Ctx() context: RequestContext): Promise<PaymentMatch> {
    const match = await context.loaders.paymentMatchById.load(payload.paymentMatchId);
    if (!match) throw new Error('the match of an event is gone');
    return match;
  }

  @FieldResolver(() => BankTransaction)
  async bankTransaction(@Root() match: PaymentMatch, @Ctx() context: RequestContext): Promise<BankTransaction> {
    return (await context.loaders.bankTransactionById.load(match.bankTransactionId))!;
  }

  @FieldResolver(() => Booking, { nullable: true })
  booking(@Root() match: PaymentMatch, @Ctx() context: RequestContext): Promise<Booking | null> {
    return context.loaders.bookingById.load(match.bookingId);
  }

  @FieldResolver(() => String, { description: 'The booking’s reference, as a customer writes it in a memo ("HB-1A2B3C").' })
  bookingReference(@Root() match: PaymentMatch): string {
    return bookingReference(match.bookingId);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'Who verified or rejected it, or matched it by hand.' })
  decidedBy(@Root() match: PaymentMatch, @Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    return match.decidedByStaffUserId ? context.loaders.staffUserById.load(match.decidedByStaffUserId) : null;
  }
}

@Resolver(() => BankTransaction)
export class BankTransactionResolver {
  @FieldResolver(() => [PaymentMatch], { description: 'The matcher’s open suggestions, best first (empty once applied).' })
  async suggestions(@Root() transaction: BankTransaction, @Ctx() context: RequestContext): Promise<PaymentMatch[]> {
    return (await context.loaders.currentMatchesByTransactionId.load(transaction.id)).filter((match) => match.status === PaymentMatchStatus.SUGGESTED);
  }

  @FieldResolver(() => PaymentMatch, { nullable: true, description: 'The match that applies it to a booking; null while unmatched.' })
  async appliedMatch(@Root() transaction: BankTransaction, @Ctx() context: RequestContext): Promise<PaymentMatch | null> {
    const current = await context.loaders.currentMatchesByTransactionId.load(transaction.id);
    return current.find((match) => (APPLIED_STATUSES as readonly PaymentMatchStatus[]).includes(match.status)) ?? null;
  }
}

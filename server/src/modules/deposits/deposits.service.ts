import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { throwIfAny, userFailure, type UserError } from '../../shared/graphql/user-errors';
import type { Logger } from '../../shared/logger';
import { CheckoutProviderError, type DepositCheckoutProvider } from '../../providers/stripe/checkout.port';
import { localSessionId } from '../../providers/stripe/checkout.local';
import type { DepositEvent } from '../../providers/stripe/stripe.mapper';
import { BookingStatus, type Booking } from '../bookings/booking.entity';
import { bookingReference } from '../bookings/booking-reference';
import { formatClock, formatDay } from '../bookings/booking-texts';
import { formatDollars } from '../bookings/pricing';
import type { ReplyLanguage } from '../conversations/conversation.entity';
import { DepositCheckoutStatus, type DepositCheckout } from './deposit-checkout.entity';
import type { DepositsRepository } from './deposits.repository';
import { planRefund, type PaidRow } from './refund-plan';

/** The least deposit a checkout asks for, whatever the booking's deposit says. */
export const MINIMUM_DEPOSIT_CENTS = 10_000;

/** A session this close to its end is not handed out again: the customer would meet an expired page. */
const EXPIRY_MARGIN_MS = 30 * 60_000;

/** The durable job that gives a card payment back: enqueued in the cancellation's transaction. */
export const REFUND_CARD_PAYMENT = 'deposits.refund-card-payment';
/** Raised when a card refund could not be made: staff refund it in the Stripe dashboard. */
export const REFUND_FAILED_ALERT = 'REFUND_FAILED';

export interface CardRefundJob {
  bookingId: string;
  paymentIntentId: string;
  amountCents: number;
}

/** The payments ledger, as deposits use it (the payments module's PaymentsService). */
export interface DepositLedger {
  paymentsOfBookings(bookingIds: readonly string[]): Promise<PaidRow[]>;
  recordCardPayment(params: { bookingId: string; externalId: string; amountCents: number; kind: 'DEPOSIT' | 'FULL' | 'BALANCE'; occurredAt: Date }): Promise<{ applied: boolean }>;
  recordRefund(params: { bookingId: string; externalId: string; amountCents: number; occurredAt: Date }): Promise<{ applied: boolean }>;
}

/** What deposits read of bookings. */
export interface DepositBookings {
  findByIds(ids: readonly string[]): Promise<Booking[]>;
}

/** The local checkout page of one deposit: what the customer sees. */
export interface DepositPageView {
  checkout: DepositCheckout;
  booking: Booking;
  reference: string;
  /** "Sunday, December 20" */
  eventDay: string;
  /** "6:00 PM" */
  startTime: string;
  amount: string;
  /** Paying here records the payment (no Stripe keys, outside production). */
  payableHere: boolean;
}

/**
 * Deposits by card (SPEC §6): a checkout per booking and amount, made with the card vendor under
 * an idempotency key so asking twice gives the same session; the vendor's webhook, through the
 * inbox and the queue, records the payment and any refund in the payments ledger, which is
 * idempotent on the vendor's ids, so deliveries repeated or out of order end the same. Without
 * Stripe keys the local checkout page takes the payment through the same ledger call.
 */
export class DepositsService {
  constructor(
    private readonly deps: {
      repository: DepositsRepository;
      bookings: DepositBookings;
      ledger: DepositLedger;
      provider: DepositCheckoutProvider;
      /** This server's public address, for the links customers follow. */
      baseUrl(): string;
      /** The local page's "Pay deposit" is refused in production: it takes no money. */
      isProduction: boolean;
      uow: UnitOfWork;
      jobs: JobQueue;
      alerts: { raiseIn(tx: Tx, events: PendingEvents, params: { kind: string; subjectId: string; message: string }): Promise<boolean> };
      logger: Logger;
    },
  ) {}

  jobs(options: { retryLimit: number; retryDelaySeconds: number; timeoutSeconds: number }): Array<JobDefinition<CardRefundJob>> {
    return [
      {
        name: REFUND_CARD_PAYMENT,
        retryLimit: options.retryLimit,
        retryDelaySeconds: options.retryDelaySeconds,
        expireInSeconds: options.timeoutSeconds,
        concurrency: 2,
        handle: (job) => this.refundCardPayment(job),
        onDeadLetter: (job, lastError) => this.refundFailed(job, `the card payment service did not answer (${lastError})`),
      },
    ];
  }

  /**
   * A cancellation's money back, in the cancellation's transaction: each card payment's part is
   * refunded by a durable job (it commits or rolls back with the cancellation); what was paid by
   * bank transfer or by hand is returned for staff to send. See `planRefund` for which part is whose.
   */
  async refundOnCancellation(tx: Tx, params: { bookingId: string; refundCents: number; keptCents: number }): Promise<{ cardCents: number; byHandCents: number }> {
    if (params.refundCents <= 0) return { cardCents: 0, byHandCents: 0 };
    const plan = planRefund(await this.deps.ledger.paymentsOfBookings([params.bookingId]), params.refundCents, params.keptCents);
    for (const part of plan.card) {
      await this.deps.jobs.enqueue<CardRefundJob>(tx, REFUND_CARD_PAYMENT, { bookingId: params.bookingId, paymentIntentId: part.paymentIntentId, amountCents: part.amountCents });
    }
    return { cardCents: plan.card.reduce((sum, part) => sum + part.amountCents, 0), byHandCents: plan.byHandCents };
  }

  /**
   * One card payment given back. The idempotency key is the booking and the payment, so a job run
   * twice (its answer lost, an instance dying) gets Stripe's first refund back, never a second;
   * the ledger records it under the refund's id, as Stripe's refund webhook does, so whichever
   * comes first records it and the other finds it there. A pending refund is recorded by the
   * webhook when it succeeds. A refusal alerts staff with Stripe's reason; no answer is retried.
   */
  async refundCardPayment(job: CardRefundJob): Promise<void> {
    let refund;
    try {
      refund = await this.deps.provider.refund({ ...job, idempotencyKey: `refund-${job.bookingId}-${job.paymentIntentId}` });
    } catch (error) {
      if (error instanceof CheckoutProviderError && !error.transient) return this.refundFailed(job, error.message);
      throw error;
    }
    if (refund.status === 'succeeded') {
      const { applied } = await this.deps.ledger.recordRefund({ bookingId: job.bookingId, externalId: refund.id, amountCents: refund.amountCents, occurredAt: new Date() });
      this.deps.logger.info({ bookingId: job.bookingId, applied }, 'card payment refunded for a cancellation');
    } else if (refund.status === 'failed' || refund.status === 'canceled') {
      await this.refundFailed(job, `Stripe reports the refund ${refund.status}${refund.failureReason ? ` (${refund.failureReason})` : ''}`);
    } else {
      this.deps.logger.info({ bookingId: job.bookingId, status: refund.status }, 'card refund pending: recorded when Stripe reports it done');
    }
  }

  private async refundFailed(job: CardRefundJob, reason: string): Promise<void> {
    this.deps.logger.warn({ bookingId: job.bookingId }, 'a card refund for a cancellation failed: staff alerted');
    await this.deps.uow.run((tx, events) =>
      this.deps.alerts.raiseIn(tx, events, {
        kind: REFUND_FAILED_ALERT,
        subjectId: job.bookingId,
        message: `Card refund failed: ${formatDollars(job.amountCents)} of payment ${job.paymentIntentId} for booking ${bookingReference(job.bookingId)} was not refunded: ${reason.replace(/\.$/, '')}. Refund it in the Stripe dashboard.`,
      }),
    );
  }

  get providerName(): 'stripe' | 'local' {
    return this.deps.provider.name;
  }

  /** The deposit a booking is asked for: its own deposit, never below $100. */
  static amountFor(booking: Pick<Booking, 'depositCents'>): number {
    return Math.max(booking.depositCents, MINIMUM_DEPOSIT_CENTS);
  }

  /** The checkout of a booking's deposit, with where to pay; the same one however often asked. */
  async createCheckout(bookingGlobalId: string): Promise<DepositCheckout> {
    const bookingId = fromGlobalId('Booking', bookingGlobalId);
    const [booking] = bookingId ? await this.deps.bookings.findByIds([bookingId]) : [];
    if (!booking) throw userFailure('NOT_FOUND', 'No booking has this id.', 'bookingId');
    const amountCents = DepositsService.amountFor(booking);
    const paid = await this.deps.repository.findPaid(booking.id);
    const problems: UserError[] = [];
    if (booking.status === BookingStatus.CANCELLED) problems.push({ code: 'BOOKING_CANCELLED', message: 'This booking is cancelled: there is no deposit to take.', field: 'bookingId' });
    if (booking.status === BookingStatus.COMPLETED) problems.push({ code: 'BOOKING_COMPLETED', message: 'This booking is completed: its deposit can no longer be taken.', field: 'bookingId' });
    if (paid || booking.paidCents >= amountCents) {
      problems.push({ code: 'DEPOSIT_PAID', message: `The deposit is already paid (${formatDollars(Math.max(booking.paidCents, paid?.amountCents ?? 0))} received).`, field: 'bookingId' });
    }
    throwIfAny(problems);
    return this.withSession(booking, await this.deps.repository.ensure(booking.id, amountCents));
  }

  /**
   * The deposit line of the confirmation text, written in the confirming transaction: a link to
   * this server that always leads to a live payment page (a vendor's session expires; the link
   * does not). Null when the deposit is paid already.
   */
  async depositLinkText(booking: Booking, language: ReplyLanguage | null, tx: Tx): Promise<string | null> {
    const amountCents = DepositsService.amountFor(booking);
    if (booking.paidCents >= amountCents) return null;
    const checkout = await this.deps.repository.ensure(booking.id, amountCents, tx);
    if (checkout.status === DepositCheckoutStatus.PAID) return null;
    // It ends the confirmation, so it is in the confirmation's language.
    if (language === 'es') return `Pague aquí el depósito de ${formatDollars(amountCents)}: ${this.linkOf(checkout)}`;
    return `Pay the ${formatDollars(amountCents)} deposit here: ${this.linkOf(checkout)}`;
  }

  /** The link to a checkout on this server (/deposit/<id>): the local page, or a redirect to the vendor's. */
  linkOf(checkout: Pick<DepositCheckout, 'id'>): string {
    return `${this.deps.baseUrl()}/deposit/${checkout.id}`;
  }

  /** The checkout behind a /deposit/<id> link, and its booking; null when there is none. */
  async page(checkoutId: string): Promise<DepositPageView | null> {
    if (!UUID.test(checkoutId)) return null;
    const checkout = await this.deps.repository.findById(checkoutId);
    const [booking] = checkout ? await this.deps.bookings.findByIds([checkout.bookingId]) : [];
    if (!checkout || !booking) return null;
    return {
      checkout,
      booking,
      reference: bookingReference(booking.id),
      eventDay: formatDay(booking.eventDate),
      startTime: formatClock(booking.startTime),
      amount: formatDollars(checkout.amountCents),
      payableHere: this.deps.provider.name === 'local' && !this.deps.isProduction,
    };
  }

  /** Where a /deposit/<id> link sends the customer when Stripe takes the payment: a live session of that checkout. */
  async vendorUrl(view: DepositPageView): Promise<string> {
    return (await this.withSession(view.booking, view.checkout)).url!;
  }

  /**
   * The local page's "Pay deposit": the payment is recorded as a card payment with a local
   * external id (once, however often the button is pressed), then the checkout is marked paid.
   */
  async payLocally(checkoutId: string): Promise<DepositPageView> {
    const view = await this.page(checkoutId);
    if (!view) throw userFailure('NOT_FOUND', 'No deposit checkout has this address.');
    if (!view.payableHere) throw userFailure('NOT_PAYABLE_HERE', 'This deposit is paid by card through the payment page, not here.');
    const { checkout, booking } = view;
    if (checkout.status !== DepositCheckoutStatus.PAID) {
      if (booking.status === BookingStatus.CANCELLED) throw userFailure('BOOKING_CANCELLED', 'This booking is cancelled: there is no deposit to pay.');
      const paymentId = localSessionId(checkout.id).replace('cs_', 'pi_');
      const occurredAt = new Date();
      await this.deps.ledger.recordCardPayment({ bookingId: booking.id, externalId: paymentId, amountCents: checkout.amountCents, kind: 'DEPOSIT', occurredAt });
      await this.deps.repository.markPaid(checkout.id, paymentId, occurredAt);
    }
    return (await this.page(checkoutId))!;
  }

  // ---------------------------------------------------------------- the vendor's events (through the queue)

  /** A checkout paid: the deposit in the ledger (once per payment), then the checkout marked paid. */
  async depositPaid(event: Extract<DepositEvent, { kind: 'deposit-paid' }>): Promise<void> {
    const occurredAt = new Date(event.occurredAt);
    await this.deps.ledger.recordCardPayment({ bookingId: event.bookingId, externalId: event.paymentId, amountCents: event.amountCents, kind: 'DEPOSIT', occurredAt });
    const checkout = (event.checkoutId ? await this.deps.repository.findById(event.checkoutId) : null) ?? (await this.deps.repository.findBySession(event.sessionId));
    if (checkout) await this.deps.repository.markPaid(checkout.id, event.paymentId, occurredAt);
    else this.deps.logger.info({ bookingId: event.bookingId }, 'a Stripe checkout this server did not make was paid; recorded in the ledger only');
  }

  async checkoutExpired(event: Extract<DepositEvent, { kind: 'checkout-expired' }>): Promise<void> {
    await this.deps.repository.markExpired(event.sessionId);
  }

  /**
   * Refunds, each in the ledger once under its refund id. The booking comes from the refund's
   * metadata or the payment it gives back; a refund of a payment not recorded yet (its checkout
   * event still on its way) fails, and the queue tries it again later.
   */
  async refunded(event: Extract<DepositEvent, { kind: 'refunds' }>): Promise<void> {
    const bookingId = event.bookingId ?? (event.paymentIntentId ? (await this.deps.repository.findByPayment(event.paymentIntentId))?.bookingId : undefined);
    if (!bookingId) throw new Error(`refund of payment ${event.paymentIntentId ?? '(none)'} before its payment is known; retried later`);
    for (const refund of event.refunds) {
      await this.deps.ledger.recordRefund({ bookingId, externalId: refund.refundId, amountCents: refund.amountCents, occurredAt: new Date(refund.occurredAt) });
    }
  }

  // ---------------------------------------------------------------- inside

  /** The checkout with a live session: its own, or a new one (the next attempt) when it expired. */
  private async withSession(booking: Booking, found: DepositCheckout): Promise<DepositCheckout> {
    let checkout = found;
    if (checkout.status === DepositCheckoutStatus.PAID) throw userFailure('DEPOSIT_PAID', 'The deposit is already paid.', 'bookingId');
    const stale = checkout.status === DepositCheckoutStatus.EXPIRED || (checkout.expiresAt !== null && checkout.expiresAt.getTime() < Date.now() + EXPIRY_MARGIN_MS);
    const otherProvider = checkout.provider !== null && checkout.provider !== this.deps.provider.name;
    if (checkout.providerSessionId && (stale || otherProvider)) checkout = await this.deps.repository.renew(checkout.id, checkout.attempt);
    if (checkout.providerSessionId) return checkout;
    const reference = bookingReference(booking.id);
    try {
      const session = await this.deps.provider.createSession({
        checkoutId: checkout.id,
        bookingId: booking.id,
        bookingReference: reference,
        amountCents: checkout.amountCents,
        description: `Deposit for your hibachi party on ${formatDay(booking.eventDate)}`,
        idempotencyKey: `deposit-${booking.id}-${checkout.amountCents}-${checkout.attempt}`,
        successUrl: `${this.linkOf(checkout)}?paid=1`,
        cancelUrl: this.linkOf(checkout),
      });
      return await this.deps.repository.setSession(checkout.id, checkout.attempt, this.deps.provider.name, session);
    } catch (error) {
      if (!(error instanceof CheckoutProviderError)) throw error;
      throw userFailure(
        'PAYMENT_PROVIDER_UNAVAILABLE',
        error.transient ? 'The card payment service did not answer. Try again in a minute.' : 'The card payment service refused to make a payment page. Check the Stripe settings.',
      );
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

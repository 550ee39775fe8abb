import { DateTime } from 'luxon';
import type { FigureWindow } from '../../shared/figure-window';
import type { BookingsService } from '../bookings/bookings.service';
import type { ConversationsService } from '../conversations/conversations.service';
import type { EscalationsService } from '../escalations/escalations.service';
import type { PaymentMatchingService } from '../payments/payment-matching.service';
import type { PaymentsService } from '../payments/payments.service';
import type { ReviewsService } from '../reviews/reviews.service';
import type { TermsService } from '../terms/terms.service';
import type { WebhookInboxService } from '../webhooks/webhook-inbox.service';
import { Responder, type DailyFigure, type Metrics, type ResponseTimeFigure } from './metrics.types';

/** The longest range one metrics query covers, in days. */
export const MAX_RANGE_DAYS = 366;
/** The terms acknowledgment rate is over this many days, ending on the range's last day (SPEC §8). */
export const TERMS_WINDOW_DAYS = 7;

/** A range of calendar days the caller asked for that cannot be read. */
export class MetricsRangeError extends Error {
  constructor(
    message: string,
    readonly argumentName: 'from' | 'to',
  ) {
    super(message);
  }
}

/**
 * The owner's figures (SPEC §8). No table is read here: each module computes its own figures
 * in SQL over its own tables (one statement each, run side by side), and this puts them
 * together and divides.
 */
export class MetricsService {
  constructor(
    private readonly deps: {
      bookings: Pick<BookingsService, 'createdFigures' | 'termsFigures'>;
      conversations: Pick<ConversationsService, 'threadFigures' | 'responseTimes'>;
      escalations: Pick<EscalationsService, 'escalatedThreads'>;
      terms: Pick<TermsService, 'invalidRepliesPerDay'>;
      reviews: Pick<ReviewsService, 'ratingFigures'>;
      payments: Pick<PaymentMatchingService, 'staleUnmatched'>;
      ledger: Pick<PaymentsService, 'weekFigures'>;
      webhooks: Pick<WebhookInboxService, 'signatureFailuresSince'>;
      timeZone: string;
    },
  ) {}

  /** Today in the business time zone, YYYY-MM-DD. */
  today(now = new Date()): string {
    return DateTime.fromJSDate(now).setZone(this.deps.timeZone).toISODate()!;
  }

  /**
   * The figures for the calendar days `from`..`to` (inclusive, YYYY-MM-DD in the business zone).
   * Without `from`, the `days` days ending on `to`; without `to`, ending today.
   */
  async metrics(params: { from?: string | null; to?: string | null; days?: number | null }, now = new Date()): Promise<Metrics> {
    const to = params.to ? this.day(params.to, 'to') : DateTime.fromJSDate(now).setZone(this.deps.timeZone).startOf('day');
    const from = params.from ? this.day(params.from, 'from') : to.minus({ days: Math.min(Math.max(Math.trunc(params.days ?? 7), 1), MAX_RANGE_DAYS) - 1 });
    if (from > to) throw new MetricsRangeError('The start date must be on or before the end date.', 'from');
    const dayCount = Math.round(to.diff(from, 'days').days) + 1;
    if (dayCount > MAX_RANGE_DAYS) throw new MetricsRangeError(`Ask for at most ${MAX_RANGE_DAYS} days at a time.`, 'from');

    const window: FigureWindow = { from: from.toJSDate(), to: to.plus({ days: 1 }).toJSDate(), timeZone: this.deps.timeZone };
    const termsFrom = to.minus({ days: TERMS_WINDOW_DAYS - 1 });
    const termsWindow: FigureWindow = { ...window, from: termsFrom.toJSDate() };
    const [threads, responses, escalated, booked, terms, invalid, ratings, signatureFailures, unmatched, money] = await Promise.all([
      this.deps.conversations.threadFigures(window),
      this.deps.conversations.responseTimes(window),
      this.deps.escalations.escalatedThreads(window),
      this.deps.bookings.createdFigures(window),
      this.deps.bookings.termsFigures(termsWindow),
      this.deps.terms.invalidRepliesPerDay(window),
      this.deps.reviews.ratingFigures(window),
      this.deps.webhooks.signatureFailuresSince(new Date(now.getTime() - 3600_000)),
      this.deps.payments.staleUnmatched(now),
      this.deps.ledger.weekFigures(window),
    ]);

    const response = (responder: Responder): ResponseTimeFigure => {
      const row = responses.find((r) => r.author === responder);
      return { responder, replies: row?.replies ?? 0, medianSeconds: row?.medianSeconds ?? null, p90Seconds: row?.p90Seconds ?? null };
    };
    const inquiries = booked.byChannel.reduce((sum, row) => sum + row.bookings, 0);
    const converted = booked.byChannel.reduce((sum, row) => sum + row.confirmed, 0);

    const daily: DailyFigure[] = [];
    const bookingsOn = new Map(booked.byDay.map((row) => [row.day, row]));
    const invalidOn = new Map(invalid.map((row) => [row.day, row.count]));
    const ratingsOn = new Map(ratings.byDay.map((row) => [row.day, row]));
    for (let day = from; day <= to; day = day.plus({ days: 1 })) {
      const date = day.toISODate()!;
      const b = bookingsOn.get(date);
      const r = ratingsOn.get(date);
      daily.push({
        date,
        bookings: b?.bookings ?? 0,
        confirmed: b?.confirmed ?? 0,
        revenueCents: b?.revenueCents ?? 0,
        invalidTermsReplies: invalidOn.get(date) ?? 0,
        reviews: r?.count ?? 0,
        averageRating: r?.averageRating ?? null,
      });
    }

    return {
      from: from.toISODate()!,
      to: to.toISODate()!,
      timeZone: this.deps.timeZone,
      conversations: threads.threads,
      aiAnsweredConversations: threads.aiAnswered,
      aiBookedConversations: threads.aiBooked,
      aiBookingSuccessRate: share(threads.aiBooked, threads.aiAnswered),
      escalatedConversations: escalated,
      escalationRate: share(escalated, threads.threads),
      inquiries,
      convertedInquiries: converted,
      conversionRate: share(converted, inquiries),
      revenueCents: booked.byChannel.reduce((sum, row) => sum + row.revenueCents, 0),
      depositsCents: money.depositCents,
      channels: booked.byChannel.map((row) => ({ channel: row.channel!, bookings: row.bookings, confirmed: row.confirmed, revenueCents: row.revenueCents })),
      termsWindowFrom: termsFrom.toISODate()!,
      termsRequested: terms.asked,
      termsAcknowledged: terms.accepted,
      termsAcknowledgmentRate: share(terms.accepted, terms.asked),
      invalidTermsReplies: invalid.reduce((sum, row) => sum + row.count, 0),
      maxInvalidTermsRepliesPerDay: invalid.reduce((max, row) => Math.max(max, row.count), 0),
      aiResponse: response(Responder.AI),
      staffResponse: response(Responder.STAFF),
      reviews: ratings.total.count,
      averageRating: ratings.total.averageRating,
      daily,
      webhookSignatureFailuresLastHour: signatureFailures,
      unmatchedPayments: unmatched,
    };
  }

  private day(text: string, argumentName: 'from' | 'to'): DateTime {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone: this.deps.timeZone }) : null;
    if (!day?.isValid) throw new MetricsRangeError(`The ${argumentName === 'from' ? 'start' : 'end'} date must be a date written YYYY-MM-DD, like 2026-12-01.`, argumentName);
    return day.startOf('day');
  }
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

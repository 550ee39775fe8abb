import { DateTime } from 'luxon';
import type { Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { Logger } from '../../shared/logger';
import type { SendPurpose } from '../../providers/outbound.port';
import { BookingStatus, type Booking } from '../bookings/booking.entity';
import type { BookingsService } from '../bookings/bookings.service';
import { priceBreakdown } from '../bookings/pricing';
import type { ConsentService } from '../channels/consent';
import { nextSendWindow, type SendWindow } from '../channels/quiet-hours';
import { recipientTimeZone, type RecipientTimeZone } from '../channels/recipient-time-zone';
import type { ConversationsService } from '../conversations/conversations.service';
import { MessageAuthor } from '../conversations/message.entity';
import type { CustomersRepository } from '../customers/customers.repository';
import { reminderText, type ReminderTextSettings } from './reminder-texts';
import type { RemindersRepository } from './reminders.repository';
import { ScheduledMessageKind, messageKey, plannedMessages, type PlannedMessage, type ScheduleSettings } from './schedule';
import { ScheduledMessageOutcome, type ScheduledMessageRecord } from './scheduled-message.entity';

/** How a scheduled message stands, as staff see it on the booking. */
export enum ScheduledMessageStatus {
  /** Waiting for its time (or for the recipient's quiet hours to end). */
  SCHEDULED = 'SCHEDULED',
  SENT = 'SENT',
  SKIPPED = 'SKIPPED',
  /** The booking was cancelled before it was due. */
  CANCELLED = 'CANCELLED',
}

export interface ScheduledMessageView {
  bookingId: string;
  kind: ScheduledMessageKind;
  /** Days before the event, for payment reminders. */
  daysBefore: number | null;
  dueAt: Date;
  /** When it goes (SCHEDULED): its due time, moved past the recipient's quiet hours. */
  sendAt: Date | null;
  status: ScheduledMessageStatus;
  reason: string | null;
  handledAt: Date | null;
  timeZone: string;
  timeZoneSource: string;
}

const PURPOSE: Record<ScheduledMessageKind, SendPurpose> = {
  [ScheduledMessageKind.DAY_BEFORE_REMINDER]: 'REMINDER',
  [ScheduledMessageKind.PAYMENT_REMINDER]: 'REMINDER',
  [ScheduledMessageKind.REVIEW_REQUEST]: 'REVIEW_REQUEST',
};

type Handled = 'sent' | 'skipped' | 'deferred' | 'not-due';

/**
 * Reminders and review requests (issue: scheduled messages). What a booking is due follows from
 * the booking (schedule.ts); a check on the durable queue, once across instances, sends each
 * message whose time has come on the recipient's clock, in their thread, under a key of its own:
 * the row that records it is unique per booking, kind and event date and is written in the same
 * transaction, so a retry, a restart or a second instance never sends it twice. Quiet hours
 * hold a message until the recipient's morning; a STOP, a cancellation or a paid balance stops it.
 */
export class RemindersService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: RemindersRepository;
      bookings: BookingsService;
      customers: CustomersRepository;
      conversations: ConversationsService;
      consent: ConsentService;
      logger: Logger;
      settings: ScheduleSettings & Pick<ReminderTextSettings, 'businessName'> & { businessTimeZone: string; sendWindow: SendWindow };
      /** Where a review is written: REVIEW_LINK_URL, else the connected Google location's link, else none. */
      reviewLink(): Promise<string | null>;
    },
  ) {}

  /** Sends (or skips, with the reason) every scheduled message due by `now`. Returns what it did. */
  async dispatchDue(now = new Date()): Promise<{ sent: number; skipped: number; deferred: number }> {
    const { settings } = this.deps;
    const today = DateTime.fromJSDate(now, { zone: settings.businessTimeZone });
    // Every event a message may still be due for: a review request up to its staleness after the
    // event, the earliest payment reminder before it; a day's margin for zones either side.
    const from = today.minus({ days: settings.reviewRequestStaleDays + 2 }).toISODate()!;
    const to = today.plus({ days: Math.max(1, ...settings.paymentReminderDays) + 1 }).toISODate()!;
    const bookings = await this.deps.bookings.withEventsBetween(from, to);
    const handled = new Set((await this.deps.repository.handledFor(bookings.map((booking) => booking.id))).map((record) => messageKey(record.bookingId, record)));
    const zones = await this.zonesOf(bookings);
    const counts = { sent: 0, skipped: 0, deferred: 0 };
    for (const booking of bookings) {
      const zone = zones.get(booking.id)!;
      const due = plannedMessages(booking, settings, zone.zone).filter((planned) => planned.dueAt <= now && !handled.has(messageKey(booking.id, planned)));
      // After a pause (an outage, a late confirmation) several payment reminders can be due at once: only the latest goes.
      const latestPayment = due.filter((planned) => planned.kind === ScheduledMessageKind.PAYMENT_REMINDER).at(-1);
      for (const planned of due) {
        const superseded = planned.kind === ScheduledMessageKind.PAYMENT_REMINDER && planned !== latestPayment;
        const outcome = await this.handle(booking.id, planned, zone, now, superseded);
        if (outcome !== 'not-due') counts[outcome] += 1;
      }
    }
    return counts;
  }

  /** One due message, in one transaction holding the booking (and its thread) locked. */
  private handle(bookingId: string, planned: PlannedMessage, zone: RecipientTimeZone, now: Date, superseded: boolean): Promise<Handled> {
    return this.deps.uow.run(async (tx, events): Promise<Handled> => {
      const locked = await this.deps.bookings.lockForScheduledText(tx, bookingId);
      // Cancelled or moved since it was read: the message it was due is not due any more.
      const key = messageKey(bookingId, planned);
      if (!locked || !plannedMessages(locked.booking, this.deps.settings, zone.zone).some((again) => messageKey(bookingId, again) === key)) return 'not-due';
      const { booking, thread } = locked;
      const skip = async (reason: string): Promise<Handled> => ((await this.record(tx, booking, planned, zone, ScheduledMessageOutcome.SKIPPED, reason)) ? 'skipped' : 'not-due');
      if (superseded) return skip('A later reminder of the balance was due at the same time and went instead.');
      if (now >= planned.staleAt) return skip(planned.kind === ScheduledMessageKind.REVIEW_REQUEST ? 'Too long after the event to ask for a review.' : 'The event had begun before it could be sent.');
      if (nextSendWindow(now, zone.zone, this.deps.settings.sendWindow)) return 'deferred';
      if (planned.kind === ScheduledMessageKind.PAYMENT_REMINDER && priceBreakdown(booking).balanceCents === 0) return skip('The booking is paid in full.');
      if (planned.kind === ScheduledMessageKind.REVIEW_REQUEST && booking.status !== BookingStatus.COMPLETED && booking.status !== BookingStatus.CONFIRMED) return 'not-due';
      if (!thread) return skip('The customer has no mobile number on file, or did not agree to texts.');
      if (await this.deps.consent.refusesMessages(thread.channel, thread.channelAddress, tx)) return skip('The customer has opted out of texts.');
      if (!(await this.record(tx, booking, planned, zone, ScheduledMessageOutcome.SENT, null))) return 'not-due';
      const reviewLink = planned.kind === ScheduledMessageKind.REVIEW_REQUEST ? await this.deps.reviewLink() : null;
      const text = reminderText(planned.kind, booking, thread.language, { businessName: this.deps.settings.businessName, reviewLink });
      await this.deps.conversations.sendReply(tx, events, thread, { author: MessageAuthor.SYSTEM, text, purpose: PURPOSE[planned.kind], timeZone: zone.zone });
      return 'sent';
    });
  }

  /** Records the outcome unless another run did first; says whether this one did. */
  private record(tx: Tx, booking: Booking, planned: PlannedMessage, zone: RecipientTimeZone, outcome: ScheduledMessageOutcome, reason: string | null): Promise<boolean> {
    return this.deps.repository.recordOnce(tx, {
      bookingId: booking.id,
      kind: planned.kind,
      slot: planned.slot,
      eventDate: planned.eventDate,
      outcome,
      reason,
      dueAt: planned.dueAt,
      timeZone: zone.zone,
      timeZoneSource: zone.source,
    });
  }

  /** Each booking's recipient zone: the event's ZIP code, else the customer's area code, else the business's (logged). */
  private async zonesOf(bookings: readonly Booking[]): Promise<Map<string, RecipientTimeZone>> {
    const customers = new Map((await this.deps.customers.findByIds([...new Set(bookings.map((booking) => booking.customerId))])).map((customer) => [customer.id, customer]));
    const zones = new Map<string, RecipientTimeZone>();
    for (const booking of bookings) {
      const zone = await recipientTimeZone({ address: booking.address, phone: customers.get(booking.customerId)?.phone }, this.deps.settings.businessTimeZone);
      if (zone.source === 'BUSINESS') this.deps.logger.info({ bookingId: booking.id }, "the recipient's time zone is unknown (no ZIP code or area code to read it from): the business time zone is used for quiet hours");
      zones.set(booking.id, zone);
    }
    return zones;
  }

  /**
   * What a booking's scheduled messages are and were, for staff: handled ones as recorded, the
   * rest as planned now (with when they will go), and those a cancellation stopped.
   */
  async forBookings(bookings: readonly Booking[], handled: readonly ScheduledMessageRecord[], now = new Date()): Promise<Map<string, ScheduledMessageView[]>> {
    const zones = await this.zonesOf(bookings);
    const views = new Map<string, ScheduledMessageView[]>();
    for (const booking of bookings) {
      const zone = zones.get(booking.id)!;
      const records = handled.filter((record) => record.bookingId === booking.id);
      const done = new Set(records.map((record) => messageKey(booking.id, record)));
      const list: ScheduledMessageView[] = records.map((record) => ({
        bookingId: booking.id,
        kind: record.kind,
        daysBefore: record.slot ? Number(record.slot) : null,
        dueAt: record.dueAt,
        sendAt: null,
        status: record.outcome === ScheduledMessageOutcome.SENT ? ScheduledMessageStatus.SENT : ScheduledMessageStatus.SKIPPED,
        reason: record.reason,
        handledAt: record.handledAt,
        timeZone: record.timeZone,
        timeZoneSource: record.timeZoneSource,
      }));
      // A cancelled booking shows what its confirmed self was still due, as cancelled.
      const asPlanned = booking.status === BookingStatus.CANCELLED && booking.confirmedAt ? { ...booking, status: BookingStatus.CONFIRMED } : booking;
      for (const planned of plannedMessages(asPlanned, this.deps.settings, zone.zone)) {
        if (done.has(messageKey(booking.id, planned))) continue;
        const cancelled = booking.status === BookingStatus.CANCELLED;
        if (cancelled && booking.cancelledAt && planned.dueAt < booking.cancelledAt) continue;
        const opensAt = nextSendWindow(planned.dueAt < now ? now : planned.dueAt, zone.zone, this.deps.settings.sendWindow);
        list.push({
          bookingId: booking.id,
          kind: planned.kind,
          daysBefore: planned.slot ? Number(planned.slot) : null,
          dueAt: planned.dueAt,
          sendAt: cancelled ? null : (opensAt ?? (planned.dueAt < now ? now : planned.dueAt)),
          status: cancelled ? ScheduledMessageStatus.CANCELLED : ScheduledMessageStatus.SCHEDULED,
          reason: cancelled ? 'The booking was cancelled.' : opensAt ? "Held until the recipient's quiet hours end." : null,
          handledAt: null,
          timeZone: zone.zone,
          timeZoneSource: zone.source,
        });
      }
      views.set(booking.id, list.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()));
    }
    return views;
  }

  handledFor(bookingIds: readonly string[]): Promise<ScheduledMessageRecord[]> {
    return this.deps.repository.handledFor(bookingIds);
  }
}

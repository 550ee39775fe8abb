import { DateTime } from 'luxon';
import { BookingStatus } from '../bookings/booking.entity';

/** The messages a booking gets without anyone sending them (issue: scheduled messages). */
export enum ScheduledMessageKind {
  DAY_BEFORE_REMINDER = 'DAY_BEFORE_REMINDER',
  PAYMENT_REMINDER = 'PAYMENT_REMINDER',
  REVIEW_REQUEST = 'REVIEW_REQUEST',
}

export interface ScheduleSettings {
  /** Local time ("10:00") the day-before and payment reminders are due. */
  reminderTime: string;
  /** Payment reminders go this many days before the event, while a balance is unpaid. */
  paymentReminderDays: readonly number[];
  /** Local time the review request is due, the day after the event. */
  reviewRequestTime: string;
  /** A review request older than this is no longer sent (the party is long past). */
  reviewRequestStaleDays: number;
}

/** What the schedule needs of a booking. */
export interface ScheduledBooking {
  id: string;
  status: BookingStatus;
  eventDate: string;
  startsAt: Date;
  confirmedAt: Date | null;
}

/** One message a booking is due, on the recipient's clock. */
export interface PlannedMessage {
  kind: ScheduledMessageKind;
  /** Tells apart the payment reminders ("7" days before); "" for the others. */
  slot: string;
  /** The event date it was planned for: a booking moved to another day gets new messages. */
  eventDate: string;
  dueAt: Date;
  /** After this the message is pointless (the event began, or the party is long past). */
  staleAt: Date;
}

function atLocal(date: string, time: string, zone: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(date, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
}

/**
 * The messages a booking is due, derived from the booking itself: moving it moves them (the
 * ones for the old day were for the old day), cancelling it leaves none. Only a confirmed
 * booking gets reminders, and only those due after it was confirmed (a booking confirmed two
 * days ahead gets no "a week to go" reminder); the review request follows a completed event.
 */
export function plannedMessages(booking: ScheduledBooking, settings: ScheduleSettings, zone: string): PlannedMessage[] {
  const planned: PlannedMessage[] = [];
  const confirmedAt = booking.confirmedAt?.getTime() ?? Infinity;
  if (booking.status === BookingStatus.CONFIRMED) {
    const eventDay = DateTime.fromISO(booking.eventDate, { zone });
    const reminder = (kind: ScheduledMessageKind, slot: string, daysBefore: number) => {
      const dueAt = atLocal(eventDay.minus({ days: daysBefore }).toISODate()!, settings.reminderTime, zone).toJSDate();
      if (dueAt.getTime() >= confirmedAt) planned.push({ kind, slot, eventDate: booking.eventDate, dueAt, staleAt: booking.startsAt });
    };
    for (const days of settings.paymentReminderDays) reminder(ScheduledMessageKind.PAYMENT_REMINDER, String(days), days);
    reminder(ScheduledMessageKind.DAY_BEFORE_REMINDER, '', 1);
  }
  if (booking.status === BookingStatus.COMPLETED || booking.status === BookingStatus.CONFIRMED) {
    const dayAfter = DateTime.fromISO(booking.eventDate, { zone }).plus({ days: 1 }).toISODate()!;
    const due = atLocal(dayAfter, settings.reviewRequestTime, zone);
    planned.push({ kind: ScheduledMessageKind.REVIEW_REQUEST, slot: '', eventDate: booking.eventDate, dueAt: due.toJSDate(), staleAt: due.plus({ days: settings.reviewRequestStaleDays }).toJSDate() });
  }
  return planned.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The key a planned message is sent under: the same message is never sent twice. */
export function messageKey(bookingId: string, message: Pick<PlannedMessage, 'kind' | 'slot' | 'eventDate'>): string {
  return `booking:${bookingId}:${message.kind}:${message.slot}:${message.eventDate}`;
}

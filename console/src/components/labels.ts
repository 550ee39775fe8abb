import { useEffect, useState } from 'react';
import type {
  BookingStatus,
  Channel,
  ConversationStage,
  DeliveryStatus,
  EscalationReason,
  EscalationStatus,
  MessageAuthor,
  MessageVia,
  TermsChannel,
  TravelBand,
  WebhookEventStatus,
  WebhookProvider,
} from '../graphql/generated/graphql';

/** Words staff read for the API's enums, in one place so every page says the same. */

export const CHANNEL_LABELS: Record<Channel, string> = {
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  WEB_CHAT: 'Web chat',
  MESSENGER: 'Messenger',
  INSTAGRAM: 'Instagram',
  PHONE: 'Phone',
  EMAIL: 'Email',
};

export const STAGE_LABELS: Record<ConversationStage, string> = {
  GREETING: 'Greeting',
  COLLECTING_DETAILS: 'Collecting details',
  QUOTING: 'Quoting',
  CONFIRMING: 'Confirming',
  AWAITING_TERMS: 'Awaiting terms',
  BOOKED: 'Booked',
  ESCALATED: 'Escalated',
  CLOSED: 'Closed',
};

export const REASON_LABELS: Record<EscalationReason, string> = {
  HUMAN_REQUEST: 'Asked for a person',
  NEGATIVE_SENTIMENT: 'Upset customer',
  REPEATED_FAILURE: 'Assistant could not understand',
  MAX_ATTEMPTS: 'Too many attempts',
  BOOKING_CHANGE: 'Change or cancellation',
  AI_DISABLED: 'Assistant switched off',
  STAFF_TAKEOVER: 'Staff stepped in',
  PAGE_INBOX_REPLY: 'Replied in Page inbox or Instagram',
  OPT_OUT_UNCLEAR: 'May want no more texts',
  TERMS_NOT_ACCEPTED: 'Has not accepted the terms',
};

/** Where a staff message was written when it was not in this console, as the thread says it. */
export const VIA_LABELS: Record<MessageVia, string> = {
  PAGE_INBOX: 'via Page inbox',
  INSTAGRAM_APP: 'via Instagram app',
};

/** Who has a thread answered in Meta's own inbox, before anyone here takes it over. */
export function outsideHolder(channel: Channel): string {
  return channel === 'INSTAGRAM' ? 'Someone in the Instagram app' : 'Someone in the Page inbox';
}

export const ESCALATION_STATUS_LABELS: Record<EscalationStatus, string> = {
  QUEUED: 'Queued: nobody available',
  ASSIGNED: 'Assigned',
  TAKEN_OVER: 'Taken over',
  RESOLVED: 'Resolved',
};

export const AUTHOR_LABELS: Record<MessageAuthor, string> = {
  CUSTOMER: 'Customer',
  AI: 'Assistant',
  STAFF: 'Staff',
  SYSTEM: 'Automatic',
};

export const DELIVERY_LABELS: Record<DeliveryStatus, string> = {
  RECEIVED: 'Received',
  QUEUED: 'Sending…',
  SENT: 'Sent',
  DELIVERED: 'Delivered',
  FAILED: 'Not delivered',
  UNCONFIRMED: 'Not confirmed',
};

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  INQUIRY: 'Inquiry',
  PENDING_TERMS: 'Waiting for terms',
  CONFIRMED: 'Confirmed',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** How the customer accepted the terms, as the evidence names it. */
export const TERMS_CHANNEL_LABELS: Record<TermsChannel, string> = {
  WEB: 'Web',
  PHONE: 'Phone',
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  AI_CHAT: 'Assistant chat',
  EMAIL: 'Email',
  IN_PERSON: 'In person',
};

/** A service area's short name (the API's bandLabel says it in full, with its miles). */
export const TRAVEL_BAND_LABELS: Record<TravelBand, string> = {
  PRIMARY: 'Primary',
  SECONDARY: 'Secondary',
  EXTENDED: 'Extended',
  OUTSIDE: 'Outside',
};

/** The statuses in the order a booking moves through them, for filters and legends. */
export const BOOKING_STATUSES: readonly BookingStatus[] = ['INQUIRY', 'PENDING_TERMS', 'CONFIRMED', 'COMPLETED', 'CANCELLED'];

export const WEBHOOK_PROVIDER_LABELS: Record<WebhookProvider, string> = {
  RINGCENTRAL: 'RingCentral',
  RINGCENTRAL_AI: 'RingCentral AI (call transcripts)',
  META: 'Meta',
  STRIPE: 'Stripe (deposits)',
  PLAID: 'Plaid (bank feed)',
  GOOGLE: 'Google (reviews)',
};

export const WEBHOOK_STATUS_LABELS: Record<WebhookEventStatus, string> = {
  DEAD: 'Dead letter',
  RETRYING: 'Retrying',
  PENDING: 'Pending',
  APPLIED: 'Applied',
};

/*
 * ChannelConnection's provider, sender and status are plain strings in the API (new providers
 * may add values), so these maps are partial: `labelOf` shows an unknown value as it is.
 */

export const CONNECTION_PROVIDER_LABELS: Partial<Record<string, string>> = {
  ringcentral: 'RingCentral (SMS)',
  meta: 'Meta',
};

export const CONNECTION_SENDER_LABELS: Partial<Record<string, string>> = {
  ringcentral: 'RingCentral',
  'local-outbox': 'Local outbox',
  none: 'None',
};

export const CONNECTION_STATUS_LABELS: Partial<Record<string, string>> = {
  ACTIVE: 'Active',
  ERROR: 'Error',
  NOT_SUBSCRIBED: 'Not subscribed',
  NOT_CONFIGURED: 'Not configured',
  LOCAL: 'Local only',
};

export function labelOf(labels: Partial<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}

/** The best name the console has for a customer. */
export function customerLabel(customer: { name: string | null; phone: string | null; email: string | null }, channel?: Channel): string {
  return customer.name ?? customer.phone ?? customer.email ?? (channel ? `${CHANNEL_LABELS[channel]} visitor` : 'Unknown customer');
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "4 minutes ago" or "in 4 minutes", in the largest unit that fits (minutes, hours, days). */
function relativeTime(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

/** "just now", "4 minutes ago", "2 hours ago", "3 days ago". */
export function timeAgo(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds > -45) return 'just now';
  return relativeTime(seconds);
}

/** "in 6 days", "in 3 hours"; a moment already past reads like timeAgo. */
export function timeUntil(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  return seconds > 0 ? relativeTime(Math.max(seconds, 60)) : timeAgo(iso, now);
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The current time, refreshed every `everyMs`, for "how long ago" labels that must keep counting. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$1,260.00" for 126000 cents. */
export function dollars(cents: number): string {
  return money.format(cents / 100);
}

// A booking's day and start time are the business's calendar and clock, not instants: they are
// formatted as they are, never shifted into the browser's time zone.
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

/** "Sat, Dec 20, 2026" for "2026-12-20" (or "Saturday, December 20, 2026" with `long`). */
export function eventDay(date: string, style: 'short' | 'long' = 'short'): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return (style === 'long' ? longDayFormat : dayFormat).format(day);
}

/** "6:00 PM" for "18:00". */
export function clockTime(time: string): string {
  const at = new Date(`1970-01-01T${time}:00Z`);
  return Number.isNaN(at.getTime()) ? time : clockFormat.format(at);
}

/** The day after a YYYY-MM-DD day, as YYYY-MM-DD. */
export function dayAfter(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Today in the browser's calendar, as YYYY-MM-DD (what a date input holds). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "(916) 555-0100" for a US number stored as "+19165550100"; any other number as stored. */
export function phoneNumber(e164: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : e164;
}

/** "10 adults, 2 kids", "1 adult". */
export function partyMakeup(adults: number, kids: number): string {
  const parts = [`${adults} adult${adults === 1 ? '' : 's'}`];
  if (kids > 0) parts.push(`${kids} kid${kids === 1 ? '' : 's'}`);
  return parts.join(', ');
}

const milesFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "37.1 mi". */
export function miles(value: number): string {
  return `${milesFormat.format(value)} mi`;
}

/** "50 min", "1 h 5 min", "2 h". */
export function driveTime(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** The first characters of a SHA-256, enough to tell records apart by eye; the full hash is copied, never this. */
export function shortHash(hex: string, length = 12): string {
  return hex.length > length ? `${hex.slice(0, length)}…` : hex;
}

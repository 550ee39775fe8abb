import { useEffect, useState } from 'react';
import type {
  Channel,
  ConversationStage,
  DeliveryStatus,
  EscalationReason,
  EscalationStatus,
  MessageAuthor,
  MessageVia,
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

export const WEBHOOK_PROVIDER_LABELS: Record<WebhookProvider, string> = {
  RINGCENTRAL: 'RingCentral',
  RINGCENTRAL_AI: 'RingCentral AI (call transcripts)',
  META: 'Meta',
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

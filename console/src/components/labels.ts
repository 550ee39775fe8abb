import { useEffect, useState } from 'react';
import type { Channel, ConversationStage, EscalationReason, EscalationStatus, MessageAuthor } from '../graphql/generated/graphql';

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
};

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

/** The best name the console has for a customer. */
export function customerLabel(customer: { name: string | null; phone: string | null; email: string | null }, channel?: Channel): string {
  return customer.name ?? customer.phone ?? customer.email ?? (channel ? `${CHANNEL_LABELS[channel]} visitor` : 'Unknown customer');
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "4 minutes ago", "2 hours ago", "3 days ago". */
export function timeAgo(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds > -45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
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

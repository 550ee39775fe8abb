import { DateTime } from 'luxon';
import type { SendPurpose } from '../../providers/outbound.port';

/**
 * When unprompted messages may go, on the recipient's clock (SPEC §3: 08:00-21:00 unless
 * configured otherwise). `start` and `end` are minutes after local midnight; a window whose
 * start equals its end never closes (no quiet hours).
 */
export interface SendWindow {
  startMinute: number;
  endMinute: number;
}

export const DEFAULT_SEND_WINDOW: SendWindow = { startMinute: 8 * 60, endMinute: 21 * 60 };

/** Reads "08:00-21:00" (QUIET_HOURS's form: the hours messages MAY go); null when it is not that form. */
export function parseSendWindow(text: string): SendWindow | null {
  const match = /^\s*([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-4]):([0-5]\d)\s*$/.exec(text);
  if (!match) return null;
  const startMinute = Number(match[1]) * 60 + Number(match[2]);
  const endMinute = Number(match[3]) * 60 + Number(match[4]);
  if (endMinute > 24 * 60) return null;
  return { startMinute, endMinute };
}

/** Replies answer something the customer (or, for alerts, the business) is waiting for now; a verification code is waited for in the chat. */
const ANSWERS_SOMEONE: ReadonlySet<SendPurpose> = new Set(['CONVERSATION_REPLY', 'CONSENT_CONFIRMATION', 'ESCALATION_ALERT', 'VERIFICATION_CODE']);

export function respectsQuietHours(purpose: SendPurpose): boolean {
  return !ANSWERS_SOMEONE.has(purpose);
}

function isOpen(minute: number, window: SendWindow): boolean {
  const { startMinute, endMinute } = window;
  if (startMinute === endMinute) return true;
  // A window may run past midnight (e.g. 20:00-02:00).
  return startMinute < endMinute ? minute >= startMinute && minute < endMinute : minute >= startMinute || minute < endMinute;
}

/**
 * When an unprompted message may go: null if now is inside the window, else the first minute
 * of the next opening on the recipient's clock. Computed on the local calendar (luxon), so a
 * daylight-saving change in between moves the answer with the clock: 08:00 is 08:00 local on
 * either side of it, and an opening that falls in a skipped hour starts when the clock resumes.
 */
export function nextSendWindow(now: Date, timeZone: string, window: SendWindow = DEFAULT_SEND_WINDOW): Date | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (isOpen(local.hour * 60 + local.minute, window)) return null;
  const opening = (day: DateTime) => day.set({ hour: Math.floor(window.startMinute / 60), minute: window.startMinute % 60, second: 0, millisecond: 0 });
  const today = opening(local.startOf('day'));
  const next = today > local ? today : opening(local.startOf('day').plus({ days: 1 }));
  return next.toJSDate();
}

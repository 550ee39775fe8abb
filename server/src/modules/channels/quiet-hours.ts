import { localClock } from '../extensions/working-hours';
import type { SendPurpose } from '../../providers/outbound.port';

/** SPEC §3: unprompted messages go only between 08:00 and 21:00 on the recipient's clock. */
const WINDOW_START_MINUTE = 8 * 60;
const WINDOW_END_MINUTE = 21 * 60;

/** Replies answer something the customer (or, for alerts, the business) is waiting for now; a verification code is waited for in the chat. */
const ANSWERS_SOMEONE: ReadonlySet<SendPurpose> = new Set(['CONVERSATION_REPLY', 'CONSENT_CONFIRMATION', 'ESCALATION_ALERT', 'VERIFICATION_CODE']);

export function respectsQuietHours(purpose: SendPurpose): boolean {
  return !ANSWERS_SOMEONE.has(purpose);
}

/**
 * When an unprompted message may go: null if now is inside the window, else the next 08:00 on
 * the recipient's clock. Across a daylight-saving change this can be an hour early; the send
 * job checks again and waits the rest.
 */
export function nextSendWindow(now: Date, timeZone: string): Date | null {
  const { minute } = localClock(now, timeZone);
  if (minute >= WINDOW_START_MINUTE && minute < WINDOW_END_MINUTE) return null;
  const minutesToWait = minute >= WINDOW_END_MINUTE ? 24 * 60 - minute + WINDOW_START_MINUTE : WINDOW_START_MINUTE - minute;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + minutesToWait * 60_000);
}

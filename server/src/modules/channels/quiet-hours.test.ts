import { describe, expect, it } from 'vitest';
import { nextSendWindow, parseSendWindow, respectsQuietHours } from './quiet-hours';

const ZONE = 'America/Chicago'; // UTC-6 in November

describe('quiet hours (08:00-21:00 on the recipient clock)', () => {
  it('lets a message go at once inside the window, including 08:00 sharp and 20:59', () => {
    expect(nextSendWindow(new Date('2026-11-21T14:00:00.000Z'), ZONE)).toBeNull(); // 08:00
    expect(nextSendWindow(new Date('2026-11-22T02:59:00.000Z'), ZONE)).toBeNull(); // 20:59
  });

  it('holds a message at 21:00 and later until 08:00 the next morning', () => {
    expect(nextSendWindow(new Date('2026-11-22T03:00:00.000Z'), ZONE)?.toISOString()).toBe('2026-11-22T14:00:00.000Z');
    expect(nextSendWindow(new Date('2026-11-22T05:30:20.000Z'), ZONE)?.toISOString()).toBe('2026-11-22T14:00:00.000Z');
  });

  it('holds a message before 08:00 until 08:00 the same morning', () => {
    expect(nextSendWindow(new Date('2026-11-21T12:15:00.000Z'), ZONE)?.toISOString()).toBe('2026-11-21T14:00:00.000Z'); // 06:15
    expect(nextSendWindow(new Date('2026-11-21T06:00:00.000Z'), ZONE)?.toISOString()).toBe('2026-11-21T14:00:00.000Z'); // 00:00
  });

  it('applies to reminders and review requests, never to replies, consent confirmations or staff alerts', () => {
    expect(respectsQuietHours('REMINDER')).toBe(true);
    expect(respectsQuietHours('BOOKING_CONFIRMATION')).toBe(true);
    expect(respectsQuietHours('REVIEW_REQUEST')).toBe(true);
    expect(respectsQuietHours('CONVERSATION_REPLY')).toBe(false);
    expect(respectsQuietHours('CONSENT_CONFIRMATION')).toBe(false);
    expect(respectsQuietHours('ESCALATION_ALERT')).toBe(false);
  });
});

describe('quiet hours: configured windows and daylight-saving changes', () => {
  const NEW_YORK = 'America/New_York';

  it('reads the configured window, and refuses what is not HH:MM-HH:MM', () => {
    expect(parseSendWindow('09:30-20:00')).toEqual({ startMinute: 570, endMinute: 1200 });
    expect(parseSendWindow('9:00 - 17:45')).toEqual({ startMinute: 540, endMinute: 1065 });
    expect(parseSendWindow('nine to five')).toBeNull();
    expect(parseSendWindow('25:00-26:00')).toBeNull();
  });

  it('uses a configured window, and one whose start equals its end never holds a message', () => {
    const window = { startMinute: 9 * 60 + 30, endMinute: 20 * 60 };
    // 09:00 in New York (EST, UTC-5) waits for 09:30.
    expect(nextSendWindow(new Date('2026-12-01T14:00:00.000Z'), NEW_YORK, window)?.toISOString()).toBe('2026-12-01T14:30:00.000Z');
    expect(nextSendWindow(new Date('2026-12-01T03:00:00.000Z'), NEW_YORK, { startMinute: 0, endMinute: 0 })).toBeNull();
  });

  it('holds a message due the night before clocks spring forward until 08:00 on the new clock', () => {
    // 2026-03-08: New York goes from EST (UTC-5) to EDT (UTC-4) at 02:00.
    // 22:00 EST on the 7th -> 08:00 EDT on the 8th = 12:00 UTC (not 13:00, as a fixed 10 hours would give).
    expect(nextSendWindow(new Date('2026-03-08T03:00:00.000Z'), NEW_YORK)?.toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });

  it('holds a message due the night before clocks fall back until 08:00 on the new clock', () => {
    // 2026-11-01: New York goes from EDT (UTC-4) back to EST (UTC-5) at 02:00.
    // 23:30 EDT on Oct 31 -> 08:00 EST on Nov 1 = 13:00 UTC.
    expect(nextSendWindow(new Date('2026-11-01T03:30:00.000Z'), NEW_YORK)?.toISOString()).toBe('2026-11-01T13:00:00.000Z');
    // 01:30 in the repeated hour (EST, second time) still waits for 08:00 EST.
    expect(nextSendWindow(new Date('2026-11-01T06:30:00.000Z'), NEW_YORK)?.toISOString()).toBe('2026-11-01T13:00:00.000Z');
  });

  it('opens at the first minute after a skipped hour when the window starts inside it', () => {
    // A window opening at 02:30, on the night 02:00-03:00 does not exist: it opens at 03:30 EDT (luxon moves forward).
    const window = { startMinute: 2 * 60 + 30, endMinute: 21 * 60 };
    const opened = nextSendWindow(new Date('2026-03-08T06:00:00.000Z'), NEW_YORK, window); // 01:00 EST
    expect(opened?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('handles a window that runs past midnight', () => {
    const window = { startMinute: 20 * 60, endMinute: 2 * 60 };
    expect(nextSendWindow(new Date('2026-12-02T06:00:00.000Z'), NEW_YORK, window)).toBeNull(); // 01:00
    expect(nextSendWindow(new Date('2026-12-02T08:00:00.000Z'), NEW_YORK, window)?.toISOString()).toBe('2026-12-03T01:00:00.000Z'); // 03:00 -> 20:00
  });
});

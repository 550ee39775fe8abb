import { describe, expect, it } from 'vitest';
import { nextSendWindow, respectsQuietHours } from './quiet-hours';

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
    expect(respectsQuietHours('REVIEW_REQUEST')).toBe(true);
    expect(respectsQuietHours('CONVERSATION_REPLY')).toBe(false);
    expect(respectsQuietHours('CONSENT_CONFIRMATION')).toBe(false);
    expect(respectsQuietHours('ESCALATION_ALERT')).toBe(false);
  });
});

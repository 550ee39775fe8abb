import { describe, expect, it } from 'vitest';
import { ExtensionStatus } from '../extensions/extension.entity';
import { Weekday } from '../extensions/working-hours';
import { routeInboundCall, VoicemailReason, type CallRoutableExtension } from './call-routing';

const weekdays = [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY, Weekday.SATURDAY].map((day) => ({ day, start: '09:00', end: '21:00' }));
const ext = (number: number, overrides: Partial<CallRoutableExtension> = {}): CallRoutableExtension => ({
  id: `id-${number}`,
  number,
  employeeName: `E${number}`,
  phone: `+1555555${String(number).padStart(4, '0')}`,
  status: ExtensionStatus.AVAILABLE,
  workingHours: weekdays,
  isPrimaryEscalation: false,
  ...overrides,
});
const NEW_YORK = 'America/New_York';
// Saturday 2026-11-21 10:00 in New York.
const saturdayMorning = new Date('2026-11-21T15:00:00Z');
// Saturday 22:00 in New York, which is already Sunday 03:00 in UTC.
const saturdayNight = new Date('2026-11-22T03:00:00Z');
// Sunday noon in New York: nobody works Sundays.
const sundayNoon = new Date('2026-11-22T17:00:00Z');
const route = (extensions: CallRoutableExtension[], now = saturdayMorning, lastRotationNumber: number | null = null, timeZone = NEW_YORK) =>
  routeInboundCall({ extensions, lastRotationNumber, now, timeZone });

describe('routeInboundCall', () => {
  it('rings the primary extension while the business is open and it is free', () => {
    const decision = route([ext(101, { isPrimaryEscalation: true }), ext(102)]);
    expect(decision).toMatchObject({ to: 'EXTENSION', extension: { number: 101, phone: '+15555550101' }, nextRotationNumber: null });
    expect(decision.reason).toBe('Open at Saturday 10:00 (America/New_York). Primary extension 101 (E101) is available and within its hours.');
  });

  it('takes the next extension in the rotation when the primary is busy', () => {
    const extensions = [ext(101, { isPrimaryEscalation: true, status: ExtensionStatus.BUSY }), ext(102), ext(103)];
    expect(route(extensions, saturdayMorning, 102)).toMatchObject({ to: 'EXTENSION', extension: { number: 103 }, nextRotationNumber: 103 });
    expect(route(extensions, saturdayMorning, 103)).toMatchObject({ to: 'EXTENSION', extension: { number: 102 }, nextRotationNumber: 102 });
  });

  it('sends the call to voicemail after hours, judged in the business time zone', () => {
    const extensions = [ext(101, { isPrimaryEscalation: true }), ext(102)];
    expect(route(extensions, saturdayNight)).toEqual({
      to: 'VOICEMAIL',
      why: VoicemailReason.AFTER_HOURS,
      reason: 'After hours: no extension works at Saturday 22:00 (America/New_York): to voicemail.',
    });
    expect(route(extensions, sundayNoon)).toMatchObject({ to: 'VOICEMAIL', why: VoicemailReason.AFTER_HOURS });
    // The hours are read on the business's clock: the same instant in UTC is Sunday 03:00, closed too...
    expect(route(extensions, saturdayNight, null, 'UTC').reason).toMatch(/Sunday 03:00 \(UTC\)/);
    // And 19:00 on Saturday in Los Angeles: open.
    expect(route(extensions, saturdayNight, null, 'America/Los_Angeles')).toMatchObject({ to: 'EXTENSION', extension: { number: 101 } });
  });

  it('counts the business open while anyone works, even if that person is busy, and then goes to voicemail', () => {
    const extensions = [
      ext(101, { isPrimaryEscalation: true, status: ExtensionStatus.BUSY }),
      ext(102, { status: ExtensionStatus.OFFLINE }),
      ext(103, { workingHours: [{ day: Weekday.MONDAY, start: '09:00', end: '17:00' }] }),
    ];
    expect(route(extensions)).toEqual({
      to: 'VOICEMAIL',
      why: VoicemailReason.NOBODY_AVAILABLE,
      reason:
        'Open at Saturday 10:00 (America/New_York), but nobody can take the call (101 (E101) is BUSY; 102 (E102) is OFFLINE; 103 (E103) is outside its working hours): to voicemail.',
    });
  });

  it('skips an extension without a phone number', () => {
    const decision = route([ext(101, { isPrimaryEscalation: true, phone: '' }), ext(102)]);
    expect(decision).toMatchObject({ to: 'EXTENSION', extension: { number: 102 } });
    expect(route([ext(101, { isPrimaryEscalation: true, phone: ' ' })])).toMatchObject({ to: 'VOICEMAIL', why: VoicemailReason.NOBODY_AVAILABLE, reason: expect.stringMatching(/101 \(E101\) has no phone number/) });
  });

  it('treats a business with no extensions as closed', () => {
    expect(route([])).toEqual({
      to: 'VOICEMAIL',
      why: VoicemailReason.AFTER_HOURS,
      reason: 'No extensions are set up, so the business has no hours; Saturday 10:00 (America/New_York): to voicemail.',
    });
  });

  it('is open from the start minute up to, not including, the end minute', () => {
    const extensions = [ext(101, { isPrimaryEscalation: true })];
    expect(route(extensions, new Date('2026-11-21T14:00:00Z'))).toMatchObject({ to: 'EXTENSION' }); // 09:00
    expect(route(extensions, new Date('2026-11-21T13:59:00Z'))).toMatchObject({ to: 'VOICEMAIL' }); // 08:59
    expect(route(extensions, new Date('2026-11-22T02:00:00Z'))).toMatchObject({ to: 'VOICEMAIL' }); // 21:00
  });
});

import { describe, expect, it } from 'vitest';
import { ExtensionStatus } from '../extensions/extension.entity';
import { Weekday } from '../extensions/working-hours';
import { chooseExtension, chooseInRounds, type RoutableExtension } from './routing';

const allWeek = Object.values(Weekday).map((day) => ({ day, start: '09:00', end: '21:00' }));
const ext = (number: number, overrides: Partial<RoutableExtension> = {}): RoutableExtension => ({
  id: `id-${number}`,
  number,
  employeeName: `E${number}`,
  status: ExtensionStatus.AVAILABLE,
  workingHours: allWeek,
  isPrimaryEscalation: false,
  ...overrides,
});
// Saturday 2026-11-21 10:00 in New York.
const inHours = new Date('2026-11-21T15:00:00Z');
const afterHours = new Date('2026-11-22T03:00:00Z'); // 22:00 in New York
const route = (extensions: RoutableExtension[], lastRotationNumber: number | null = null, exclude: string[] = [], now = inHours) =>
  chooseExtension({ extensions, lastRotationNumber, exclude, now, timeZone: 'America/New_York' });

describe('chooseExtension', () => {
  it('prefers the primary when it is available and in hours', () => {
    const choice = route([ext(101, { isPrimaryEscalation: true }), ext(102)]);
    expect(choice.extension?.number).toBe(101);
    expect(choice.nextRotationNumber).toBeNull();
    expect(choice.explanation).toMatch(/Primary extension 101 \(E101\) is available/);
  });

  it('rotates over the others, by number, wrapping around, when the primary is busy', () => {
    const extensions = [ext(101, { isPrimaryEscalation: true, status: ExtensionStatus.BUSY }), ext(102), ext(103), ext(104)];
    expect(route(extensions, null).extension?.number).toBe(102);
    expect(route(extensions, 102).extension?.number).toBe(103);
    expect(route(extensions, 104).extension?.number).toBe(102);
    expect(route(extensions, 102).explanation).toBe('Primary extension 101 (E101) is BUSY; round-robin over 102, 103, 104 chose 103 (E103) after 102.');
  });

  it('skips extensions outside their hours, offline, or that did not answer', () => {
    const extensions = [
      ext(101, { isPrimaryEscalation: true }),
      ext(102, { status: ExtensionStatus.OFFLINE }),
      ext(103, { workingHours: [{ day: Weekday.MONDAY, start: '09:00', end: '17:00' }] }),
      ext(104),
    ];
    const choice = route(extensions, null, ['id-101']);
    expect(choice.extension?.number).toBe(104);
    expect(choice.explanation).toMatch(/101 \(E101\) did not answer in time/);
  });

  it('queues when nobody can take it, saying why', () => {
    const choice = route([ext(101, { isPrimaryEscalation: true }), ext(102)], null, [], afterHours);
    expect(choice.extension).toBeNull();
    expect(choice.explanation).toBe('Primary extension 101 (E101) is outside its working hours, and no other extension is available within its hours: queued.');
  });
});

describe('chooseInRounds', () => {
  const rounds = (extensions: RoutableExtension[], declined: string[], lastRotationNumber: number | null = null) =>
    chooseInRounds({ extensions, lastRotationNumber, declined, now: inHours, timeZone: 'America/New_York' });
  const primary = ext(101, { isPrimaryEscalation: true });

  it.each([
    { case: 'no declines: the primary', extensions: [primary, ext(102)], declined: [], chosen: 101, left: [] },
    { case: 'the primary declined: the next one, declines kept', extensions: [primary, ext(102)], declined: ['id-101'], chosen: 102, left: ['id-101'] },
    { case: 'both declined, 102 last: a new round skips only 102', extensions: [primary, ext(102)], declined: ['id-101', 'id-102'], chosen: 101, left: ['id-102'] },
    { case: 'both declined, 101 last: a new round skips only 101', extensions: [primary, ext(102)], declined: ['id-102', 'id-101'], chosen: 102, left: ['id-101'] },
    { case: 'the only extension declined: it is asked again', extensions: [primary], declined: ['id-101'], chosen: 101, left: [] },
    { case: 'three declined: the two not last are asked again', extensions: [primary, ext(102), ext(103)], declined: ['id-101', 'id-102', 'id-103'], chosen: 101, left: ['id-103'] },
    { case: 'a decliner that went offline: the one still here is asked again', extensions: [primary, ext(102, { status: ExtensionStatus.OFFLINE })], declined: ['id-101', 'id-102'], chosen: 101, left: ['id-102'] },
  ])('$case', ({ extensions, declined, chosen, left }) => {
    const round = rounds(extensions, declined);
    expect(round.choice.extension?.number).toBe(chosen);
    expect(round.declined).toEqual(left);
  });

  it('says when a new round starts', () => {
    expect(rounds([primary, ext(102)], ['id-101', 'id-102']).choice.explanation).toMatch(/^Every available extension has let it wait, so a new round starts\. Primary extension 101/);
  });

  it('queues when nobody is available, and forgets the declines so the next round starts fresh', () => {
    const round = rounds([ext(101, { isPrimaryEscalation: true, status: ExtensionStatus.OFFLINE })], ['id-101']);
    expect(round.choice.extension).toBeNull();
    expect(round.declined).toEqual([]);
  });
});

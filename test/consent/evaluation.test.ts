import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consentKeyword } from '../../server/src/modules/channels/consent';
import { evaluateSplit, formatSplit, type OptOutTable } from './evaluate';

/**
 * The consent classifier on the hand-written opt-out table (`pnpm eval:consent` runs just this
 * file and prints the figures). The blind split was written with the tuning split, before the
 * classifier, and is never tuned on: only its figures are printed.
 */
const table = JSON.parse(fs.readFileSync(path.join(__dirname, 'opt-out-cases.json'), 'utf8')) as OptOutTable;
const tuning = evaluateSplit('tuning', table.tuning, consentKeyword);
const blind = evaluateSplit('blind', table.blind, consentKeyword);

/** Measured on the blind split when the classifier was written (see the commit), less a little room. */
const BLIND_ACCURACY_FLOOR = 0.9;
const TUNING_ACCURACY_FLOOR = 0.95;

describe('opt-out table', () => {
  it('has at least 120 cases, 40 of them ordinary booking messages, and every kind in both splits', () => {
    const all = [...table.tuning, ...table.blind];
    expect(all.length).toBeGreaterThanOrEqual(120);
    expect(all.filter((item) => item.kind === 'booking').length).toBeGreaterThanOrEqual(40);
    for (const split of [table.tuning, table.blind]) {
      for (const kind of ['keyword', 'revocation', 'ambiguous', 'help', 'opt-in', 'other', 'booking']) expect(split.some((item) => item.kind === kind)).toBe(true);
    }
    expect(new Set(all.map((item) => item.text)).size).toBe(all.length);
  });
});

describe('consent classifier on the opt-out table', () => {
  it('prints the figures of each split', () => {
    console.log(`${formatSplit(tuning, { listMisses: true })}\n${formatSplit(blind, { listMisses: false })}`);
  });

  it.each([tuning, blind])('never opts out on an ordinary booking message ($split split)', (report) => {
    expect(report.bookingOptOuts.map((item) => item.text)).toEqual([]);
  });

  it(`reaches ${TUNING_ACCURACY_FLOOR * 100}% on the tuning split and ${BLIND_ACCURACY_FLOOR * 100}% on the blind split`, () => {
    expect(tuning.accuracy).toBeGreaterThanOrEqual(TUNING_ACCURACY_FLOOR);
    expect(blind.accuracy).toBeGreaterThanOrEqual(BLIND_ACCURACY_FLOOR);
  });
});

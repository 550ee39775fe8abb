import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consentKeyword } from '../../server/src/modules/channels/consent';
import { evaluateSplit, formatSplit, type OptOutTable } from './evaluate';

/**
 * The consent classifier on the hand-written opt-out table (`pnpm eval:consent` runs just this
 * file and prints the figures). Only the tuning split's misses are printed: the blind split was
 * written with it, before the classifier, and the fresh one after it; neither is tuned on.
 */
const table = JSON.parse(fs.readFileSync(path.join(__dirname, 'opt-out-cases.json'), 'utf8')) as OptOutTable;
const tuning = evaluateSplit('tuning', table.tuning, consentKeyword);
const blind = evaluateSplit('blind', table.blind, consentKeyword);
const fresh = evaluateSplit('fresh', table.fresh, consentKeyword);

/**
 * Measured when the plain-words reading was written: tuning 100%, blind 100%, fresh 92.4% (the
 * fresh split, written after it and scored once, is the honest figure; see README.md). The
 * floors leave a little room below that.
 */
const TUNING_ACCURACY_FLOOR = 0.95;
const BLIND_ACCURACY_FLOOR = 0.9;
const FRESH_ACCURACY_FLOOR = 0.9;

describe('opt-out table', () => {
  it('has at least 120 cases, 40 of them ordinary booking messages, and every kind in both splits', () => {
    const all = [...table.tuning, ...table.blind, ...table.fresh];
    expect(all.length).toBeGreaterThanOrEqual(120);
    expect(all.filter((item) => item.kind === 'booking').length).toBeGreaterThanOrEqual(40);
    for (const split of [table.tuning, table.blind, table.fresh]) {
      for (const kind of ['keyword', 'revocation', 'ambiguous', 'help', 'opt-in', 'other', 'booking']) expect(split.some((item) => item.kind === kind)).toBe(true);
    }
    expect(new Set(all.map((item) => item.text)).size).toBe(all.length);
  });
});

describe('consent classifier on the opt-out table', () => {
  it('prints the figures of each split', () => {
    console.log([formatSplit(tuning, { listMisses: true }), formatSplit(blind, { listMisses: false }), formatSplit(fresh, { listMisses: false })].join('\n'));
  });

  it.each([tuning, blind, fresh])('never opts out on an ordinary booking message ($split split)', (report) => {
    expect(report.bookingOptOuts.map((item) => item.text)).toEqual([]);
  });

  it(`reaches ${TUNING_ACCURACY_FLOOR * 100}% on the tuning split and ${BLIND_ACCURACY_FLOOR * 100}% on the blind and fresh splits`, () => {
    expect(tuning.accuracy).toBeGreaterThanOrEqual(TUNING_ACCURACY_FLOOR);
    expect(blind.accuracy).toBeGreaterThanOrEqual(BLIND_ACCURACY_FLOOR);
    expect(fresh.accuracy).toBeGreaterThanOrEqual(FRESH_ACCURACY_FLOOR);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTermsReply, type TermsReplyReading } from './terms-reply';

/**
 * The blind split (terms-reply.blind.json): written with the tuning split, before the reader,
 * and never tuned on. Only its figures are printed, never which replies it got wrong, and only
 * the one mistake that may never happen is asserted: a refusal read as acceptance.
 */
interface LabeledReply {
  text: string;
  expect: TermsReplyReading;
}
const cases = (JSON.parse(fs.readFileSync(path.join(__dirname, 'terms-reply.blind.json'), 'utf8')) as { cases: LabeledReply[] }).cases;
const readings = cases.map((item) => ({ ...item, actual: readTermsReply(item.text) }));

/** First scored at 86/92 (93.5%) with no acceptance mistaken; the floor leaves a little room below that. */
const BLIND_ACCURACY_FLOOR = 0.88;

describe('readTermsReply on the blind split', () => {
  const correct = readings.filter((item) => item.actual === item.expect).length;
  const refusalsAccepted = readings.filter((item) => item.expect === 'REFUSE' && item.actual === 'ACCEPT').length;
  const falseAcceptances = readings.filter((item) => item.expect !== 'ACCEPT' && item.actual === 'ACCEPT').length;

  it('has at least 60 distinct cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((item) => item.text)).size).toBe(cases.length);
  });

  it('prints its figures only', () => {
    console.log(
      `terms replies, blind split: ${correct}/${cases.length} correct (${((correct / cases.length) * 100).toFixed(1)}%); ` +
        `refusals read as acceptance ${refusalsAccepted}; any non-acceptance read as acceptance ${falseAcceptances}`,
    );
  });

  it('never reads a refusal as acceptance', () => {
    expect(refusalsAccepted).toBe(0);
  });

  it(`stays at or above ${BLIND_ACCURACY_FLOOR * 100}% correct`, () => {
    expect(correct / cases.length).toBeGreaterThanOrEqual(BLIND_ACCURACY_FLOOR);
  });
});

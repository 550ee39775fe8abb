import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTermsReply, type TermsReplyReading } from './terms-reply';

/**
 * The tuning split of the labeled replies (terms-reply.cases.json; the rule behind the labels is
 * in terms-reply.cases.md): every case is asserted, and the figures and misses are printed
 * (`pnpm eval:terms` prints them with the blind split's).
 */
interface LabeledReply {
  text: string;
  expect: TermsReplyReading;
}
const cases = (JSON.parse(fs.readFileSync(path.join(__dirname, 'terms-reply.cases.json'), 'utf8')) as { cases: LabeledReply[] }).cases;

describe('readTermsReply on the tuning split', () => {
  it('has at least 150 distinct cases of each reading', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((item) => item.text)).size).toBe(cases.length);
    for (const reading of ['ACCEPT', 'REFUSE', 'UNCLEAR']) expect(cases.filter((item) => item.expect === reading).length).toBeGreaterThanOrEqual(30);
  });

  it('prints the figures and the misses', () => {
    const misses = cases.filter((item) => readTermsReply(item.text) !== item.expect);
    const refusalsAccepted = cases.filter((item) => item.expect === 'REFUSE' && readTermsReply(item.text) === 'ACCEPT');
    const falseAcceptances = cases.filter((item) => item.expect !== 'ACCEPT' && readTermsReply(item.text) === 'ACCEPT');
    console.log(
      [
        `terms replies, tuning split: ${cases.length - misses.length}/${cases.length} correct (${(((cases.length - misses.length) / cases.length) * 100).toFixed(1)}%); ` +
          `refusals read as acceptance ${refusalsAccepted.length}; any non-acceptance read as acceptance ${falseAcceptances.length}`,
        ...misses.map((item) => `  ${JSON.stringify(item.text)}: expected ${item.expect}, got ${readTermsReply(item.text)}`),
      ].join('\n'),
    );
    expect(refusalsAccepted.map((item) => item.text)).toEqual([]);
  });

  it.each(cases.map((item) => [item.text, item.expect] as const))('reads %j as %s', (text, expected) => {
    expect(readTermsReply(text)).toBe(expected);
  });
});

describe('readTermsReply beyond the table', () => {
  it('never accepts a refusal however the acceptance words around it are spelled', () => {
    for (const assent of ['yes', 'ok', 'I agree', 'sure', '👍', 'agreed']) {
      for (const refusal of ["I don't agree", 'no', 'not ok', 'I disagree', '👎', 'I do not accept']) {
        expect(readTermsReply(`${assent}, but ${refusal}`), `${assent}, but ${refusal}`).not.toBe('ACCEPT');
        expect(readTermsReply(`${refusal}. ${assent}`), `${refusal}. ${assent}`).not.toBe('ACCEPT');
        expect(readTermsReply(`${assent} ${refusal}`), `${assent} ${refusal}`).not.toBe('ACCEPT');
      }
    }
  });

  it('does not accept a yes buried in a long message about something else', () => {
    expect(readTermsReply(`yes ${'we would like the chef to bring extra rice '.repeat(5)}`)).toBe('UNCLEAR');
  });

  it('reads styled and full-width letters as plain ones', () => {
    expect(readTermsReply('𝐈 𝐀𝐆𝐑𝐄𝐄')).toBe('ACCEPT');
    expect(readTermsReply('ｎｏ')).toBe('REFUSE');
  });
});

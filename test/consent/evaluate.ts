/**
 * Scores a consent classifier on the hand-written opt-out table (see README.md): accuracy per
 * split, and the two mistakes that matter most kept apart, a false opt-out (an ordinary
 * message silences the customer) and a missed opt-out (a customer who asked to stop is texted).
 */

export type Expected = 'OPT_OUT' | 'OPT_IN' | 'HELP' | 'UNCLEAR_OPT_OUT' | null;

export interface OptOutCase {
  text: string;
  expect: Expected;
  /** "booking" marks an ordinary booking message, which must never opt out. */
  kind: 'keyword' | 'revocation' | 'ambiguous' | 'help' | 'opt-in' | 'other' | 'booking';
}

export interface OptOutTable {
  about: string;
  tuning: OptOutCase[];
  blind: OptOutCase[];
  fresh: OptOutCase[];
}

export interface SplitReport {
  split: string;
  cases: number;
  correct: number;
  accuracy: number;
  /** Not meant as an opt-out, classified as one. */
  falseOptOuts: OptOutCase[];
  /** Booking messages among the false opt-outs. */
  bookingOptOuts: OptOutCase[];
  /** Meant as an opt-out, classified as anything else. */
  missedOptOuts: number;
  optOuts: number;
  misses: Array<{ text: string; expected: Expected; actual: Expected }>;
}

export function evaluateSplit(split: string, cases: OptOutCase[], classify: (text: string) => Expected): SplitReport {
  const misses: SplitReport['misses'] = [];
  const falseOptOuts: OptOutCase[] = [];
  let missedOptOuts = 0;
  for (const item of cases) {
    const actual = classify(item.text);
    if (actual === item.expect) continue;
    misses.push({ text: item.text, expected: item.expect, actual });
    if (actual === 'OPT_OUT') falseOptOuts.push(item);
    if (item.expect === 'OPT_OUT') missedOptOuts += 1;
  }
  return {
    split,
    cases: cases.length,
    correct: cases.length - misses.length,
    accuracy: (cases.length - misses.length) / cases.length,
    falseOptOuts,
    bookingOptOuts: falseOptOuts.filter((item) => item.kind === 'booking'),
    missedOptOuts,
    optOuts: cases.filter((item) => item.expect === 'OPT_OUT').length,
    misses,
  };
}

/** The figures of a split; the misses are listed only when asked (only for the tuning split). */
export function formatSplit(report: SplitReport, options: { listMisses: boolean }): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `${report.split}: ${report.correct}/${report.cases} correct (${percent(report.accuracy)}); ` +
      `false opt-outs ${report.falseOptOuts.length} (booking messages ${report.bookingOptOuts.length}); ` +
      `missed opt-outs ${report.missedOptOuts}/${report.optOuts}`,
  ];
  if (options.listMisses) for (const miss of report.misses) lines.push(`  ${JSON.stringify(miss.text)}: expected ${miss.expected}, got ${miss.actual}`);
  return lines.join('\n');
}

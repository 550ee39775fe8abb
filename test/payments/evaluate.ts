/**
 * Scores the payment matcher on a split of the labeled credits (labeled-credits.json, made by
 * generate-labeled-credits.mjs): the precision of what would be applied without review (the
 * best suggestion at or above the threshold, never a cancelled booking), the recall of all
 * suggestions (the right booking among them), and the accuracy of the type given to the right
 * booking. Misses are listed only when asked, and only ever for the tuning split.
 */
import { matchCredits, type BookingToMatch, type CreditToMatch, type MatchSuggestion, type MatchType } from '../../server/src/modules/payments/matching';

export interface LabeledCredit extends CreditToMatch {
  expected: { bookingId: string; type: MatchType } | null;
  /** The hard cases this credit is, joined by "+". */
  case: string;
}

export interface LabeledSplit {
  seed: number;
  today: string;
  bookings: BookingToMatch[];
  credits: LabeledCredit[];
}

export interface LabeledSet {
  about: string;
  tuning: LabeledSplit;
  blind: LabeledSplit;
}

export interface Miss {
  credit: LabeledCredit;
  suggestions: MatchSuggestion[];
  what: 'WRONG_AUTO' | 'NOT_SUGGESTED' | 'WRONG_TYPE';
}

export interface SplitReport {
  split: string;
  credits: number;
  /** Credits that pay a booking. */
  labeled: number;
  autoApplied: number;
  autoCorrect: number;
  autoPrecision: number;
  /** Labeled credits applied automatically to the right booking, of all labeled. */
  autoCoverage: number;
  recalled: number;
  recall: number;
  typeCorrect: number;
  typeAccuracy: number;
  /** Credits that pay no booking but got a suggestion (a bookkeeper's wasted look, not a wrong payment). */
  unlabeledSuggested: number;
  unlabeled: number;
  misses: Miss[];
}

export const AUTO_APPLY_THRESHOLD = 0.9;

export async function evaluateSplit(name: string, split: LabeledSplit, threshold = AUTO_APPLY_THRESHOLD): Promise<SplitReport> {
  const results = await matchCredits(split.credits, split.bookings);
  const cancelled = new Set(split.bookings.filter((booking) => booking.status === 'CANCELLED').map((booking) => booking.id));
  const misses: Miss[] = [];
  let [labeled, autoApplied, autoCorrect, recalled, typeCorrect, unlabeledSuggested] = [0, 0, 0, 0, 0, 0];
  for (const credit of split.credits) {
    const suggestions = results.get(credit.id) ?? [];
    const top = suggestions[0];
    const auto = top && top.confidence >= threshold && !cancelled.has(top.bookingId) ? top : undefined;
    if (auto) {
      autoApplied += 1;
      if (auto.bookingId === credit.expected?.bookingId) autoCorrect += 1;
      else misses.push({ credit, suggestions, what: 'WRONG_AUTO' });
    }
    if (!credit.expected) {
      if (suggestions.length > 0) unlabeledSuggested += 1;
      continue;
    }
    labeled += 1;
    const right = suggestions.find((suggestion) => suggestion.bookingId === credit.expected!.bookingId);
    if (!right) {
      misses.push({ credit, suggestions, what: 'NOT_SUGGESTED' });
      continue;
    }
    recalled += 1;
    if (right.type === credit.expected.type) typeCorrect += 1;
    else misses.push({ credit, suggestions, what: 'WRONG_TYPE' });
  }
  return {
    split: name,
    credits: split.credits.length,
    labeled,
    autoApplied,
    autoCorrect,
    autoPrecision: autoApplied === 0 ? 1 : autoCorrect / autoApplied,
    autoCoverage: labeled === 0 ? 0 : autoCorrect / labeled,
    recalled,
    recall: labeled === 0 ? 1 : recalled / labeled,
    typeCorrect,
    typeAccuracy: recalled === 0 ? 1 : typeCorrect / recalled,
    unlabeledSuggested,
    unlabeled: split.credits.length - labeled,
    misses,
  };
}

export function formatReport(report: SplitReport, options: { listMisses: boolean }): string {
  const f = (value: number) => value.toFixed(4);
  const lines = [
    `${report.split}: ${report.credits} credits (${report.labeled} pay a booking, ${report.unlabeled} pay none)`,
    `  auto-applied (confidence >= ${AUTO_APPLY_THRESHOLD.toFixed(2)}): precision ${f(report.autoPrecision)} (${report.autoCorrect}/${report.autoApplied}), ` +
      `covering ${(report.autoCoverage * 100).toFixed(1)}% of the credits that pay a booking`,
    `  suggestion recall ${f(report.recall)} (${report.recalled}/${report.labeled}); type accuracy ${f(report.typeAccuracy)} (${report.typeCorrect}/${report.recalled}); ` +
      `credits paying no booking with a suggestion: ${report.unlabeledSuggested}/${report.unlabeled}`,
  ];
  if (options.listMisses) {
    for (const miss of report.misses) {
      const c = miss.credit;
      lines.push(`  ${miss.what} [${c.case}] ${c.postedOn} ${(c.amountCents / 100).toFixed(2)} ${JSON.stringify(c.description)}${c.counterpartyName ? ` cp=${JSON.stringify(c.counterpartyName)}` : ''} expected ${c.expected ? `${c.expected.bookingId.slice(0, 8)} ${c.expected.type}` : 'none'}`);
      for (const s of miss.suggestions) lines.push(`      ${s.bookingId.slice(0, 8)} ${s.type} ${s.confidence.toFixed(2)} ${s.reason}`);
    }
  }
  return lines.join('\n');
}

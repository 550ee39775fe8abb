import type { BookingDetails, FaqTopic, Intent, MessageAnalysis, MessageAnalyzer } from '../../server/src/modules/assistant/assistant.port';
import { INTENTS } from '../../server/src/modules/assistant/assistant.port';
import { needsPerson } from '../../server/src/modules/assistant/booking-policy';

/**
 * Scores a `MessageAnalyzer` against a labeled set of customer messages: intent accuracy
 * (overall and per intent); per field, precision, recall and F1, and their micro-average over
 * the booking fields; language accuracy; and escalation precision and recall, escalation being
 * exactly what the assistant does (`needsPerson`), with the requests for a person it missed
 * counted apart. A field value counts as a true positive when extracted and equal to the label
 * (after normalising case, spacing and similar writing differences); a wrong value is both a
 * false positive and a false negative.
 */

export type FieldName = keyof BookingDetails;
export const FIELD_NAMES: readonly FieldName[] = ['partySize', 'eventDate', 'startTime', 'address', 'name', 'phone', 'email', 'dietaryNotes'];
/** Scored like fields, from the analysis's top level. */
export const EXTRA_LABELS = ['faqTopic', 'confirmation'] as const;
export type ScoredLabel = FieldName | (typeof EXTRA_LABELS)[number];

export interface LabeledMessage {
  text: string;
  intent: Intent;
  fields: Partial<Record<FieldName, string | number>>;
  faqTopic?: FaqTopic;
  confirmation?: 'YES' | 'NO';
  /** A person should take the conversation (a request for one, or an upset customer). */
  escalate: boolean;
  /** 'es' for Spanish or mixed messages; absent for English. */
  language?: 'es';
}

export interface LabeledDataset {
  now: string;
  timeZone: string;
  messages: LabeledMessage[];
}

export interface EscalationScore extends FieldScore {
  /** Messages labeled HUMAN_REQUEST that needsPerson did not escalate. */
  missedPersonRequests: number;
  personRequests: number;
}

export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number;
}

export interface FieldScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  index: number;
  text: string;
  what: 'intent' | ScoredLabel | 'escalate' | 'language';
  expected: string | number | undefined;
  actual: string | number | undefined;
}

export interface EvaluationReport {
  analyzer: string;
  messages: number;
  intent: { overall: Accuracy; perIntent: Record<Intent, Accuracy> };
  fields: Record<ScoredLabel, FieldScore>;
  /** Micro-average over the booking fields (FIELD_NAMES), the "field micro-F1". */
  fieldMicro: FieldScore;
  language: Accuracy;
  escalation: EscalationScore;
  misses: Miss[];
}

/** What the training split must reach (the test fails below any of them). */
export const GATES = { intentAccuracy: 0.95, fieldF1: 0.9, fieldMicroF1: 0.93, escalationRecall: 0.95, escalationPrecision: 0.9, missedPersonRequests: 0 } as const;
/** The targets on the blind split. */
export const BLIND_TARGETS = { intentAccuracy: 0.95, fieldMicroF1: 0.93, missedPersonRequests: 0 } as const;
/**
 * What the test suite holds the blind split to. The intent and field targets, and an
 * escalation recall floor; the target of no missed request for a person is reported by
 * `missedBlindTargets` (met since the training split learnt indirect requests for a person),
 * printed rather than asserted: one miss in a split of a few dozen such requests should be read,
 * not tuned away.
 */
export const BLIND_FLOOR = { intentAccuracy: 0.95, fieldMicroF1: 0.93, escalationRecall: 0.95 } as const;

const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+/;

function collapse(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The comparable form of a value: writing differences that do not change what it says are removed. */
export function normaliseValue(field: ScoredLabel, value: string | number): string {
  const text = String(value);
  switch (field) {
    case 'address':
      // Commas and periods do not change an address ("Apt. 4B," vs "Apt 4B").
      return collapse(text.replace(/[.,]/g, ' ')).replace(/[;:!?]+$/, '');
    case 'name':
      return collapse(text).replace(HONORIFIC, '');
    case 'email':
      return collapse(text);
    case 'dietaryNotes':
      // A list of notes: order and separators do not matter.
      return text
        .split(/[,;]/)
        .map((note) => collapse(note.replace(/-/g, ' ')))
        .filter(Boolean)
        .sort()
        .join(', ');
    default:
      return text.trim();
  }
}

function actualValue(analysis: MessageAnalysis, label: ScoredLabel): string | number | undefined {
  if (label === 'faqTopic' || label === 'confirmation') return analysis[label];
  return analysis.details[label]?.value;
}

function expectedValue(message: LabeledMessage, label: ScoredLabel): string | number | undefined {
  if (label === 'faqTopic' || label === 'confirmation') return message[label];
  return message.fields[label];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function score(tp: number, fp: number, fn: number): FieldScore {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

export async function evaluate(analyzer: MessageAnalyzer, dataset: LabeledDataset): Promise<EvaluationReport> {
  const context = { now: new Date(dataset.now), timeZone: dataset.timeZone };
  const labels: ScoredLabel[] = [...FIELD_NAMES, ...EXTRA_LABELS];
  const counts = Object.fromEntries(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredLabel, { tp: number; fp: number; fn: number }>;
  const perIntent = Object.fromEntries(INTENTS.map((i) => [i, { correct: 0, total: 0 }])) as Record<Intent, { correct: number; total: number }>;
  const misses: Miss[] = [];
  const escalation = { tp: 0, fp: 0, fn: 0, missedPersonRequests: 0, personRequests: 0 };
  const language = { correct: 0, total: 0 };

  for (const [index, message] of dataset.messages.entries()) {
    const analysis = await analyzer.analyze(message.text, context);
    const escalated = needsPerson(analysis);
    if (escalated && message.escalate) escalation.tp += 1;
    else if (escalated) escalation.fp += 1;
    else if (message.escalate) escalation.fn += 1;
    if (escalated !== message.escalate) misses.push({ index, text: message.text, what: 'escalate', expected: String(message.escalate), actual: String(escalated) });
    if (message.intent === 'HUMAN_REQUEST') {
      escalation.personRequests += 1;
      if (!escalated) escalation.missedPersonRequests += 1;
    }
    const expectedLanguage = message.language ?? 'en';
    language.total += 1;
    if (analysis.language === expectedLanguage) language.correct += 1;
    else misses.push({ index, text: message.text, what: 'language', expected: expectedLanguage, actual: analysis.language });
    perIntent[message.intent].total += 1;
    if (analysis.intent === message.intent) perIntent[message.intent].correct += 1;
    else misses.push({ index, text: message.text, what: 'intent', expected: message.intent, actual: analysis.intent });

    for (const label of labels) {
      const expected = expectedValue(message, label);
      const actual = actualValue(analysis, label);
      const same = expected !== undefined && actual !== undefined && normaliseValue(label, expected) === normaliseValue(label, actual);
      if (same) counts[label].tp += 1;
      else {
        if (actual !== undefined) counts[label].fp += 1;
        if (expected !== undefined) counts[label].fn += 1;
        if (actual !== undefined || expected !== undefined) misses.push({ index, text: message.text, what: label, expected, actual });
      }
    }
  }

  const accuracy = ({ correct, total }: { correct: number; total: number }): Accuracy => ({ correct, total, accuracy: ratio(correct, total) });
  const all = Object.values(perIntent).reduce((sum, i) => ({ correct: sum.correct + i.correct, total: sum.total + i.total }), { correct: 0, total: 0 });
  const micro = FIELD_NAMES.reduce((sum, f) => ({ tp: sum.tp + counts[f].tp, fp: sum.fp + counts[f].fp, fn: sum.fn + counts[f].fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    analyzer: analyzer.name,
    messages: dataset.messages.length,
    intent: {
      overall: accuracy(all),
      perIntent: Object.fromEntries(INTENTS.map((i) => [i, accuracy(perIntent[i])])) as Record<Intent, Accuracy>,
    },
    fields: Object.fromEntries(labels.map((l) => [l, score(counts[l].tp, counts[l].fp, counts[l].fn)])) as Record<ScoredLabel, FieldScore>,
    fieldMicro: score(micro.tp, micro.fp, micro.fn),
    language: accuracy(language),
    escalation: { ...score(escalation.tp, escalation.fp, escalation.fn), missedPersonRequests: escalation.missedPersonRequests, personRequests: escalation.personRequests },
    misses,
  };
}

/** The training split's gates a report fails, empty when it passes. */
export function failedGates(report: EvaluationReport): string[] {
  const failures: string[] = [];
  if (report.intent.overall.accuracy < GATES.intentAccuracy) {
    failures.push(`intent accuracy ${report.intent.overall.accuracy.toFixed(3)} < ${GATES.intentAccuracy}`);
  }
  for (const [label, field] of Object.entries(report.fields)) {
    if (field.f1 < GATES.fieldF1) failures.push(`${label} F1 ${field.f1.toFixed(3)} < ${GATES.fieldF1}`);
  }
  if (report.fieldMicro.f1 < GATES.fieldMicroF1) failures.push(`field micro-F1 ${report.fieldMicro.f1.toFixed(3)} < ${GATES.fieldMicroF1}`);
  if (report.escalation.recall < GATES.escalationRecall) failures.push(`escalation recall ${report.escalation.recall.toFixed(3)} < ${GATES.escalationRecall}`);
  if (report.escalation.precision < GATES.escalationPrecision) failures.push(`escalation precision ${report.escalation.precision.toFixed(3)} < ${GATES.escalationPrecision}`);
  if (report.escalation.missedPersonRequests > GATES.missedPersonRequests) failures.push(`${report.escalation.missedPersonRequests} missed requests for a person`);
  return failures;
}

/** The targets a blind-split report misses, empty when it meets them. */
export function missedBlindTargets(report: EvaluationReport): string[] {
  const failures: string[] = [];
  if (report.intent.overall.accuracy < BLIND_TARGETS.intentAccuracy) failures.push(`intent accuracy ${report.intent.overall.accuracy.toFixed(3)} < ${BLIND_TARGETS.intentAccuracy}`);
  if (report.fieldMicro.f1 < BLIND_TARGETS.fieldMicroF1) failures.push(`field micro-F1 ${report.fieldMicro.f1.toFixed(3)} < ${BLIND_TARGETS.fieldMicroF1}`);
  if (report.escalation.missedPersonRequests > BLIND_TARGETS.missedPersonRequests) failures.push(`${report.escalation.missedPersonRequests} missed requests for a person`);
  return failures;
}

export function blindBelowFloor(report: EvaluationReport): string[] {
  const failures: string[] = [];
  if (report.intent.overall.accuracy < BLIND_FLOOR.intentAccuracy) failures.push(`intent accuracy ${report.intent.overall.accuracy.toFixed(3)} < ${BLIND_FLOOR.intentAccuracy}`);
  if (report.fieldMicro.f1 < BLIND_FLOOR.fieldMicroF1) failures.push(`field micro-F1 ${report.fieldMicro.f1.toFixed(3)} < ${BLIND_FLOOR.fieldMicroF1}`);
  if (report.escalation.recall < BLIND_FLOOR.escalationRecall) failures.push(`escalation recall ${report.escalation.recall.toFixed(3)} < ${BLIND_FLOOR.escalationRecall}`);
  return failures;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);

/**
 * The figures of one run, as a table. `withMisses` lists every miss (for the training split);
 * the blind split is printed without them, so it is never tuned on.
 */
export function formatReport(report: EvaluationReport, options: { split: string; withMisses: boolean }): string {
  const lines = [`Analyzer "${report.analyzer}" on the ${options.split} split: ${report.messages} labeled messages`, '', 'Intent accuracy'];
  for (const [intent, a] of Object.entries(report.intent.perIntent)) lines.push(`  ${intent.padEnd(18)} ${percent(a.accuracy)}  (${a.correct}/${a.total})`);
  const overall = report.intent.overall;
  lines.push(`  ${'overall'.padEnd(18)} ${percent(overall.accuracy)}  (${overall.correct}/${overall.total})`, '');
  lines.push(`Fields              precision  recall     F1   TP  FP  FN`);
  const row = (label: string, f: FieldScore) =>
    `  ${label.padEnd(16)} ${percent(f.precision)}   ${percent(f.recall)} ${percent(f.f1)} ${String(f.truePositives).padStart(4)} ${String(f.falsePositives).padStart(3)} ${String(f.falseNegatives).padStart(3)}`;
  for (const [label, f] of Object.entries(report.fields)) lines.push(row(label, f));
  lines.push(row('micro (fields)', report.fieldMicro), '');
  lines.push(`Escalation (needsPerson)  precision ${percent(report.escalation.precision)}  recall ${percent(report.escalation.recall)}  F1 ${percent(report.escalation.f1)}  (TP ${report.escalation.truePositives}, FP ${report.escalation.falsePositives}, FN ${report.escalation.falseNegatives})`);
  lines.push(`Missed requests for a person: ${report.escalation.missedPersonRequests} of ${report.escalation.personRequests}`);
  lines.push(`Language accuracy: ${percent(report.language.accuracy)}  (${report.language.correct}/${report.language.total})`);
  if (options.withMisses) {
    lines.push('', `Misses (${report.misses.length})`);
    for (const miss of report.misses) {
      lines.push(`  #${miss.index} ${miss.what}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}  <- ${JSON.stringify(miss.text)}`);
    }
  } else {
    lines.push('', `(${report.misses.length} misses, not listed: this split is never tuned on)`);
  }
  return lines.join('\n');
}

/** One line per analyzer and split, for the summary table at the end of the run. */
export function summaryRow(report: EvaluationReport, split: string): string {
  const e = report.escalation;
  return `  ${report.analyzer.padEnd(22)} ${split.padEnd(9)} ${String(report.messages).padStart(5)}  ${percent(report.intent.overall.accuracy)}  ${percent(report.fieldMicro.f1)}  ${percent(e.precision)}  ${percent(e.recall)}  ${String(e.missedPersonRequests).padStart(6)}`;
}

export const SUMMARY_HEADER = `  ${'analyzer'.padEnd(22)} ${'split'.padEnd(9)} ${'msgs'.padStart(5)}  intent  fields  esc P   esc R   missed`;

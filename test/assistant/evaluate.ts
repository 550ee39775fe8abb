import type { BookingDetails, FaqTopic, Intent, MessageAnalysis, MessageAnalyzer } from '../../server/src/modules/assistant/assistant.port';
import { INTENTS } from '../../server/src/modules/assistant/assistant.port';

/**
 * Scores a `MessageAnalyzer` against a labeled set of customer messages: intent accuracy
 * (overall and per intent) and, per field, precision, recall and F1. A field value counts as
 * a true positive when extracted and equal to the label (after normalising case, spacing and
 * similar writing differences); a wrong value is both a false positive and a false negative.
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
}

export interface LabeledDataset {
  now: string;
  timeZone: string;
  messages: LabeledMessage[];
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
  what: 'intent' | ScoredLabel;
  expected: string | number | undefined;
  actual: string | number | undefined;
}

export interface EvaluationReport {
  analyzer: string;
  messages: number;
  intent: { overall: Accuracy; perIntent: Record<Intent, Accuracy> };
  fields: Record<ScoredLabel, FieldScore>;
  misses: Miss[];
}

export const GATES = { intentAccuracy: 0.95, fieldF1: 0.9 } as const;

const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+/;

function collapse(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The comparable form of a value: writing differences that do not change what it says are removed. */
export function normaliseValue(field: ScoredLabel, value: string | number): string {
  const text = String(value);
  switch (field) {
    case 'address':
      return collapse(text).replace(/\s+,/g, ',').replace(/[.,;:!?]+$/, '');
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

  for (const [index, message] of dataset.messages.entries()) {
    const analysis = await analyzer.analyze(message.text, context);
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
  return {
    analyzer: analyzer.name,
    messages: dataset.messages.length,
    intent: {
      overall: accuracy(all),
      perIntent: Object.fromEntries(INTENTS.map((i) => [i, accuracy(perIntent[i])])) as Record<Intent, Accuracy>,
    },
    fields: Object.fromEntries(labels.map((l) => [l, score(counts[l].tp, counts[l].fp, counts[l].fn)])) as Record<ScoredLabel, FieldScore>,
    misses,
  };
}

/** The gates a report fails, empty when it passes. */
export function failedGates(report: EvaluationReport): string[] {
  const failures: string[] = [];
  if (report.intent.overall.accuracy < GATES.intentAccuracy) {
    failures.push(`intent accuracy ${report.intent.overall.accuracy.toFixed(3)} < ${GATES.intentAccuracy}`);
  }
  for (const [label, field] of Object.entries(report.fields)) {
    if (field.f1 < GATES.fieldF1) failures.push(`${label} F1 ${field.f1.toFixed(3)} < ${GATES.fieldF1}`);
  }
  return failures;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);

export function formatReport(report: EvaluationReport): string {
  const lines = [`Analyzer "${report.analyzer}" on ${report.messages} labeled messages`, '', 'Intent accuracy'];
  for (const [intent, a] of Object.entries(report.intent.perIntent)) lines.push(`  ${intent.padEnd(18)} ${percent(a.accuracy)}  (${a.correct}/${a.total})`);
  const overall = report.intent.overall;
  lines.push(`  ${'overall'.padEnd(18)} ${percent(overall.accuracy)}  (${overall.correct}/${overall.total})`, '');
  lines.push(`Fields              precision  recall     F1   TP  FP  FN`);
  for (const [label, f] of Object.entries(report.fields)) {
    lines.push(`  ${label.padEnd(16)} ${percent(f.precision)}   ${percent(f.recall)} ${percent(f.f1)} ${String(f.truePositives).padStart(4)} ${String(f.falsePositives).padStart(3)} ${String(f.falseNegatives).padStart(3)}`);
  }
  lines.push('', `Misses (${report.misses.length})`);
  for (const miss of report.misses) {
    lines.push(`  #${miss.index} ${miss.what}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}  <- ${JSON.stringify(miss.text)}`);
  }
  const failures = failedGates(report);
  lines.push('', failures.length ? `FAILED: ${failures.join('; ')}` : `PASSED: intent accuracy >= ${GATES.intentAccuracy}, every field F1 >= ${GATES.fieldF1}`);
  return lines.join('\n');
}

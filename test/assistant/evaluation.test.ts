import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../server/src/modules/assistant/assistant.port';
import { LocalMessageAnalyzer } from '../../server/src/modules/assistant/local.analyzer';
import { evaluate, failedGates, formatReport, GATES, type LabeledDataset } from './evaluate';

/**
 * Quality gate for the rule-based analyzer on the hand-labeled message set
 * (`pnpm eval:assistant` runs just this file and prints the report).
 */
const dataset = JSON.parse(fs.readFileSync(path.join(__dirname, 'labeled-messages.json'), 'utf8')) as LabeledDataset;

describe('labeled message set', () => {
  it('is large and covers every intent', () => {
    expect(dataset.messages.length).toBeGreaterThanOrEqual(160);
    for (const intent of INTENTS) expect(dataset.messages.filter((m) => m.intent === intent).length).toBeGreaterThanOrEqual(15);
  });
});

describe('LocalMessageAnalyzer on the labeled set', () => {
  it(`reaches intent accuracy >= ${GATES.intentAccuracy} and field F1 >= ${GATES.fieldF1}`, async () => {
    const report = await evaluate(new LocalMessageAnalyzer(), dataset);
    console.log(formatReport(report));
    expect(failedGates(report)).toEqual([]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findWorkspaceRoot } from '../app/config';
import type { Intent } from '../modules/assistant/assistant.port';
import { crossValidate, DEFAULT_TRAINING, trainIntentModel, type TrainingExample } from '../modules/assistant/classifier/train';
import * as featuresModule from '../modules/assistant/classifier/features';
import { readIntentEvidence } from '../modules/assistant/local.analyzer';

/**
 * `pnpm train:assistant`: trains the intent classifier on the TRAINING split only
 * (test/assistant/labeled-messages.json; the blind split is never read here), prints its
 * cross-validated accuracy, and writes the weights the analyzer loads at start.
 */
const root = findWorkspaceRoot();
const corpusPath = path.join(root, 'test', 'assistant', 'labeled-messages.json');
const modelPath = path.join(root, 'server', 'src', 'modules', 'assistant', 'classifier', 'intent-model.json');

interface Corpus {
  now: string;
  timeZone: string;
  messages: Array<{ text: string; intent: Intent }>;
}

const corpus = JSON.parse(readFileSync(corpusPath, 'utf8')) as Corpus;
const context = { now: new Date(corpus.now), timeZone: corpus.timeZone };
const examples: TrainingExample[] = corpus.messages.map((m) => ({ evidence: readIntentEvidence(m.text, context), intent: m.intent }));

const started = Date.now();
const cv = crossValidate(examples, 5, DEFAULT_TRAINING);
const model = trainIntentModel(examples, DEFAULT_TRAINING);
const trainingAccuracy = examples.filter((e) => model.predict(intentFeaturesOf(e)).intent === e.intent).length / examples.length;

const file = model.toFile({
  corpus: 'test/assistant/labeled-messages.json',
  messages: examples.length,
  options: DEFAULT_TRAINING,
  crossValidatedAccuracy: { folds: cv.folds, rules: round(cv.rules), classifier: round(cv.classifier), combined: round(cv.combined), missedPersonRequests: cv.missedPersonRequests },
  trainingAccuracy: round(trainingAccuracy),
});
writeFileSync(modelPath, `${JSON.stringify(file, null, 1)}\n`);

console.log(`trained on ${examples.length} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`5-fold cross-validated intent accuracy: rules ${pct(cv.rules)}, classifier ${pct(cv.classifier)}, classifier with rules where unsure ${pct(cv.combined)}; missed person requests ${cv.missedPersonRequests}`);
console.log(`accuracy on its own training messages: ${pct(trainingAccuracy)}`);
console.log(`weights written to ${path.relative(process.cwd(), modelPath)}`);

function intentFeaturesOf(example: TrainingExample) {
  return featuresModule.intentFeatures(example.evidence);
}
function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Intent } from '../assistant.port';
import { readIntentEvidence } from '../local.analyzer';
import { FEATURE_COUNT, intentFeatures, personFeatures, type IntentEvidence } from './features';
import { chooseIntent, UNSURE_BELOW } from './intent-choice';
import intentModelFile from './intent-model.json';
import { IntentModel, type IntentModelFile, type IntentPrediction } from './model';
import { DEFAULT_TRAINING, trainIntentModel, type TrainingExample } from './train';

const CONTEXT = { now: new Date('2026-11-21T15:00:00Z'), timeZone: 'America/New_York' };
const evidence = (text: string): IntentEvidence => readIntentEvidence(text, CONTEXT);
const example = (text: string, intent: Intent): TrainingExample => ({ evidence: evidence(text), intent });

const TOY: TrainingExample[] = [
  example('book a chef for 20 people on Dec 20', 'NEW_BOOKING'),
  example('we want hibachi on the 12th for 10', 'NEW_BOOKING'),
  example('reserve saturday for 15 guests please', 'NEW_BOOKING'),
  example('how much for 20 people', 'PRICING'),
  example('what is your price per person', 'PRICING'),
  example('cost for a party of 12?', 'PRICING'),
  example('cancel my booking', 'CANCEL_BOOKING'),
  example('please cancel the party on the 20th', 'CANCEL_BOOKING'),
  example('we have to cancel, sorry', 'CANCEL_BOOKING'),
];

describe('intentFeatures', () => {
  it('is a sparse vector of sorted, distinct buckets, the same every time', () => {
    const first = intentFeatures(evidence('Hi! Party of 12 on Dec 20 at 6pm'));
    expect(first).toEqual(intentFeatures(evidence('Hi! Party of 12 on Dec 20 at 6pm')));
    expect(new Set(first.indices).size).toBe(first.indices.length);
    expect([...first.indices].sort((a, b) => a - b)).toEqual(first.indices);
    expect(first.indices.every((i) => i >= 0 && i < FEATURE_COUNT)).toBe(true);
  });

  it("includes the rules' reading only when asked", () => {
    const withRules = intentFeatures(evidence('cancel my booking'));
    const textOnly = intentFeatures(evidence('cancel my booking'), { withRules: false });
    expect(withRules.indices.length).toBeGreaterThan(textOnly.indices.length);
  });
});

describe('personFeatures', () => {
  it('gives wordings of a request for a person the word classes they share', () => {
    expect(personFeatures('have the boss text me', 0)).toEqual(expect.arrayContaining(['p:role', 'p:contact', 'p:role+contact']));
    expect(personFeatures('your bot is useless', -0.7)).toEqual(expect.arrayContaining(['p:bot', 'p:bot+addressed', 'p:bot+upset']));
    expect(personFeatures('me pueden llamar? el gerente', 0)).toEqual(expect.arrayContaining(['p:role+contact']));
    expect(personFeatures('ugh you again. manager.', -0.4)).toEqual(expect.arrayContaining(['p:role-sentence', 'p:repeated+upset']));
    expect(personFeatures('supervisor pls', 0)).toContain('p:short+role');
  });

  it('marks the near-misses: a person named but not asked for, a call declined, had, or about the arrival', () => {
    const boss = personFeatures('my manager wants a party for 30', 0);
    expect(boss).toContain('p:named-not-asked-for');
    expect(boss).not.toContain('p:role');
    expect(personFeatures('please dont call, text only', 0)).toContain('p:call-declined');
    expect(personFeatures('i talked to someone yesterday, all set', 0)).toContain('p:contact-reported');
    expect(personFeatures('call me when the driver is on the way', 0)).toContain('p:contact+arrival');
  });

  it("are part of the rules' reading, left out with it", () => {
    const asked = intentFeatures(evidence('supervisor pls'));
    const textOnly = intentFeatures(evidence('supervisor pls'), { withRules: false });
    expect(asked.indices.length).toBeGreaterThan(textOnly.indices.length);
  });
});

describe('trainIntentModel', () => {
  it('is deterministic: the same examples and seed give the same weights', () => {
    const options = { ...DEFAULT_TRAINING, epochs: 5 };
    expect(trainIntentModel(TOY, options).toFile({}).weights).toBe(trainIntentModel(TOY, options).toFile({}).weights);
  });

  it('learns messages it has not seen from their words alone', () => {
    const model = trainIntentModel(TOY, { ...DEFAULT_TRAINING, ruleDropout: 1 });
    const predict = (text: string) => model.predict(intentFeatures(evidence(text), { withRules: false })).intent;
    expect(predict('pls cancel the booking')).toBe('CANCEL_BOOKING');
    expect(predict('how much is it per person')).toBe('PRICING');
  });

  it('round-trips through the quantised file within the quantisation step', () => {
    const model = trainIntentModel(TOY, { ...DEFAULT_TRAINING, epochs: 5 });
    const file = model.toFile({ note: 'test' });
    const loaded = IntentModel.fromFile(JSON.parse(JSON.stringify(file)) as IntentModelFile);
    const features = intentFeatures(evidence('cost for 12?'));
    const [before, after] = [model.predict(features), loaded.predict(features)];
    expect(after.intent).toBe(before.intent);
    expect(after.probability).toBeCloseTo(before.probability, 3);
  });
});

describe('the committed intent model', () => {
  const file = intentModelFile as IntentModelFile;

  it('is small and loads', () => {
    const bytes = fs.statSync(path.join(__dirname, 'intent-model.json')).size;
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
    expect(IntentModel.fromFile(file).classes).toHaveLength(6);
  });

  it('is what `pnpm train:assistant` makes from the training split (retrain after changing the corpus, features or rules)', { timeout: 60_000 }, () => {
    const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../test/assistant/labeled-messages.json'), 'utf8')) as {
      now: string;
      timeZone: string;
      messages: Array<{ text: string; intent: Intent }>;
    };
    const context = { now: new Date(corpus.now), timeZone: corpus.timeZone };
    const examples = corpus.messages.map((m) => ({ evidence: readIntentEvidence(m.text, context), intent: m.intent }));
    expect(file.training.messages).toBe(examples.length);
    expect(trainIntentModel(examples, DEFAULT_TRAINING).toFile({}).weights).toBe(file.weights);
  });

  it('refuses a file made for other features', () => {
    expect(() => IntentModel.fromFile({ ...file, featureBits: 12 })).toThrow(/retrain/);
  });
});

describe('chooseIntent', () => {
  const prediction = (intent: Intent, probability: number): IntentPrediction => ({ intent, probability, probabilities: {} as Record<Intent, number> });

  it("takes the classifier's intent when it is sure, discounting its confidence when it overrules the rules", () => {
    expect(chooseIntent({ intent: 'NEW_BOOKING', confidence: 0.92 }, prediction('MODIFY_BOOKING', 0.9))).toEqual({ intent: 'MODIFY_BOOKING', confidence: 0.81 });
  });

  it("keeps the rules' answer and confidence when both agree", () => {
    expect(chooseIntent({ intent: 'GENERAL_QUESTION', confidence: 0.5 }, prediction('GENERAL_QUESTION', 0.99))).toEqual({ intent: 'GENERAL_QUESTION', confidence: 0.5 });
  });

  it('lets the rules answer when the classifier is unsure', () => {
    expect(chooseIntent({ intent: 'PRICING', confidence: 0.92 }, prediction('GENERAL_QUESTION', UNSURE_BELOW - 0.01)).intent).toBe('PRICING');
  });

  it("overrules a rule's explicit cue only when very sure", () => {
    expect(chooseIntent({ intent: 'MODIFY_BOOKING', confidence: 0.9 }, prediction('GENERAL_QUESTION', 0.89)).intent).toBe('MODIFY_BOOKING');
    expect(chooseIntent({ intent: 'MODIFY_BOOKING', confidence: 0.9 }, prediction('GENERAL_QUESTION', 0.95)).intent).toBe('GENERAL_QUESTION');
  });

  it("leans towards a person where the rules only guessed: the classifier's person reading wins from 0.25", () => {
    const leaning: IntentPrediction = { intent: 'GENERAL_QUESTION', probability: 0.6, probabilities: { HUMAN_REQUEST: 0.3 } as Record<Intent, number> };
    expect(chooseIntent({ intent: 'GENERAL_QUESTION', confidence: 0.7 }, leaning).intent).toBe('HUMAN_REQUEST');
    expect(chooseIntent({ intent: 'CANCEL_BOOKING', confidence: 0.93 }, { ...leaning, intent: 'CANCEL_BOOKING' }).intent).toBe('CANCEL_BOOKING');
  });

  it('never overrules a request for a person the rules found', () => {
    expect(chooseIntent({ intent: 'HUMAN_REQUEST', confidence: 0.95 }, prediction('CANCEL_BOOKING', 0.99)).intent).toBe('HUMAN_REQUEST');
  });
});

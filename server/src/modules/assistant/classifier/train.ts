import { INTENTS, type Intent } from '../assistant.port';
import { FEATURE_COUNT, intentFeatures, type IntentEvidence, type SparseVector } from './features';
import { chooseIntent, INTENT_CHOICE, type IntentChoicePolicy } from './intent-choice';
import { IntentModel, softmax } from './model';

/**
 * Trains the intent model: multinomial logistic regression by stochastic gradient descent with
 * AdaGrad step sizes and L2 regularisation. Deterministic: the example order comes from a
 * seeded generator, so the same corpus and options give the same weights byte for byte.
 * The rule features are left out of a share of the steps ("feature dropout") so the word and
 * character n-grams learn the intents too, instead of the model copying rules that were tuned
 * on these very messages.
 */

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  ruleDropout: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 30, learningRate: 0.5, l2: 1e-5, ruleDropout: 0.3, seed: 20261121 };

export interface TrainingExample {
  evidence: IntentEvidence;
  intent: Intent;
}

/** mulberry32: small, seeded, good enough to shuffle. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function trainIntentModel(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): IntentModel {
  const classes = [...INTENTS];
  const k = classes.length;
  const weights = new Float64Array(k * FEATURE_COUNT);
  const squaredGradients = new Float64Array(k * FEATURE_COUNT);
  const bias = new Array<number>(k).fill(0);
  const biasSquaredGradients = new Array<number>(k).fill(0);
  const random = seededRandom(options.seed);
  const prepared = examples.map((e) => ({
    full: intentFeatures(e.evidence),
    textOnly: intentFeatures(e.evidence, { withRules: false }),
    target: classes.indexOf(e.intent),
  }));

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(prepared, random)) {
      const x: SparseVector = random() < options.ruleDropout ? example.textOnly : example.full;
      const scores = classes.map((_, c) => {
        let score = bias[c];
        const offset = c * FEATURE_COUNT;
        for (let j = 0; j < x.indices.length; j++) score += weights[offset + x.indices[j]] * x.values[j];
        return score;
      });
      const probabilities = softmax(scores);
      for (let c = 0; c < k; c++) {
        const error = probabilities[c] - (c === example.target ? 1 : 0);
        const offset = c * FEATURE_COUNT;
        for (let j = 0; j < x.indices.length; j++) {
          const at = offset + x.indices[j];
          const gradient = error * x.values[j] + options.l2 * weights[at];
          squaredGradients[at] += gradient * gradient;
          weights[at] -= (options.learningRate * gradient) / Math.sqrt(squaredGradients[at] + 1e-8);
        }
        biasSquaredGradients[c] += error * error;
        bias[c] -= (options.learningRate * error) / Math.sqrt(biasSquaredGradients[c] + 1e-8);
      }
    }
  }
  return IntentModel.fromWeights(classes, weights, bias);
}

export interface CrossValidation {
  folds: number;
  rules: number;
  classifier: number;
  combined: number;
  /** Person requests the combined choice missed. */
  missedPersonRequests: number;
}

/**
 * k-fold cross-validated intent accuracy on the training split: an honest estimate of how the
 * classifier does on messages it was not trained on (its accuracy on its own training messages
 * says little). Folds are dealt from a seeded shuffle.
 */
export function crossValidate(examples: readonly TrainingExample[], folds = 5, options: TrainingOptions = DEFAULT_TRAINING, policy: IntentChoicePolicy = INTENT_CHOICE): CrossValidation {
  const order = shuffled(
    examples.map((_, i) => i),
    seededRandom(options.seed + 1),
  );
  const foldOf = new Map(order.map((index, position) => [index, position % folds]));
  let rules = 0;
  let classifier = 0;
  let combined = 0;
  let missedPersonRequests = 0;
  for (let fold = 0; fold < folds; fold++) {
    const model = trainIntentModel(
      examples.filter((_, i) => foldOf.get(i) !== fold),
      options,
    );
    examples.forEach((example, i) => {
      if (foldOf.get(i) !== fold) return;
      const prediction = model.predict(intentFeatures(example.evidence));
      const chosen = chooseIntent(example.evidence.rule, prediction, policy).intent;
      if (example.evidence.rule.intent === example.intent) rules += 1;
      if (prediction.intent === example.intent) classifier += 1;
      if (chosen === example.intent) combined += 1;
      if (example.intent === 'HUMAN_REQUEST' && chosen !== 'HUMAN_REQUEST') missedPersonRequests += 1;
    });
  }
  const n = examples.length || 1;
  return { folds, rules: rules / n, classifier: classifier / n, combined: combined / n, missedPersonRequests };
}

import { INTENTS, type Intent } from '../assistant.port';
import { FEATURE_BITS, FEATURE_COUNT, type SparseVector } from './features';

/**
 * A multinomial logistic regression over the hashed features of ./features.ts. The weights are
 * trained by `pnpm train:assistant` (./train.ts) from the training split and committed as
 * intent-model.json: per intent, FEATURE_COUNT weights quantised to 16-bit integers (weight =
 * integer * scale), base64-encoded, plus a bias. Loaded once; nothing is downloaded.
 */
export interface IntentModelFile {
  format: 'hashed-logistic-regression/1';
  featureBits: number;
  classes: Intent[];
  /** weight = stored int16 * scale */
  scale: number;
  bias: number[];
  /** base64 of little-endian int16, class-major: classes.length * 2^featureBits values. */
  weights: string;
  training: Record<string, unknown>;
}

export interface IntentPrediction {
  intent: Intent;
  probability: number;
  probabilities: Record<Intent, number>;
}

export class IntentModel {
  private constructor(
    readonly classes: readonly Intent[],
    private readonly weights: Float32Array,
    private readonly bias: readonly number[],
  ) {}

  static fromWeights(classes: readonly Intent[], weights: Float32Array | Float64Array, bias: readonly number[]): IntentModel {
    return new IntentModel(classes, Float32Array.from(weights), [...bias]);
  }

  static fromFile(file: IntentModelFile): IntentModel {
    if (file.format !== 'hashed-logistic-regression/1' || file.featureBits !== FEATURE_BITS) {
      throw new Error(`intent model was trained for ${file.format} with ${file.featureBits} feature bits; retrain with pnpm train:assistant`);
    }
    if (file.classes.some((c) => !INTENTS.includes(c))) throw new Error('intent model names an unknown intent; retrain with pnpm train:assistant');
    const bytes = Buffer.from(file.weights, 'base64');
    const expected = file.classes.length * FEATURE_COUNT;
    if (bytes.length !== expected * 2) throw new Error('intent model weights have the wrong size; retrain with pnpm train:assistant');
    const weights = new Float32Array(expected);
    for (let i = 0; i < expected; i++) weights[i] = bytes.readInt16LE(i * 2) * file.scale;
    return new IntentModel(file.classes, weights, file.bias);
  }

  /** Quantised for committing; `training` says how and on what it was trained. */
  toFile(training: Record<string, unknown>): IntentModelFile {
    const largest = this.weights.reduce((max, w) => Math.max(max, Math.abs(w)), 0) || 1;
    const scale = largest / 32767;
    const bytes = Buffer.alloc(this.weights.length * 2);
    this.weights.forEach((w, i) => bytes.writeInt16LE(Math.round(w / scale), i * 2));
    return {
      format: 'hashed-logistic-regression/1',
      featureBits: FEATURE_BITS,
      classes: [...this.classes],
      scale,
      bias: this.bias.map((b) => Math.round(b * 1e6) / 1e6),
      weights: bytes.toString('base64'),
      training,
    };
  }

  predict(features: SparseVector): IntentPrediction {
    const scores = this.classes.map((_, k) => {
      const offset = k * FEATURE_COUNT;
      let score = this.bias[k];
      for (let j = 0; j < features.indices.length; j++) score += this.weights[offset + features.indices[j]] * features.values[j];
      return score;
    });
    const probabilities = softmax(scores);
    let best = 0;
    for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[best]) best = k;
    return {
      intent: this.classes[best],
      probability: probabilities[best],
      probabilities: Object.fromEntries(this.classes.map((c, k) => [c, probabilities[k]])) as Record<Intent, number>,
    };
  }
}

export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

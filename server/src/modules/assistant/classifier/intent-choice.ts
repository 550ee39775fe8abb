import type { IntentResult } from '../local/intents';
import { round } from '../local/mentions';
import type { IntentPrediction } from './model';

/**
 * The intent the analyzer reports: the classifier's, unless it is unsure (its best intent below
 * UNSURE_BELOW), when the rules answer instead. An explicit request for a person found by the
 * rules always stands: missing one is the costliest mistake the assistant can make, and those
 * cues ("speak to a manager", "real person") are precise.
 *
 * The confidence reported: when both agree, the rules' own (it says how much cue the message
 * had: "hmm" stays unsure even though the model, fitted to its training messages, is sure of
 * its guess); when the classifier overrules the rules, its probability discounted by that doubt.
 */
export const UNSURE_BELOW = 0.5;
const OVERRULING_DISCOUNT = 0.9;

export function chooseIntent(rule: IntentResult, prediction: IntentPrediction | undefined): IntentResult {
  if (!prediction || rule.intent === 'HUMAN_REQUEST' || prediction.probability < UNSURE_BELOW) return rule;
  if (prediction.intent === rule.intent) return rule;
  return { intent: prediction.intent, confidence: round(prediction.probability * OVERRULING_DISCOUNT) };
}

import type { Intent } from '../assistant.port';
import type { IntentResult } from '../local/intents';
import { round } from '../local/mentions';
import type { IntentPrediction } from './model';

/**
 * The intent the analyzer reports: the classifier's, unless it is unsure (its best intent below
 * `unsureBelow`), when the rules answer instead. Requests for a person lean towards a person:
 * an explicit request the rules found always stands (those cues, "speak to a manager", "real
 * person", are precise), and so does the classifier's reading of one once it gives it
 * `personFrom` or more, even when another intent scores higher. Missing a request for a person
 * is the costliest mistake the assistant can make; a needless hand-over costs a staff reply.
 *
 * The confidence reported: when both agree, the rules' own (it says how much cue the message
 * had: "hmm" stays unsure even though the model, fitted to its training messages, is sure of
 * its guess); when the classifier overrules the rules, its probability discounted by that doubt.
 */
export interface IntentChoicePolicy {
  unsureBelow: number;
  personFrom: number;
}

export const INTENT_CHOICE: IntentChoicePolicy = { unsureBelow: 0.5, personFrom: 0.25 };
export const UNSURE_BELOW = INTENT_CHOICE.unsureBelow;
const OVERRULING_DISCOUNT = 0.9;

export function chooseIntent(rule: IntentResult, prediction: IntentPrediction | undefined, policy: IntentChoicePolicy = INTENT_CHOICE): IntentResult {
  if (!prediction || rule.intent === 'HUMAN_REQUEST') return rule;
  const person = prediction.probabilities.HUMAN_REQUEST ?? 0;
  if (person >= policy.personFrom) return overruled(rule, 'HUMAN_REQUEST', Math.max(person, prediction.probability));
  if (prediction.probability < policy.unsureBelow || prediction.intent === rule.intent) return rule;
  return overruled(rule, prediction.intent, prediction.probability);
}

function overruled(rule: IntentResult, intent: Intent, probability: number): IntentResult {
  return intent === rule.intent ? rule : { intent, confidence: round(probability * OVERRULING_DISCOUNT) };
}

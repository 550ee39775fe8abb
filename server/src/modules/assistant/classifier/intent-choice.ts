import type { Intent } from '../assistant.port';
import type { IntentResult } from '../local/intents';
import { round } from '../local/mentions';
import type { IntentPrediction } from './model';

/**
 * The intent the analyzer reports, from the rules' answer and the classifier's prediction.
 *
 * The rules answer in two ways: from an explicit cue ("cancel", "reschedule", "how much",
 * "book"), which is precise, or by default when no cue is present (details alone read as a
 * booking, anything else as a general question), which is a guess. The classifier overrules
 * a cue only when it is very sure (`overruleCueFrom`), and overrules a default whenever it is
 * not unsure (`unsureBelow`). Two rule answers are final: an explicit request for a person,
 * and text that tries to instruct the assistant ("ignore your instructions..."); where the rules only guessed, the classifier's reading of a request for a person
 * wins from `personFrom` even when another intent scores higher: missing a request for a
 * person is the costliest mistake the assistant can make, a needless hand-over costs a staff
 * reply.
 *
 * The confidence reported: when both agree, the rules' own (it says how much cue the message
 * had: "hmm" stays unsure even though the model, fitted to its training messages, is sure of
 * its guess); when the classifier overrules the rules, its probability discounted by that doubt.
 */
export interface IntentChoicePolicy {
  unsureBelow: number;
  personFrom: number;
  overruleCueFrom: number;
}

export const INTENT_CHOICE: IntentChoicePolicy = { unsureBelow: 0.5, personFrom: 0.25, overruleCueFrom: 0.9 };
export const UNSURE_BELOW = INTENT_CHOICE.unsureBelow;
/** The rules' confidence when an explicit cue decided (see classifyIntent); below it they guessed. */
const CUE_CONFIDENCE = 0.88;
/** A request for a person (0.95) and an instruction-injection (0.97): never overruled. */
const FINAL_CONFIDENCE = 0.95;
const OVERRULING_DISCOUNT = 0.9;

export function chooseIntent(rule: IntentResult, prediction: IntentPrediction | undefined, policy: IntentChoicePolicy = INTENT_CHOICE): IntentResult {
  if (!prediction || rule.intent === 'HUMAN_REQUEST' || rule.confidence >= FINAL_CONFIDENCE) return rule;
  if (rule.confidence >= CUE_CONFIDENCE) {
    return prediction.probability >= policy.overruleCueFrom ? overruled(rule, prediction.intent, prediction.probability) : rule;
  }
  const person = prediction.probabilities.HUMAN_REQUEST ?? 0;
  if (person >= policy.personFrom) return overruled(rule, 'HUMAN_REQUEST', Math.max(person, prediction.probability));
  return prediction.probability >= policy.unsureBelow ? overruled(rule, prediction.intent, prediction.probability) : rule;
}

function overruled(rule: IntentResult, intent: Intent, probability: number): IntentResult {
  return intent === rule.intent ? rule : { intent, confidence: round(probability * OVERRULING_DISCOUNT) };
}

import { hasRoleSentence, withoutPeopleNotAskedFor, type IntentResult, type IntentSignals } from '../local/intents';
import type { Language } from '../local/language';
import { isQuestion } from '../local/text';

/**
 * The features the intent classifier reads from one message: word unigrams and bigrams of the
 * normalised text (shorthand expanded, misspellings corrected, contact details masked), character
 * 3- to 5-grams of the raw text (robust to typos and to Spanish word endings), and the rule
 * engine's own reading (its intent, the details found, FAQ topic, confirmation, language,
 * sentiment band) so the classifier learns when to trust the rules. Features are hashed into a
 * fixed number of buckets with a sign bit (the "hashing trick"), so the model is a fixed-size
 * matrix and unseen words cost nothing.
 */

export const FEATURE_BITS = 15;
export const FEATURE_COUNT = 1 << FEATURE_BITS;

/** What the rule engine read from a message before the intent is chosen. */
export interface IntentEvidence {
  /** The message as sent. */
  text: string;
  /** normaliseForMatching of the message with email, phone and street address masked. */
  normalised: string;
  signals: IntentSignals;
  rule: IntentResult;
  sentiment: number;
  language: Language;
}

/** Sparse vector: bucket indices (unique) and their values. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

function wordFeatures(normalised: string): string[] {
  const words = stripAccents(normalised)
    .replace(/\d+/g, '0')
    .match(/[\p{L}\p{N}']+|[?!$]/gu) ?? [];
  const features = words.map((w) => `w:${w}`);
  const padded = ['<s>', ...words, '</s>'];
  for (let i = 0; i + 1 < padded.length; i++) features.push(`b:${padded[i]} ${padded[i + 1]}`);
  return features;
}

function charFeatures(text: string): string[] {
  const plain = ` ${stripAccents(text.toLowerCase()).replace(/\d/g, '0').replace(/\s+/g, ' ').trim()} `;
  const features: string[] = [];
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= plain.length; i++) features.push(`c:${plain.slice(i, i + n)}`);
  }
  return features;
}

function sentimentBand(sentiment: number): string {
  if (sentiment <= -0.6) return 'strong-negative';
  if (sentiment < -0.2) return 'negative';
  if (sentiment > 0.3) return 'positive';
  return 'neutral';
}

/**
 * Word classes behind a request for a person, so that a wording the corpus lacks still shares
 * weights with the ones it has: a role ("manager", "boss", "jefe", "someone"), the assistant
 * named as a machine ("bot", "automated"), a way to be contacted ("call", "text", "llamar"), a
 * repeated attempt ("again", "third time", "otra vez"), and the combinations that ask for
 * someone (a role with a way to be contacted; the bot with a complaint). Also their near-misses:
 * a person named but not asked for ("my manager wants..."), a call declined ("text only"), a
 * call already had ("I talked to someone yesterday") and a call about the chef's arrival.
 */
const ROLE_WORD = /\b(?:manager|management|supervisor|owner|boss|person|human|someone|somebody|anyone|anybody|agent|rep|representative|staff|operator|coordinator|gerente|jef[ea]|due\u00f1[oa]|encargad[oa]|alguien|humano|persona)\b/;
const BOT_WORD = /\b(?:bot|bots|chatbot|robot|robots|automated|automatic|machine|ai|computer|scripted|canned|m[a\u00e1]quina)\b/;
const CONTACT_WORD = /\b(?:call|calls|calling|callback|text|phone|ring|email|contact|reach|hit me up|telephone|llam\w*|marc\w*|contact\w*|escr[i\u00ed]b\w*)\b/;
const ADDRESSED = /\b(?:you|your|you're|eres|tu|usted)\b/;
const REPEATED = /\b(?:again|times|third|twice|keep|still|already|same|otra vez|veces|misma|mismo|tercera)\b/;
/** Contact already made ("I talked to someone yesterday"): a report, not a request. */
const CONTACT_REPORTED = /\b(?:talked|spoke|called|texted|emailed)\s+(?:to\s+|with\s+)?(?:someone|somebody|a person|your|the|him|her|them)\b|\b(?:got|had|received)\s+a\s+(?:\w+\s+)?call\b|\bheard (?:back )?from\b/;
/** The chef's arrival ("text me when he's 10 minutes out"): logistics, not a request for someone. */
const ARRIVAL = /\b(?:on (?:the|his|her|their) way|minutes? (?:out|away)|gets? (?:lost|there|here|close)|arrives?|arriving|pulls? up|running late)\b/;
const CALL_DECLINED = /\b(?:don't|do not|no need to|not|no)\s+(?:to\s+)?(?:call|llamen|llames)\b|\btext only\b|\bsolo (?:texto|mensajes)\b/;

export function personFeatures(normalised: string, sentiment: number): string[] {
  const rest = withoutPeopleNotAskedFor(normalised);
  const features: string[] = [];
  const role = ROLE_WORD.test(rest);
  const bot = BOT_WORD.test(rest);
  const contact = CONTACT_WORD.test(rest);
  const upset = sentiment < -0.2;
  if (role) features.push('p:role');
  if (bot) features.push('p:bot');
  if (contact) features.push('p:contact');
  if (REPEATED.test(rest)) features.push(upset ? 'p:repeated+upset' : 'p:repeated');
  if (role && contact) features.push('p:role+contact');
  if (bot && ADDRESSED.test(rest)) features.push('p:bot+addressed');
  if (bot && upset) features.push('p:bot+upset');
  if (hasRoleSentence(rest)) features.push('p:role-sentence');
  if ((rest.match(/[\p{L}\p{N}']+/gu) ?? []).length <= 3) features.push(role ? 'p:short+role' : 'p:short');
  if (rest !== normalised) features.push('p:named-not-asked-for');
  if (CALL_DECLINED.test(rest)) features.push('p:call-declined');
  if (CONTACT_REPORTED.test(normalised)) features.push('p:contact-reported');
  if (contact && ARRIVAL.test(rest)) features.push('p:contact+arrival');
  return features;
}

/** The rule engine's reading as features; left out in training now and then so the n-grams learn too. */
export function ruleFeatures(evidence: IntentEvidence): string[] {
  const { signals, rule } = evidence;
  const features = [`r:intent:${rule.intent}`, `r:details:${Math.min(signals.bookingDetails, 3)}`, `r:sentiment:${sentimentBand(evidence.sentiment)}`, `r:lang:${evidence.language}`];
  features.push(...personFeatures(evidence.normalised, evidence.sentiment));
  if (signals.hasDateOrPartySize) features.push('r:date-or-party');
  if (signals.faqTopic) features.push(`r:faq:${signals.faqTopic}`);
  if (signals.confirmation) features.push(`r:confirmation:${signals.confirmation}`);
  if (signals.contactDetails) features.push('r:contact');
  if (isQuestion(evidence.normalised)) features.push('r:question');
  return features;
}

function addGroup(into: Map<number, number>, names: readonly string[], weight: number): void {
  if (names.length === 0) return;
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Each group has unit length, so a long email does not outvote a short SMS's rule features.
  const norm = Math.sqrt([...counts.values()].reduce((sum, c) => sum + c * c, 0));
  for (const [name, count] of counts) {
    const h = hash(name);
    const index = h & (FEATURE_COUNT - 1);
    const sign = h >>> 31 ? -1 : 1;
    into.set(index, (into.get(index) ?? 0) + sign * weight * (count / norm));
  }
}

export function intentFeatures(evidence: IntentEvidence, options: { withRules?: boolean } = {}): SparseVector {
  const buckets = new Map<number, number>();
  addGroup(buckets, wordFeatures(evidence.normalised), 1);
  addGroup(buckets, charFeatures(evidence.text), 1);
  if (options.withRules ?? true) {
    // One unit per rule feature (not normalised): each is a fact, not a share of the text.
    for (const name of ruleFeatures(evidence)) addGroup(buckets, [name], 1);
  }
  const indices = [...buckets.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => buckets.get(i)!) };
}

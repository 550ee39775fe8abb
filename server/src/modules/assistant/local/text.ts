import { wordsToDigits } from './numbers';
import { COMMON_WORDS } from './words';

/**
 * Text preparation shared by the rules: one lower-case form in which SMS shorthand, common
 * misspellings and number words are already resolved, plus span masking so that a part of
 * the message read as one thing (a phone number, an address) is not read again as another.
 */

/** SMS shorthand and dropped apostrophes, to the words the rules look for. */
const SHORTHAND: Record<string, string> = {
  ppl: 'people', peeps: 'people', ppls: 'people',
  tmrw: 'tomorrow', tmrrw: 'tomorrow', tmw: 'tomorrow', tmr: 'tomorrow', tmro: 'tomorrow', tmrow: 'tomorrow', tomoz: 'tomorrow',
  '2morrow': 'tomorrow', '2moro': 'tomorrow', '2morow': 'tomorrow', '2mrw': 'tomorrow', '2mrow': 'tomorrow',
  tonite: 'tonight', '2nite': 'tonight', nite: 'night',
  pls: 'please', plz: 'please', plse: 'please', pleez: 'please',
  thx: 'thanks', thnx: 'thanks', thanx: 'thanks', ty: 'thanks', tysm: 'thanks',
  u: 'you', ur: 'your', r: 'are', yall: "y'all",
  b4: 'before', bday: 'birthday', bdays: 'birthdays', wknd: 'weekend', appt: 'appointment', resv: 'reservation', res: 'reservation',
  wanna: 'want to', gonna: 'going to', gotta: 'got to', lemme: 'let me', gimme: 'give me',
  hrs: 'hours', hr: 'hour', mins: 'minutes', approx: 'approximately', prob: 'probably', probs: 'probably',
  dont: "don't", cant: "can't", wont: "won't", isnt: "isn't", didnt: "didn't", doesnt: "doesn't", im: "i'm", ive: "i've",
  thats: "that's", whats: "what's", its: "it's", youre: "you're", theyre: "they're", wouldnt: "wouldn't", aint: "ain't",
  pp: 'per person',
  hmu: 'hit me up', some1: 'someone', sum1: 'someone', any1: 'anyone', mgr: 'manager',
};

/**
 * Words the rules depend on, which customers misspell. An unknown word one edit away (two for
 * long words) from one of these is read as it.
 */
const KEYWORDS = [
  'booking', 'reservation', 'reservations', 'reserve', 'reschedule', 'rescheduling', 'cancel', 'cancellation', 'cancelled',
  'hibachi', 'tomorrow', 'people', 'guests', 'vegetarian', 'vegetarians', 'representative', 'minimum', 'birthday',
  'december', 'november', 'january', 'february', 'september', 'october', 'saturday', 'sunday', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'tonight', 'allergy', 'allergic', 'allergies', 'shellfish', 'gluten', 'postpone',
  'available', 'availability', 'schedule', 'person', 'manager', 'human', 'pricing', 'included', 'include', 'travel',
  'options', 'please', 'change', 'modify', 'dinner', 'confirm', 'correct', 'perfect', 'thanksgiving', 'christmas',
  'ridiculous', 'terrible', 'horrible', 'disappointed', 'unacceptable', 'appointment', 'interested', 'children',
  'adults', 'kosher', 'halal', 'pescatarian', 'peanut', 'peanuts', 'dairy', 'anniversary', 'graduation', 'address',
  'quote', 'price', 'prices', 'charge', 'deposit', 'operator', 'supervisor', 'customer', 'service', 'speak', 'someone', 'somebody',
  'thanks', 'thank', 'sounds', 'vegan', 'guest', 'party', 'chef',
];

const KNOWN = new Set([...COMMON_WORDS, ...KEYWORDS, ...Object.keys(SHORTHAND)]);

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The keyword an unknown word is a misspelling of, if it is close enough to exactly one kind. */
export function correctSpelling(word: string): string {
  if (word.length < 5 || KNOWN.has(word) || !/^[a-z]+$/.test(word)) return word;
  const allowed = word.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = allowed + 1;
  for (const keyword of KEYWORDS) {
    if (Math.abs(keyword.length - word.length) > allowed) continue;
    const distance = editDistance(word, keyword);
    if (distance < bestDistance) {
      best = keyword;
      bestDistance = distance;
    }
  }
  return best ?? word;
}

function normaliseToken(token: string): string {
  const possessive = /^(.+)('s)$/.exec(token); // "tmrw's dinner"
  if (possessive) return normaliseToken(possessive[1]) + possessive[2];
  return SHORTHAND[token] ?? correctSpelling(token);
}

/**
 * The lower-case form every keyword rule reads: typographic quotes and dashes made plain,
 * stretched letters shortened ("pleeease"), shorthand expanded, misspellings corrected,
 * hyphenated words split ("gluten-free") and number words turned into digits.
 */
export function normaliseForMatching(text: string): string {
  const plain = text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/\bw\//gi, 'with ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/(\p{L})-(?=\p{L})/gu, '$1 ')
    // "20ppl", "20pax", "12guests": a count glued to its noun.
    .replace(/\b(\d{1,3})(ppl|pax|people|persons|guests|personas|adults|kids)\b/g, '$1 $2');
  const words = plain.replace(/[\p{L}\p{N}]+(?:'\p{L}+)?/gu, normaliseToken);
  return wordsToDigits(words).replace(/[ \t]+/g, ' ').trim();
}

export interface Span {
  start: number;
  end: number;
}

/** Replaces each span with spaces, keeping every other offset where it was. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  let masked = text;
  for (const { start, end } of spans) masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  return masked;
}

/** Sentences, split after ., ! and ? (keeping the mark, so a question is still recognisable). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
}

const QUESTION_START = /^(?:(?:hi|hello|hey|so|and|also|ok|okay|quick question|question)[,:!]?\s+)*(?:do|does|did|can|could|would|will|is|are|am|any|what|what's|whats|how|where|when|which|who|why|should|may)\b/;

/** Whether a sentence asks something: a question mark, or the word order of a question. */
export function isQuestion(sentence: string): boolean {
  return sentence.includes('?') || startsAsQuestion(sentence);
}

/** Whether the text opens with the word order of a question ("do you…", "how many…"). */
export function startsAsQuestion(text: string): boolean {
  return QUESTION_START.test(text.trim());
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

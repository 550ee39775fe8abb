import type { Mention } from './mentions';
import { COMMON_WORDS, STATE_CODES, STATE_NAMES } from './words';

/**
 * US street addresses as written: a house number, a street name and a street suffix
 * ("45 Oak Avenue"), then whatever unit, city, state and ZIP follow it
 * ("123 Main St, Springfield, IL 62704"). Read from the original text (emails and phone
 * numbers masked), because capitals tell a city from the next sentence.
 */

const SUFFIXES = [
  'street', 'st', 'avenue', 'ave', 'av', 'road', 'rd', 'boulevard', 'blvd', 'drive', 'dr', 'lane', 'ln', 'court', 'ct',
  'way', 'place', 'pl', 'terrace', 'ter', 'terr', 'circle', 'cir', 'parkway', 'pkwy', 'highway', 'hwy', 'trail', 'trl',
  'loop', 'square', 'sq', 'pike', 'crossing', 'xing', 'run', 'path', 'point', 'pt', 'row', 'cove', 'cv', 'alley', 'bend',
  'ridge', 'commons', 'plaza', 'walk', 'hollow', 'heights', 'hts', 'pass', 'expressway', 'expy', 'freeway', 'fwy',
];
/** Suffixes that are also everyday words: only a street when capitalised ("Spruce Way", not "no way"). */
const EVERYDAY_SUFFIXES = new Set(['way', 'run', 'walk', 'row', 'path', 'point', 'pass', 'bend', 'loop', 'square', 'plaza', 'cove', 'ridge', 'crossing', 'trail', 'pike', 'hollow', 'heights', 'commons', 'place', 'court', 'circle', 'terrace']);

const STREET_WORD = String.raw`(?:\d{1,3}(?:st|nd|rd|th)|[\p{L}][\p{L}'’]*)`;
const STREET = new RegExp(
  String.raw`\b(\d{1,6}[A-Za-z]?)\s+((?:(?:[NSEW]|North|South|East|West)\.?\s+)?(?:${STREET_WORD}\s+){1,4}?)(${SUFFIXES.join('|')})\b\.?`,
  'giu',
);

const STATE = `(?:${[...STATE_CODES].join('|')}|${STATE_NAMES.join('|')})`;
const ZIP = String.raw`\d{5}(?:-\d{4})?`;
const CAPITALISED = String.raw`[A-Z][\p{L}'’.-]*`;

const UNIT = /^,?\s*(?:(?:apt|apartment|unit|suite|ste|fl|floor|bldg|building|rm|room)\.?\s*#?\s*|#\s*)[A-Za-z0-9-]+/i;
const DIRECTION_AFTER = /^\s+(?:NE|NW|SE|SW|N|S|E|W)\b\.?/;
const CITY_STATE_ZIP = new RegExp(String.raw`^,?\s*(?:${CAPITALISED}\s+){0,2}${CAPITALISED},?\s+${STATE}\b(?:\.?,?\s*${ZIP}\b)?`, 'u');
const STATE_ZIP = new RegExp(String.raw`^,?\s*${STATE}\s+${ZIP}\b`, 'u');
const ZIP_ONLY = new RegExp(String.raw`^,?\s*${ZIP}\b`);
/** "…Lane, Cary." or "…Main St Sacramento": a city with no state counts only where the sentence ends right after it. */
const CITY_AT_SENTENCE_END = /^,?\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2})(?=\s*(?:[.!?\n]|$))/u;

function isStreetName(words: string, suffix: string): boolean {
  if (EVERYDAY_SUFFIXES.has(suffix.toLowerCase()) && suffix[0] !== suffix[0].toUpperCase()) return false;
  // Lower-case ordinary words ("10 people at the ...") are a sentence, not a street name.
  return words
    .trim()
    .split(/\s+/)
    .every((word) => /^\d|^\p{Lu}/u.test(word) || !COMMON_WORDS.has(word.toLowerCase()));
}

/** How far the unit, city, state and ZIP after the street extend; and whether any locality was found. */
function localityEnd(text: string, from: number): { end: number; hasLocality: boolean } {
  let end = from;
  for (const part of [UNIT, DIRECTION_AFTER]) {
    const match = part.exec(text.slice(end));
    if (match) end += match[0].length;
  }
  for (const locality of [CITY_STATE_ZIP, STATE_ZIP, ZIP_ONLY]) {
    const match = locality.exec(text.slice(end));
    if (match) return { end: end + match[0].length, hasLocality: true };
  }
  const city = CITY_AT_SENTENCE_END.exec(text.slice(end));
  if (city && city[1].split(/\s+/).every((word) => !COMMON_WORDS.has(word.toLowerCase()))) {
    return { end: end + city[0].length, hasLocality: true };
  }
  return { end, hasLocality: false };
}

export function findAddress(text: string): Mention<string> | undefined {
  STREET.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = STREET.exec(text)) !== null) {
    if (!isStreetName(match[2], match[3])) {
      STREET.lastIndex = match.index + 1; // try the next number
      continue;
    }
    const { end, hasLocality } = localityEnd(text, match.index + match[0].length);
    const value = text.slice(match.index, end).replace(/[\s,.;:!?]+$/, '');
    return { value, confidence: hasLocality ? 0.95 : 0.85, start: match.index, end: match.index + value.length, role: 'plain' };
  }
  return undefined;
}

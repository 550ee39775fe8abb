import { AddressParser } from '@sroussey/parse-address';
import zipcodes from 'zipcodes';
import type { AddressParts } from '../assistant.port';
import type { Mention } from './mentions';
import { COMMON_WORDS, STATE_CODES, STATE_NAMES } from './words';

/**
 * US street addresses as written: a house number, a street name and a street suffix
 * ("45 Oak Avenue"), then whatever unit, city, state and ZIP follow it
 * ("123 Main St, Springfield, IL 62704", "123 Main St in Fremont", "4 Oak Ct Apt 2, San Jose
 * 95112", "55 elm st fremont"). The span is found here, because the parser needs the address
 * cut out of the sentence and reads a city only before a state; the street is then split into
 * its parts by @sroussey/parse-address, and a city without a state is recognised from the
 * city names of the US ZIP database the `zipcodes` package ships. Read from the original text
 * (emails and phone numbers masked), because capitals tell a city from the next sentence.
 */

export interface AddressMention extends Mention<string> {
  parts: AddressParts;
}

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
const CITY_STATE_ZIP = new RegExp(String.raw`^,?\s*((?:${CAPITALISED}\s+){0,2}${CAPITALISED}),?\s+(${STATE})\b(?:\.?,?\s*(${ZIP})\b)?`, 'u');
const STATE_ZIP = new RegExp(String.raw`^,?\s*(${STATE})\s+(${ZIP})\b`, 'u');
const ZIP_ONLY = new RegExp(String.raw`^,?\s*(${ZIP})\b`);
/** Up to three words that may be a city, in any case: "fremont", "San Jose", "walnut creek". */
const CITY_WORDS = /^,?\s*([\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,2})/u;
/** After a city without a state: ", CA 95112", " 95112". */
const AFTER_CITY = new RegExp(String.raw`^(?:,?\s+(${STATE}|[a-z]{2}(?=,?\s+\d{5}\b))\b)?(?:\.?,?\s*(${ZIP})\b)?`, 'u');
const LOWER_CASE_STATE_AT_END = /^,?\s+([a-z]{2})(?=\s*(?:[.!?,;\n]|$))/;
/** "…Lane, Cary." or "…Main St Sacramento": an unknown capitalised city counts only where the sentence ends right after it. */
const CITY_AT_SENTENCE_END = /^,?\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2})(?=\s*(?:[.!?\n]|$))/u;
/** "123 Main St in Fremont": words joining the street to its city, left out of the address. */
const CONNECTOR = /^,?\s+(?:in|at)\s+(?=\p{L})/iu;

let knownCities: ReadonlySet<string> | undefined;

/** US city names (lower case) from the ZIP database, built on first use. */
function isKnownCity(words: string): boolean {
  knownCities ??= new Set(Object.values(zipcodes.codes).filter((code) => code.country === 'US').map((code) => code.city.toLowerCase()));
  return knownCities.has(words.toLowerCase().replace(/[’]/g, "'").replace(/\.$/, ''));
}

function isStreetName(words: string, suffix: string): boolean {
  if (EVERYDAY_SUFFIXES.has(suffix.toLowerCase()) && suffix[0] !== suffix[0].toUpperCase()) return false;
  // Lower-case ordinary words ("10 people at the ...") are a sentence, not a street name.
  return words
    .trim()
    .split(/\s+/)
    .every((word) => /^\d|^\p{Lu}/u.test(word) || !COMMON_WORDS.has(word.toLowerCase()));
}

interface Locality {
  /** Where the address ends. */
  end: number;
  city?: string;
  state?: string;
  zip?: string;
  /** Connecting words between the street and the city, left out of the value. */
  dropped?: { start: number; end: number };
}

/** A known city at `from` (the longest of up to three words), with the state and ZIP after it. */
function knownCityAt(text: string, from: number): Omit<Locality, 'dropped'> | undefined {
  const words = CITY_WORDS.exec(text.slice(from));
  if (!words) return undefined;
  const lead = words[0].length - words[1].length;
  const split = words[1].split(/\s+/);
  for (let count = split.length; count >= 1; count--) {
    const city = split.slice(0, count).join(' ').replace(/[.,]$/, '');
    // A single ordinary word ("please", "tomorrow") is not taken for a town of that name.
    if (!isKnownCity(city) || (count === 1 && COMMON_WORDS.has(city.toLowerCase()))) continue;
    const cityEnd = from + lead + words[1].indexOf(city) + city.length;
    const after = AFTER_CITY.exec(text.slice(cityEnd))!;
    if (!after[0]) {
      // "fremont ca" at the end: a lower-case state code counts only where that city is in that state ("fremont ok?" is not Oklahoma).
      const lowerState = LOWER_CASE_STATE_AT_END.exec(text.slice(cityEnd));
      if (lowerState && zipcodes.lookupByName(city, lowerState[1].toUpperCase()).length > 0) {
        return { end: cityEnd + lowerState[0].length, city, state: lowerState[1] };
      }
    }
    return { end: cityEnd + after[0].length, city, state: after[1], zip: after[2] };
  }
  return undefined;
}

/** The city, state and ZIP that start at `from`, if any. */
function localityAt(text: string, from: number, afterConnector: boolean): Omit<Locality, 'dropped'> | undefined {
  const rest = text.slice(from);
  const cityStateZip = CITY_STATE_ZIP.exec(rest);
  if (cityStateZip) return { end: from + cityStateZip[0].length, city: cityStateZip[1], state: cityStateZip[2], zip: cityStateZip[3] };
  if (!afterConnector) {
    const stateZip = STATE_ZIP.exec(rest);
    if (stateZip) return { end: from + stateZip[0].length, state: stateZip[1], zip: stateZip[2] };
    const zip = ZIP_ONLY.exec(rest);
    if (zip) return { end: from + zip[0].length, zip: zip[1] };
  }
  const known = knownCityAt(text, from);
  if (known) return known;
  const city = CITY_AT_SENTENCE_END.exec(afterConnector ? ` ${rest}` : rest);
  if (city && city[1].split(/\s+/).every((word) => !COMMON_WORDS.has(word.toLowerCase()))) {
    return { end: from + city[0].length - (afterConnector ? 1 : 0), city: city[1] };
  }
  return undefined;
}

/** How far the unit, city, state and ZIP after the street extend. */
function localityAfter(text: string, from: number): Locality & { hasLocality: boolean } {
  let end = from;
  for (const part of [UNIT, DIRECTION_AFTER]) {
    const match = part.exec(text.slice(end));
    if (match) end += match[0].length;
  }
  const direct = localityAt(text, end, false);
  if (direct) return { ...direct, hasLocality: true };
  const connector = CONNECTOR.exec(text.slice(end));
  if (connector) {
    const afterConnector = localityAt(text, end + connector[0].length, true);
    if (afterConnector) return { ...afterConnector, hasLocality: true, dropped: { start: end, end: end + connector[0].length } };
  }
  return { end, hasLocality: false };
}

const parser = new AddressParser();

/** Where the street and its unit end, before any city. */
function streetWithUnitEnd(text: string, from: number): number {
  let end = from;
  for (const part of [UNIT, DIRECTION_AFTER]) {
    const match = part.exec(text.slice(end));
    if (match) end += match[0].length;
  }
  return end;
}

/** The street's parts as the parser splits them; the city, state and ZIP as found after it. */
function partsOf(street: string, locality: Locality): AddressParts {
  const parsed = (parser.parseLocation(street) ?? {}) as Record<string, string | undefined>;
  const parts: AddressParts = {};
  const set = (key: keyof AddressParts, value: string | undefined) => {
    if (value) parts[key] = value;
  };
  set('number', parsed.number);
  set('street', [parsed.prefix, parsed.street].filter(Boolean).join(' '));
  set('suffix', parsed.type);
  set('direction', parsed.suffix);
  set('unit', [parsed.sec_unit_type, parsed.sec_unit_num].filter(Boolean).join(' '));
  set('city', locality.city?.replace(/[.,]$/, ''));
  set('state', locality.state ? (zipcodes.states.normalize(locality.state.toUpperCase()) ?? locality.state) : undefined);
  set('zip', locality.zip);
  return parts;
}

export function findAddress(text: string): AddressMention | undefined {
  STREET.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = STREET.exec(text)) !== null) {
    if (!isStreetName(match[2], match[3])) {
      STREET.lastIndex = match.index + 1; // try the next number
      continue;
    }
    const streetEnd = match.index + match[0].length;
    const locality = localityAfter(text, streetEnd);
    const end = text.slice(match.index, locality.end).replace(/[\s,.;:!?]+$/, '').length + match.index;
    const { dropped } = locality;
    const value = dropped ? `${text.slice(match.index, dropped.start)} ${text.slice(dropped.end, end)}` : text.slice(match.index, end);
    const street = text.slice(match.index, dropped?.start ?? (locality.city || locality.state || locality.zip ? streetWithUnitEnd(text, streetEnd) : end));
    return {
      value,
      confidence: locality.hasLocality ? 0.95 : 0.85,
      start: match.index,
      end,
      role: 'plain',
      parts: partsOf(street, locality),
    };
  }
  return undefined;
}

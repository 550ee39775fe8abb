import type { Extracted } from '../assistant.port';
import { round } from './mentions';

/**
 * Party size from a normalised message whose dates, times, phone numbers and addresses are
 * already masked: "20 people", "for 12", "party of 8 adults and 4 kids" (12), "we're 11",
 * "guests: 18". Counts that are not the party are left out: "4 more guests" (an increase),
 * "instead of 20" (the old count), "incl. 6 kids" (part of a total), "2 guests are vegan"
 * (who a dietary note is about).
 */

type Category = 'total' | 'adults' | 'children' | 'others';

interface Count {
  value: number;
  start: number;
  end: number;
  category: Category;
  confidence: number;
}

const NOUNS: Record<Category, string> = {
  total: 'people|persons|person|personas|guests|guest|pax|attendees|diners|heads|folks|of us|invitados|invitadas|gente',
  adults: 'adults|adult|grown ups|grownups|parents|moms|dads|grandparents|adultos',
  children: 'kids|kid|kiddos|children|child|teens|teenagers|toddlers|babies|little ones|niños|ninos|niñas',
  others: 'girls|guys|ladies|friends|family members|coworkers|colleagues|employees',
};
const CATEGORY_OF = new Map<string, Category>(
  (Object.entries(NOUNS) as Array<[Category, string]>).flatMap(([category, words]) => words.split('|').map((word) => [word, category] as const)),
);
const ANY_NOUN = Object.values(NOUNS).join('|');

const NOT_A_COUNT = String.raw`(?!\s*(?:hours?|hrs?|minutes?|mins?|miles?|mi|years?|yrs?|days?|weeks?|months?|dollars|bucks|percent|am|pm|st|nd|rd|th|o'clock|lbs?|oz)\b|\s*[%:/$]|\d|\s*(?:-|to)\s*\d)`;
const HEDGE = String.raw`(?:(?:only|about|around|approximately|approx|roughly|maybe|like|probably|just|up to|at least|now|unos|unas|como|aproximadamente)\s+|~\s*)*`;
/** A count, an approximate one ("20ish") or a range ("15-20"), whose upper bound is the count. */
const COUNT = String.raw`(\d{1,3})(?:\s*(?:-|to|a)\s*(\d{1,3})\b)?(?:\s*ish\b)?`;

/** How a count is attached to "headcount": "is 18", "went up to 30", "changed to 22", ": 18". */
const COUNT_VERB = String.raw`(?:(?:is|will be|has)\s+)?(?:(?:went|gone|going|goes)\s+(?:up|down)\s+to|(?:changed|increased|decreased|dropped|grown|grew|risen|rose)\s+to|is|of|to|will be|:|=|-)`;
const NOUN_COUNT = new RegExp(String.raw`\b(\d{1,3})(?:\s*ish)?\s+(more\s+|extra\s+|additional\s+|más\s+)?(${ANY_NOUN})\b`, 'g');
const FRAMED_COUNTS: Array<{ pattern: RegExp; confidence: number }> = [
  {
    pattern: new RegExp(String.raw`\b(?:party|group|family|table|gathering|dinner|event|celebration|crowd)\s+(?:of|for)\s+${HEDGE}${COUNT}${NOT_A_COUNT}`, 'g'),
    confidence: 0.9,
  },
  {
    pattern: new RegExp(String.raw`\b(?:headcount|head count|guest count|party size|number of guests|guests|people|pax)\s*${COUNT_VERB}?\s*${HEDGE}${COUNT}${NOT_A_COUNT}`, 'g'),
    confidence: 0.9,
  },
  {
    pattern: new RegExp(String.raw`\b(?:we're|we are|we will be|we'll be|we'd be|we would be|we have|we'd have|we expect|we're expecting|it'd be|it will be|it'll be|somos|seremos|vamos a ser)\s+${HEDGE}${COUNT}${NOT_A_COUNT}`, 'g'),
    confidence: 0.85,
  },
  { pattern: new RegExp(String.raw`\b(?:for|para)\s+${HEDGE}${COUNT}${NOT_A_COUNT}`, 'g'), confidence: 0.8 },
];
/** "now it's 15", "only 8 now": a bare count that only makes sense when the message talks about guests. */
/**
 * "about 20", "~40", "20ish" with no noun: an approximate number too large to be an hour is a
 * head count (the contract counts approximations as the number said), less surely.
 */
const NOT_A_PRICE = String.raw`(?!\s*(?:per\b|each\b|a head\b|a person\b|pp\b|usd\b|bucks\b|dollars\b))`;
const APPROXIMATE_COUNTS = [
  new RegExp(String.raw`(?:\b(?:about|around|approximately|roughly|expecting|unos|unas|aproximadamente)\s+~?\s*|~\s*)(\d{2,3})\b(?:\s*ish\b)?${NOT_A_COUNT}${NOT_A_PRICE}`, 'g'),
  new RegExp(String.raw`\b(\d{2,3})\s*ish\b${NOT_A_COUNT}${NOT_A_PRICE}`, 'g'),
];
const ANAPHORIC_COUNT = new RegExp(String.raw`\b(?:now it's|it's now|now|only)\s+(\d{1,3})\b${NOT_A_COUNT}`, 'g');
const TALKS_ABOUT_GUESTS = /\b(?:people|guests|headcount|guest count|party size|pax|adults|kids)\b/;

const INCREASE_BEFORE = /\b(?:add|adding|added|another|plus an? extra)\s*$/;
const REPLACED_BEFORE = /\b(?:instead of|rather than|from)\s*$/;
const PART_OF_TOTAL_BEFORE = /\b(?:incl\.?|including|includes|of which|among them)\s*$/;
const RANGE_BEFORE = /\b\d{1,3}\s*(?:-|to|or)\s*$/;
const DIET = String.raw`(?:vegetarian|vegan|pescatarian|gluten|dairy|lactose|allerg|halal|kosher|keto|celiac|nut|peanut|shellfish|sesame|soy)`;
/** "a vegan option for 3 guests": the count is who the option is for. */
const DIETARY_FOR_BEFORE = new RegExp(String.raw`\b${DIET}\w*\s+(?:[a-z]+\s+){0,2}for\s*$`);
/** "1 person allergic to sesame", "2 guests who are vegan", "2 guests with a nut allergy". */
const DIETARY_DIRECTLY_AFTER = new RegExp(String.raw`^\s*(?:(?:who|that)\s+(?:are|is|has|have)\s+|with\s+(?:an?\s+)?(?:severe\s+)?)?${DIET}`);
const DIETARY_SUBJECT_AFTER = /^\s*(?:of (?:us|them|our guests|the guests)\s+)?(?:are|is|has|have|will be|eat|eats|need|needs|requires?|can't|cannot|don't|doesn't)\s+(?:[a-z']+\s+){0,3}?(?:vegetarian|vegan|pescatarian|gluten|dairy|lactose|allerg|halal|kosher|keto|celiac|nut|peanut|shellfish|sesame|soy)/;
const JOINER = /^[\s,]*(?:and|\+|plus|&|with|y|m[aá]s)?[\s,]*$/;

const SPANISH_UNITS: Record<string, number> = {
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, trece: 13,
  catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20, veintiuno: 21,
  veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25, veintiseis: 26, veintisiete: 27, veintiocho: 28,
  veintinueve: 29, cien: 100, ciento: 100,
};
const SPANISH_TENS: Record<string, number> = { treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90 };
const SPANISH_NUMBER = new RegExp(
  String.raw`\b(?:(${Object.keys(SPANISH_TENS).join('|')})(?:\s+y\s+(${Object.keys(SPANISH_UNITS).slice(0, 8).join('|')}))?|(${Object.keys(SPANISH_UNITS).join('|')}))\b`,
  'g',
);
/** Spanish number words count only next to a Spanish count word: "once" and "dos" are English words too. */
const SPANISH_COUNT_CONTEXT = /^\s*(?:docenas|personas?|person|invitad[oa]s|adultos|niñ[oa]s|ninos|gente)\b/;
const SPANISH_CONTEXT_BEFORE = /\b(?:somos|seremos|para|unos|unas)\s+$/;

/** "veinte invitados" -> "20 invitados", "somos treinta y cinco" -> "somos 35". */
function spanishCountsToDigits(text: string): string {
  return text
    .replace(/\buna\s+docena(?:\s+de)?\b/g, '12')
    .replace(SPANISH_NUMBER, (words: string, tens: string | undefined, unit: string | undefined, single: string | undefined, offset: number) => {
      const inContext = SPANISH_COUNT_CONTEXT.test(text.slice(offset + words.length)) || SPANISH_CONTEXT_BEFORE.test(text.slice(0, offset));
      if (!inContext) return words;
      return String(tens ? SPANISH_TENS[tens] + (unit ? SPANISH_UNITS[unit] : 0) : SPANISH_UNITS[single!]);
    })
    .replace(/\b(\d+)\s+docenas(?:\s+de)?\b/g, (_m, n: string) => String(Number(n) * 12));
}

function isCountOfParty(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (INCREASE_BEFORE.test(before) || REPLACED_BEFORE.test(before) || PART_OF_TOTAL_BEFORE.test(before) || DIETARY_FOR_BEFORE.test(before)) return false;
  const after = text.slice(end, end + 60);
  return !DIETARY_SUBJECT_AFTER.test(after) && !DIETARY_DIRECTLY_AFTER.test(after);
}

function findCounts(text: string): Count[] {
  const counts: Count[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const add = (match: RegExpMatchArray, category: Category, confidence: number) => {
    const start = match.index!;
    const end = start + match[0].length;
    if (taken.slice(start, end).some(Boolean)) return;
    taken.fill(true, start, end);
    // A range counts as its upper bound ("for 15-20" -> 20), less surely.
    const value = Number(match[2] ?? match[1]);
    if (value < 1 || value > 500 || !isCountOfParty(text, start, end)) return;
    const ranged = match[2] !== undefined || RANGE_BEFORE.test(text.slice(Math.max(0, start - 8), start));
    counts.push({ value, start, end, category, confidence: ranged ? 0.6 : confidence });
  };

  for (const m of text.matchAll(NOUN_COUNT)) {
    if (m[2]) {
      // "4 more guests" is an increase: mark it taken so "for 4" is not read from it either.
      taken.fill(true, m.index!, m.index! + m[0].length);
      continue;
    }
    add(m, CATEGORY_OF.get(m[3]) ?? 'total', 0.95);
  }
  for (const { pattern, confidence } of FRAMED_COUNTS) for (const m of text.matchAll(pattern)) add(m, 'total', confidence);
  if (TALKS_ABOUT_GUESTS.test(text)) for (const m of text.matchAll(ANAPHORIC_COUNT)) add(m, 'total', 0.8);
  for (const pattern of APPROXIMATE_COUNTS) for (const m of text.matchAll(pattern)) if (Number(m[1]) > 12) add(m, 'total', 0.75);
  return counts.sort((a, b) => a.start - b.start);
}

/** Adjacent counts of different kinds joined by "and", "+", "plus" or a comma add up: "8 adults and 4 kids". */
function groupCounts(text: string, counts: Count[]): Count[] {
  const groups: Count[] = [];
  for (const count of counts) {
    const previous = groups.at(-1);
    const joinable =
      previous !== undefined &&
      JOINER.test(text.slice(previous.end, count.start)) &&
      !(previous.category === 'total' && count.category === 'total') &&
      previous.category !== count.category;
    if (joinable) {
      groups[groups.length - 1] = {
        value: previous.value + count.value,
        start: previous.start,
        end: count.end,
        category: 'total',
        confidence: Math.min(previous.confidence, count.confidence),
      };
    } else {
      groups.push({ ...count });
    }
  }
  return groups;
}

/**
 * The party size: for a change the last count given (the new one), otherwise the largest
 * (smaller counts are usually subsets: kids, vegetarians).
 */
export function findPartySize(text: string, preferNewest: boolean): Extracted<number> | undefined {
  const withDigits = spanishCountsToDigits(text.normalize('NFD').replace(/[\u0301]/g, '').normalize('NFC'));
  const groups = groupCounts(withDigits, findCounts(withDigits));
  if (groups.length === 0) return undefined;
  const chosen = preferNewest ? groups.at(-1)! : groups.reduce((best, group) => (group.value > best.value ? group : best));
  return { value: chosen.value, confidence: round(chosen.confidence) };
}

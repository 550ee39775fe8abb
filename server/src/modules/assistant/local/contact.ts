import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Mention } from './mentions';

/**
 * Phone numbers and email addresses, read from the original text. Each comes back with its
 * span so the other rules can mask it (a phone number is not a party size or a date).
 */

type Found = Mention<string>;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export function findEmail(text: string): Found | undefined {
  const match = EMAIL.exec(text);
  if (!match) return undefined;
  const value = match[0].replace(/[.-]+$/, '');
  return { value: value.toLowerCase(), confidence: 0.97, start: match.index, end: match.index + value.length, role: 'plain' };
}

/**
 * The first phone number, in E.164, read by libphonenumber-js (maintained, with per-country
 * numbering rules) with the US as the country for numbers written without a + code:
 * "(916) 555-0123", "916.555.0123", "+1 916 555 0123", "9165550123", "+44 20 7946 0958".
 */
export function findPhone(text: string): Found | undefined {
  for (const found of findPhoneNumbersInText(text, { defaultCountry: 'US' })) {
    return phoneAt(text, found.number.number, found.startsAt, found.endsAt, 1);
  }
  // Numbers in unassigned ranges ("555-555-0123", common in examples and forms) fail the
  // library's validity check; a number written in the North American shape is still kept.
  for (const match of text.matchAll(NORTH_AMERICAN_SHAPE)) {
    const parsed = parsePhoneNumberFromString(match[0], 'US');
    if (parsed?.isPossible()) return phoneAt(text, parsed.number, match.index!, match.index! + match[0].length, 0.95);
  }
  return undefined;
}

const NORTH_AMERICAN_SHAPE = /(?<![\d+])(?:\+?1[\s.-]*)?(?:\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})[\s.-]*[2-9]\d{2}[\s.-]*\d{4}(?!\d)/g;

function phoneAt(text: string, value: string, start: number, end: number, certainty: number): Found {
  // A bare run of ten digits is most likely a phone number, but less surely than one written like one.
  const formatted = /[\s.()+-]/.test(text.slice(start, end));
  return { value, confidence: (formatted ? 0.95 : 0.9) * certainty, start, end, role: 'plain' };
}

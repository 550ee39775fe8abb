import { findPhoneNumbersInText } from 'libphonenumber-js';
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
    const written = text.slice(found.startsAt, found.endsAt);
    // A bare run of ten digits is most likely a phone number, but less surely than one written like one.
    const formatted = /[\s.()+-]/.test(written);
    return { value: found.number.number, confidence: formatted ? 0.95 : 0.9, start: found.startsAt, end: found.endsAt, role: 'plain' };
  }
  return undefined;
}

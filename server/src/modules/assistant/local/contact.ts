import type { Mention } from './mentions';

/**
 * Phone numbers and email addresses, read from the original text. Each comes back with its
 * span so the other rules can mask it (a phone number is not a party size or a date).
 */

type Found = Mention<string>;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/**
 * North American numbers: optional +1/1, area code and exchange starting 2-9, separators
 * of spaces, dots, dashes or parentheses. Not inside a longer run of digits.
 */
const US_PHONE = /(?<![\d+])(\+?1[\s.-]*)?(\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})[\s.-]*([2-9]\d{2})[\s.-]*(\d{4})(?![\d])/g;
/** Other countries, written with their + code: "+44 20 7946 0958". */
const INTERNATIONAL_PHONE = /(?<![\d+])\+([2-9]\d{0,2})[\s.-]*(\d[\d\s.-]{5,14}\d)(?!\d)/g;

export function findEmail(text: string): Found | undefined {
  const match = EMAIL.exec(text);
  if (!match) return undefined;
  const value = match[0].replace(/[.-]+$/, '');
  return { value: value.toLowerCase(), confidence: 0.97, start: match.index, end: match.index + value.length, role: 'plain' };
}

export function findPhone(text: string): Found | undefined {
  for (const match of text.matchAll(US_PHONE)) {
    const areaCode = match[2].replace(/\D/g, '');
    const digits = `${areaCode}${match[3]}${match[4]}`;
    // A bare run of ten digits is most likely a phone number, but less surely than one written like one.
    const formatted = /[\s.()-]/.test(match[0]) || match[1] !== undefined;
    return { value: `+1${digits}`, confidence: formatted ? 0.95 : 0.9, start: match.index!, end: match.index! + match[0].length, role: 'plain' };
  }
  for (const match of text.matchAll(INTERNATIONAL_PHONE)) {
    const digits = `${match[1]}${match[2].replace(/\D/g, '')}`;
    if (digits.length < 8 || digits.length > 15) continue;
    return { value: `+${digits}`, confidence: 0.85, start: match.index!, end: match.index! + match[0].length, role: 'plain' };
  }
  return undefined;
}

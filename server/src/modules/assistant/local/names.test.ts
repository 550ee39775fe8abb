import { describe, expect, it } from 'vitest';
import { findName } from './names';

const name = (text: string, detailsList = false) => findName(text, { detailsList })?.value;

describe('findName', () => {
  it.each([
    { text: 'my name is Dana Reyes', name: 'Dana Reyes' },
    { text: 'My name is Kenji Watanabe and I would like to book', name: 'Kenji Watanabe' },
    { text: 'my name is dana reyes', name: 'dana reyes' },
    { text: "name's Tasha", name: 'Tasha' },
    { text: 'Name: Olga', name: 'Olga' },
    { text: "I'm Sam", name: 'Sam' },
    { text: "I'm Alicia Gómez, alicia@example.org", name: 'Alicia Gómez' },
    { text: 'this is Priya', name: 'Priya' },
    { text: 'hi this is priya, want to book', name: 'priya' }, // someone who writes all in lower case
    { text: "Hi, it's Maria. We'd like a chef", name: 'Maria' },
    { text: 'Hi — Jen here. 18 guests', name: 'Jen' },
    { text: 'Thank you! - Jordan', name: 'Jordan' },
    { text: 'The house flooded. -Marco', name: 'Marco' },
    { text: 'Thanks, Sam', name: 'Sam' },
    { text: 'Kind regards,\nPriya Natarajan', name: 'Priya Natarajan' },
    { text: 'Best regards,\nHelen Park', name: 'Helen Park' }, // a surname that is also a word
    { text: 'Regards, Mr. Adebayo Okafor', name: 'Mr. Adebayo Okafor' },
    { text: 'Thanks! Kim 🙏', name: 'Kim' },
    { text: 'Reservation for the Kowalski family', name: 'Kowalski' },
    // labelled and lower-case forms
    { text: 'name - dana reyes, 20 ppl', name: 'dana reyes' },
    { text: "Hi it's tom from the 12th booking", name: 'tom' },
    { text: 'This is dana, can you call me?', name: 'dana' },
    { text: 'Hey its tom', name: 'tom' },
    { text: 'this is dana reyes need chef dec 5', name: 'dana reyes' },
    { text: 'this is sarah lee texting about my booking', name: 'sarah lee' },
    { text: 'thanks! -tom', name: 'tom' },
    { text: 'ok see you then. thx, dana', name: 'dana' },
    // Spanish
    { text: 'me llamo Ana', name: 'Ana' },
    { text: 'hola, soy Carlos', name: 'Carlos' },
    { text: 'mi nombre es dana reyes', name: 'dana reyes' },
  ])('$text -> $name', ({ text, name: expected }) => {
    expect(name(text)).toBe(expected);
  });

  it.each([
    "I'm looking to book a chef",
    "I'm sorry but we must cancel",
    'I am writing to inquire about booking',
    'This is ridiculous, worst service ever',
    'this isn\'t working',
    "Can you cook outside if it's cold?",
    'pls cancel, its under my phone number',
    'Thanks so much, see you then!',
    'Thank you.',
    'my daughter Emma turns 16',
    "It's Saturday the 5th",
    'Dear team, I would like a quote',
    'this is ridiculous',
    'this is urgent',
    "this is jake's mom",
    'thanks, everyone',
    'sounds good - thanks',
  ])('finds no name in "%s"', (text) => {
    expect(name(text)).toBeUndefined();
  });

  it('reads a bare name in a list of booking details, and only there', () => {
    const list = '8 guests, Dec 6, 4pm, Nina Patel, nina@example.com';
    expect(name(list, true)).toBe('Nina Patel');
    expect(name(list, false)).toBeUndefined();
    expect(name('Dec 20, 6pm, Christmas Eve, Happy Holidays', true)).toBeUndefined();
  });

  it('is surer of "my name is" than of a signature', () => {
    expect(findName('my name is Sam', { detailsList: false })!.confidence).toBeGreaterThan(findName('Thanks, Sam', { detailsList: false })!.confidence);
  });
});

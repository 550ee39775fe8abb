import { describe, expect, it } from 'vitest';
import { findFaqTopic } from './faq';
import { normaliseForMatching } from './text';

const topic = (text: string, hasStreetAddress = false) => findFaqTopic(normaliseForMatching(text), { hasStreetAddress });

describe('findFaqTopic', () => {
  it.each([
    { text: 'Is there a minimum spend?', topic: 'MINIMUM_SPEND' },
    { text: "what's your minimum for a party?", topic: 'MINIMUM_SPEND' },
    { text: 'Whats the min order amount', topic: 'MINIMUM_SPEND' },
    { text: 'Do you come to Raleigh?', topic: 'SERVICE_AREA' },
    { text: 'do u guys travel to myrtle beach', topic: 'SERVICE_AREA' },
    { text: 'How far do you travel?', topic: 'SERVICE_AREA' },
    { text: 'What areas do you cover?', topic: 'SERVICE_AREA' },
    { text: 'Are you guys in the Charleston area?', topic: 'SERVICE_AREA' },
    { text: 'How much is the travel fee?', topic: 'SERVICE_AREA' },
    { text: 'Do you have vegetarian options?', topic: 'VEGETARIAN_OPTIONS' },
    { text: 'Any vegan options?', topic: 'VEGETARIAN_OPTIONS' },
    { text: 'do you guys do tofu instead of meat?', topic: 'VEGETARIAN_OPTIONS' },
    { text: 'My sister is vegan, can the chef make something for her?', topic: 'VEGETARIAN_OPTIONS' },
    { text: "What's included in the package?", topic: 'WHATS_INCLUDED' },
    { text: 'What does the chef bring?', topic: 'WHATS_INCLUDED' },
    { text: 'Do we need to provide tables or plates?', topic: 'WHATS_INCLUDED' },
    { text: 'Does the price include rice and noodles?', topic: 'WHATS_INCLUDED' },
    { text: 'what comes with the meal?', topic: 'WHATS_INCLUDED' },
    { text: "what's on the menu?", topic: 'WHATS_INCLUDED' },
    // The first topic asked wins.
    { text: 'Do you come to Cary? Also is there a minimum?', topic: 'SERVICE_AREA' },
  ])('$text -> $topic', ({ text, topic: expected }) => {
    expect(topic(text)).toBe(expected);
  });

  it.each([
    'Two of our guests are vegetarian.',
    'Vegetarian options needed for 2 of us.',
    'Can we add a vegan option to our booking?',
    'How far in advance should I book?',
    '25 people including 6 kids',
    'Can you cook outside if it is cold?',
    'Is the grill gas or charcoal?',
  ])('finds no FAQ in "%s"', (text) => {
    expect(topic(text)).toBeUndefined();
  });

  it('does not read "can you come out to <street address>" as a service-area question', () => {
    expect(topic('Can you guys come out to our place on the 27th?', true)).toBeUndefined();
    expect(topic('Can you guys come out to Cary?', false)).toBe('SERVICE_AREA');
  });
});

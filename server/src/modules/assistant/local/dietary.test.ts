import { describe, expect, it } from 'vitest';
import { findDietaryNotes } from './dietary';
import { normaliseForMatching } from './text';

const notes = (text: string) => findDietaryNotes(normaliseForMatching(text))?.value;

describe('findDietaryNotes', () => {
  it.each([
    { text: 'one guest is vegetarian', notes: '1 vegetarian' },
    { text: '2 vegetarians', notes: '2 vegetarian' },
    { text: 'we are all vegan', notes: 'vegan' },
    { text: 'my wife is gluten-free', notes: 'gluten free' },
    { text: 'she is celiac', notes: 'gluten free' },
    { text: 'Two guests are vegetarian and one has a shellfish allergy', notes: '2 vegetarian, 1 shellfish allergy' },
    { text: 'three are vegan and one requires a gluten-free meal', notes: '3 vegan, 1 gluten free' },
    { text: 'One kid is allergic to peanuts', notes: '1 peanut allergy' },
    { text: 'my son has a severe tree nut allergy', notes: 'tree nut allergy' },
    { text: 'no pork please (halal household)', notes: 'no pork, halal' },
    { text: "she can't have gluten", notes: 'no gluten' },
    { text: 'cook everything without sesame', notes: 'no sesame' },
    { text: 'One more vegetarian joining, can you note it on our booking?', notes: '1 vegetarian' },
    { text: 'Can the chef cook everything without sesame? My husband is allergic.', notes: 'no sesame' },
    // Questions put to the business about what it offers are FAQs, not notes about the party.
    { text: 'Is your food halal?', notes: undefined },
    { text: 'Do you accommodate shellfish allergies?', notes: undefined },
    { text: '¿Tienen opciones vegetarianas?', notes: undefined },
    { text: 'Do you offer vegetarian fried rice?', notes: undefined },
    { text: 'kosher only', notes: 'kosher' },
    { text: 'lactose intolerant', notes: 'lactose intolerant' },
    { text: 'Vegetarian options needed for 2 of us.', notes: '2 vegetarian' },
    { text: '22 guests incl. 4 vegetarians', notes: '4 vegetarian' },
    { text: 'Two are pescatarian.', notes: '2 pescatarian' },
    { text: 'vegetarian guests, and the menu vegetarian too', notes: 'vegetarian' },
  ])('$text -> $notes', ({ text, notes: expected }) => {
    expect(notes(text)).toBe(expected);
  });

  it.each([
    'Do you have vegetarian options?',
    'any vegan dishes?',
    'Nobody has allergies.',
    'no dietary restrictions',
    'no problem, see you then',
    'My husband is allergic.',
    'do you guys do tofu instead of meat?',
  ])('finds no note in "%s"', (text) => {
    expect(notes(text)).toBeUndefined();
  });
});

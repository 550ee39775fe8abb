import type { Extracted } from '../assistant.port';
import { isQuestion, sentences } from './text';

/**
 * Dietary notes from a normalised message, as a short list the chef can read: diets
 * ("vegetarian", "gluten free"), allergies ("shellfish allergy") and things to leave out
 * ("no pork"), each with the number of guests when the message gives one ("2 vegetarian").
 * A question about options ("do you have vegetarian options?") is an FAQ, not a note.
 */

const DIETS: Array<{ pattern: RegExp; note: string }> = [
  { pattern: /\bvegetarians?\b|\bveggie\b/g, note: 'vegetarian' },
  { pattern: /\bvegans?\b/g, note: 'vegan' },
  { pattern: /\bpesc[ae]tarians?\b/g, note: 'pescatarian' },
  { pattern: /\bgluten\s*free\b|\bc(?:o)?eliacs?\b/g, note: 'gluten free' },
  { pattern: /\bdairy\s*free\b/g, note: 'dairy free' },
  { pattern: /\bnut\s*free\b/g, note: 'nut free' },
  { pattern: /\blactose\s+(?:intolerant|intolerance|free)\b/g, note: 'lactose intolerant' },
  { pattern: /\bhalal\b/g, note: 'halal' },
  { pattern: /\bkosher\b/g, note: 'kosher' },
  { pattern: /\bketo\b/g, note: 'keto' },
  { pattern: /\bdiabetics?\b/g, note: 'diabetic' },
  { pattern: /\blow\s+(?:sodium|salt)\b/g, note: 'low sodium' },
];

const ALLERGENS: Record<string, string> = {
  'tree nuts': 'tree nut', 'tree nut': 'tree nut', nuts: 'nut', nut: 'nut', peanuts: 'peanut', peanut: 'peanut',
  shellfish: 'shellfish', shrimp: 'shrimp', prawns: 'shrimp', crab: 'crab', lobster: 'lobster', fish: 'fish', seafood: 'seafood',
  eggs: 'egg', egg: 'egg', soy: 'soy', sesame: 'sesame', dairy: 'dairy', milk: 'dairy', gluten: 'gluten', wheat: 'wheat',
  mushrooms: 'mushroom', mushroom: 'mushroom', msg: 'msg', mustard: 'mustard', coconut: 'coconut',
};
const ALLERGEN = `(${Object.keys(ALLERGENS).join('|')})`;
const ALLERGIES = [
  new RegExp(String.raw`\b(?:(?:severe|serious|bad|mild|deadly)\s+)?${ALLERGEN}\s+allerg(?:y|ies)\b`, 'g'),
  new RegExp(String.raw`\b(?:(?:severely|seriously|very|deathly)\s+)?allergic\s+to\s+${ALLERGEN}\b`, 'g'),
  new RegExp(String.raw`\ballerg(?:y|ies)\s+to\s+${ALLERGEN}\b`, 'g'),
];

const FOODS = 'pork|beef|chicken|shrimp|shellfish|fish|seafood|nuts|peanuts|dairy|gluten|eggs|egg|soy|sesame|msg|onions|onion|garlic|mushrooms|red meat|meat|alcohol|butter|spicy food|steak';
const AVOIDANCE = new RegExp(
  String.raw`\b(?:no|without|can't (?:have|eat)|cannot (?:have|eat)|can not (?:have|eat)|doesn't eat|don't eat|do not eat|does not eat|avoids?|avoiding|won't eat|hold the)\s+(${FOODS})\b`,
  'g',
);

/** Words that can sit between a count and the diet it counts: "2 of our guests are now vegetarian". */
const COUNT_FILLER = new Set(
  'guests guest people persons person adults adult kids kid children child girls ladies of us them our the are is has have had will be need needs require requires a an now also just told she he they who that strictly only with eat eats severe serious more extra'.split(' '),
);
const COUNT_AFTER = /^\s*(?:(?:options|option|meals?|needed|required|for)\s+){0,3}(\d{1,3})\s+(?:of\s+(?:us|them|the guests|our guests)|guests|people|persons)\b/;
/** A diet right before one of these, in a question, is asking about options. */
const OPTIONS_AFTER = /^\s*(?:friendly\s+)?(?:options?|menus?|dishes|food|meals?|alternatives?|choices?|version|items|fried rice|meat)\b/;
/** "opciones vegetarianas", "platos vegetarianos": the option named first. */
const OPTIONS_BEFORE = /\b(?:options?|opciones|platos?|menus?|men\u00fa|comida)\s+$/;
/** A question put to the business ("is your food halal?", "do you accommodate shellfish allergies?")... */
const ASKS_THE_BUSINESS = /\b(?:do|does|can|could|will|would)\s+(?:you|u|y'all|the chef|your chefs?)\b|\b(?:is|are)\s+(?:your|the)\s+(?:food|menu|meat|chicken|sauces?|rice|kitchen)\b|\b(?:tienen|ofrecen|hay|hacen)\b/;
/** ...in a message that says nothing about the party's own guests. */
const ABOUT_OUR_GUESTS = /\b(?:my|our|we|we're|us|i'm|i am|guests?|someone|one of|mi|mis|nuestr[oa]s?|somos)\b/;

interface Note {
  note: string;
  start: number;
  end: number;
}

/** The number of guests a note is about, when the same clause gives it. */
function countFor(text: string, note: Note): number | null {
  const clauseStart = Math.max(0, ...[/[.;:!?()]/g, /\band\b|\bbut\b|,/g].flatMap((p) => [...text.slice(0, note.start).matchAll(p)].map((m) => m.index! + m[0].length)));
  const before = text.slice(clauseStart, note.start).trim().split(/\s+/).filter(Boolean);
  for (let i = before.length - 1; i >= 0 && i >= before.length - 12; i--) {
    if (/^\d{1,3}$/.test(before[i])) return Number(before[i]);
    if (!COUNT_FILLER.has(before[i])) break;
  }
  const after = COUNT_AFTER.exec(text.slice(note.end, note.end + 40));
  return after ? Number(after[1]) : null;
}

function findNotes(text: string): Note[] {
  const notes: Note[] = [];
  const add = (m: RegExpMatchArray, note: string) => notes.push({ note, start: m.index!, end: m.index! + m[0].length });
  for (const { pattern, note } of DIETS) for (const m of text.matchAll(pattern)) add(m, note);
  for (const pattern of ALLERGIES) for (const m of text.matchAll(pattern)) add(m, `${ALLERGENS[m[1]]} allergy`);
  for (const m of text.matchAll(AVOIDANCE)) add(m, `no ${m[1]}`);
  return notes.sort((a, b) => a.start - b.start);
}

/** Whether a diet word only asks what is offered: "do you have vegetarian options?". */
function asksAboutOptions(text: string, note: Note): boolean {
  const sentence = sentences(text).find((s) => {
    const at = text.indexOf(s);
    return at <= note.start && note.start < at + s.length;
  });
  if (sentence === undefined || !isQuestion(sentence)) return false;
  if (OPTIONS_AFTER.test(text.slice(note.end, note.end + 30)) || OPTIONS_BEFORE.test(text.slice(Math.max(0, note.start - 20), note.start))) return true;
  return ASKS_THE_BUSINESS.test(sentence) && !ABOUT_OUR_GUESTS.test(text);
}

export function findDietaryNotes(text: string): Extracted<string> | undefined {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const note of findNotes(text)) {
    if (seen.has(note.note)) continue;
    const count = countFor(text, note);
    if (count === null && asksAboutOptions(text, note)) continue;
    seen.add(note.note);
    items.push(count === null ? note.note : `${count} ${note.note}`);
  }
  return items.length ? { value: items.join(', '), confidence: 0.9 } : undefined;
}

/**
 * A yes or no answer to a read-back or a yes/no question ("yes", "yep, that's correct",
 * "sounds good", "no, that's wrong", "nope"), from a normalised message. Only the opening of
 * a short message counts: "no shellfish please" and "no problem" are not answers.
 */

export type Confirmation = 'YES' | 'NO';

const LEADING_FILLER = new Set(['hmm', 'hm', 'um', 'umm', 'uh', 'well', 'oh', 'ah', 'hi', 'hey', 'hello', 'and', 'so', 'lol', 'haha']);
const STRONG_YES = new Set(['yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'yas', 'y', 'yess', 'affirmative', 'absolutely', 'definitely', 'certainly', 'confirmed', 'confirm', 'exactly', 'correct', 'yessir', 'yessss', 'yass', 'sí', 'si', 'correcto', 'exacto', 'claro', 'dale']);
/** Also ordinary words ("ok so how much…"): an answer only when the clause has nothing else. */
const WEAK_YES = new Set(['ok', 'okay', 'k', 'kk', 'sure', 'right', 'perfect', 'great', 'awesome', 'fine', 'cool', 'perfecto', 'listo', 'vale', 'bueno']);
const STRONG_NO = new Set(['no', 'nope', 'nah', 'nay', 'n', 'negative', 'incorrect', 'wrong']);

const YES_PHRASES = [
  'sounds good', 'sounds great', 'sounds perfect', 'that works', 'works for me', "that's right", 'that is right', "that's correct",
  'that is correct', 'all correct', 'está bien', 'esta bien', 'todo bien', 'todo correcto', 'looks good', 'looks great', 'looks right', 'all good', 'go ahead', 'book it', "let's do it",
  'i agree', 'agreed', 'i confirm', 'yes please', 'sure thing', 'for sure', 'all set',
];
const NO_PHRASES = ["that's wrong", 'that is wrong', "that's not right", 'that is not right', 'not right', 'not correct', "that's incorrect", 'no thanks', 'no thank you', "that's not it", 'that is not it', 'está mal', 'esta mal', 'no es correcto'];

/** What may follow a yes or no in the same clause without making it something else. */
const FILLER = new Set([
  'please', 'thanks', 'thank', 'you', 'so', 'much', 'lol', 'haha', 'all', "that's", 'thats', 'it', "it's", 'is', 'everything',
  'looks', 'sounds', 'good', 'great', 'correct', 'right', 'perfect', 'go', 'ahead', 'book', 'confirmed', 'sir', "ma'am",
  'indeed', 'of', 'course', 'yes', 'yeah', 'yep', 'ok', 'okay', 'sure', 'do', 'that', 'works', 'fine',
  'and', 'cool', 'gracias', 'por', 'favor', 'todo', 'está', 'esta', 'bien', 'correcto', 'perfecto', 'claro', 'sí', 'si',
]);
const CORRECTION_WORDS = /\b(?:wrong|incorrect|not right|not correct|not it|mistake)\b/;
/** "the date is wrong", "wrong time": the read-back is wrong (unlike "sorry, wrong number"). */
const READ_BACK_IS_WRONG = /\b(?:that's|thats|that is|it's|its|is|are|was|all|looks|got)\s+(?:all\s+|it\s+|that\s+)?(?:wrong|incorrect|not right|not correct)\b|\bwrong\s+(?:date|time|day|address|spelling|name|email|count|headcount|phone number|number of)\b|\b(?:est\u00e1|esta|es)\s+(?:mal|incorrect[oa])\b/;
/** A thumbs-up or OK hand on its own answers yes. */
const YES_EMOJI = /^\s*(?:\u{1F44D}|\u{1F44C}|\u2705|\u2714\uFE0F?)(?:\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF})?\s*$/u;

function words(clause: string): string[] {
  return clause.split(/\s+/).filter(Boolean);
}

export function findConfirmation(text: string): Confirmation | undefined {
  if (YES_EMOJI.test(text)) return 'YES';
  const plain = text.replace(/[^\p{L}\p{N}'\s.,!?;:]/gu, ' ').trim();
  const all = words(plain.replace(/[.,!?;:]/g, ' '));
  if (all.length === 0 || all.length > 20) return undefined;
  const [firstClause, ...rest] = plain.split(/[.,!?;:]/);
  const clause = words(firstClause);
  while (clause.length > 1 && LEADING_FILLER.has(clause[0])) clause.shift();
  const opening = clause.join(' ');
  const afterLead = clause.slice(1);
  const onlyFiller = afterLead.every((w) => FILLER.has(w));
  const lead = clause[0] ?? '';

  if (NO_PHRASES.some((p) => opening.startsWith(p))) return 'NO';
  if (YES_PHRASES.some((p) => opening.startsWith(p))) return 'YES';
  if (STRONG_NO.has(lead) && (onlyFiller || CORRECTION_WORDS.test(opening))) return 'NO';
  if (STRONG_YES.has(lead) && onlyFiller) return 'YES';
  if (WEAK_YES.has(lead) && onlyFiller && (rest.join(' ').trim() === '' || all.length <= 6)) return 'YES';
  // A short message that says it is wrong, wherever it says so.
  if (all.length <= 8 && READ_BACK_IS_WRONG.test(plain) && !/\b(?:what|how|why)\b/.test(plain)) return 'NO';
  return undefined;
}

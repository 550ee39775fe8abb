import { distance } from 'fastest-levenshtein';

/**
 * What a customer's reply to "reply I AGREE to accept our terms" means. A pure function, read
 * by rules so each answer can be explained, and safe by construction: ACCEPT needs every word
 * of the message to be an assent or a word that adds nothing (politeness, greetings, the terms
 * themselves), and no negative word, question, condition or other topic anywhere. Anything it
 * cannot account for is UNCLEAR (one clarifying re-prompt, then staff), never ACCEPT.
 *
 * Typos are tolerated by comparing letter skeletons (every run of a letter squeezed to one, so
 * "agreee", "aggree" and "agre" are all "agre"), one swapped pair of letters ("yse", "argee",
 * "okya"), and a Levenshtein distance of 1 for words of five letters or more, 2 from eight
 * (fastest-levenshtein). Short words are matched only exactly: "no" is one letter away from
 * "so", and "not" from "nut".
 *
 * The labeled replies it is measured on, and the rule their labels follow, are beside this
 * file (terms-reply.cases.md).
 */
export type TermsReplyReading = 'ACCEPT' | 'REFUSE' | 'UNCLEAR';

export function readTermsReply(text: string): TermsReplyReading {
  const clauses = tokenize(text);
  if (clauses.length === 0) return 'UNCLEAR';
  const words = clauses.flat();
  if (words.length > MAX_WORDS) return 'UNCLEAR';

  // Refusals first: a refusal must never end up read as acceptance.
  let assentSeen = false;
  let weakRefusalAt = -1;
  let lastAssentAt = -1;
  for (const [index, clause] of clauses.entries()) {
    const kinds = clause.map((token) => token.kind);
    if (kinds.includes('STRONG_REFUSAL')) return 'REFUSE';
    if (negatedAssent(clause)) return 'REFUSE';
    // "absolutely not", "of course not": an assent word turned around by the no after it.
    if (clause.length >= 2 && clause.at(-1)!.refuses && clause.at(-2)!.kind === 'ASSENT') return 'REFUSE';
    // "agree except the deposit part": a refusal of part of the terms.
    if (kinds.includes('EXCEPT') && (assentSeen || kinds.includes('ASSENT'))) return 'REFUSE';
    // "sure but not the cancellation fee": a yes, then a clause that opens with a negation.
    if (assentSeen && clause[0].afterContrast && clause[0].kind === 'NEGATION') return 'REFUSE';
    if (isPureRefusal(clause)) weakRefusalAt = index;
    if (kinds.includes('ASSENT')) {
      assentSeen = true;
      lastAssentAt = index;
    }
  }
  if (weakRefusalAt >= 0) {
    // "no, wait, yes I agree" is unclear; "yes... actually no" and a plain "no" are refusals.
    return lastAssentAt > weakRefusalAt ? 'UNCLEAR' : 'REFUSE';
  }

  if (QUESTION.test(text)) return 'UNCLEAR';
  const acceptable = words.every((token) => token.kind === 'ASSENT' || token.kind === 'FILLER');
  return acceptable && assentSeen ? 'ACCEPT' : 'UNCLEAR';
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Words are written plainly; they are compared by skeleton (see above).

const MAX_WORDS = 30;
const QUESTION = /[?¿？]/u;

/** Assent on its own: yes, agree, accept and their kin. */
const ASSENT = [
  'yes', 'yeah', 'yea', 'yeh', 'ya', 'yah', 'yep', 'yup', 'yas', 'yass', 'ye', 'y', 'yessir', 'yesir', 'aye', 'yay',
  'si', 'oui', 'ok', 'okay', 'okey', 'okie', 'oki', 'okies', 'k', 'kay', 'sure', 'shure',
  'agree', 'agreed', 'agrees', 'agreeing', 'accept', 'accepted', 'accepts', 'accepting', 'acepto', 'acepta', 'acepte',
  'consent', 'consented', 'confirm', 'confirmed', 'absolutely', 'definitely', 'certainly', 'alright', 'allright', 'aight',
  'fine', 'deal', 'affirmative',
];

/** Words that may stand beside an assent without changing what it says. */
const FILLER = [
  'i', 'we', 'me', 'my', 'im', 'ive', 'id', 'ill', 'you', 'u', 'your', 'ur', 'youre', 'the', 'a', 'an', 'to', 'with', 'of', 'and', 'all',
  'this', 'that', 'thats', 'these', 'those', 'it', 'its', 'them', 'they', 'their', 'here', 'hereby', 'do', 'does', 'have', 'has', 'am',
  'is', 'are', 'be', 'will', 'read', 'understood', 'understand', 'so', 'very', 'much', 'totally', 'fully', 'completely', '100',
  'please', 'pls', 'plz', 'thanks', 'thank', 'thankyou', 'thx', 'ty', 'tysm', 'cheers', 'hi', 'hello', 'hey', 'hiya', 'sir', 'maam',
  'mam', 'madam', 'lol', 'haha', 'great', 'awesome', 'terms', 'term', 'conditions', 'condition', 'tos', 'tcs', 'tc', 'policy',
  'policies', 'agreement', 'contract', 'rules', 'above', 'everything', 'booking', 'reservation', 'for', 'by', 'again', 'proceed',
  'also', 'just', 'now', 'both',
];

/** Words that turn the assent after them around: "not ok", "I don't agree", "won't sign". */
const NEGATION = [
  'no', 'not', 'nope', 'nah', 'naw', 'nay', 'never', 'dont', 'dnt', 'doesnt', 'didnt', 'wont', 'cant', 'cannot', 'isnt', 'arent',
  'wasnt', 'aint', 'wouldnt', 'shouldnt', 'couldnt', 'havent', 'hasnt', 'neither', 'nor',
];

/** Words that refuse only when they make up the clause, with polite words around them: "no thanks", "stop", "cancel it". */
const WEAK_REFUSAL = ['no', 'nope', 'nah', 'naw', 'nay', 'nop', 'n', 'never', 'stop', 'cancel', 'nada', 'negative', 'pass', 'not'];

/** Words that say no wherever they stand. */
const STRONG_REFUSAL = [
  'disagree', 'disagreed', 'disagrees', 'disagreeing', 'disagreement', 'decline', 'declined', 'declining', 'refuse', 'refused',
  'refusing', 'reject', 'rejected', 'rejecting', 'deny', 'denied', 'unacceptable', 'inacceptable', 'veto',
];

/** Words that keep part of the terms out: "yes except the travel fee". */
const EXCEPT = ['except', 'excluding', 'excepting', 'without', 'besides'];

/** Words that qualify or take back what came before; they end a clause and never let a reply be acceptance. */
const CONTRAST = ['but', 'though', 'tho', 'although', 'however', 'actually', 'wait', 'unless', 'if', 'only', 'when', 'once'];

/** What a negation may turn around, beyond the assent words: "not signing that", "not happy with the terms". */
const NEGATABLE = ['sign', 'signing', 'signed', 'happy', 'good', 'comfortable', 'willing', 'acceptable', 'agreeable', 'interested', 'cool', 'right'];
/** Words a negation may reach across to what it negates: "I don't want to sign", "not going to accept". */
const BRIDGE = ['want', 'wanna', 'going', 'gonna', 'able', 'willing', 'feel', 'to', 'be', 'really', 'even', 'ever', 'at', 'all', 'ok', 'with', 'i', 'im', 'do', 'will'];
/** Beside a refusal word, words that leave it a plain refusal: "no way", "hell no", "no sorry", "nah I'm good". */
const REFUSAL_COMPANIONS = ['way', 'hell', 'sorry', 'interested', 'good', 'thanks', 'thank', 'you', 'please', 'it', 'that', 'this', 'i', 'im', 'do', 'will', 'ill', 'not', 'to', 'the', 'terms', 'them', 'me', 'man', 'dude', 'sir', 'maam', 'way', 'at', 'all', 'really'];

/** Prefixes that negate an agree or accept word: "disagree", "unacceptable", "nonconsent". */
const NEGATING_PREFIXES = ['dis', 'un', 'non', 'in', 'mis'];
const PREFIXABLE = ['agree', 'agreed', 'agreeing', 'agreeable', 'accept', 'accepted', 'acceptable', 'consent', 'consented'];

/** Phrases that assent as a whole; replaced by one assent token before the words are read. */
const ASSENT_PHRASES = [
  'sounds good', 'sounds great', 'sounds fine', 'sounds perfect', 'sounds ok', 'sounds okay', 'sound good', 'all good',
  'works for me', 'that works', 'go ahead', 'lets do it', 'lets do this', 'lets go', 'of course', 'ofc', 'sure thing', 'for sure',
  'fine with me', 'good with me', 'good with that', 'good with it', 'good to go', 'im in',
  'count me in', 'you bet', 'de acuerdo', 'thumbs up', 'im good with that', 'all set',
];

// ---------------------------------------------------------------------------------------------
// Emoji

const POSITIVE_EMOJI = new Set(['👍', '✅', '✔', '☑', '👌', '🆗', '💯', '🤝']);
const NEGATIVE_EMOJI = new Set(['👎', '❌', '✖', '❎', '🚫', '⛔', '🙅', '🛑']);
/** Friendly faces and hearts: they add nothing to a yes, and make nothing of their own. */
const FRIENDLY_EMOJI = new Set([
  '😀', '😃', '😄', '😁', '😆', '😊', '🙂', '☺', '😉', '😍', '🥰', '🤩', '🤗', '😎', '🥳', '❤', '💕', '💖', '💗', '💙', '💚', '💛', '💜',
  '🧡', '🤍', '🖤', '🎉', '🎊', '🙏', '👏', '🔥', '✨', '😋', '🤤', '🍤', '🥢', '🍱', '🍣', '🥩',
]);
const EMOJI = /\p{Extended_Pictographic}/gu;
const YES_TOKEN = 'zzyes';
const NO_TOKEN = 'zzno';
const OTHER_EMOJI_TOKEN = 'zzemoji';

// ---------------------------------------------------------------------------------------------
// Reading the words

type Kind = 'ASSENT' | 'FILLER' | 'NEGATION' | 'WEAK_REFUSAL' | 'STRONG_REFUSAL' | 'EXCEPT' | 'UNKNOWN';

interface Token {
  word: string;
  kind: Kind;
  /** Also a weak refusal word ("no" negates and, alone, refuses). */
  refuses: boolean;
  negatable: boolean;
  bridge: boolean;
  /** The first word of a clause that a contrast word ("but", "actually") opened. */
  afterContrast: boolean;
}

/** The words of each clause, read. Clauses end at punctuation, emoji, and contrast words. */
function tokenize(text: string): Token[][] {
  const flat = text
    .normalize('NFKC') // full-width and styled letters to plain ones
    .replace(/\p{Emoji_Modifier}|\u{FE0F}|\u{200D}/gu, '') // skin tones, presentation selectors, joiners
    .replace(EMOJI, (emoji) => ` , ${POSITIVE_EMOJI.has(emoji) ? YES_TOKEN : NEGATIVE_EMOJI.has(emoji) ? NO_TOKEN : FRIENDLY_EMOJI.has(emoji) ? '' : OTHER_EMOJI_TOKEN} , `)
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // accents: sí → si
    .replace(/\p{Cf}/gu, '') // zero-width spaces
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, '') // don't → dont, ma'am → maam
    .replace(/&/g, ' and ')
    .replace(/\s[-–—]+\s|[–—]|[.,!?¿;:…()[\]"“”\n\r/\\]+/gu, ' | ')
    .replace(/[^\p{L}\p{N}|]+/gu, ' ');
  const clauses: Token[][] = [];
  for (const part of flat.split('|')) {
    const words = substitutePhrases(part.split(' ').filter(Boolean).map(unstretch));
    let clause: Token[] = [];
    let afterContrast = false;
    for (const word of words) {
      if (CONTRAST_SET.has(word)) {
        // The contrast word itself is UNKNOWN to the acceptance check: it ends the clause and
        // remains in the message, so the reply is never read as plain acceptance.
        if (clause.length > 0) clauses.push(clause);
        clauses.push([{ ...readWord('zzcontrast'), afterContrast }]);
        clause = [];
        afterContrast = true;
        continue;
      }
      clause.push({ ...readWord(word), afterContrast: afterContrast && clause.length === 0 });
    }
    if (clause.length > 0) clauses.push(clause);
  }
  return clauses;
}

/** Letters typed three or more times in a row count twice: "yessss" → "yess", "agreee" → "agree". */
function unstretch(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, '$1$1');
}

function substitutePhrases(words: string[]): string[] {
  let joined = ` ${words.join(' ')} `;
  // Twice: a phrase repeated straight after itself shares the space between them.
  for (const phrase of ASSENT_PHRASES_BY_LENGTH) joined = joined.replaceAll(` ${phrase} `, ` ${YES_TOKEN} `).replaceAll(` ${phrase} `, ` ${YES_TOKEN} `);
  return joined.split(' ').filter(Boolean);
}

/** Every run of one letter squeezed to one letter: the form words are compared in. */
function skeleton(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

type Lexicon = Map<string, Kind>;

function lexiconOf(entries: Array<[readonly string[], Kind]>): Lexicon {
  const lexicon: Lexicon = new Map();
  for (const [words, kind] of entries) for (const word of words) if (!lexicon.has(skeleton(word))) lexicon.set(skeleton(word), kind);
  return lexicon;
}

// Earlier entries win a skeleton two lists share: a negation is never overridden by an assent.
const LEXICON = lexiconOf([
  [[NO_TOKEN], 'WEAK_REFUSAL'],
  [STRONG_REFUSAL, 'STRONG_REFUSAL'],
  [NEGATION, 'NEGATION'],
  [WEAK_REFUSAL, 'WEAK_REFUSAL'],
  [EXCEPT, 'EXCEPT'],
  [[YES_TOKEN], 'ASSENT'],
  [ASSENT, 'ASSENT'],
  [FILLER, 'FILLER'],
]);
/** Kinds tried for a near match, in this order: a word near a refusal is read as one before anything else. */
const FUZZY_ORDER: Kind[] = ['STRONG_REFUSAL', 'NEGATION', 'EXCEPT', 'ASSENT', 'FILLER'];
/** Fillers are short and common ("think" is one letter from "thank"): only long ones are matched loosely. */
const MIN_FUZZY_FILLER = 7;
const CONTRAST_SET = new Set(CONTRAST);
const WEAK_REFUSAL_SKELETONS = new Set([NO_TOKEN, ...WEAK_REFUSAL].map(skeleton));
const NEGATABLE_SKELETONS = new Set(NEGATABLE.map(skeleton));
const BRIDGE_SKELETONS = new Set(BRIDGE.map(skeleton));
const REFUSAL_COMPANION_SKELETONS = new Set(REFUSAL_COMPANIONS.map(skeleton));
const PREFIXABLE_SKELETONS = new Set(PREFIXABLE.map(skeleton));
const ASSENT_SKELETONS = new Set(ASSENT.map(skeleton));
const ASSENT_PHRASES_BY_LENGTH = [...ASSENT_PHRASES].sort((a, b) => b.length - a.length);

function readWord(word: string): Omit<Token, 'afterContrast'> {
  const kind = classify(word);
  const shape = skeleton(word);
  return {
    word,
    kind,
    refuses: kind === 'WEAK_REFUSAL' || WEAK_REFUSAL_SKELETONS.has(shape),
    negatable: kind === 'ASSENT' || NEGATABLE_SKELETONS.has(shape),
    bridge: BRIDGE_SKELETONS.has(shape) || kind === 'FILLER',
  };
}

function classify(word: string): Kind {
  if (word === 'zzcontrast') return 'UNKNOWN';
  const shape = skeleton(word);
  const exact = LEXICON.get(shape);
  if (exact) return exact;
  for (const prefix of NEGATING_PREFIXES) {
    const rest = shape.slice(prefix.length);
    if (!shape.startsWith(prefix) || rest.length < 4) continue;
    if (nearAny(rest, PREFIXABLE_SKELETONS)) return 'STRONG_REFUSAL';
    // "unconfirmed", "insure": a negated or unrelated word that only looks like an assent.
    if (nearAny(rest, ASSENT_SKELETONS)) return 'UNKNOWN';
  }
  if (shape.length >= 3) {
    for (const swapped of adjacentSwaps(shape)) {
      const kind = LEXICON.get(skeleton(swapped));
      if (kind) return kind;
    }
  }
  if (shape.length >= 5) {
    const allowed = shape.length >= 8 ? 2 : 1;
    for (const kind of FUZZY_ORDER) {
      if (kind === 'FILLER' && shape.length < MIN_FUZZY_FILLER) continue;
      for (const [entry, entryKind] of LEXICON) {
        if (entryKind !== kind || entry.length < 5 || Math.abs(entry.length - shape.length) > allowed) continue;
        if (distance(shape, entry) <= allowed) return kind;
      }
    }
  }
  return 'UNKNOWN';
}

function nearAny(shape: string, skeletons: ReadonlySet<string>): boolean {
  if (skeletons.has(shape)) return true;
  if (shape.length < 5) return false;
  for (const entry of skeletons) if (distance(shape, entry) <= 1) return true;
  return false;
}

function adjacentSwaps(word: string): string[] {
  const swaps: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) swaps.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return swaps;
}

/** A negation that reaches an assent ("not ok", "don't agree", "don't want to sign"); "not sure" is a hedge, not a refusal. */
function negatedAssent(clause: Token[]): boolean {
  for (const [index, token] of clause.entries()) {
    if (token.kind !== 'NEGATION' && !token.refuses) continue;
    for (let next = index + 1; next < clause.length && next <= index + 4; next++) {
      const candidate = clause[next];
      if (candidate.negatable && skeleton(candidate.word) !== 'sure') return true;
      if (!candidate.bridge) break;
    }
  }
  return false;
}

/** A clause that says no and nothing else: "no", "no thanks", "hell no", "cancel it", "I'll pass". */
function isPureRefusal(clause: Token[]): boolean {
  if (!clause.some((token) => token.refuses)) return false;
  return clause.every((token) => token.refuses || token.kind === 'NEGATION' || REFUSAL_COMPANION_SKELETONS.has(skeleton(token.word)));
}

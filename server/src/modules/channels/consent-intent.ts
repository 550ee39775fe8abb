/**
 * What an inbound text means for consent to texting. CTIA's keywords (STOP, START, HELP...)
 * count however they are typed, and since April 2025 the FCC requires honouring a revocation
 * made by any reasonable means: "take me off your list" is as much an opt-out as STOP.
 *
 * The reading is rule-based so each answer can be explained: the text is normalised (Unicode
 * NFKC, accents, case, apostrophes, emoji, punctuation, hyphens, stretched letters, repeated
 * words), cut into clauses where the punctuation or an emoji ends one, and read against phrase
 * patterns of revocation intent. A stop word that may mean something else ("stop, I meant
 * Saturday", "cancel please") is UNCLEAR_OPT_OUT: not an opt-out, but for staff to read. Booking
 * language that uses the same words ("cancel my booking", "stop by at 6", "end time 9pm",
 * "take me off the waitlist") is nothing. The table the rules are measured on, and the rule its
 * labels follow, are in test/consent/.
 */

export type ConsentIntent = 'OPT_OUT' | 'OPT_IN' | 'HELP' | 'UNCLEAR_OPT_OUT';

/** The intent and, in words, the rule that decided it. */
export interface ConsentReading {
  intent: ConsentIntent;
  rule: string;
}

/** The intent of a text, or null for an ordinary message. */
export function consentKeyword(text: string): ConsentIntent | null {
  return readConsent(text)?.intent ?? null;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/gu;
const CLAUSE = '|';

interface Normalised {
  /** The words of each clause. */
  clauses: string[][];
  /** Every word in order, a word repeated straight after itself dropped ("stop stop stop"). */
  words: string[];
}

export function normalise(text: string): Normalised {
  const flat = text
    .normalize('NFKC') // full-width and styled letters (ＳＴＯＰ, 𝐒𝐓𝐎𝐏) to plain ones
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // accents, variation selectors, keycaps
    .replace(/\p{Cf}/gu, '') // zero-width spaces and joiners
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, '') // don't → dont
    .replace(EMOJI, ` ${CLAUSE} `) // an emoji ends a clause, as a full stop does
    .replace(/(\d)[:.,](?=\d)/g, '$1') // 8:30, 1,200 stay one token
    .replace(/(?<=(?:^|[^\p{L}])\p{L})[-.*_](?=\p{L}(?:[^\p{L}]|$))/gu, ' ') // S-T-O-P, s.t.o.p
    .replace(/(?<=\p{L})-(?=\p{L})/gu, ' ') // opt-out → opt out
    .replace(/\s[-–—]+\s|[–—]|[.,!?;:…()[\]"“”\n\r]+/gu, ` ${CLAUSE} `)
    .replace(/[^\p{L}\p{N}|]+/gu, ' ');
  const clauses = flat
    .split(CLAUSE)
    .map((clause) => joinSpelledOut(dropRepeats(clause.split(' ').filter(Boolean).map((word) => word.replace(/(\p{L})\1{2,}/gu, '$1')))))
    .filter((clause) => clause.length > 0);
  return { clauses, words: dropRepeats(clauses.flat()) };
}

function dropRepeats(words: string[]): string[] {
  return words.filter((word, i) => word !== words[i - 1]);
}

/** "s t o p" → "stop": three or more single letters in a row are one spelled-out word. */
function joinSpelledOut(words: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < words.length; ) {
    let end = i;
    while (end < words.length && /^\p{L}$/u.test(words[end])) end += 1;
    if (end - i >= 3) {
      joined.push(words.slice(i, end).join(''));
      i = end;
    } else {
      joined.push(words[i]);
      i += 1;
    }
  }
  return joined;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Keywords that only ever mean "no more texts" when they stand alone. */
const OPT_OUT_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'unsub', 'quit', 'revoke', 'optout', 'remove']);
/** CTIA opt-out keywords that are also booking words: alone they opt out, with anything else they are unclear. */
const BOOKING_SENSE_WORDS = new Set(['cancel', 'end']);
const OPT_IN_WORDS = new Set(['start', 'unstop', 'optin', 'resubscribe', 'subscribe']);
const HELP_WORDS = new Set(['help', 'info']);

/** Words that only ask politely or insist; a keyword with only these around it is still the keyword. */
const FILLERS = new Set([
  'please', 'pls', 'plz', 'plse', 'plez', 'now', 'it', 'just', 'thanks', 'thank', 'you', 'thx', 'ty', 'ok', 'okay', 'k', 'already', 'asap',
  'immediately', 'right', 'away', 'seriously', 'really', 'hey', 'hi', 'hello', 'again', 'omg', 'ugh', 'lol', 'all', 'me', 'us', 'sir', 'maam',
  'man', 'dude', 'bro', 'yes', 'so', 'oh',
]);

/** Things people call the texts. */
const MSG = '(?:texts?|texting|txts?|msgs?|messages?|messaging|sms|notifications?|alerts?|promos?|promotions?|ads|adverts?|marketing|spam|reminders?|updates?|subscriptions?|mensajes|textos)';
const JUNK = '(?:crap|junk|stuff|things|garbage|shit|bs|nonsense|rubbish)';
/** The person texting, or their number, as the object of a verb. */
const ME = '(?:me|us|(?:to )?(?:this|my) (?:phone |cell )?(?:number|phone|cell|line)|to me|to us|here)';
// Single words only: this is repeated with "*", and alternatives that overlap ("all" and "all the")
// would let a long run of them backtrack exponentially.
const DETERMINERS = '(?:these|this|those|them|that|it|all|any|more|the|your|ur|such|so many|anymore)';
/** Words after a revocation that limit it in time or topic, which makes it unclear. */
const LIMITS =
  /^(?:until|till|til|before|after|during|between|while|unless|on|at|about|regarding|re|today|tonight|tomorrow|this (?:week|weekend|month|morning|evening)|so (?:much|often|early|late)|that (?:much|often)|too (?:much|often|early|late)|in the (?:morning|evening|night)|every|each|for (?:now|a while|a bit|today|the (?:day|week|weekend)))\b/;
/** Trailing words that change nothing: "stop texting me anymore please". */
const TRAILING = `(?:${ME}|${DETERMINERS}|${MSG}|${JUNK}|again|ever|please|pls|plz|now|thanks|thank you|already|ok|okay|for good|forever|at all|period|from (?:you|u|your company|this number)|lol|haha|thx|ty|you|guys|you guys|ever again)`;

const BOOKING_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'weds', 'thu', 'thur', 'thurs', 'fri', 'sat',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'today', 'tonight', 'tomorrow', 'tmrw', 'weekend', 'morning', 'afternoon', 'evening', 'noon', 'am',
  'pm', 'oclock', 'date', 'time', 'booking', 'book', 'booked', 'reservation', 'reserve', 'reserved', 'party', 'event', 'guest', 'guests', 'people',
  'adults', 'kids', 'chef', 'menu', 'order', 'address', 'deposit', 'price', 'quote', 'payment', 'pay', 'paid', 'invoice', 'dinner', 'birthday',
  // A correction of something just said, or a message meant for someone else.
  'meant', 'mean', 'typo', 'typed', 'autocorrect', 'instead', 'actually', 'wait', 'oops', 'changed', 'mind', 'chat', 'thread',
]);

function hasBookingSignal(words: string[]): boolean {
  return words.some((word) => /\d/.test(word) || BOOKING_WORDS.has(word));
}

/** Keyword forms of a word run together: "opt out" → "optout", "stopp" → "stop". */
function keywordOf(words: string[], set: ReadonlySet<string>): string | null {
  const compact = words.join('');
  if (set.has(compact)) return compact;
  const squeezed = compact.replace(/(\p{L})\1+/gu, '$1');
  for (const keyword of set) if (keyword.replace(/(\p{L})\1+/gu, '$1') === squeezed) return keyword;
  return null;
}

const withoutFillers = (words: string[]) => words.filter((word) => !FILLERS.has(word));

// ---------------------------------------------------------------------------------------------
// Phrases of revocation intent

/** What follows a revocation phrase: nothing that matters, a limit, someone else, booking details, or other words. */
function readTail(tail: string): 'clear' | 'limited' | 'someone-else' | 'booking' | 'other' {
  const strip = new RegExp(`^(?:${TRAILING})(?: |$)`);
  let rest = tail.trim();
  if (/^(?:my |our )(?!(?:phone |cell )?(?:number|phone|cell|line|#)\b)|^(?:him|her|his|mom|dad|wife|husband|son|daughter|kids?)\b/.test(rest)) return 'someone-else';
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(strip, '').trim();
  }
  if (rest === '') return 'clear';
  if (LIMITS.test(rest)) return 'limited';
  return hasBookingSignal(rest.split(' ')) ? 'booking' : 'other';
}

/** A "don't"/"never" just before a phrase turns it around: "please don't stop texting me". */
function negated(before: string): boolean {
  return /(?:^| )(?:dont|do not|not|never|wont|didnt|cant|doesnt)(?: ever| just| even)? $/.test(before);
}

interface Phrase {
  rule: string;
  pattern: RegExp;
  /** How the words after the match decide; by default `revocationTail`. */
  judge?: (tail: string, clause: string, message: Normalised) => 'OPT_OUT' | 'UNCLEAR_OPT_OUT' | null;
  /** The pattern carries its own negation ("don't text me"), so a "don't" before it is not a reversal. */
  negative?: boolean;
}

/** A limit or booking details after the phrase make it unclear, someone else's number makes it nothing, anything else opts out. */
const revocationTail = (tail: string): 'OPT_OUT' | 'UNCLEAR_OPT_OUT' | null => {
  const verdict = readTail(tail);
  if (verdict === 'someone-else') return null;
  return verdict === 'limited' || verdict === 'booking' ? 'UNCLEAR_OPT_OUT' : 'OPT_OUT';
};

/** After "sending" or "send", the thing sent must be the texts ("stop sending the chef early" is not about texts). */
const sentThingTail = (tail: string): 'OPT_OUT' | 'UNCLEAR_OPT_OUT' | null => {
  const verdict = readTail(tail);
  if (verdict === 'clear') return 'OPT_OUT';
  return verdict === 'limited' ? 'UNCLEAR_OPT_OUT' : null;
};

const BOOKING_TARGETS = /\b(?:waitlist|wait list|waiting list|guest list|booking|bookings|reservation|reservations|party|event|order|calendar|schedule|menu|invoice)\b/;
const LIST_TARGETS = new RegExp(`\\b(?:list|lists|database|system|contacts?|records?|directory|everything|all|${MSG})\\b`);
const NOT_ME = /\b(?:(?:this|that|it) (?:isnt|is not|aint|s not) (?:me|\w+)|not me|new owner|(?:belongs|belonged) to (?:someone|somebody) else|not (?:\w+ )?(?:number|phone) anymore|wrong (?:number|person))\b/;

const PHRASES: Phrase[] = [
  {
    rule: 'asks to stop the texts',
    pattern: /\b(?:stop|quit|cease|halt|discontinue|end)(?: and desist)?(?: (?:all|the|your|these|those|with))? (?:texting|txting|texing|messaging|msging|contacting|spamming|bothering|harassing|pestering|bugging|emailing|hitting me up|calling and texting|texting and calling)\b/,
    judge: revocationTail,
  },
  {
    rule: 'asks to stop the texts',
    pattern: /\b(?:stop|quit|cease|halt|discontinue|end) sending\b/,
    judge: sentThingTail,
  },
  {
    rule: 'asks to stop the texts',
    pattern: new RegExp(`\\b(?:stop|quit|cease|halt|discontinue|end|cancel|pause|block)(?: ${DETERMINERS}| my)* ${MSG}\\b`),
  },
  {
    rule: 'asks not to be texted',
    pattern: /\b(?:dont|do not|never|pls dont|please dont)(?: ever)? (?:text|txt|message|msg|sms|contact|spam|bother|email|reach out to|call or text|text or call|hit me up)\b/,
    judge: revocationTail,
    negative: true,
  },
  {
    rule: 'asks not to be texted',
    pattern: /\b(?:dont|do not|never)(?: ever)? send\b/,
    judge: sentThingTail,
    negative: true,
  },
  {
    rule: 'does not want the texts',
    pattern: new RegExp(
      `\\b(?:dont|do not|no longer|never) (?:want|wish|need)(?: to (?:receive|get|keep getting|be sent|see|be getting))?(?: ${DETERMINERS})* ${MSG}\\b`,
    ),
    negative: true,
  },
  { rule: 'does not want the texts', pattern: /\b(?:dont|do not|no longer) (?:want|wish) to (?:hear from|be contacted by) (?:you|u|your)\b/, negative: true },
  {
    rule: 'asks for no more texts',
    pattern: new RegExp(`\\b(?:no more|nomore|not any more|no mas) ${MSG}\\b`),
    negative: true,
  },
  {
    rule: 'asks for no more texts',
    pattern: /^(?:no|zero) (?:texts|messages|msgs|sms|texting)\b/,
    judge: (tail) => {
      const verdict = readTail(tail);
      if (verdict === 'clear') return 'OPT_OUT';
      return verdict === 'limited' ? 'UNCLEAR_OPT_OUT' : null;
    },
    negative: true,
  },
  {
    rule: 'asks to be removed',
    pattern: /\b(?:remove|delete|erase|drop|scrub|unlist|take)(?: me| us| my (?:phone |cell )?(?:number|#|cell|phone|info|information|contact(?: info)?|details|data)| this (?:phone )?(?:number|#|phone|line)| it)\b/,
    judge: (tail, clause, message) => {
      const verb = /\b(remove|delete|erase|drop|scrub|unlist|take)( \w+)/.exec(clause);
      if (verb?.[2] === ' it' && !NOT_ME.test(message.words.join(' '))) return null;
      let target = tail.trim();
      if (verb?.[1] === 'take' || verb?.[1] === 'drop') {
        const off = /^(?:(?:phone |cell )?(?:number|info|#) )?(?:off|out)(?: of)?\b ?/.exec(target);
        if (!off) return null;
        target = target.slice(off[0].length);
      }
      if (BOOKING_TARGETS.test(target)) return null;
      target = target.replace(/^(?:from|off|out of)\b ?/, '');
      if (readTail(target) === 'clear' || LIST_TARGETS.test(target)) return 'OPT_OUT';
      return 'UNCLEAR_OPT_OUT';
    },
  },
  { rule: 'asks to be forgotten', pattern: /\b(?:lose|forget|delete) (?:my|this) (?:phone |cell )?(?:number|#)\b/ },
  {
    rule: 'asks to unsubscribe',
    pattern: /\b(?:unsubscribe|unsubscribed|unsubscribing|unsub|unsuscribe|unsubcribe|unsusbcribe)\b/,
    judge: (tail) => (readTail(tail.replace(/^(?:(?:me|us) )?(?:from|of)\b/, '')) === 'limited' ? 'UNCLEAR_OPT_OUT' : 'OPT_OUT'),
  },
  {
    rule: 'asks to opt out',
    pattern: /\b(?:opt|opting|opted)(?: me| us)? out\b|\boptout\b/,
    judge: (tail) => {
      const of = /^(?:of|from)\b ?(.*)$/.exec(tail);
      if (!of) return revocationTail(tail);
      // "opt out of the texts" is an opt-out; "opt out of the dessert course" is about the menu.
      const target = of[1].replace(new RegExp(`^(?:(?:${DETERMINERS}|of) )*`), '');
      if (target === '' || new RegExp(`^(?:${MSG}|${JUNK}|everything|list|lists|it|this|these|them)\\b`).test(target)) return revocationTail(target);
      return null;
    },
  },
  { rule: 'revokes consent', pattern: /\brevoke(?: my)?(?: consent| permission)\b/ },
  { rule: 'asks to be left alone', pattern: /\b(?:leave me alone|leave me be|leave us alone|get lost|buzz off|piss off|f off|fuck off|back off)\b|^(?:please |pls |just )?go away\b/ },
  {
    rule: 'never agreed to the texts',
    pattern: /\b(?:never|didnt|did not|dont remember)(?: ever)? (?:sign(?:ed)? up|subscribed?|opt(?:ed)? in|agreed to|asked for (?:this|these|them|texts|messages|any|your))\b/,
    negative: true,
  },
  { rule: 'has had enough of the texts', pattern: new RegExp(`\\b(?:enough (?:with|of)|done with|sick of|tired of|fed up with)(?: ${DETERMINERS})* ${MSG}\\b`) },
  {
    rule: 'asks for no more texts (Spanish)',
    pattern: /\b(?:no|ya no) (?:me )?(?:mand[ea]n?|envi[ea]n?|escrib[ae]n?)(?: mas)?(?: (?:mensajes|textos))?\b|\bdeja(?:n)? de (?:mandar|enviar|escribir)(?:me)?\b/,
    negative: true,
  },
];

/** Revocation phrases in any clause: an opt-out, an unclear one, or none. */
function readPhrases(message: Normalised): ConsentReading | null {
  let unclear: ConsentReading | null = null;
  for (const clauseWords of message.clauses) {
    const clause = clauseWords.join(' ');
    for (const phrase of PHRASES) {
      const global = new RegExp(phrase.pattern.source, 'g');
      for (const match of clause.matchAll(global)) {
        const before = clause.slice(0, match.index);
        if (!phrase.negative && negated(before)) continue;
        const tail = clause.slice(match.index + match[0].length).trim();
        const intent = (phrase.judge ?? revocationTail)(tail, clause.slice(match.index), message);
        if (intent === 'OPT_OUT') return { intent, rule: phrase.rule };
        if (intent === 'UNCLEAR_OPT_OUT') unclear ??= { intent, rule: `${phrase.rule}, but only in part` };
      }
    }
  }
  return unclear;
}

// ---------------------------------------------------------------------------------------------
// Keywords beside other words

/** Words a STOP may be followed by when it starts a sentence of its own ("stop I meant Saturday"), not a verb's object ("stop by"). */
const SENTENCE_STARTERS = new Set([
  'i', 'im', 'ive', 'id', 'ill', 'we', 'were', 'weve', 'this', 'thats', 'its', 'you', 'youre', 'u', 'they',
  'sorry', 'wait', 'no', 'nope', 'oops', 'actually', 'not', 'who', 'why', 'how', 'seriously', 'wrong', 'never', 'dont', 'leave', 'enough', 'spam',
]);
/** Words a STOP may follow and still be the keyword: "please just stop", "not interested stop", "can you stop". */
const BEFORE_A_FINAL_STOP = /^(?:(?:please|pls|plz|just|ok|okay|so|omg|ugh|seriously|oh|hey|again|now|i said|i asked you to|i said to|can you|could you|will you|would you|i want you to|i need you to|you need to|not interested|no thanks|no thank you)(?: |$))+$/;

/**
 * A keyword standing as a clause of its own beside other words: with only a refusal around it
 * ("not interested. stop", "stop this is spam") it opts out; beside booking details or a
 * correction ("stop, I meant Saturday") it is unclear, and so is CANCEL or END beside anything.
 */
function readKeywordClauses(message: Normalised): ConsentReading | null {
  const others: string[][] = [];
  let strict = false;
  let bookingSense = false;
  for (const clause of message.clauses) {
    const core = withoutFillers(clause);
    if (core.length > 0 && keywordOf(core, OPT_OUT_WORDS)) {
      strict = true;
      continue;
    }
    if (keywordOf(core.length > 0 ? core : clause, BOOKING_SENSE_WORDS)) {
      bookingSense = true;
      continue;
    }
    // REMOVE alone is a keyword, but "remove my..." at the start of a sentence is usually the menu.
    const first = keywordOf([clause[0]], OPT_OUT_WORDS) ?? keywordOf([clause[0]], BOOKING_SENSE_WORDS);
    if (first && first !== 'remove' && clause.length > 1 && SENTENCE_STARTERS.has(clause[1])) {
      if (OPT_OUT_WORDS.has(first)) strict = true;
      else bookingSense = true;
      others.push(clause.slice(1));
      continue;
    }
    const last = keywordOf([clause[clause.length - 1]], OPT_OUT_WORDS);
    if (last && last !== 'remove' && BEFORE_A_FINAL_STOP.test(clause.slice(0, -1).join(' '))) {
      strict = true;
      continue;
    }
    others.push(clause);
  }
  if (!strict && !bookingSense) return null;
  if (bookingSense) return { intent: 'UNCLEAR_OPT_OUT', rule: 'CANCEL or END beside other words, which may mean the booking' };
  if (hasBookingSignal(others.flat())) return { intent: 'UNCLEAR_OPT_OUT', rule: 'a stop word beside booking details or a correction' };
  return { intent: 'OPT_OUT', rule: 'a stop word with only a refusal around it' };
}

// ---------------------------------------------------------------------------------------------
// The reading

const OPT_IN_PHRASE = /^(?:please |pls )?(?:opt (?:me |us )?(?:back )?in|(?:re)?subscribe (?:me|us)(?: again| back)?|(?:start|resume) (?:texting|messaging|sending) (?:me|us)(?: again)?(?: texts| messages)?)(?: please| again| thanks)*$/;
const WRONG_NUMBER = /\bwrong (?:number|person|phone|#|contact)\b(?! of)/;
const GAVE_A_NUMBER = /\b(?:i|we) (?:gave|sent|put|entered|typed|wrote|used|listed|texted)\b|\b(?:for|of) (?:my|our) \w+\b/;
const CONSENT_QUESTION = /\b(?:how|where|why) (?:did|do|does) (?:you|u|yall|you guys) (?:get|have|got) (?:my|this) (?:number|#|phone|info|contact)\b|\bwho gave (?:you|u) (?:my|this) (?:number|#)\b/;
const TOO_MANY = new RegExp(
  `\\b(?:too many|so many|way too many) ${MSG}\\b|\\b(?:text|message|msg)s? (?:me |us )?(?:way |so |far )?(?:too|so) (?:much|often|many)\\b|\\bwhy (?:do|does|are|did) (?:you|u|yall|you guys)(?: keep| always)? (?:texting|messaging|txting|text|message) (?:me|us)\\b`,
);

export function readConsent(text: string): ConsentReading | null {
  const message = normalise(text);
  const { words } = message;
  if (words.length === 0) return null;

  // The whole message is a keyword, however typed: "ＳＴＯＰ", "S-T-O-P", "stop!!! 🛑", "stooop".
  if (keywordOf(words, OPT_OUT_WORDS) || keywordOf(words, BOOKING_SENSE_WORDS)) return { intent: 'OPT_OUT', rule: 'an opt-out keyword' };
  if (keywordOf(words, OPT_IN_WORDS)) return { intent: 'OPT_IN', rule: 'an opt-in keyword' };
  if (keywordOf(words, HELP_WORDS)) return { intent: 'HELP', rule: 'HELP or INFO' };
  const core = withoutFillers(words);
  if (core.length > 0) {
    if (keywordOf(core, OPT_OUT_WORDS)) return { intent: 'OPT_OUT', rule: 'an opt-out keyword, asked politely or insisted on' };
    if (keywordOf(core, OPT_IN_WORDS)) return { intent: 'OPT_IN', rule: 'an opt-in keyword' };
    if (keywordOf(core, HELP_WORDS)) return { intent: 'HELP', rule: 'HELP or INFO' };
    if (keywordOf(core, BOOKING_SENSE_WORDS)) return { intent: 'UNCLEAR_OPT_OUT', rule: 'CANCEL or END with other words, which may mean the booking' };
  }
  if (OPT_IN_PHRASE.test(words.join(' '))) return { intent: 'OPT_IN', rule: 'asks to get the texts again' };

  const phrase = readPhrases(message);
  if (phrase?.intent === 'OPT_OUT') return phrase;
  const keyword = readKeywordClauses(message);
  if (keyword?.intent === 'OPT_OUT') return keyword;
  if (phrase ?? keyword) return phrase ?? keyword;

  const all = words.join(' ');
  if (WRONG_NUMBER.test(all) && !GAVE_A_NUMBER.test(all)) {
    return hasBookingSignal(words) ? { intent: 'UNCLEAR_OPT_OUT', rule: 'says wrong number beside booking details' } : { intent: 'OPT_OUT', rule: 'says it is the wrong number' };
  }
  if (/^(?:(?:im|i am|we are|were|sorry|honestly|really|just|no thanks|no thank you) )*not interested(?: anymore| any more| thanks| thank you| sorry)*$/.test(all)) {
    return { intent: 'UNCLEAR_OPT_OUT', rule: 'not interested, without saying to stop' };
  }
  if (CONSENT_QUESTION.test(all)) return { intent: 'UNCLEAR_OPT_OUT', rule: 'asks how we got the number' };
  if (TOO_MANY.test(all)) return { intent: 'UNCLEAR_OPT_OUT', rule: 'complains about the texts without saying to stop' };
  return null;
}

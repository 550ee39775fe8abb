import { jaroWinkler } from '@skyra/jaro-winkler';
import { distance } from 'fastest-levenshtein';
import { givenNameForms, sameGivenName } from './nicknames';

/**
 * How a payer's name compares with a customer's. Names are compared word by word after folding
 * case and accents: the customer's surname against any word of the payer's (so "SMITH J" and
 * "J SMITH" both work), then the given name exactly, by nickname, by initial, or cut short.
 * Spelling slips are Jaro-Winkler similarity (@skyra/jaro-winkler) of at least 0.88 on words of
 * four letters or more. A payer with the surname and another given name is a relative
 * (FAMILY): a weak sign on its own.
 */
export type NameKind = 'EXACT' | 'FUZZY' | 'NICKNAME' | 'INITIAL' | 'CUT_SHORT' | 'HANDLE' | 'SURNAME_ONLY' | 'FAMILY' | 'GIVEN_NAME_ONLY' | 'NONE';

type GivenKind = 'EXACT' | 'NICKNAME' | 'INITIAL' | 'CUT' | 'FUZZY';

export interface NameComparison {
  kind: NameKind;
  /** 0..1: how surely the payer is the customer. */
  score: number;
}

/** A name taken apart once (a booking's customer when the index is built; a payer per credit). */
export interface NameParts {
  words: string[];
  given: string | null;
  surnames: string[];
  /** The words run together (handles are compared with it). */
  joined: string;
}

/** Names as long as this (or longer) may have been cut by the bank: their last word can be a prefix. */
const CUT_LENGTH = 14;
const FUZZY = 0.88;

export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0 && !['mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'ii', 'iii'].includes(word));
}

export function nameParts(name: string): NameParts {
  const words = nameWords(name);
  return { words, given: words[0] ?? null, surnames: words.slice(1), joined: words.join('') };
}

export function compareNames(payerName: string, handle: boolean, customer: NameParts): NameComparison {
  const words = nameWords(payerName);
  if (words.length === 0 || !customer.given) return { kind: 'NONE', score: 0 };
  if (handle && words.length === 1) return compareHandle(words[0], customer);
  const mayBeCut = payerName.length >= CUT_LENGTH;

  // The surname: the best of the payer's words against the customer's last words.
  let surnameAt = -1;
  let surnameScore = 0;
  let surnameCut = false;
  for (const [i, word] of words.entries()) {
    if (word.length < 2) continue;
    for (const surname of customer.surnames) {
      let score = 0;
      let cut = false;
      if (word === surname) score = 1;
      else if (mayBeCut && i === words.length - 1 && word.length >= 3 && surname.startsWith(word)) {
        score = 0.95;
        cut = true;
      } else if (word.length >= 4 && surname.length >= 4) {
        const similarity = jaroWinkler(word, surname);
        if (similarity >= FUZZY) score = similarity * 0.97;
      } else if (word.length >= 3 && surname.length >= 3 && distance(word, surname) === 1) {
        // Short surnames (Kim, Lee, Cox) are too short for Jaro-Winkler: one letter off, weakly.
        score = 0.85;
      }
      if (score > surnameScore) [surnameAt, surnameScore, surnameCut] = [i, score, cut];
    }
  }

  // The given name, among the other words.
  let givenKind = null as GivenKind | null;
  let givenScore = 0;
  for (const [i, word] of words.entries()) {
    if (i === surnameAt) continue;
    const given = customer.given;
    let kind = null as GivenKind | null;
    let score = 0;
    if (word === given) [kind, score] = ['EXACT', 1];
    else if (sameGivenName(word, given)) [kind, score] = ['NICKNAME', 0.96];
    else if (mayBeCut && i === words.length - 1 && word.length >= 3 && given.startsWith(word)) [kind, score] = ['CUT', 0.93];
    else if (word.length >= 4 && given.length >= 4) {
      const similarity = jaroWinkler(word, given);
      if (similarity >= FUZZY) [kind, score] = ['FUZZY', similarity * 0.97];
    }
    // An initial counts only where it stands for a given name (first, or right after a leading surname).
    if (!kind && word.length === 1 && word === given[0] && (i === 0 || (i === 1 && surnameAt === 0))) [kind, score] = ['INITIAL', 0.84];
    if (score > givenScore) [givenKind, givenScore] = [kind, score];
  }

  // "CHRISTOPHER E H": cut right after the surname's first letter.
  if (surnameScore === 0 && mayBeCut && words.length >= 2 && words.at(-1)!.length === 1 && (givenKind === 'EXACT' || givenKind === 'NICKNAME')) {
    if (customer.surnames.some((surname) => surname.startsWith(words.at(-1)!))) return { kind: 'CUT_SHORT', score: 0.7 * givenScore };
  }
  if (surnameScore > 0 && givenKind) {
    const score = surnameScore * givenScore;
    if (surnameCut || givenKind === 'CUT') return { kind: 'CUT_SHORT', score: Math.min(score, 0.93) };
    if (givenKind === 'INITIAL') return { kind: 'INITIAL', score };
    if (givenKind === 'NICKNAME') return { kind: 'NICKNAME', score };
    if (givenKind === 'FUZZY' || surnameScore < 1) return { kind: 'FUZZY', score };
    return { kind: 'EXACT', score };
  }
  if (surnameScore > 0) {
    // Only the surname: on its own ("SMITH"), or with another given name (a relative paying).
    const others = words.filter((word, i) => i !== surnameAt && word.length > 1);
    return others.length === 0 ? { kind: 'SURNAME_ONLY', score: 0.55 * surnameScore } : { kind: 'FAMILY', score: 0.5 * surnameScore };
  }
  if (givenKind === 'EXACT' || givenKind === 'NICKNAME') return { kind: 'GIVEN_NAME_ONLY', score: 0.3 };
  return { kind: 'NONE', score: 0 };
}

/** "JSMITH", "JOHNSMITH", "SMITHJ", "BILLSMITH": a handle against the usual ways of running a name together. */
function compareHandle(handle: string, customer: NameParts): NameComparison {
  const given = customer.given!;
  const surname = customer.surnames.at(-1) ?? '';
  if (handle.length < 3 || !surname) return { kind: 'NONE', score: 0 };
  const givens = [given, ...givenNameForms(given)];
  const forms = new Set<string>();
  for (const name of givens) {
    forms.add(name + surname);
    forms.add(surname + name);
    forms.add(name[0] + surname);
    forms.add(surname + name[0]);
    forms.add(name + surname[0]);
  }
  forms.add(customer.joined);
  for (const form of forms) {
    if (handle === form) return { kind: 'HANDLE', score: 0.92 };
    // Cut by the bank, or a handle with a number dropped.
    if (handle.length >= 8 && form.startsWith(handle)) return { kind: 'HANDLE', score: 0.9 };
  }
  let best = 0;
  for (const form of forms) if (form.length >= 6) best = Math.max(best, jaroWinkler(handle, form));
  if (best >= 0.93) return { kind: 'HANDLE', score: best * 0.9 };
  if (handle === surname || (handle.length >= 5 && handle.includes(surname) && surname.length >= 4)) return { kind: 'SURNAME_ONLY', score: 0.5 };
  return { kind: 'NONE', score: 0 };
}

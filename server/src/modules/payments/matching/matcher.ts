import { compareNames, nameParts, nameWords, type NameComparison, type NameParts } from './names';
import { nicknameGroups } from './nicknames';
import { normalisePayerName, NOT_A_CUSTOMER, readMemo, type PayerName } from './payer-name';

export type MatchType = 'DEPOSIT' | 'FULL' | 'BALANCE' | 'BALANCE_WITH_TIP';

export interface CreditToMatch {
  id: string;
  /** Money in, in cents (> 0); anything else is never matched. */
  amountCents: number;
  /** YYYY-MM-DD */
  postedOn: string;
  /** The raw bank description. */
  description: string;
  /** The payer's name when the feed gives one. */
  counterpartyName: string | null;
}

export interface BookingToMatch {
  id: string;
  /** bookingReference(id): "HB-1A2B3C". */
  reference: string;
  customerName: string;
  /** E.164 */
  customerPhone: string | null;
  /** YYYY-MM-DD */
  eventDate: string;
  status: 'INQUIRY' | 'PENDING_TERMS' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED';
  depositCents: number;
  totalCents: number;
  /** What has been applied already. */
  paidCents: number;
}

export interface MatchSuggestion {
  bookingId: string;
  type: MatchType;
  /** 0..1 with two decimals; at or above the caller's threshold (0.90) it is applied without review. */
  confidence: number;
  /** What a bookkeeper reads: "Name JOHN A SMITH ~ John Smith (0.96), amount = balance $540.00, 1 day after the event". */
  reason: string;
}

export interface MatchOptions {
  /** Bookings a person rejected for this credit. */
  excludedBookingIds?: ReadonlySet<string>;
  /** Default 3. */
  maxSuggestions?: number;
}

/** Below this, a candidate is not worth a bookkeeper's look. */
const MIN_CONFIDENCE = 0.2;
/** A cancelled booking is shown for review only, never at a confidence that could be applied. */
const CANCELLED_CAP = 0.5;
/** When another booking scores within this of the best, neither is sure enough to apply. */
const AMBIGUITY_MARGIN = 0.12;
const AMBIGUOUS_CAP = 0.85;
/** Another booking of the same customer at this confidence or more makes the best one ambiguous. */
const SAME_PERSON_RIVAL = 0.45;
/** Bookings whose event is this far from the credit are not candidates. */
const WINDOW_BEFORE_EVENT = 400;
const WINDOW_AFTER_EVENT = 45;

interface Entry {
  booking: BookingToMatch;
  name: NameParts;
  eventDay: number;
  phone: string | null;
}

/**
 * Bookings arranged for matching: by name keys (the first three letters of each word of the
 * customer's name, and the nickname groups of the given name), by exact amounts a balance can
 * come to, by reference and by phone. A credit is compared only with the bookings its payer's
 * name, amount or memo points at, not with all of them.
 */
export interface BookingIndex {
  readonly size: number;
  /** @internal */
  readonly entries: readonly Entry[];
  /** @internal */
  readonly byNameKey: ReadonlyMap<string, readonly Entry[]>;
  /** @internal */
  readonly byAmount: ReadonlyMap<number, readonly Entry[]>;
  /** @internal */
  readonly byReference: ReadonlyMap<string, readonly Entry[]>;
  /** @internal */
  readonly byPhone: ReadonlyMap<string, readonly Entry[]>;
  /** @internal false only for measuring what blocking saves: every booking is a candidate. */
  readonly blocking: boolean;
}

export interface BookingIndexOptions {
  /** Default true. False compares every credit with every booking (for benchmarks only). */
  blocking?: boolean;
}

export function createBookingIndex(bookings: readonly BookingToMatch[], options: BookingIndexOptions = {}): BookingIndex {
  const entries: Entry[] = [];
  const byNameKey = new Map<string, Entry[]>();
  const byAmount = new Map<number, Entry[]>();
  const byReference = new Map<string, Entry[]>();
  const byPhone = new Map<string, Entry[]>();
  const add = <K>(map: Map<K, Entry[]>, key: K, entry: Entry) => {
    const list = map.get(key);
    if (!list) map.set(key, [entry]);
    else if (list.at(-1) !== entry) list.push(entry);
  };
  for (const booking of bookings) {
    const name = nameParts(booking.customerName);
    const phone = booking.customerPhone ? booking.customerPhone.replace(/\D/g, '').slice(-10) : null;
    const entry: Entry = { booking, name, eventDay: dayNumber(booking.eventDate), phone: phone && phone.length === 10 ? phone : null };
    entries.push(entry);
    for (const key of nameKeys(name.words)) add(byNameKey, key, entry);
    for (const amount of balanceAmounts(booking)) add(byAmount, amount, entry);
    add(byReference, booking.reference.toUpperCase(), entry);
    if (entry.phone) add(byPhone, entry.phone, entry);
  }
  return { size: entries.length, entries, byNameKey, byAmount, byReference, byPhone, blocking: options.blocking ?? true };
}

/** The bookings a credit paid, best first; [] when nothing is plausible. */
export function matchCredit(credit: CreditToMatch, index: BookingIndex, options: MatchOptions = {}): MatchSuggestion[] {
  if (!(credit.amountCents > 0) || !Number.isInteger(credit.amountCents)) return [];
  const payer = normalisePayerName(credit.description, credit.counterpartyName);
  const memo = readMemo(credit.description);
  if (NOT_A_CUSTOMER.has(payer.via) && memo.references.length === 0) return [];
  const postedDay = dayNumber(credit.postedOn);
  const payerWords = payer.name ? nameWords(payer.name) : [];

  const scored: Scored[] = [];
  const consider = (entry: Entry, viaAmountOnly: boolean) => {
    if (options.excludedBookingIds?.has(entry.booking.id)) return;
    const days = postedDay - entry.eventDay;
    if (days > WINDOW_AFTER_EVENT || days < -WINDOW_BEFORE_EVENT) return;
    const result = score(credit, entry, days, payer, memo, viaAmountOnly);
    if (result) scored.push(result);
  };

  const seen = new Set<Entry>();
  const visit = (entries: readonly Entry[] | undefined, viaAmountOnly = false) => {
    if (!entries) return;
    for (const entry of entries) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      consider(entry, viaAmountOnly);
    }
  };
  if (!index.blocking) visit(index.entries);
  else {
    for (const reference of memo.references) visit(index.byReference.get(reference));
    for (const phone of memo.phones) visit(index.byPhone.get(phone));
    for (const key of payer.handle && payerWords.length === 1 ? handleKeys(payerWords[0]) : nameKeys(payerWords)) visit(index.byNameKey.get(key));
    // A balance paid by someone the name does not point at (a check, a spouse): only an exact amount.
    visit(index.byAmount.get(credit.amountCents), true);
  }
  if (scored.length === 0) return [];

  scored.sort((a, b) => b.confidence - a.confidence);
  const best = scored[0];
  if (best.confidence >= AMBIGUOUS_CAP) {
    // Another booking that fits almost as well, or another booking of the same person (before
    // a cancellation caps it) that fits at all: a person decides.
    const rival = scored.find((other) => other !== best && (other.confidence >= best.confidence - AMBIGUITY_MARGIN || (other.name.score >= 0.8 && other.uncapped >= SAME_PERSON_RIVAL)));
    if (rival) {
      best.confidence = Math.min(best.confidence, AMBIGUOUS_CAP);
      best.notes.push(`another booking also fits (${rival.entry.booking.customerName}, event ${rival.entry.booking.eventDate})`);
    }
  }
  return scored
    .filter((item) => item.confidence >= MIN_CONFIDENCE)
    .slice(0, options.maxSuggestions ?? 3)
    .map((item) => ({ bookingId: item.entry.booking.id, type: item.fit.type, confidence: round2(item.confidence), reason: reasonOf(item, payer) }));
}

// ---------------------------------------------------------------------------------------------
// Scoring one booking against one credit.

interface AmountFit {
  type: MatchType;
  kind: 'EXACT' | 'TIP' | 'PART';
  /** The amount due it was compared with. */
  dueCents: number;
  score: number;
}

interface Scored {
  entry: Entry;
  fit: AmountFit;
  amountCents: number;
  name: NameComparison;
  days: number;
  memo: 'REFERENCE' | 'PHONE' | null;
  confidence: number;
  /** The confidence before a cancellation capped it. */
  uncapped: number;
  notes: string[];
}

function score(credit: CreditToMatch, entry: Entry, days: number, payer: PayerName, memo: ReturnType<typeof readMemo>, viaAmountOnly: boolean): Scored | null {
  const booking = entry.booking;
  const memoClue = memo.references.includes(booking.reference.toUpperCase()) ? 'REFERENCE' : entry.phone && memo.phones.includes(entry.phone) ? 'PHONE' : null;
  // Cheap first: which amounts due this could be, and when.
  let fit: AmountFit | null = null;
  let fitValue = 0;
  for (const candidate of amountFits(credit.amountCents, booking)) {
    const value = candidate.score * dateFactor(candidate, days);
    if (value > fitValue) [fit, fitValue] = [candidate, value];
  }
  if (!fit && !memoClue) return null;

  const name = payer.name ? compareNames(payer.name, payer.handle, entry.name) : { kind: 'NONE' as const, score: 0 };
  let confidence: number;
  if (memoClue) {
    // The memo names the booking: the payer may be anyone (a friend, a spouse with another name).
    const sure = memoClue === 'REFERENCE' ? 0.97 : 0.95;
    confidence = fit ? Math.max(sure * fitValue, 0.98 * name.score * fitValue) : 0.45;
  } else if (name.kind === 'NONE' || name.kind === 'GIVEN_NAME_ONLY') {
    // Nothing in the name: only an exact balance or full price close to the event, for review.
    if (!viaAmountOnly || fit!.kind !== 'EXACT' || fit!.type === 'DEPOSIT' || days < -7 || days > 14) return null;
    confidence = (name.kind === 'NONE' ? 0.3 : 0.4) * fitValue;
  } else {
    confidence = 0.98 * name.score * fitValue;
  }
  const notes: string[] = [];
  const uncapped = confidence;
  if (booking.status === 'CANCELLED') {
    confidence = Math.min(confidence, CANCELLED_CAP);
    notes.push('the booking is cancelled: review, never applied automatically');
  }
  return { entry, fit: fit ?? { type: 'BALANCE', kind: 'PART', dueCents: 0, score: 0 }, amountCents: credit.amountCents, name, days, memo: memoClue, confidence, uncapped, notes };
}

/** The exact amounts a booking's remaining payment can come to (for the amount index). */
function balanceAmounts(booking: BookingToMatch): number[] {
  const { totalCents: total, paidCents: paid, depositCents: deposit } = booking;
  const amounts = [total - paid];
  if (paid === 0) amounts.push(total);
  if (paid < deposit) amounts.push(total - deposit);
  return amounts.filter((amount) => amount > 0);
}

/**
 * What an amount could be for a booking: the deposit (or what is left of it), the full price
 * when nothing is paid yet, the balance (also the balance after a deposit not recorded yet),
 * the balance with a 5-50% tip, or a part of the balance (a balance paid in two).
 */
function amountFits(amount: number, booking: BookingToMatch): AmountFit[] {
  const { totalCents: total, paidCents: paid, depositCents: deposit } = booking;
  const fits: AmountFit[] = [];
  // Most bookings ask the same deposit, so an amount equal to it says less than an exact balance.
  if (paid < deposit && (amount === deposit - paid || amount === deposit)) fits.push({ type: 'DEPOSIT', kind: 'EXACT', dueCents: deposit - paid, score: 0.95 });
  if (paid === 0 && amount === total) fits.push({ type: 'FULL', kind: 'EXACT', dueCents: total, score: 1 });
  const balances = new Set<number>([total - paid]);
  if (paid < deposit) balances.add(total - deposit);
  for (const balance of balances) {
    if (balance <= 0) continue;
    if (amount === balance && !(paid === 0 && balance === total)) fits.push({ type: 'BALANCE', kind: 'EXACT', dueCents: balance, score: 1 });
    const tip = amount - balance;
    if (tip >= balance * 0.04 && tip <= balance * 0.52 + 1000) fits.push({ type: 'BALANCE_WITH_TIP', kind: 'TIP', dueCents: balance, score: tipScore(amount, tip, balance) });
    if (amount < balance && amount >= 5000) fits.push({ type: 'BALANCE', kind: 'PART', dueCents: balance, score: amount % 5000 === 0 || balance - amount === 0 ? 0.62 : 0.58 });
  }
  return fits;
}

/** A tip people give: round in dollars ($5 or $10 steps, tip or total) or a common percentage. */
function tipScore(amount: number, tip: number, balance: number): number {
  const percent = (tip / balance) * 100;
  const round = tip % 500 === 0 || amount % 500 === 0;
  const common = [10, 15, 18, 20, 25, 30].some((p) => Math.abs(percent - p) < 0.6);
  return round || common ? 0.93 : 0.85;
}

/**
 * When a payment of this kind comes: deposits before the event; balances from the day before to
 * four days after it (a week or two late is still likely, with less confidence); the full
 * price any time before the event or just after.
 */
function dateFactor(fit: AmountFit, days: number): number {
  switch (fit.type) {
    case 'DEPOSIT':
      // Usually paid when booking, weeks ahead; on the last days it is more often a part of the balance.
      if (days <= -3) return days >= -90 ? 1 : days >= -180 ? 0.9 : 0.75;
      return days <= 0 ? 0.8 : days <= 2 ? 0.5 : 0;
    case 'FULL':
      if (days <= 4) return days >= -300 ? 1 : 0.6;
      return days <= 10 ? 0.7 : days <= 21 ? 0.4 : 0;
    case 'BALANCE_WITH_TIP':
      if (days >= -1 && days <= 4) return 1;
      if (days >= 5 && days <= 10) return 0.8;
      if (days >= 11 && days <= 21) return 0.45;
      return days >= -3 && days < -1 ? 0.5 : 0;
    case 'BALANCE':
      if (fit.kind === 'PART') return days >= -14 && days <= 10 ? 1 : days <= 21 && days > 10 ? 0.5 : 0;
      if (days >= -1 && days <= 4) return 1;
      if (days >= 5 && days <= 10) return 0.8;
      if (days >= -7 && days < -1) return 0.75;
      if (days >= 11 && days <= 21) return 0.45;
      if (days >= -60 && days < -7) return 0.35;
      return days > 21 ? 0.2 : 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Keys, days and words.

/** The name keys a list of words looks up: three-letter prefixes and nickname groups. */
function nameKeys(words: readonly string[]): string[] {
  const keys: string[] = [];
  for (const word of words) {
    if (word.length < 2) continue;
    keys.push(word.slice(0, 3));
    for (const group of nicknameGroups(word)) keys.push(`=${group}`);
  }
  return keys;
}

/** A handle ("jsmith", "johnsmith") may hold a name anywhere: every three-letter piece of it. */
function handleKeys(handle: string): string[] {
  const keys = new Set<string>();
  for (let i = 0; i + 3 <= handle.length; i++) keys.add(handle.slice(i, i + 3));
  return [...keys];
}

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

function round2(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
}

function dollars(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const NAME_WORDS: Record<NameComparison['kind'], string> = {
  EXACT: '',
  FUZZY: ' (spelled differently)',
  NICKNAME: ' (nickname)',
  INITIAL: ' (initial)',
  CUT_SHORT: ' (name cut short by the bank)',
  HANDLE: ' (app handle)',
  SURNAME_ONLY: ' (surname only)',
  FAMILY: ' (same surname: a relative?)',
  GIVEN_NAME_ONLY: ' (given name only)',
  NONE: '',
};

function reasonOf(item: Scored, payer: PayerName): string {
  const parts: string[] = [];
  const customer = item.entry.booking.customerName;
  if (item.memo === 'REFERENCE') parts.push(`reference ${item.entry.booking.reference} in the memo`);
  if (item.memo === 'PHONE') parts.push(`the customer's phone in the memo`);
  if (payer.name && item.name.kind !== 'NONE') parts.push(`Name ${payer.name} ~ ${customer} (${item.name.score.toFixed(2)})${NAME_WORDS[item.name.kind]}`);
  else if (payer.name) parts.push(`Name ${payer.name} is not ${customer}`);
  else parts.push(`no payer name in the bank line`);
  const fit = item.fit;
  if (fit.dueCents === 0) parts.push(`amount ${dollars(item.amountCents)} matches nothing due`);
  else if (fit.kind === 'EXACT') parts.push(`amount = ${fit.type === 'DEPOSIT' ? 'deposit' : fit.type === 'FULL' ? 'full price' : 'balance'} ${dollars(fit.dueCents)}`);
  else if (fit.kind === 'TIP') {
    const tip = item.amountCents - fit.dueCents;
    parts.push(`amount = balance ${dollars(fit.dueCents)} + tip ${dollars(tip)} (${Math.round((tip / fit.dueCents) * 100)}%)`);
  } else parts.push(`amount ${dollars(item.amountCents)} is part of the balance ${dollars(fit.dueCents)}`);
  parts.push(daysText(item.days));
  parts.push(...item.notes);
  const sentence = parts.join(', ');
  return sentence[0].toUpperCase() + sentence.slice(1);
}

function daysText(days: number): string {
  if (days === 0) return 'on the event day';
  const n = Math.abs(days);
  return `${n} day${n === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'} the event`;
}

import type { TermsChangeKind } from '../../app/config';

/** The parts of a booking a change of details can touch. */
export interface ChangeableDetails {
  eventDate: string;
  startTime: string;
  address: string;
  adults: number;
  kids: number;
}

/** What a change does to a booking, in the words of TERMS_AGAIN_ON_CHANGE. */
export function changeKinds(before: ChangeableDetails, after: ChangeableDetails): TermsChangeKind[] {
  const kinds: TermsChangeKind[] = [];
  if (before.eventDate !== after.eventDate) kinds.push('DATE');
  if (before.startTime !== after.startTime) kinds.push('TIME');
  if (before.address.trim().toLowerCase() !== after.address.trim().toLowerCase()) kinds.push('ADDRESS');
  const guestsBefore = before.adults + before.kids;
  const guestsAfter = after.adults + after.kids;
  if (guestsAfter > guestsBefore) kinds.push('MORE_GUESTS');
  if (guestsAfter < guestsBefore) kinds.push('FEWER_GUESTS');
  return kinds;
}

/**
 * Whether a change asks for the terms again: the customer accepted terms for one event, and a
 * change the rule names (by default a new day, a new address or more guests) makes it another.
 */
export function asksForTermsAgain(before: ChangeableDetails, after: ChangeableDetails, rule: readonly TermsChangeKind[]): boolean {
  return changeKinds(before, after).some((kind) => rule.includes(kind));
}

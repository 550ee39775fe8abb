import { compareNames } from '../payments/matching';
import { nameParts } from '../payments/matching/names';
import type { VerificationEvidence } from './review.entity';

/**
 * Was the reviewer a customer? An under-3-star reviewer is compared with the customers who had
 * an event in the window before the review: by name with the payments name matcher (nicknames,
 * initials, spelling slips), and by phone or email when staff entered them. The best match at
 * or above MATCH_CONFIDENCE wins; the closest event breaks a tie.
 */
export const MATCH_CONFIDENCE = 0.8;

export interface EventCandidate {
  customerId: string;
  customerName: string | null;
  /** E.164 phones and lower-case emails the customer is known by. */
  phones: readonly string[];
  emails: readonly string[];
  bookingId: string;
  /** YYYY-MM-DD. */
  eventDate: string;
}

export interface Reviewer {
  name: string;
  phone: string | null;
  email: string | null;
  reviewedAt: Date;
}

const digits = (phone: string) => phone.replace(/\D/g, '').slice(-10);

export function checkReviewer(reviewer: Reviewer, candidates: readonly EventCandidate[], windowDays: number): VerificationEvidence {
  const reviewed = reviewer.reviewedAt.toISOString().slice(0, 10);
  let best: { candidate: EventCandidate; confidence: number; matchedOn: string[] } | null = null;
  for (const candidate of candidates) {
    const matchedOn: string[] = [];
    let confidence = 0;
    if (reviewer.phone && candidate.phones.some((phone) => digits(phone) === digits(reviewer.phone!) && digits(phone).length >= 7)) {
      matchedOn.push('PHONE');
      confidence = 0.99;
    }
    if (reviewer.email && candidate.emails.some((email) => email.toLowerCase() === reviewer.email!.trim().toLowerCase())) {
      matchedOn.push('EMAIL');
      confidence = 0.99;
    }
    if (candidate.customerName) {
      const name = compareNames(reviewer.name, false, nameParts(candidate.customerName));
      if (name.kind !== 'NONE' && name.score > 0) {
        matchedOn.push(`NAME_${name.kind}`);
        confidence = Math.max(confidence, name.score);
      }
    }
    confidence = Math.round(confidence * 100) / 100;
    if (confidence < MATCH_CONFIDENCE) continue;
    const closer = best && confidence === best.confidence && distance(candidate.eventDate, reviewed) < distance(best.candidate.eventDate, reviewed);
    if (!best || confidence > best.confidence || closer) best = { candidate, confidence, matchedOn };
  }
  return {
    customerId: best?.candidate.customerId ?? null,
    customerName: best?.candidate.customerName ?? null,
    bookingId: best?.candidate.bookingId ?? null,
    eventDate: best?.candidate.eventDate ?? null,
    confidence: best?.confidence ?? 0,
    matchedOn: best?.matchedOn ?? [],
    eventsChecked: candidates.length,
    windowDays,
  };
}

function distance(date: string, from: string): number {
  return Math.abs(Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`));
}

import type { IncomingReview } from '../../modules/reviews/review-source.port';
import type { GoogleReview, GoogleStarRating } from './google-business.port';

const STARS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

/** A review Google sent that this product cannot take (no name, no rating). */
export class UnusableGoogleReview extends Error {}

/**
 * A v4 review as the reviews module takes it. Google leaves out a comment for a rating alone
 * and the reviewer's name for an anonymous one; the comment Google translated for the owner
 * carries the original after "(Original)", which is what the reviewer wrote.
 */
export function toIncomingReview(review: GoogleReview): IncomingReview {
  if (!review.name) throw new UnusableGoogleReview('a review without a name');
  const rating = starsOf(review.starRating);
  if (rating === null) throw new UnusableGoogleReview(`review ${review.name} has no star rating`);
  const createdAt = dateOf(review.createTime) ?? new Date(0);
  const reply = review.reviewReply?.comment?.trim() ? review.reviewReply : null;
  return {
    sourceName: review.name,
    reviewerName: review.reviewer?.isAnonymous || !review.reviewer?.displayName?.trim() ? 'A Google user' : review.reviewer.displayName.trim(),
    rating,
    comment: originalComment(review.comment),
    createdAt,
    updatedAt: dateOf(review.updateTime) ?? createdAt,
    existingReply: reply ? { text: reply.comment!.trim(), updatedAt: dateOf(reply.updateTime) ?? createdAt } : null,
  };
}

export function starsOf(rating: GoogleStarRating | string | undefined): number | null {
  return rating ? (STARS[rating] ?? null) : null;
}

function originalComment(comment: string | undefined): string | null {
  const text = comment?.trim();
  if (!text) return null;
  const original = /\(Original\)\s*([\s\S]+)$/.exec(text);
  if (original && text.startsWith('(Translated by Google)')) return original[1].trim();
  return text;
}

function dateOf(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

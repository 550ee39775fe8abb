import { Review, type ReplyState, type VerificationEvidence, type VerificationResult } from './review.entity';
import type { ReviewSource } from './review-source.port';

/** A review as it crosses Redis: primitives and ISO strings only. */
export interface ReviewSnapshot {
  id: string;
  source: ReviewSource;
  sourceName: string;
  reviewerName: string;
  rating: number;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  sentiment: number;
  praised: string[];
  raised: string[];
  flagged: boolean;
  verification: VerificationResult | null;
  verificationEvidence: VerificationEvidence | null;
  replyState: ReplyState;
  replyText: string | null;
  replyPostsAt: string | null;
  repliedAt: string | null;
  replyFailure: string | null;
}

export interface ReviewAddedPayload {
  review: ReviewSnapshot;
}

/** A review whose reply (or words) changed: approved, posted, failed, rewritten, deleted. */
export interface ReviewUpdatedPayload {
  review: ReviewSnapshot;
}

export const ReviewTopic = {
  ADDED: 'REVIEW_ADDED',
  UPDATED: 'REVIEW_UPDATED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    REVIEW_ADDED: ReviewAddedPayload;
    REVIEW_UPDATED: ReviewUpdatedPayload;
  }
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

export function reviewSnapshot(review: Review): ReviewSnapshot {
  return {
    id: review.id,
    source: review.source,
    sourceName: review.sourceName,
    reviewerName: review.reviewerName,
    rating: review.rating,
    comment: review.comment,
    createdAt: iso(review.createdAt)!,
    updatedAt: iso(review.updatedAt)!,
    deletedAt: iso(review.deletedAt),
    sentiment: review.sentiment,
    praised: review.praised,
    raised: review.raised,
    flagged: review.flagged,
    verification: review.verification,
    verificationEvidence: review.verificationEvidence,
    replyState: review.replyState,
    replyText: review.replyText,
    replyPostsAt: iso(review.replyPostsAt),
    repliedAt: iso(review.repliedAt),
    replyFailure: review.replyFailure,
  };
}

const date = (value: string | null) => (value ? new Date(value) : null);

export function reviewFromSnapshot(snapshot: ReviewSnapshot): Review {
  return Object.assign(new Review(), {
    ...snapshot,
    reviewerPhone: null,
    reviewerEmail: null,
    createdAt: new Date(snapshot.createdAt),
    updatedAt: new Date(snapshot.updatedAt),
    deletedAt: date(snapshot.deletedAt),
    replyPostsAt: date(snapshot.replyPostsAt),
    repliedAt: date(snapshot.repliedAt),
  });
}

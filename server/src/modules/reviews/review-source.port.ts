/**
 * Where reviews come from and where replies go. The reviews module owns reviews, their policy
 * and their replies; a review source (Google Business Profile, or the local source staff fill
 * when Google is not connected) only brings reviews in and posts replies out.
 */

/** A review as a source reports it, before the policy has looked at it. */
export interface IncomingReview {
  /** The source's stable name for the review (Google: `accounts/A/locations/L/reviews/R`); reviews are unique by it. */
  sourceName: string;
  reviewerName: string;
  /** 1 to 5 stars. */
  rating: number;
  /** The reviewer's words; null for a rating without a comment. */
  comment: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** A reply the business already has on the source (posted outside this product), if any. */
  existingReply: { text: string; updatedAt: Date } | null;
  /** The reviewer's phone and email when staff know them (local reviews; Google never gives them): compared with customers'. */
  reviewerPhone?: string | null;
  reviewerEmail?: string | null;
}

/** What became of posting a reply. Expected outcomes are values: a queue retries what throws. */
export type ReplyPostOutcome =
  | { outcome: 'posted'; postedAt: Date }
  /** The review no longer exists on the source (deleted before the reply went out). */
  | { outcome: 'review-gone' }
  /** The source cannot be used until an admin connects it again (e.g. a revoked Google token). */
  | { outcome: 'needs-reconnect'; reason: string };

/** Posts replies on the source the review came from. */
export interface ReviewReplyPoster {
  /** Creates or replaces the business's reply to the review. Idempotent: posting the same text twice leaves one reply. */
  postReply(sourceName: string, text: string): Promise<ReplyPostOutcome>;
}

/** The longest reply Google Business Profile accepts, in characters. */
export const MAX_REPLY_CHARS = 4096;

/** The sources a review can come from. */
export enum ReviewSource {
  GOOGLE = 'GOOGLE',
  /** Entered or imported by staff: the embedded default, with no Google connection. */
  LOCAL = 'LOCAL',
}

/** What a sync or a push did. */
export interface IngestResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * What the reviews module offers a source (the Google module uses it; the local source is the
 * reviews module's own). Every call is idempotent by `sourceName`: a second sync or a repeated
 * push changes nothing.
 */
export interface ReviewIntake {
  /** New reviews get a sentiment, the policy's reply and are published live; edited ones are updated. */
  ingest(source: ReviewSource, reviews: readonly IncomingReview[]): Promise<IngestResult>;
  /**
   * After a complete listing of the source: every stored, not yet deleted review of it whose
   * name starts with `namePrefix` (Google: the location's name) and is not in `seen` is marked
   * deleted, and any reply still waiting to be posted to it is cancelled. Returns how many.
   */
  markMissingDeleted(source: ReviewSource, namePrefix: string, seen: ReadonlySet<string>): Promise<number>;
  /** The poster for a source's replies; a source without one cannot post (its replies wait). */
  registerReplyPoster(source: ReviewSource, poster: ReviewReplyPoster): void;
}

import { createHash, randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import { ReviewSource, type IncomingReview, type IngestResult, type ReviewIntake, type ReviewReplyPoster } from './review-source.port';

/**
 * The local review source (issue 16 §1): with no Google connection, staff enter reviews one by
 * one or import a CSV, and the same policy runs on them. Its "poster" records the reply as
 * posted: there is nowhere else to post it, staff copy it to wherever the review was left.
 */
export const localReplyPoster: ReviewReplyPoster = {
  postReply: () => Promise.resolve({ outcome: 'posted', postedAt: new Date() }),
};

export interface LocalReview {
  reviewerName: string;
  rating: number;
  comment: string | null;
  reviewedAt: Date | null;
  reviewerPhone: string | null;
  reviewerEmail: string | null;
  /** The review's id where it came from, when the file has one: importing it again changes nothing. */
  externalId: string | null;
}

const COLUMNS: Record<keyof LocalReview, RegExp> = {
  reviewerName: /^(name|reviewer|reviewer ?name|author|customer)$/,
  rating: /^(rating|stars?|score)$/,
  comment: /^(comment|review|text|review ?text)$/,
  reviewedAt: /^(date|reviewed ?at|created|created ?at|review ?date)$/,
  reviewerPhone: /^(phone|reviewer ?phone)$/,
  reviewerEmail: /^(email|e-mail|reviewer ?email)$/,
  externalId: /^(id|review ?id|external ?id)$/,
};

const MAX_IMPORT_ROWS = 2000;

/** Reads a CSV of reviews (a header row naming at least the reviewer and the rating); every bad line is named at once. */
export function parseReviewsCsv(text: string): LocalReview[] {
  const fail = (message: string) => new UserInputFailure([{ field: 'csv', code: 'INVALID_CSV', message }]);
  let rows: string[][];
  try {
    rows = (parseCsv(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][]).filter((row) => row.some((cell) => cell !== ''));
  } catch (error) {
    throw fail(`CSV: the file could not be read (${(error as Error).message}).`);
  }
  if (rows.length < 2) throw fail('CSV: add a header row (name, rating, comment, date) and at least one review.');
  if (rows.length - 1 > MAX_IMPORT_ROWS) throw fail(`CSV: import at most ${MAX_IMPORT_ROWS} reviews at a time.`);
  const header = rows[0].map((cell) => cell.toLowerCase().replace(/[_-]/g, ' ').trim());
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([key, pattern]) => [key, header.findIndex((cell) => pattern.test(cell))])) as Record<keyof LocalReview, number>;
  if (at.reviewerName < 0 || at.rating < 0) throw fail('CSV: the header row must name the reviewer (name) and the rating (rating or stars).');
  const errors: Array<{ field: string; code: string; message: string }> = [];
  const reviews: LocalReview[] = [];
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    const cell = (key: keyof LocalReview) => (at[key] >= 0 ? (row[at[key]] ?? '').trim() : '');
    const problems = localReviewProblems({ reviewerName: cell('reviewerName'), rating: cell('rating'), reviewedAt: cell('reviewedAt'), reviewerEmail: cell('reviewerEmail') });
    for (const problem of problems) errors.push({ field: 'csv', code: 'INVALID_CSV', message: `Line ${line}: ${problem}` });
    if (problems.length > 0) return;
    reviews.push({
      reviewerName: cell('reviewerName'),
      rating: Number(cell('rating')),
      comment: cell('comment') || null,
      reviewedAt: cell('reviewedAt') ? new Date(cell('reviewedAt')) : null,
      reviewerPhone: cell('reviewerPhone') || null,
      reviewerEmail: cell('reviewerEmail') || null,
      externalId: cell('externalId') || null,
    });
  });
  if (errors.length > 0) throw new UserInputFailure(errors);
  return reviews;
}

/** What is wrong with one line, in words for the person importing. */
function localReviewProblems(fields: { reviewerName: string; rating: string; reviewedAt: string; reviewerEmail: string }): string[] {
  const problems: string[] = [];
  if (!fields.reviewerName) problems.push("enter the reviewer's name.");
  else if (fields.reviewerName.length > 200) problems.push("the reviewer's name is longer than 200 characters.");
  if (!/^[1-5]$/.test(fields.rating)) problems.push(`the rating must be 1 to 5 stars${fields.rating ? ` (it says "${fields.rating.slice(0, 20)}")` : ''}.`);
  if (fields.reviewedAt) {
    const date = Date.parse(fields.reviewedAt);
    if (Number.isNaN(date)) problems.push(`the date "${fields.reviewedAt.slice(0, 30)}" is not a date (use YYYY-MM-DD).`);
    else if (date > Date.now() + 86_400_000) problems.push('the date is in the future.');
  }
  if (fields.reviewerEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.reviewerEmail)) problems.push(`"${fields.reviewerEmail.slice(0, 60)}" is not an email address.`);
  return problems;
}

/** Staff's entries and imports, through the same intake as any source. */
export class LocalReviewSource {
  constructor(private readonly intake: ReviewIntake) {}

  /** One review a staff member typed in; each entry is a review of its own. Returns its source name. */
  async add(review: LocalReview): Promise<string> {
    throwIfDatedAhead([review], () => 'reviewedAt');
    const sourceName = `local:${randomUUID()}`;
    await this.intake.ingest(ReviewSource.LOCAL, [this.toIncoming(sourceName, review)]);
    return sourceName;
  }

  /**
   * Several reviews left on a site (Yelp, a guest book...); a review imported before (same id, or
   * same reviewer, day, rating and words) is not added again. `complete`: the list is every
   * review on that site, so those imported before and missing now were deleted there.
   */
  async import(params: { site: string; reviews: readonly LocalReview[]; complete: boolean }): Promise<IngestResult & { deleted: number }> {
    throwIfDatedAhead(params.reviews, (index) => `reviews.${index}.reviewedAt`);
    const prefix = `local:import:${siteKey(params.site)}:`;
    const incoming = params.reviews.map((review) => this.toIncoming(prefix + importKey(review), review));
    const result = await this.intake.ingest(ReviewSource.LOCAL, incoming);
    const deleted = params.complete ? await this.intake.markMissingDeleted(ReviewSource.LOCAL, prefix, new Set(incoming.map((review) => review.sourceName))) : 0;
    return { ...result, deleted };
  }

  private toIncoming(sourceName: string, review: LocalReview): IncomingReview {
    const at = review.reviewedAt ?? new Date();
    return {
      sourceName,
      reviewerName: review.reviewerName.trim(),
      rating: review.rating,
      comment: review.comment?.trim() || null,
      createdAt: at,
      updatedAt: at,
      existingReply: null,
      reviewerPhone: review.reviewerPhone,
      reviewerEmail: review.reviewerEmail?.toLowerCase() ?? null,
    };
  }
}

/** A review written tomorrow would skew every chart: refused, naming each. */
function throwIfDatedAhead(reviews: readonly LocalReview[], field: (index: number) => string): void {
  const latest = Date.now() + 86_400_000;
  const errors = reviews.flatMap((review, index) =>
    review.reviewedAt && review.reviewedAt.getTime() > latest ? [{ field: field(index), code: 'IN_THE_FUTURE', message: 'Date: a review cannot be dated in the future.' }] : [],
  );
  if (errors.length > 0) throw new UserInputFailure(errors);
}

/** "Yelp " and "yelp" are one site; a colon cannot end the prefix early. */
function siteKey(site: string): string {
  return site.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60) || 'import';
}

function importKey(review: LocalReview): string {
  if (review.externalId) return `id:${review.externalId.slice(0, 200)}`;
  const day = review.reviewedAt ? review.reviewedAt.toISOString().slice(0, 10) : '';
  const digest = createHash('sha256').update(JSON.stringify([review.reviewerName.trim().toLowerCase(), day, review.rating, review.comment?.trim() ?? ''])).digest('hex');
  return `hash:${digest.slice(0, 40)}`;
}

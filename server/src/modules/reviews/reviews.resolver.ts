import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { connectionType, type Connection } from '../../shared/graphql/connection';
import { Booking } from '../bookings/booking.entity';
import { Customer } from '../customers/customer.entity';
import { parseReviewsCsv, type LocalReview, type LocalReviewSource } from './local-review-source';
import { Review } from './review.entity';
import type { ReviewAnalyticsService } from './review-analytics.service';
import { ReviewTopic, reviewFromSnapshot, type ReviewAddedPayload, type ReviewUpdatedPayload } from './reviews.events';
import { AddReviewInput, ApproveReviewReplyInput, ImportReviewsInput, ReviewsArgs } from './reviews.inputs';
import type { ReviewsService } from './reviews.service';
import { ImportReviewsPayload, ReviewAnalytics, ReviewPayload, ReviewVerificationEvidence } from './reviews.types';
import { userFailure } from '../../shared/graphql/user-errors';

const ReviewConnection = connectionType(Review, 'Review');

function staffIdOrNull(context: RequestContext): string | null {
  return context.principal?.kind === 'staff' ? context.principal.staffUserId : null;
}

function localReview(input: AddReviewInput): LocalReview {
  return {
    reviewerName: input.reviewerName,
    rating: input.rating,
    comment: input.comment ?? null,
    reviewedAt: input.reviewedAt ?? null,
    reviewerPhone: input.reviewerPhone ?? null,
    reviewerEmail: input.reviewerEmail ?? null,
    externalId: input.externalId ?? null,
  };
}

@Resolver(() => Review)
export class ReviewsResolver {
  constructor(
    private readonly service: ReviewsService,
    private readonly local: LocalReviewSource,
    private readonly analytics: ReviewAnalyticsService,
  ) {}

  @Query(() => ReviewConnection, { description: 'Reviews, newest first (deleted ones left out).' })
  @StaffOnly()
  reviews(@Args(() => ReviewsArgs) args: ReviewsArgs): Promise<Connection<Review>> {
    return this.service.list({ rating: args.rating ?? null, needsAttention: args.needsAttention ?? null, replyState: args.replyState ?? null, flagged: args.flagged ?? null }, args);
  }

  @Query(() => Review, { nullable: true })
  @StaffOnly()
  review(@Arg('id', () => ID) id: string): Promise<Review | null> {
    return this.service.findByGlobalId(id);
  }

  @Query(() => ReviewAnalytics, { description: 'Reviews written from `from` (inclusive) to `to` (exclusive): ratings by week and month, replies, keywords, sentiment.' })
  @StaffOnly()
  reviewAnalytics(@Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date): Promise<ReviewAnalytics> {
    if (!(to > from)) throw new GraphQLError('to must be after from.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'to' } });
    if (to.getTime() - from.getTime() > 5 * 366 * 86_400_000) throw new GraphQLError('Ask for at most five years at a time.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'to' } });
    return this.analytics.analytics({ from, to });
  }

  @Mutation(() => ReviewPayload, { description: 'Approve the reply to a review, as drafted or as edited (text); it is posted at once.' })
  @StaffOnly()
  async approveReviewReply(@Arg('input', () => ApproveReviewReplyInput) input: ApproveReviewReplyInput, @Ctx() context: RequestContext): Promise<ReviewPayload> {
    const review = await this.service.approveReply({ reviewGlobalId: input.id, text: input.text ?? null, staffUserId: staffIdOrNull(context) });
    return { review, userErrors: [] };
  }

  @Mutation(() => ReviewPayload, { description: 'Enter a review by hand (the local source): it gets its reply by the same policy as a Google review.' })
  @StaffOnly()
  async addReview(@Arg('input', () => AddReviewInput) input: AddReviewInput): Promise<ReviewPayload> {
    const sourceName = await this.local.add(localReview(input));
    return { review: await this.service.findBySourceName(sourceName), userErrors: [] };
  }

  @Mutation(() => ImportReviewsPayload, { description: 'Import reviews from a CSV or a list; a review imported before is not added twice. A file with a bad line imports nothing.' })
  @StaffOnly()
  async importReviews(@Arg('input', () => ImportReviewsInput) input: ImportReviewsInput): Promise<ImportReviewsPayload> {
    const fromCsv = input.csv?.trim() ? parseReviewsCsv(input.csv) : [];
    const listed = (input.reviews ?? []).map(localReview);
    if (fromCsv.length + listed.length === 0) throw userFailure('NOTHING_TO_IMPORT', 'Reviews: paste a CSV or list at least one review to import.', 'csv');
    return { ...(await this.local.import({ site: input.site ?? 'import', reviews: [...fromCsv, ...listed], complete: input.complete ?? false })), userErrors: [] };
  }

  @Subscription(() => Review, { topics: ReviewTopic.ADDED, description: 'A new review, from any source and any instance, with the reply the policy wrote.' })
  @StaffOnly()
  reviewAdded(@Root() payload: ReviewAddedPayload): Review {
    return reviewFromSnapshot(payload.review);
  }

  @Subscription(() => Review, {
    topics: ReviewTopic.UPDATED,
    description: 'A review whose reply or words changed (approved, posted, failed, rewritten by an edit, deleted), from any instance.',
  })
  @StaffOnly()
  reviewUpdated(@Root() payload: ReviewUpdatedPayload): Review {
    return reviewFromSnapshot(payload.review);
  }

  @FieldResolver(() => ReviewVerificationEvidence, { nullable: true, description: 'Why the reviewer was or was not taken for a customer (under 3 stars).' })
  verificationEvidence(@Root() review: Review): ReviewVerificationEvidence | null {
    return review.verificationEvidence ? Object.assign(new ReviewVerificationEvidence(), review.verificationEvidence) : null;
  }
}

@Resolver(() => ReviewVerificationEvidence)
export class ReviewVerificationEvidenceResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'The matched customer.' })
  customer(@Root() evidence: ReviewVerificationEvidence, @Ctx() context: RequestContext): Promise<Customer | null> | null {
    return evidence.customerId ? context.loaders.customerById.load(evidence.customerId) : null;
  }

  @FieldResolver(() => Booking, { nullable: true, description: 'Their event in the window before the review.' })
  booking(@Root() evidence: ReviewVerificationEvidence, @Ctx() context: RequestContext): Promise<Booking | null> | null {
    return evidence.bookingId ? context.loaders.bookingById.load(evidence.bookingId) : null;
  }
}


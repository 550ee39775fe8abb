import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Review } from './review.entity';

@ObjectType()
export class ReviewPayload extends MutationPayload {
  @Field(() => Review, { nullable: true, description: 'The review after the change; null when userErrors is not empty.' })
  review?: Review | null;
}

@ObjectType()
export class ImportReviewsPayload extends MutationPayload {
  @Field(() => Int, { nullable: true, description: 'Reviews new to us (each got its reply by the policy).' })
  added?: number | null;

  @Field(() => Int, { nullable: true, description: 'Reviews imported before whose rating or words changed.' })
  updated?: number | null;

  @Field(() => Int, { nullable: true, description: 'Reviews imported before, unchanged.' })
  unchanged?: number | null;

  @Field(() => Int, { nullable: true, description: 'With complete: reviews imported before that the list no longer holds, now marked deleted.' })
  deleted?: number | null;
}

@ObjectType({ description: 'How the check of an under-3-star reviewer against our customers decided.' })
export class ReviewVerificationEvidence {
  @Field(() => Float, { description: '0 to 1: how sure the match is; 0 when nothing matched.' })
  confidence!: number;

  @Field(() => [String], { description: 'What matched: PHONE, EMAIL, or NAME_<kind> (EXACT, NICKNAME, FUZZY, INITIAL...).' })
  matchedOn!: string[];

  @Field(() => String, { nullable: true, description: "The matched customer's name." })
  customerName!: string | null;

  @Field(() => String, { nullable: true, description: 'The day of their event, YYYY-MM-DD.' })
  eventDate!: string | null;

  @Field(() => Int, { description: 'Events in the window that were compared.' })
  eventsChecked!: number;

  @Field(() => Int, { description: 'Days before the review an event counted.' })
  windowDays!: number;

  customerId!: string | null;
  bookingId!: string | null;
}

@ObjectType({ description: 'Reviews of one week (starting Monday) or month.' })
export class ReviewPeriod {
  @Field(() => String, { description: 'The first day of the week or month, YYYY-MM-DD.' })
  periodStart!: string;

  @Field(() => Float)
  averageRating!: number;

  @Field(() => Float, { description: 'Average sentiment, -1 to 1.' })
  averageSentiment!: number;

  @Field(() => Int)
  reviews!: number;
}

@ObjectType()
export class KeywordCount {
  @Field(() => String)
  word!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Reviews written in a period: ratings, replies and what reviewers talk about.' })
export class ReviewAnalytics {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => Int)
  reviews!: number;

  @Field(() => Float, { nullable: true, description: 'Null with no reviews.' })
  averageRating!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of reviews with a posted reply, 0 to 1 (the target is 1); null with no reviews.' })
  responseRate!: number | null;

  @Field(() => Int, { nullable: true, description: 'Median seconds from a review to its posted reply; null with no reply.' })
  medianResponseSeconds!: number | null;

  @Field(() => [ReviewPeriod], { description: 'By week (Monday first), oldest first.' })
  byWeek!: ReviewPeriod[];

  @Field(() => [ReviewPeriod], { description: 'By month, oldest first.' })
  byMonth!: ReviewPeriod[];

  @Field(() => [KeywordCount], { description: 'The words reviewers use most, common words (stop words) left out.' })
  keywords!: KeywordCount[];
}

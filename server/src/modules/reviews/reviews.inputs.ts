import { ArrayMaxSize, IsEmail, IsInt, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ConnectionArgs } from '../../shared/graphql/connection';
import { ReplyState } from './review.entity';

@ArgsType()
export class ReviewsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Only reviews with this many stars.' })
  rating?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: a draft to approve, a failed reply, or a flagged review; false: none of those.' })
  needsAttention?: boolean | null;

  @Field(() => ReplyState, { nullable: true })
  replyState?: ReplyState | null;

  @Field(() => Boolean, { nullable: true })
  flagged?: boolean | null;
}

@InputType({ description: 'A review a staff member enters (a review left somewhere other than Google, or with no Google connection).' })
export class AddReviewInput {
  @Field(() => String)
  @MinLength(1, { message: "Reviewer's name: enter the name the reviewer gave." })
  @MaxLength(200, { message: "Reviewer's name: use at most 200 characters." })
  reviewerName!: string;

  @Field(() => Int, { description: '1 to 5 stars.' })
  @IsInt({ message: 'Rating: choose 1 to 5 stars.' })
  @Min(1, { message: 'Rating: choose 1 to 5 stars.' })
  @Max(5, { message: 'Rating: choose 1 to 5 stars.' })
  rating!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000, { message: 'Comment: use at most 4,000 characters.' })
  comment?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the review was written; now when left out.' })
  @IsOptional()
  reviewedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "The reviewer's phone, if known: compared with customers' phones." })
  @IsOptional()
  @Matches(/^[+0-9 ().-]{7,40}$/, { message: "Reviewer's phone: enter a phone number such as (555) 555-0100." })
  reviewerPhone?: string | null;

  @Field(() => String, { nullable: true, description: "The reviewer's email, if known: compared with customers' emails." })
  @IsOptional()
  @IsEmail({}, { message: "Reviewer's email: enter an email address such as jane@example.com." })
  reviewerEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Its id where it was left, if any: importing it again changes nothing (importReviews only).' })
  @IsOptional()
  @MaxLength(200, { message: 'Id: use at most 200 characters.' })
  externalId?: string | null;
}

@InputType({ description: 'Reviews to import: a CSV (header row with name, rating, and optionally comment, date, phone, email, id) or a list.' })
export class ImportReviewsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2_000_000, { message: 'CSV: this file is too large; import at most 2,000 reviews at a time.' })
  csv?: string | null;

  @Field(() => String, { nullable: true, defaultValue: 'import', description: 'Where the reviews were left (e.g. Yelp): ids and `complete` count within it.' })
  @IsOptional()
  @MaxLength(60, { message: 'Site: use at most 60 characters.' })
  site?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'The list is every review on the site: reviews imported from it before and missing now are marked deleted, and their replies not yet posted cancelled.' })
  complete?: boolean | null;

  @Field(() => [AddReviewInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(2000, { message: 'Reviews: import at most 2,000 reviews at a time.' })
  @ValidateNested({ each: true })
  reviews?: AddReviewInput[] | null;
}

@InputType()
export class ApproveReviewReplyInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The reply as edited; the draft as written when left out.' })
  text?: string | null;
}

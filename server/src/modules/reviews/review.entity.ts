import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { ReviewSource } from './review-source.port';

registerEnumType(ReviewSource, {
  name: 'ReviewSource',
  valuesConfig: { LOCAL: { description: 'Entered or imported by staff (no Google connection).' } },
});

/** Where a review's reply stands. */
export enum ReplyState {
  /** No reply yet and none planned (a reply the business posted elsewhere is POSTED). */
  NONE = 'NONE',
  /** Written by the policy, waiting for staff to approve or edit it (1-3 stars). */
  DRAFT = 'DRAFT',
  /** Approved or automatic (4-5 stars): posts at `replyPostsAt`, or waits for its source to be reconnected (`replyFailure` says so). */
  SCHEDULED = 'SCHEDULED',
  /** Being posted now. */
  POSTING = 'POSTING',
  POSTED = 'POSTED',
  /** Could not be posted after every retry: `replyFailure` says why; approving it again tries again. */
  FAILED = 'FAILED',
  /** The review was deleted on its source before the reply went out. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReplyState, { name: 'ReplyState' });

/** What the check of an under-3-star reviewer against our customers found. */
export enum VerificationResult {
  /** A customer with an event in the window before the review. */
  CUSTOMER = 'CUSTOMER',
  /** No customer with an event in the window matched by name, phone or email. */
  NO_RECORD = 'NO_RECORD',
}
registerEnumType(VerificationResult, { name: 'VerificationResult' });

/** Why the check decided as it did: stored with the review, shown to staff. */
export interface VerificationEvidence {
  customerId: string | null;
  customerName: string | null;
  bookingId: string | null;
  eventDate: string | null;
  /** 0..1: how sure the match is (0 with no match). */
  confidence: number;
  /** What matched: NAME (with the name matcher's kind), PHONE, EMAIL. */
  matchedOn: string[];
  /** Events in the window that were compared. */
  eventsChecked: number;
  windowDays: number;
}

/** A customer's review of the business, from Google or entered by staff, with the reply the policy wrote. */
@Entity({ name: 'review' })
@ObjectType({ description: 'A review of the business and its reply.' })
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Review', this.id);
  }

  @Field(() => ReviewSource)
  @Column({ type: 'varchar', length: 20 })
  source!: ReviewSource;

  @Field(() => String, { description: "The source's name for the review; unique." })
  @Column({ type: 'varchar', length: 500, name: 'source_name' })
  sourceName!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200, name: 'reviewer_name' })
  reviewerName!: string;

  /** Given by staff for a local review; compared with customers' phones. Never shown on Google. */
  @Column({ type: 'varchar', length: 40, name: 'reviewer_phone', nullable: true })
  reviewerPhone!: string | null;

  @Column({ type: 'varchar', length: 254, name: 'reviewer_email', nullable: true })
  reviewerEmail!: string | null;

  @Field(() => Int, { description: '1 to 5 stars.' })
  @Column({ type: 'smallint' })
  rating!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Field(() => Date, { description: 'When the reviewer wrote it.' })
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the reviewer last changed it.' })
  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it disappeared from its source; null while it is there.' })
  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @Field(() => Float, { description: 'How the words read, -1 (angry) to 1 (delighted).' })
  @Column({ type: 'real' })
  sentiment!: number;

  @Field(() => [String], { description: 'What the reviewer praised (food, chef, show, punctuality, price...).' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  praised!: string[];

  @Field(() => [String], { description: 'What the reviewer raised as a concern.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  raised!: string[];

  @Field(() => Boolean, { description: 'Needs a person: an under-3-star reviewer we have no record of serving.' })
  @Column({ type: 'boolean', default: false })
  flagged!: boolean;

  @Field(() => VerificationResult, { nullable: true, description: 'Under 3 stars: whether the reviewer is a customer; null when not checked.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  verification!: VerificationResult | null;

  @Column({ type: 'jsonb', name: 'verification_evidence', nullable: true })
  verificationEvidence!: VerificationEvidence | null;

  @Field(() => ReplyState)
  @Column({ type: 'varchar', length: 20, name: 'reply_state', default: ReplyState.NONE })
  replyState!: ReplyState;

  @Field(() => String, { nullable: true, description: 'The reply: the draft, the one waiting to post, or the one posted.' })
  @Column({ type: 'text', name: 'reply_text', nullable: true })
  replyText!: string | null;

  /** Which template variant wrote the reply (never the same twice in a row for a kind). */
  @Column({ type: 'varchar', length: 60, name: 'reply_variant', nullable: true })
  replyVariant!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a SCHEDULED reply posts.' })
  @Column({ type: 'timestamptz', name: 'reply_posts_at', nullable: true })
  replyPostsAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the reply was posted.' })
  @Column({ type: 'timestamptz', name: 'replied_at', nullable: true })
  repliedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the reply is waiting or failed.' })
  @Column({ type: 'varchar', length: 500, name: 'reply_failure', nullable: true })
  replyFailure!: string | null;

  /** When an instance began posting the reply: a POSTING reply claimed long ago belongs to an instance that died. */
  @Column({ type: 'timestamptz', name: 'reply_claimed_at', nullable: true })
  replyClaimedAt!: Date | null;

  /** Bumped each time a reply is scheduled: names the posting job, so one scheduling posts once. */
  @Column({ type: 'integer', name: 'reply_version', default: 0 })
  replyVersion!: number;

  @Column({ type: 'uuid', name: 'reply_approved_by', nullable: true })
  replyApprovedBy!: string | null;
}

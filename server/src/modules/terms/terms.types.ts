import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Booking } from '../bookings/booking.entity';
import { Message } from '../conversations/message.entity';
import { Customer } from '../customers/customer.entity';
import { TermsAcknowledgment } from './terms-acknowledgment.entity';
import { TermsInvalidReply } from './terms-invalid-reply.entity';
import { TermsVersion } from './terms-version.entity';

export const TermsVersionConnection = connectionType(TermsVersion, 'TermsVersion');
export const TermsAcknowledgmentConnection = connectionType(TermsAcknowledgment, 'TermsAcknowledgment');

@ObjectType()
export class PublishTermsVersionPayload extends MutationPayload {
  @Field(() => TermsVersion, { nullable: true, description: 'The new current version; null when userErrors is not empty.' })
  termsVersion?: TermsVersion | null;
}

@ObjectType()
export class RecordTermsAcknowledgmentPayload extends MutationPayload {
  @Field(() => TermsAcknowledgment, { nullable: true, description: 'The record as appended to the chain; null when userErrors is not empty.' })
  acknowledgment?: TermsAcknowledgment | null;
}

@ObjectType({ description: 'The first record the verification found wrong.' })
export class TermsEvidenceMismatch {
  @Field(() => ID)
  acknowledgmentId!: string;

  @Field(() => Int)
  sequence!: number;

  @Field(() => String, { description: 'What is wrong, in words.' })
  reason!: string;
}

@ObjectType({ description: 'Every acknowledgment’s content hash recomputed and every link of the chain checked.' })
export class TermsEvidenceVerification {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int)
  checkedCount!: number;

  @Field(() => Int)
  mismatchCount!: number;

  @Field(() => TermsEvidenceMismatch, { nullable: true })
  firstMismatch!: TermsEvidenceMismatch | null;

  @Field(() => Int, { nullable: true, description: 'The newest record’s sequence; null for an empty chain.' })
  headSequence!: number | null;

  @Field(() => String, { nullable: true, description: 'The newest record’s content hash: note it somewhere else now and then, and a later removal of records after it shows.' })
  headSha256!: string | null;

  @Field(() => Date)
  verifiedAt!: Date;
}

@ObjectType({ description: 'How one acknowledgment sits in the chain.' })
export class TermsRecordCheck {
  @Field(() => Boolean, { description: 'Its content hash recomputed from its fields matches the stored one.' })
  contentHashMatches!: boolean;

  @Field(() => Boolean, { description: 'Its previous hash is the content hash of the record before it (64 zeros for the first).' })
  previousLinkMatches!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'The record after it points at its content hash; null while it is the newest.' })
  nextLinkMatches!: boolean | null;

  @Field(() => Boolean, { description: 'Its terms hash is the hash of the accepted version’s text.' })
  termsHashMatches!: boolean;

  @Field(() => Int, { description: 'Records in the chain now.' })
  chainLength!: number;
}

@ObjectType({ description: 'A booking’s whole terms trail: what a lawyer needs, also as a printable page (printableUrl).' })
export class TermsEvidence {
  @Field(() => Booking)
  booking!: Booking;

  @Field(() => Customer, { nullable: true })
  customer!: Customer | null;

  @Field(() => TermsAcknowledgment, { nullable: true, description: 'Null while the terms are not accepted.' })
  acknowledgment!: TermsAcknowledgment | null;

  @Field(() => TermsVersion, { description: 'The version accepted; the current one while none is.' })
  termsVersion!: TermsVersion;

  @Field(() => String, { nullable: true, description: 'The exact string the acknowledgment’s contentSha256 is the SHA-256 of.' })
  canonicalContent!: string | null;

  @Field(() => TermsRecordCheck, { nullable: true })
  recordCheck!: TermsRecordCheck | null;

  @Field(() => TermsEvidenceVerification)
  verification!: TermsEvidenceVerification;

  @Field(() => [Message], {
    description: 'The booking’s thread, and the thread the reply came in, from two days before the booking to a day after the acceptance, oldest first.',
    complexity: ({ childComplexity }) => 1 + 100 * childComplexity,
  })
  messages!: Message[];

  @Field(() => [TermsInvalidReply], { description: 'Replies to the terms request that were neither yes nor no.' })
  invalidReplies!: TermsInvalidReply[];

  @Field(() => Date)
  generatedAt!: Date;
}

import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/** How the customer accepted the terms. */
export enum TermsChannel {
  WEB = 'WEB',
  PHONE = 'PHONE',
  SMS = 'SMS',
  WHATSAPP = 'WHATSAPP',
  AI_CHAT = 'AI_CHAT',
  EMAIL = 'EMAIL',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(TermsChannel, { name: 'TermsChannel' });

const bigintAsNumber = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/**
 * The evidence that a customer accepted a version of the terms for a booking. Append-only: the
 * database refuses UPDATE, DELETE and TRUNCATE. Each record carries the SHA-256 of its canonical
 * content (terms-evidence.ts) and the content hash of the record before it, so the chain shows
 * any later change.
 */
@Entity({ name: 'terms_acknowledgment' })
@ObjectType({ description: 'A customer’s acceptance of the terms for a booking: append-only, hash-chained evidence.' })
export class TermsAcknowledgment {
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('TermsAcknowledgment', this.id);
  }

  @Field(() => Int, { description: 'Position in the evidence chain: 1, 2, 3... with no gaps.' })
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  sequence!: number;

  @Column({ type: 'uuid', name: 'booking_id' })
  bookingId!: string;

  @Column({ type: 'uuid', name: 'customer_id' })
  customerId!: string;

  @Column({ type: 'uuid', name: 'terms_version_id' })
  termsVersionId!: string;

  @Field(() => String, { description: 'SHA-256 of the accepted version’s text, copied when accepted.' })
  @Column({ type: 'char', length: 64, name: 'terms_sha256' })
  termsSha256!: string;

  @Field(() => TermsChannel)
  @Column({ type: 'varchar', length: 12 })
  channel!: TermsChannel;

  @Field(() => String, { nullable: true, description: 'The customer’s reply exactly as received; null where there was none (a web checkbox).' })
  @Column({ type: 'text', name: 'reply_text', nullable: true })
  replyText!: string | null;

  @Field(() => String, { nullable: true, description: 'The provider’s id of the reply message (RingCentral, WhatsApp).' })
  @Column({ type: 'varchar', length: 128, name: 'provider_message_id', nullable: true })
  providerMessageId!: string | null;

  @Field(() => String, { nullable: true, description: 'The number or address the reply came from.' })
  @Column({ type: 'varchar', length: 254, name: 'from_address', nullable: true })
  fromAddress!: string | null;

  @Field(() => Boolean, { description: 'Whether the provider’s webhook signature was verified on the delivery that carried the reply.' })
  @Column({ type: 'boolean', name: 'signature_verified' })
  signatureVerified!: boolean;

  @Field(() => Date)
  @Column({ type: 'timestamptz', precision: 3, name: 'received_at' })
  receivedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The customer’s IP address, for web acceptances.' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: 'The customer’s browser, for web acceptances.' })
  @Column({ type: 'varchar', length: 1024, name: 'user_agent', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'uuid', name: 'recorded_by_staff_user_id', nullable: true })
  recordedByStaffUserId!: string | null;

  @Field(() => String, { description: 'SHA-256 of this record’s canonical content (RFC 8785 JSON; see the README).' })
  @Column({ type: 'char', length: 64, name: 'content_sha256' })
  contentSha256!: string;

  @Field(() => String, { description: 'contentSha256 of the record before this one in the chain; 64 zeros for the first.' })
  @Column({ type: 'char', length: 64, name: 'previous_sha256' })
  previousSha256!: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}

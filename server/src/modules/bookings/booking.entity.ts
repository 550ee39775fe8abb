import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { Channel } from '../conversations/channel';
import { PriceBreakdown } from './price-breakdown.type';
import { priceBreakdown } from './pricing';

export enum BookingStatus {
  INQUIRY = 'INQUIRY',
  PENDING_TERMS = 'PENDING_TERMS',
  CONFIRMED = 'CONFIRMED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(BookingStatus, { name: 'BookingStatus' });

/** A hibachi event at a customer's address, priced when it is made (SPEC §4). */
@Entity({ name: 'booking' })
@ObjectType()
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Booking', this.id);
  }

  @Column({ type: 'uuid', name: 'customer_id' })
  customerId!: string;

  // Getters, not field resolvers: a page of bookings resolves these for every row, and a plain
  // property read skips type-graphql's per-field resolver wrapping.
  @Field(() => ID, { name: 'customerId' })
  get customerGlobalId(): string {
    return toGlobalId('Customer', this.customerId);
  }

  @Field(() => PriceBreakdown, { name: 'price' })
  get priceBreakdown(): PriceBreakdown {
    return priceBreakdown(this);
  }

  @Field(() => String, { description: 'YYYY-MM-DD in the business time zone.' })
  @Column({ type: 'date', name: 'event_date' })
  eventDate!: string;

  @Field(() => String, { description: 'HH:MM, 24-hour, business time zone.' })
  @Column({ type: 'varchar', length: 5, name: 'start_time' })
  startTime!: string;

  @Field(() => Date, { description: 'When the event starts, as an instant (the event date and start time on the business clock).' })
  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt!: Date;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  adults!: number;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  kids!: number;

  @Field(() => Int, { description: 'Adults and kids.' })
  get partySize(): number {
    return this.adults + this.kids;
  }

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, name: 'dietary_notes', nullable: true })
  dietaryNotes!: string | null;

  @Field(() => Channel)
  @Column({ type: 'varchar', length: 20, name: 'source_channel' })
  sourceChannel!: Channel;

  @Field(() => BookingStatus)
  @Column({ type: 'varchar', length: 20, default: BookingStatus.INQUIRY })
  status!: BookingStatus;

  @Column({ type: 'uuid', name: 'conversation_id', nullable: true })
  conversationId!: string | null;

  @Field(() => Boolean, { description: 'The customer agreed to receive texts about this booking.' })
  @Column({ type: 'boolean', name: 'sms_consent', default: false })
  smsConsent!: boolean;

  @Column({ type: 'uuid', name: 'travel_quote_id', nullable: true })
  travelQuoteId!: string | null;

  // The prices this booking was quoted at: a later change of the price list never reprices it.
  @Column({ type: 'integer', name: 'price_per_adult_cents' })
  pricePerAdultCents!: number;

  @Column({ type: 'integer', name: 'price_per_kid_cents' })
  pricePerKidCents!: number;

  @Column({ type: 'integer', name: 'minimum_spend_cents' })
  minimumSpendCents!: number;

  @Column({ type: 'integer', name: 'travel_fee_cents' })
  travelFeeCents!: number;

  @Column({ type: 'integer', name: 'deposit_cents' })
  depositCents!: number;

  @Column({ type: 'integer', name: 'paid_cents', default: 0 })
  paidCents!: number;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  /** When a change (TERMS_AGAIN_ON_CHANGE) last asked for the terms again: an acceptance after it is a new one, not a second. */
  @Column({ type: 'timestamptz', name: 'terms_asked_again_at', nullable: true })
  termsAskedAgainAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, name: 'cancellation_reason', nullable: true })
  cancellationReason!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Goes up by one with every change: a console keeps the highest it has seen, whatever order events arrive in.' })
  @VersionColumn({ type: 'integer' })
  version!: number;
}

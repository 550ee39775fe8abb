import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/**
 * Where a match stands: SUGGESTED waits in the review queue; AUTO_APPLIED was applied by the
 * matcher at or above the threshold; VERIFIED was made or confirmed by a person; REJECTED a
 * person said no; WITHDRAWN it was overtaken (another match applied, or the bank withdrew the line).
 */
export enum PaymentMatchStatus {
  SUGGESTED = 'SUGGESTED',
  AUTO_APPLIED = 'AUTO_APPLIED',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PaymentMatchStatus, { name: 'PaymentMatchStatus' });

export enum PaymentMatchType {
  DEPOSIT = 'DEPOSIT',
  FULL = 'FULL',
  BALANCE = 'BALANCE',
  BALANCE_WITH_TIP = 'BALANCE_WITH_TIP',
}
registerEnumType(PaymentMatchType, { name: 'PaymentMatchType' });

export enum PaymentMatchOrigin {
  MATCHER = 'MATCHER',
  MANUAL = 'MANUAL',
}
registerEnumType(PaymentMatchOrigin, { name: 'PaymentMatchOrigin' });

/** Statuses in which the bank line pays the booking: at most one per line (a unique index). */
export const APPLIED_STATUSES = [PaymentMatchStatus.AUTO_APPLIED, PaymentMatchStatus.VERIFIED] as const;

const numeric = { to: (value: number) => value, from: (value: string) => Number(value) };

/** A bank credit paired with a booking: proposed by the matcher or made by hand. */
@Entity({ name: 'payment_match' })
@ObjectType({ description: 'A bank credit paired with the booking it pays: suggested, applied automatically, verified, or rejected.' })
export class PaymentMatch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('PaymentMatch', this.id);
  }

  @Column({ type: 'uuid', name: 'bank_transaction_id' })
  bankTransactionId!: string;

  @Column({ type: 'uuid', name: 'booking_id' })
  bookingId!: string;

  @Field(() => PaymentMatchType, { description: 'What the credit pays: the deposit, the whole price, the balance, or the balance with a tip.' })
  @Column({ type: 'varchar', length: 20 })
  type!: PaymentMatchType;

  @Field(() => Float, { description: '0.00-1.00: how sure the matcher is; 1 for a match a person made.' })
  @Column({ type: 'numeric', precision: 3, scale: 2, transformer: numeric })
  confidence!: number;

  @Field(() => String, { description: 'Why, in words: "Name JOHN A SMITH ~ John Smith (0.96), amount = balance $540.00, 1 day after the event".' })
  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  @Field(() => PaymentMatchStatus)
  @Column({ type: 'varchar', length: 12 })
  status!: PaymentMatchStatus;

  @Field(() => PaymentMatchOrigin)
  @Column({ type: 'varchar', length: 8 })
  origin!: PaymentMatchOrigin;

  @Column({ type: 'uuid', name: 'decided_by_staff_user_id', nullable: true })
  decidedByStaffUserId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a person verified or rejected it.' })
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}

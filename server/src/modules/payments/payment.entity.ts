import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/** Where money applied to a booking came from. */
export enum PaymentSource {
  CARD = 'CARD',
  BANK = 'BANK',
  MANUAL = 'MANUAL',
}
registerEnumType(PaymentSource, { name: 'PaymentSource' });

/** What a payment paid for; a refund is negative. */
export enum PaymentKind {
  DEPOSIT = 'DEPOSIT',
  FULL = 'FULL',
  BALANCE = 'BALANCE',
  BALANCE_WITH_TIP = 'BALANCE_WITH_TIP',
  REFUND = 'REFUND',
}
registerEnumType(PaymentKind, { name: 'PaymentKind' });

/**
 * One row of the payments ledger: money applied to a booking (negative for a refund), stored
 * once per (source, external id). A booking's paid amount is the sum of its rows.
 */
@Entity({ name: 'payment' })
@ObjectType({ description: 'Money applied to a booking: a card payment, a bank credit matched to it, or a refund (negative).' })
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Payment', this.id);
  }

  @Column({ type: 'uuid', name: 'booking_id' })
  bookingId!: string;

  @Field(() => PaymentSource)
  @Column({ type: 'varchar', length: 10 })
  source!: PaymentSource;

  @Field(() => PaymentKind)
  @Column({ type: 'varchar', length: 20 })
  kind!: PaymentKind;

  @Field(() => Int, { description: 'In cents; negative for a refund.' })
  @Column({ type: 'integer', name: 'amount_cents' })
  amountCents!: number;

  @Field(() => String, { description: 'The provider’s id: the Stripe payment intent or refund, or the bank transaction.' })
  @Column({ type: 'varchar', length: 255, name: 'external_id' })
  externalId!: string;

  @Field(() => Date, { description: 'When the money moved.' })
  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt!: Date;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}

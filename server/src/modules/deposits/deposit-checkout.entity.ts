import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

export enum DepositCheckoutStatus {
  /** Waiting for the customer to pay. */
  OPEN = 'OPEN',
  PAID = 'PAID',
  /** The card vendor's session ran out unpaid; asking again makes a new one. */
  EXPIRED = 'EXPIRED',
}
registerEnumType(DepositCheckoutStatus, { name: 'DepositCheckoutStatus' });

/** The checkout of one booking's deposit: one per booking and amount, whoever asks and however often. */
@ObjectType({ description: 'Where a customer pays a booking’s deposit by card.' })
@Entity({ name: 'deposit_checkout' })
export class DepositCheckout {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('DepositCheckout', this.id);
  }

  @Column({ type: 'uuid', name: 'booking_id' })
  bookingId!: string;

  @Field(() => ID, { name: 'bookingId' })
  get bookingGlobalId(): string {
    return toGlobalId('Booking', this.bookingId);
  }

  @Field(() => Int, { description: 'The deposit asked for, in cents: the booking’s deposit, never below $100.' })
  @Column({ type: 'integer', name: 'amount_cents' })
  amountCents!: number;

  @Field(() => DepositCheckoutStatus)
  @Column({ type: 'varchar', length: 10 })
  status!: DepositCheckoutStatus;

  @Field(() => String, { nullable: true, description: 'Who takes the payment: stripe, or local (the checkout page of this server, used without Stripe keys).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  provider!: 'stripe' | 'local' | null;

  @Column({ type: 'integer' })
  attempt!: number;

  @Field(() => String, { nullable: true, description: 'The card vendor’s checkout session id.' })
  @Column({ type: 'varchar', length: 255, name: 'provider_session_id', nullable: true })
  providerSessionId!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the customer pays (Stripe Checkout, or the local checkout page).' })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the payment page stops taking payment; a new one is made when asked again after.' })
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  /** The ledger's external id of the payment (a Stripe payment intent, or the local one). */
  @Column({ type: 'varchar', length: 255, name: 'payment_id', nullable: true })
  paymentId!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'paid_at', nullable: true })
  paidAt!: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

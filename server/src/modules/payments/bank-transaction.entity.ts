import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/** Where a bank line came from: the Plaid feed, or a statement a person uploaded. */
export enum BankTransactionSource {
  PLAID = 'PLAID',
  UPLOAD = 'UPLOAD',
}
registerEnumType(BankTransactionSource, { name: 'BankTransactionSource' });

/** One line of the business's bank account: a credit (money in, positive) or a debit. */
@Entity({ name: 'bank_transaction' })
@ObjectType({ description: 'A line of the business’s bank account, from the bank feed or an uploaded statement.' })
export class BankTransaction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('BankTransaction', this.id);
  }

  @Field(() => BankTransactionSource)
  @Column({ type: 'varchar', length: 10 })
  source!: BankTransactionSource;

  @Column({ type: 'uuid', name: 'connection_id', nullable: true })
  connectionId!: string | null;

  @Column({ type: 'varchar', length: 255, name: 'external_id' })
  externalId!: string;

  @Column({ type: 'varchar', length: 255, name: 'account_id', nullable: true })
  accountId!: string | null;

  @Field(() => Int, { description: 'In cents: positive is money in (a credit), negative a debit.' })
  @Column({ type: 'integer', name: 'amount_cents' })
  amountCents!: number;

  @Field(() => String, { description: 'YYYY-MM-DD, the day the bank posted it.' })
  @Column({ type: 'date', name: 'posted_on' })
  postedOn!: string;

  @Field(() => String, { description: 'The bank’s description, as the statement shows it.' })
  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, name: 'counterparty_name', nullable: true })
  counterpartyName!: string | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  pending!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the bank withdrew the line; it pays nothing once removed.' })
  @Column({ type: 'timestamptz', name: 'removed_at', nullable: true })
  removedAt!: Date | null;

  /** Bookings a person said this credit does not pay: the matcher never proposes them again. */
  @Column({ type: 'uuid', array: true, name: 'excluded_booking_ids', default: () => `'{}'` })
  excludedBookingIds!: string[];

  @Field(() => Date, { nullable: true, description: 'When it was applied to a booking; null while unmatched.' })
  @Column({ type: 'timestamptz', name: 'matched_at', nullable: true })
  matchedAt!: Date | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}

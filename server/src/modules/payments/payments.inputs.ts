import { IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PaymentKind } from './payment.entity';

@InputType({ description: 'Money received outside the card and bank feeds (cash, a check), or given back.' })
export class RecordManualPaymentInput {
  @Field(() => ID)
  bookingId!: string;

  @Field(() => Int, { description: 'In cents, positive; a REFUND is recorded as money given back.' })
  @IsInt({ message: 'Amount: enter a whole number of cents.' })
  @Min(1, { message: 'Amount: enter an amount above $0.' })
  @Max(10_000_000, { message: 'Amount: enter at most $100,000.' })
  amountCents!: number;

  @Field(() => PaymentKind)
  kind!: PaymentKind;

  @Field(() => String, { description: 'The receipt or check number: recording the same reference twice records it once.' })
  @MinLength(1, { message: 'Reference: enter the receipt or check number.' })
  @MaxLength(100, { message: 'Reference: use at most 100 characters.' })
  reference!: string;

  @Field(() => Date, { nullable: true, description: 'When the money changed hands; now when left out.' })
  occurredAt?: Date | null;
}

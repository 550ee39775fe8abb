import { IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ConnectionArgs } from '../../shared/graphql/connection';
import { PaymentKind } from './payment.entity';
import { PaymentMatchStatus, PaymentMatchType } from './payment-match.entity';

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

@InputType()
export class MatchPaymentInput {
  @Field(() => ID, { description: 'The bank credit.' })
  bankTransactionId!: string;

  @Field(() => ID)
  bookingId!: string;

  @Field(() => PaymentMatchType, { nullable: true, description: 'What it pays; worked out from the amount and what is due when left out.' })
  type?: PaymentMatchType | null;
}

@InputType()
export class PaymentMatchIdInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class UploadBankStatementInput {
  @Field(() => String, { nullable: true, description: 'The file’s name, for the log.' })
  @MaxLength(255, { message: 'File name: use at most 255 characters.' })
  fileName?: string | null;

  @Field(() => String, { description: 'The whole file: a CSV or OFX/QFX export of the bank account.' })
  @MaxLength(900_000, { message: 'File: this file is too large to upload here (at most 900 KB); upload a shorter period.' })
  text!: string;
}

@ArgsType()
export class PaymentMatchesArgs extends ConnectionArgs {
  @Field(() => PaymentMatchStatus, { nullable: true, description: 'Default SUGGESTED: the review queue.' })
  status?: PaymentMatchStatus | null;
}

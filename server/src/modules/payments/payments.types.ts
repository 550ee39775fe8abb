import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Booking } from '../bookings/booking.entity';
import { BankTransaction } from './bank-transaction.entity';
import { Payment } from './payment.entity';
import { PaymentMatch } from './payment-match.entity';

@ObjectType()
export class RecordManualPaymentPayload extends MutationPayload {
  @Field(() => Payment, { nullable: true, description: 'The ledger row; the one recorded before when this reference was recorded already.' })
  payment?: Payment | null;

  @Field(() => Booking, { nullable: true, description: 'The booking with its paid amount after the payment.' })
  booking?: Booking | null;
}

@ObjectType()
export class PaymentMatchPayload extends MutationPayload {
  @Field(() => PaymentMatch, { nullable: true, description: 'The match after the change; null when userErrors is not empty.' })
  paymentMatch?: PaymentMatch | null;
}

@ObjectType()
export class RematchPayload extends MutationPayload {
  @Field(() => Int, { description: 'Unmatched credits looked at.' })
  examined!: number;

  @Field(() => Int, { description: 'Of those, applied to a booking now.' })
  applied!: number;

  @Field(() => Int, { description: 'Of those, with suggestions waiting for review.' })
  suggested!: number;
}

@ObjectType()
export class UploadBankStatementPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'How the file was read: OFX, CHASE_CSV, BANK_OF_AMERICA_CSV, WELLS_FARGO_CSV or CSV.' })
  format?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lines in the file. Null when userErrors is not empty.' })
  lines?: number | null;

  @Field(() => Int, { nullable: true, description: 'Lines stored now; the others were imported before. Null when userErrors is not empty.' })
  added?: number | null;

  @Field(() => Int, { nullable: true, description: 'Credits (money in) among the lines stored now. Null when userErrors is not empty.' })
  credits?: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those credits, applied to a booking at once. Null when userErrors is not empty.' })
  applied?: number | null;
}

@ObjectType({ description: 'One credit of the week: its match, or why it has none.' })
export class ReconciliationLine {
  @Field(() => BankTransaction)
  transaction!: BankTransaction;

  @Field(() => String, { description: 'MATCHED, SUGGESTED (waiting for review), UNMATCHED, PENDING (at the bank) or REMOVED (withdrawn by the bank).' })
  state!: string;

  @Field(() => PaymentMatch, { nullable: true, description: 'The applied match, or the best suggestion while it waits.' })
  match!: PaymentMatch | null;

  @Field(() => String, { nullable: true, description: 'The booking it pays or may pay ("HB-1A2B3C").' })
  bookingReference!: string | null;

  @Field(() => String)
  explanation!: string;
}

@ObjectType({ description: 'Every bank credit posted in a week (Monday to Sunday), with its match or why none.' })
export class ReconciliationReport {
  @Field(() => String) weekStart!: string;
  @Field(() => String) weekEnd!: string;
  @Field(() => [ReconciliationLine]) lines!: ReconciliationLine[];
  @Field(() => Int, { description: 'Credits of the week, less those the bank withdrew.' }) creditCents!: number;
  @Field(() => Int) matchedCents!: number;
  @Field(() => Int, { description: 'Settled credits not applied to a booking yet.' }) unmatchedCents!: number;
  @Field(() => String, { description: 'The same report as CSV: GET this path with the Authorization header.' }) csvPath!: string;
}

import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Booking } from '../bookings/booking.entity';
import { Payment } from './payment.entity';

@ObjectType()
export class RecordManualPaymentPayload extends MutationPayload {
  @Field(() => Payment, { nullable: true, description: 'The ledger row; the one recorded before when this reference was recorded already.' })
  payment?: Payment | null;

  @Field(() => Booking, { nullable: true, description: 'The booking with its paid amount after the payment.' })
  booking?: Booking | null;
}

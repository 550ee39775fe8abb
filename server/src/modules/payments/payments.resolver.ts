import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { AdminOnly, StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import { Booking } from '../bookings/booking.entity';
import { Payment } from './payment.entity';
import { RecordManualPaymentInput } from './payments.inputs';
import type { PaymentsService } from './payments.service';
import { RecordManualPaymentPayload } from './payments.types';

@Resolver(() => Payment)
export class PaymentsResolver {
  constructor(private readonly payments: PaymentsService) {}

  @Mutation(() => RecordManualPaymentPayload, { description: 'Record money received in person (cash, a check) or given back, against a booking. Idempotent on the reference.' })
  @AdminOnly()
  async recordManualPayment(@Arg('input', () => RecordManualPaymentInput) input: RecordManualPaymentInput): Promise<RecordManualPaymentPayload> {
    const { payment, booking } = await this.payments.recordManualPayment({
      bookingGlobalId: input.bookingId,
      amountCents: input.amountCents,
      kind: input.kind,
      reference: input.reference.trim(),
      occurredAt: input.occurredAt ?? new Date(),
    });
    return { payment, booking, userErrors: [] };
  }

  @FieldResolver(() => Booking, { nullable: true })
  booking(@Root() payment: Payment, @Ctx() context: RequestContext): Promise<Booking | null> {
    return context.loaders.bookingById.load(payment.bookingId);
  }
}

/** A booking's payment history, read through the request's loader: one statement for a page of bookings. */
@Resolver(() => Booking)
export class BookingPaymentsResolver {
  @FieldResolver(() => [Payment], { description: 'Money applied to this booking, oldest first: card payments, matched bank credits, manual payments and refunds.' })
  @StaffOnly(ApiScope.BOOKINGS_READ)
  payments(@Root() booking: Booking, @Ctx() context: RequestContext): Promise<Payment[]> {
    return context.loaders.paymentsByBookingId.load(booking.id);
  }
}

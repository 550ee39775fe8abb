import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import { Booking } from '../bookings/booking.entity';
import { ScheduledMessage } from './reminders.types';

/** A booking's reminders and review request, read through the request's loader: one statement for a page of bookings. */
@Resolver(() => Booking)
export class BookingScheduledMessagesResolver {
  @FieldResolver(() => [ScheduledMessage], { description: 'Its reminders and review request: sent, skipped (with the reason), cancelled, and still to go.' })
  @StaffOnly(ApiScope.BOOKINGS_READ)
  scheduledMessages(@Root() booking: Booking, @Ctx() context: RequestContext): Promise<ScheduledMessage[]> {
    return context.loaders.scheduledMessagesByBooking.load(booking);
  }
}

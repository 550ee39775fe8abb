import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import type { Connection } from '../../shared/graphql/connection';
import { Conversation } from '../conversations/conversation.entity';
import { Customer } from '../customers/customer.entity';
import { TravelQuote } from '../travel/travel-quote.entity';
import { Booking } from './booking.entity';
import { BookingTopic, type BookingUpdatedPayload } from './bookings.events';
import { DayRoute } from './day-route';
import { fromSnapshot, type BookingsService } from './bookings.service';
import { BookingChangeKind, BookingConnection, BookingPayload, BookingsArgs, BookingUpdatedEvent, CancelBookingInput, DayRoutePayload, CreateBookingInput, UpdateBookingInput } from './bookings.types';

/** Bookings as staff and integrators read and change them. Relations load through the request's loaders. */
@Resolver(() => Booking)
export class BookingsResolver {
  constructor(private readonly service: BookingsService) {}

  @Query(() => BookingConnection, { description: 'Bookings, soonest event first.' })
  @StaffOnly(ApiScope.BOOKINGS_READ)
  bookings(@Args(() => BookingsArgs) args: BookingsArgs): Promise<Connection<Booking>> {
    const { status, eventDateFrom, eventDateTo, customerId, sourceChannel, search, ...page } = args;
    return this.service.list({ status, eventDateFrom, eventDateTo, customerId, sourceChannel, search: search?.trim() || undefined }, page);
  }

  @Query(() => Booking, { nullable: true })
  @StaffOnly(ApiScope.BOOKINGS_READ)
  booking(@Arg('id', () => ID) id: string): Promise<Booking | null> {
    return this.service.findByGlobalId(id);
  }

  @Query(() => DayRoute, { description: "The day's confirmed events ordered into a drive from the base, with the travel fee each would have under the clustering rule." })
  @StaffOnly(ApiScope.BOOKINGS_READ)
  dayRoute(@Arg('date', () => String, { description: 'YYYY-MM-DD, business time zone.' }) date: string): Promise<DayRoute> {
    return this.service.dayRoute(date);
  }

  @Mutation(() => DayRoutePayload, { description: "Sets each of the day's confirmed bookings to the travel fee the clustering rule gives it." })
  @StaffOnly(ApiScope.BOOKINGS_WRITE)
  async applyClusterDiscounts(@Arg('date', () => String) date: string): Promise<DayRoutePayload> {
    return { route: await this.service.applyClusterDiscounts(date), userErrors: [] };
  }

  @FieldResolver(() => Customer)
  async customer(@Root() booking: Booking, @Ctx() context: RequestContext): Promise<Customer> {
    const customer = await context.loaders.customerById.load(booking.customerId);
    if (!customer) throw new Error(`customer ${booking.customerId} of booking ${booking.id} does not exist`);
    return customer;
  }

  @FieldResolver(() => Conversation, { nullable: true, description: 'The thread the booking was made or confirmed in.' })
  conversation(@Root() booking: Booking, @Ctx() context: RequestContext): Promise<Conversation | null> | null {
    return booking.conversationId ? context.loaders.conversationById.load(booking.conversationId) : null;
  }

  @FieldResolver(() => TravelQuote, { nullable: true, description: 'The drive to the event and its fee, quoted when the booking was made or its address or time last changed.' })
  travelQuote(@Root() booking: Booking, @Ctx() context: RequestContext): Promise<TravelQuote | null> | null {
    return booking.travelQuoteId ? context.loaders.travelQuoteById.load(booking.travelQuoteId) : null;
  }

  @Mutation(() => BookingPayload)
  @StaffOnly(ApiScope.BOOKINGS_WRITE)
  async createBooking(@Arg('input', () => CreateBookingInput) input: CreateBookingInput): Promise<BookingPayload> {
    return { booking: await this.service.create(input), userErrors: [] };
  }

  @Mutation(() => BookingPayload, { description: 'Changes the details; status PENDING_TERMS sends the terms of an inquiry.' })
  @StaffOnly(ApiScope.BOOKINGS_WRITE)
  async updateBooking(@Arg('input', () => UpdateBookingInput) input: UpdateBookingInput): Promise<BookingPayload> {
    const { id, ...changes } = input;
    return { booking: await this.service.update(id, changes), userErrors: [] };
  }

  @Mutation(() => BookingPayload)
  @StaffOnly(ApiScope.BOOKINGS_WRITE)
  async cancelBooking(@Arg('input', () => CancelBookingInput) input: CancelBookingInput): Promise<BookingPayload> {
    return { booking: await this.service.cancel(input.id, input.reason), userErrors: [] };
  }

  @Subscription(() => BookingUpdatedEvent, { topics: BookingTopic.UPDATED, description: 'A booking made or changed, from any instance, after it committed.' })
  @StaffOnly(ApiScope.BOOKINGS_READ)
  bookingUpdated(@Root() event: BookingUpdatedPayload): BookingUpdatedEvent {
    return { change: BookingChangeKind[event.change], booking: fromSnapshot(event.booking), occurredAt: new Date(event.occurredAt) };
  }
}

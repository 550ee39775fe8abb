import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import type { Connection } from '../../shared/graphql/connection';
import { preload, preloadedValueOr } from '../../shared/graphql/preloaded';
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
  async bookings(@Args(() => BookingsArgs) args: BookingsArgs, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Connection<Booking>> {
    const { status, eventDateFrom, eventDateTo, customerId, sourceChannel, search, ...page } = args;
    const found = await this.service.list({ status, eventDateFrom, eventDateTo, customerId, sourceChannel, search: search?.trim() || undefined }, page);
    await preloadPage(found.edges.map((edge) => edge.node), requestedNodeFields(info), context);
    return found;
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
  customer(@Root() booking: Booking, @Ctx() context: RequestContext): Customer | Promise<Customer> {
    return preloadedValueOr(booking, 'customer', async () => {
      const customer = await context.loaders.customerById.load(booking.customerId);
      if (!customer) throw new Error(`customer ${booking.customerId} of booking ${booking.id} does not exist`);
      return customer;
    });
  }

  @FieldResolver(() => Conversation, { nullable: true, description: 'The thread the booking was made or confirmed in.' })
  conversation(@Root() booking: Booking, @Ctx() context: RequestContext): Conversation | null | Promise<Conversation | null> {
    if (!booking.conversationId) return null;
    const conversationId = booking.conversationId;
    return preloadedValueOr(booking, 'conversation', () => context.loaders.conversationById.load(conversationId));
  }

  @FieldResolver(() => TravelQuote, { nullable: true, description: 'The drive to the event and its fee, quoted when the booking was made or its address or time last changed.' })
  travelQuote(@Root() booking: Booking, @Ctx() context: RequestContext): TravelQuote | null | Promise<TravelQuote | null> {
    if (!booking.travelQuoteId) return null;
    const quoteId = booking.travelQuoteId;
    return preloadedValueOr(booking, 'travelQuote', () => context.loaders.travelQuoteById.load(quoteId));
  }

  @Mutation(() => BookingPayload)
  @StaffOnly(ApiScope.BOOKINGS_WRITE)
  async createBooking(@Arg('input', () => CreateBookingInput, { validate: false }) input: CreateBookingInput): Promise<BookingPayload> {
    return { booking: await this.service.create(input), userErrors: [] };
  }

  @Mutation(() => BookingPayload, { description: 'Changes the details; status PENDING_TERMS sends the terms of an inquiry.' })
  @StaffOnly(ApiScope.BOOKINGS_WRITE)
  async updateBooking(@Arg('input', () => UpdateBookingInput, { validate: false }) input: UpdateBookingInput): Promise<BookingPayload> {
    const { id, ...changes } = input;
    return { booking: await this.service.update(id, changes, input), userErrors: [] };
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

/**
 * The fields a `bookings` query asks of each booking (edges.node), by name. Worked out once per
 * field of a parsed document and set of variables (directives may depend on them): a console
 * asks the same query all day.
 */
const requestedByField = new WeakMap<object, Map<string, Set<string>>>();
function requestedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const byVariables = requestedByField.get(info.fieldNodes[0]) ?? new Map<string, Set<string>>();
  requestedByField.set(info.fieldNodes[0], byVariables);
  const key = JSON.stringify(info.variableValues);
  let fields = byVariables.get(key);
  if (!fields) {
    fields = readRequestedNodeFields(info);
    if (byVariables.size >= 50) byVariables.clear();
    byVariables.set(key, fields);
  }
  return fields;
}

function readRequestedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const fieldsOf = (node: ResolveTree | undefined) => Object.values(node?.fieldsByTypeName ?? {}).flatMap((fields) => Object.values(fields));
  const nodes = fieldsOf(tree ?? undefined)
    .filter((field) => field.name === 'edges')
    .flatMap(fieldsOf)
    .filter((field) => field.name === 'node');
  return new Set(nodes.flatMap(fieldsOf).map((field) => field.name));
}

/**
 * Reads the relations the query asks for, for the whole page at once (through the request's
 * loaders, one statement each), and attaches them to the bookings, so each row's fields answer
 * without a promise.
 */
async function preloadPage(bookings: Booking[], wanted: Set<string>, context: RequestContext): Promise<void> {
  const { loaders } = context;
  const [customers, quotes, conversations] = await Promise.all([
    wanted.has('customer') ? loaders.customerById.loadMany(bookings.map((b) => b.customerId)) : null,
    wanted.has('travelQuote') ? loaders.travelQuoteById.loadMany(bookings.flatMap((b) => (b.travelQuoteId ? [b.travelQuoteId] : []))) : null,
    wanted.has('conversation') ? loaders.conversationById.loadMany(bookings.flatMap((b) => (b.conversationId ? [b.conversationId] : []))) : null,
  ]);
  const byId = <T extends { id: string }>(rows: Array<T | Error | null> | null) => new Map((rows ?? []).filter((row): row is T => row !== null && !(row instanceof Error)).map((row) => [row.id, row]));
  const [customerById, quoteById, conversationById] = [byId(customers), byId(quotes), byId(conversations)];
  for (const booking of bookings) {
    const relations: Record<string, unknown> = {};
    if (customerById.has(booking.customerId)) relations.customer = customerById.get(booking.customerId);
    if (booking.travelQuoteId && quoteById.has(booking.travelQuoteId)) relations.travelQuote = quoteById.get(booking.travelQuoteId);
    if (booking.conversationId && conversationById.has(booking.conversationId)) relations.conversation = conversationById.get(booking.conversationId);
    preload(booking, relations);
  }
}

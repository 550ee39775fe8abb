import { DateTime } from 'luxon';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../shared/graphql/global-id';
import { clusterDiscounts, orderRoute, type ClusterRules } from '../travel/day-route';
import { ROUTE_BASE_ID, type DayDrives } from '../travel/travel.service';
import { Booking } from './booking.entity';

/** What the day's route needs of the travel module. */
export interface RouteDrives {
  driveMatrix(params: { stops: ReadonlyArray<{ id: string; address: string }>; departure?: Date }): Promise<DayDrives>;
  readonly clusterRules: ClusterRules;
}

@ObjectType({ description: "One event of the day's route, in driving order." })
export class RouteStop {
  @Field(() => Int, { description: '1 for the first event driven to.' })
  position!: number;

  @Field(() => Booking)
  booking!: Booking;

  @Field(() => Float, { description: 'Miles from the base or the previous event.' })
  milesFromPrevious!: number;

  @Field(() => Int)
  minutesFromPrevious!: number;

  @Field(() => Int, { description: "The booking's travel fee now." })
  travelFeeCents!: number;

  @Field(() => Int, { description: 'The fee the clustering rule gives it (its quoted fee less the discount).' })
  clusteredTravelFeeCents!: number;

  @Field(() => Int)
  clusterDiscountCents!: number;

  @Field(() => [ID], { description: 'The other bookings of the day within the cluster radius.' })
  clusteredWith!: string[];
}

@ObjectType({ description: "A day's confirmed events ordered into a drive from the base." })
export class DayRoute {
  @Field(() => String)
  date!: string;

  @Field(() => String)
  baseAddress!: string;

  @Field(() => [RouteStop])
  stops!: RouteStop[];

  @Field(() => Float)
  totalMiles!: number;

  @Field(() => Int, { description: 'Driving only, base to the last event.' })
  totalMinutes!: number;

  @Field(() => [Booking], { description: 'Events no road reaches from the base: for staff to plan by hand.' })
  unreachable!: Booking[];

  @Field(() => Boolean, { description: 'Miles and minutes are an offline estimate, not road routes.' })
  estimate!: boolean;

  @Field(() => Float)
  clusterRadiusMiles!: number;

  @Field(() => Int)
  clusterDiscountPercent!: number;
}

/**
 * Orders a day's bookings into a route from the base (drives from the travel provider, first
 * leg leaving in time for the earliest event) and works out the clustering discount of each.
 * `quotedFees` holds each booking's fee before any discount (its travel quote's).
 */
export async function planDayRoute(
  date: string,
  bookings: readonly Booking[],
  quotedFees: ReadonlyMap<string, number>,
  drives: RouteDrives,
  timeZone: string,
): Promise<DayRoute> {
  const rules = drives.clusterRules;
  const empty = { date, stops: [], totalMiles: 0, totalMinutes: 0, unreachable: [], clusterRadiusMiles: rules.radiusMiles, clusterDiscountPercent: rules.discountPercent };
  if (bookings.length === 0) {
    const base = await drives.driveMatrix({ stops: [] });
    return { ...empty, baseAddress: base.base.formattedAddress, estimate: base.estimate };
  }
  const earliest = [...bookings].sort((a, b) => a.startTime.localeCompare(b.startTime))[0];
  const departure = DateTime.fromISO(`${date}T${earliest.startTime}`, { zone: timeZone });
  const matrix = await drives.driveMatrix({
    stops: bookings.map((booking) => ({ id: booking.id, address: booking.address })),
    departure: departure.isValid && departure.toMillis() > Date.now() ? departure.toJSDate() : undefined,
  });
  const route = orderRoute(ROUTE_BASE_ID, bookings.map((booking) => booking.id), matrix.distances);
  const located = new Map(matrix.stops.map((stop) => [stop.id, stop.location]));
  const discounts = new Map(
    clusterDiscounts(
      bookings.map((booking) => ({ id: booking.id, location: located.get(booking.id)!, feeCents: quotedFees.get(booking.id) ?? booking.travelFeeCents })),
      rules,
    ).map((discount) => [discount.id, discount]),
  );
  const byId = new Map(bookings.map((booking) => [booking.id, booking]));
  const stops = route.order.map((id, index): RouteStop => {
    const leg = route.legs[index];
    const discount = discounts.get(id)!;
    return {
      position: index + 1,
      booking: byId.get(id)!,
      milesFromPrevious: leg.miles,
      minutesFromPrevious: leg.minutes,
      travelFeeCents: byId.get(id)!.travelFeeCents,
      clusteredTravelFeeCents: discount.discountedFeeCents,
      clusterDiscountCents: discount.discountCents,
      clusteredWith: discount.clusteredWith.map((other) => toGlobalId('Booking', other)),
    };
  });
  return {
    ...empty,
    baseAddress: matrix.base.formattedAddress,
    estimate: matrix.estimate,
    stops,
    totalMiles: route.totalMiles,
    totalMinutes: route.totalMinutes,
    unreachable: route.unreachable.map((id) => byId.get(id)!),
  };
}

import { getDistance } from 'geolib';
import type { DriveLeg, LatLng } from './travel.port';

/**
 * SPEC §4 "going further": the events of one day ordered into a route from the base, and the
 * travel fees of events that cluster reduced. Pure functions over ids, so the bookings module
 * can key stops by booking id and feed them distances from `TravelService.driveMatrix`.
 */

/** Drives between any two points of a day, by id; null or undefined when no road joins them. */
export interface DistanceTable {
  leg(from: string, to: string): DriveLeg | null | undefined;
}

export interface RouteLeg {
  from: string;
  to: string;
  miles: number;
  minutes: number;
}

export interface OrderedRoute {
  /** Stop ids in driving order (the base not included). */
  order: string[];
  /** base -> first stop -> ... -> last stop (-> base when asked). */
  legs: RouteLeg[];
  totalMiles: number;
  totalMinutes: number;
  /** Stops no road reaches from the base: left out of the route for staff to handle. */
  unreachable: string[];
}

/**
 * Orders stops by nearest neighbour from the base, then improves the order with 2-opt (reverse
 * a stretch whenever that shortens the drive) until no reversal helps. Miles decide; ties go to
 * fewer minutes, then to the smaller id, so the same day always gives the same route. A day has
 * a handful of events, so the exhaustive 2-opt passes cost nothing.
 */
export function orderRoute(base: string, stops: readonly string[], distances: DistanceTable, options: { returnToBase?: boolean } = {}): OrderedRoute {
  const unique = [...new Set(stops)].filter((stop) => stop !== base).sort();
  const unreachable = unique.filter((stop) => !distances.leg(base, stop));
  const reachable = unique.filter((stop) => distances.leg(base, stop));

  const cost = (from: string, to: string): [number, number] => {
    const leg = distances.leg(from, to);
    return leg ? [leg.miles, leg.minutes] : [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  };

  // Nearest neighbour.
  const order: string[] = [];
  const left = new Set(reachable);
  let at = base;
  while (left.size > 0) {
    let best: string | undefined;
    let bestCost: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (const candidate of left) {
      const candidateCost = cost(at, candidate);
      if (best === undefined || lessThan(candidateCost, bestCost) || (equal(candidateCost, bestCost) && candidate < best)) {
        best = candidate;
        bestCost = candidateCost;
      }
    }
    order.push(best!);
    left.delete(best!);
    at = best!;
  }

  // 2-opt on the path base -> order (-> base).
  const pathCost = (path: string[]): [number, number] => {
    const points = [base, ...path, ...(options.returnToBase ? [base] : [])];
    let total: [number, number] = [0, 0];
    for (let i = 1; i < points.length; i++) total = add(total, cost(points[i - 1], points[i]));
    return total;
  };
  let current = order;
  let currentCost = pathCost(current);
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 0; i < current.length - 1; i++) {
      for (let j = i + 1; j < current.length; j++) {
        const candidate = [...current.slice(0, i), ...current.slice(i, j + 1).reverse(), ...current.slice(j + 1)];
        const candidateCost = pathCost(candidate);
        if (lessThan(candidateCost, currentCost)) {
          current = candidate;
          currentCost = candidateCost;
          improved = true;
        }
      }
    }
  }

  const points = [base, ...current, ...(options.returnToBase && current.length > 0 ? [base] : [])];
  const legs: RouteLeg[] = [];
  for (let i = 1; i < points.length; i++) {
    const leg = distances.leg(points[i - 1], points[i]);
    legs.push({ from: points[i - 1], to: points[i], miles: leg?.miles ?? Number.NaN, minutes: leg?.minutes ?? Number.NaN });
  }
  return {
    order: current,
    legs,
    totalMiles: Math.round(legs.reduce((sum, leg) => sum + leg.miles, 0) * 10) / 10,
    totalMinutes: legs.reduce((sum, leg) => sum + leg.minutes, 0),
    unreachable,
  };
}

const EPSILON = 1e-9;
const lessThan = (a: [number, number], b: [number, number]) => a[0] < b[0] - EPSILON || (Math.abs(a[0] - b[0]) <= EPSILON && a[1] < b[1] - EPSILON);
const equal = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) <= EPSILON && Math.abs(a[1] - b[1]) <= EPSILON;
const add = (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]];

export interface ClusterRules {
  /** Events this close (straight line) to another event of the day cluster. */
  radiusMiles: number;
  /** How much of a clustered event's travel fee is taken off, 0-100. */
  discountPercent: number;
}

export interface ClusterStop {
  id: string;
  location: LatLng;
  feeCents: number;
}

export interface ClusterDiscount {
  id: string;
  feeCents: number;
  discountCents: number;
  /** What the customer pays for travel after the discount. */
  discountedFeeCents: number;
  /** The other events of the day within the radius, by id. */
  clusteredWith: string[];
}

const METERS_PER_MILE = 1609.344;

/** Straight-line miles between two points (geolib's haversine). */
export function straightLineMiles(a: LatLng, b: LatLng): number {
  return getDistance({ latitude: a.lat, longitude: a.lng }, { latitude: b.lat, longitude: b.lng }, 1) / METERS_PER_MILE;
}

/**
 * An event within `radiusMiles` of another event that day has its travel fee reduced by
 * `discountPercent` (rounded to the cent): the chef is in the area anyway. Each event gets the
 * discount once, however many neighbours it has. `milesBetween` defaults to the straight line;
 * pass road miles from a drive matrix to cluster by road instead.
 */
export function clusterDiscounts(
  stops: readonly ClusterStop[],
  rules: ClusterRules,
  milesBetween: (a: ClusterStop, b: ClusterStop) => number = (a, b) => straightLineMiles(a.location, b.location),
): ClusterDiscount[] {
  return stops.map((stop) => {
    const clusteredWith = stops.filter((other) => other.id !== stop.id && milesBetween(stop, other) <= rules.radiusMiles).map((other) => other.id);
    const discountCents = clusteredWith.length > 0 ? Math.round((stop.feeCents * rules.discountPercent) / 100) : 0;
    return { id: stop.id, feeCents: stop.feeCents, discountCents, discountedFeeCents: stop.feeCents - discountCents, clusteredWith };
  });
}

/** A DistanceTable over a drive matrix whose rows and columns are the same ids in the same order. */
export function distanceTable(ids: readonly string[], legs: ReadonlyArray<ReadonlyArray<DriveLeg | null>>): DistanceTable {
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    leg(from, to) {
      const i = index.get(from);
      const j = index.get(to);
      if (i === undefined || j === undefined) return undefined;
      if (i === j) return { miles: 0, minutes: 0 };
      return legs[i]?.[j] ?? null;
    },
  };
}

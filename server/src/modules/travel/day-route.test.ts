import { describe, expect, it } from 'vitest';
import { clusterDiscounts, distanceTable, orderRoute, straightLineMiles, type ClusterStop, type DistanceTable } from './day-route';

/** Points on a straight road: miles are the gap between positions, minutes twice that. */
function road(positions: Record<string, number>, closed: Array<[string, string]> = []): DistanceTable {
  const isClosed = (a: string, b: string) => closed.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return {
    leg(from, to) {
      if (!(from in positions) || !(to in positions) || isClosed(from, to)) return null;
      const miles = Math.abs(positions[from] - positions[to]);
      return { miles, minutes: miles * 2 };
    },
  };
}

interface RouteCase {
  name: string;
  positions: Record<string, number>;
  stops: string[];
  order: string[];
  totalMiles: number;
}

interface ClusterCase {
  name: string;
  positions: Record<string, number>;
  fees: Record<string, number>;
  expected: Record<string, [number, string[]]>;
}

describe('orderRoute', () => {
  it.each<RouteCase>([
    { name: 'no stops', positions: { base: 0 }, stops: [], order: [], totalMiles: 0 },
    { name: 'one stop', positions: { base: 0, a: 12 }, stops: ['a'], order: ['a'], totalMiles: 12 },
    { name: 'stops along one side, nearest first', positions: { base: 0, a: 10, b: 20, c: 5 }, stops: ['a', 'b', 'c'], order: ['c', 'a', 'b'], totalMiles: 20 },
    // Nearest neighbour goes a (1), b (3), c (12) = 16 miles; 2-opt finds b, a, c = 14.
    { name: 'a greedy first hop that 2-opt undoes', positions: { base: 0, a: 1, b: -2, c: 10 }, stops: ['a', 'b', 'c'], order: ['b', 'a', 'c'], totalMiles: 14 },
    { name: 'equal distances go to the smaller id', positions: { base: 0, y: 5, x: 5 }, stops: ['y', 'x'], order: ['x', 'y'], totalMiles: 5 },
    { name: 'a repeated stop and the base itself are ignored', positions: { base: 0, a: 3 }, stops: ['a', 'a', 'base'], order: ['a'], totalMiles: 3 },
  ])('$name', ({ positions, stops, order, totalMiles }) => {
    const route = orderRoute('base', stops, road(positions));
    expect(route.order).toEqual(order);
    expect(route.totalMiles).toBe(totalMiles);
    expect(route.totalMinutes).toBe(totalMiles * 2);
    expect(route.unreachable).toEqual([]);
    expect(route.legs.map((leg) => leg.from)).toEqual(['base', ...order].slice(0, order.length));
  });

  it('returns legs with miles and minutes from the table', () => {
    const route = orderRoute('base', ['a', 'b'], road({ base: 0, a: 4, b: 10 }));
    expect(route.legs).toEqual([
      { from: 'base', to: 'a', miles: 4, minutes: 8 },
      { from: 'a', to: 'b', miles: 6, minutes: 12 },
    ]);
  });

  it('drives back to the base when asked, and chooses the order for the round trip', () => {
    const route = orderRoute('base', ['a', 'b'], road({ base: 0, a: -3, b: 10 }), { returnToBase: true });
    expect(route.legs.at(-1)).toMatchObject({ to: 'base' });
    expect(route.totalMiles).toBe(26);
  });

  it('leaves out a stop no road reaches from the base', () => {
    const route = orderRoute('base', ['a', 'island'], road({ base: 0, a: 5, island: 7 }, [['base', 'island']]));
    expect(route.order).toEqual(['a']);
    expect(route.unreachable).toEqual(['island']);
  });

  it('reads a drive matrix through distanceTable', () => {
    const ids = ['base', 'a', 'b'];
    const legs = [
      [null, { miles: 9, minutes: 15 }, { miles: 2, minutes: 4 }],
      [{ miles: 9, minutes: 15 }, null, { miles: 8, minutes: 12 }],
      [{ miles: 2, minutes: 4 }, { miles: 8, minutes: 12 }, null],
    ];
    const route = orderRoute('base', ['a', 'b'], distanceTable(ids, legs));
    expect(route.order).toEqual(['b', 'a']);
    expect(route.totalMiles).toBe(10);
    expect(route.totalMinutes).toBe(16);
  });
});

describe('clusterDiscounts', () => {
  const rules = { radiusMiles: 15, discountPercent: 50 };
  const onRoad = (positions: Record<string, number>, fees: Record<string, number>): ClusterStop[] =>
    Object.keys(positions).map((id) => ({ id, location: { lat: 0, lng: 0 }, feeCents: fees[id] }));
  const gap = (positions: Record<string, number>) => (a: ClusterStop, b: ClusterStop) => Math.abs(positions[a.id] - positions[b.id]);

  it.each<ClusterCase>([
    { name: 'a lone event pays in full', positions: { a: 0 }, fees: { a: 4000 }, expected: { a: [4000, []] } },
    { name: 'two events 10 mi apart each get half off', positions: { a: 0, b: 10 }, fees: { a: 4000, b: 2000 }, expected: { a: [2000, ['b']], b: [1000, ['a']] } },
    { name: 'exactly at the radius clusters', positions: { a: 0, b: 15 }, fees: { a: 2000, b: 2000 }, expected: { a: [1000, ['b']], b: [1000, ['a']] } },
    { name: 'just past the radius does not', positions: { a: 0, b: 15.1 }, fees: { a: 2000, b: 2000 }, expected: { a: [2000, []], b: [2000, []] } },
    { name: 'one discount however many neighbours', positions: { a: 0, b: 5, c: 9 }, fees: { a: 1000, b: 1000, c: 1000 }, expected: { a: [500, ['b', 'c']], b: [500, ['a', 'c']], c: [500, ['a', 'b']] } },
    { name: 'the middle of a chain clusters with both ends', positions: { a: 0, b: 14, c: 28 }, fees: { a: 1000, b: 1000, c: 1000 }, expected: { a: [500, ['b']], b: [500, ['a', 'c']], c: [500, ['b']] } },
    { name: 'a free event stays free', positions: { a: 0, b: 3 }, fees: { a: 0, b: 2000 }, expected: { a: [0, ['b']], b: [1000, ['a']] } },
    { name: 'odd cents round to the nearest cent', positions: { a: 0, b: 1 }, fees: { a: 2201, b: 200 }, expected: { a: [1100, ['b']], b: [100, ['a']] } },
  ])('$name', ({ positions, fees, expected }) => {
    const result = clusterDiscounts(onRoad(positions, fees), rules, gap(positions));
    for (const item of result) {
      const [discountedFeeCents, clusteredWith] = expected[item.id];
      expect(item).toEqual({ id: item.id, feeCents: fees[item.id], discountCents: item.feeCents - discountedFeeCents, discountedFeeCents, clusteredWith });
    }
  });

  it('follows the configured percent', () => {
    const [a] = clusterDiscounts(onRoad({ a: 0, b: 1 }, { a: 3000, b: 3000 }), { radiusMiles: 15, discountPercent: 20 }, gap({ a: 0, b: 1 }));
    expect(a.discountedFeeCents).toBe(2400);
  });

  it('measures the straight line between event locations by default', () => {
    const downtown: ClusterStop = { id: 'downtown', location: { lat: 38.5804, lng: -121.4922 }, feeCents: 1600 }; // Sacramento 95814
    const nearby: ClusterStop = { id: 'nearby', location: { lat: 38.5616, lng: -121.4695 }, feeCents: 1600 }; // Sacramento 95816
    const farAway: ClusterStop = { id: 'far', location: { lat: 37.5308, lng: -121.9712 }, feeCents: 8000 }; // Fremont 94538
    expect(straightLineMiles(downtown.location, nearby.location)).toBeLessThan(3);
    const result = clusterDiscounts([downtown, nearby, farAway], rules);
    expect(result.map((r) => [r.id, r.discountedFeeCents])).toEqual([
      ['downtown', 800],
      ['nearby', 800],
      ['far', 8000],
    ]);
  });
});

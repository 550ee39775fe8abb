import { describe, expect, it } from 'vitest';
import { MATRIX_LIMITS, outcomeOf, planMatrixBatches, readElement, readGeocode } from './google-maps.mapper';

describe('outcomeOf', () => {
  it.each([
    ['OK', 'ok'],
    ['ZERO_RESULTS', 'not-found'],
    ['NOT_FOUND', 'not-found'],
    ['OVER_QUERY_LIMIT', 'retry'],
    ['UNKNOWN_ERROR', 'retry'],
    ['REQUEST_DENIED', 'denied'],
    ['OVER_DAILY_LIMIT', 'denied'],
    ['INVALID_REQUEST', 'failed'],
    ['MAX_ELEMENTS_EXCEEDED', 'failed'],
    [undefined, 'failed'],
  ])('%s -> %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe('readElement', () => {
  it.each([
    ['traffic time when Google sent it', { status: 'OK', distance: { value: 64374 }, duration: { value: 2700 }, duration_in_traffic: { value: 3300 } }, { miles: 64374 / 1609.344, minutes: 55 }],
    ['plain duration without a departure time', { status: 'OK', distance: { value: 16093 }, duration: { value: 1230 } }, { miles: 16093 / 1609.344, minutes: 21 }],
    ['no road', { status: 'ZERO_RESULTS' }, null],
    ['an end Google could not place', { status: 'NOT_FOUND' }, null],
    ['a malformed element', { status: 'OK' }, null],
    ['a missing element', undefined, null],
  ])('%s', (_name, element, leg) => {
    expect(readElement(element)).toEqual(leg);
  });
});

describe('readGeocode', () => {
  it('reads the first result', () => {
    const body = { status: 'OK', results: [{ formatted_address: '1 Example St, Sacramento, CA 95814, USA', geometry: { location: { lat: 38.58, lng: -121.49 } } }, { formatted_address: 'other' }] };
    expect(readGeocode(body)).toEqual({ formattedAddress: '1 Example St, Sacramento, CA 95814, USA', location: { lat: 38.58, lng: -121.49 } });
  });

  it('has nothing to read in an empty or malformed answer', () => {
    expect(readGeocode({ status: 'OK', results: [] })).toBeUndefined();
    expect(readGeocode({ status: 'OK', results: [{ formatted_address: 'x' }] })).toBeUndefined();
  });
});

describe('planMatrixBatches', () => {
  it.each([
    // origins, destinations, requests
    [1, 1, 1],
    [1, 25, 1],
    [1, 30, 2],
    [1, 100, 4],
    [10, 10, 1],
    [12, 12, 2],
    [25, 25, 7],
    [30, 1, 2],
    [0, 5, 0],
  ])('%s x %s takes %s requests', (origins, destinations, requests) => {
    const batches = planMatrixBatches(origins, destinations);
    expect(batches).toHaveLength(requests);
    // Within Google's limits, and every element asked exactly once.
    const seen = new Set<string>();
    for (const { origins: [o0, o1], destinations: [d0, d1] } of batches) {
      expect(o1 - o0).toBeLessThanOrEqual(MATRIX_LIMITS.maxOrigins);
      expect(d1 - d0).toBeLessThanOrEqual(MATRIX_LIMITS.maxDestinations);
      expect((o1 - o0) * (d1 - d0)).toBeLessThanOrEqual(MATRIX_LIMITS.maxElements);
      for (let o = o0; o < o1; o++) for (let d = d0; d < d1; d++) seen.add(`${o}:${d}`);
    }
    expect(seen.size).toBe(origins * destinations);
  });

  it('splits 1 origin x 30 destinations into 25 and 5', () => {
    expect(planMatrixBatches(1, 30)).toEqual([
      { origins: [0, 1], destinations: [0, 25] },
      { origins: [0, 1], destinations: [25, 30] },
    ]);
  });
});

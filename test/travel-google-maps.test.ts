import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleMapsDistanceProvider } from '../server/src/providers/google-maps/google-maps.sdk';
import { createLogger } from '../server/src/shared/logger';
import { FAKE_MAPS_KEY, FakeGoogleMaps, googleMapsEnv, type FakePlace } from './support/fake-google-maps-server';
import { startApp, type App } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * Travel quotes through Google Maps: the real @googlemaps/google-maps-services-js in the real
 * server talks to a local server speaking the Geocoding and Distance Matrix wire formats. Each
 * test quotes addresses of its own and counts only the requests for them.
 */

const BASE: FakePlace = { match: 'Vacaville, CA 95687', formattedAddress: 'Vacaville, CA 95687, USA', lat: 38.3482, lng: -121.9538 };
const MILE = 1609.344;

/** A customer address the fake knows, 40.0 road miles from anywhere: 45 minutes, 55 in traffic. */
function place(match: string, overrides: Partial<FakePlace> = {}): FakePlace {
  const index = fake.places.length;
  const created: FakePlace = {
    match,
    formattedAddress: `${match}, CA 95814, USA`,
    lat: 38.5 + index / 1000,
    lng: -121.4 - index / 1000,
    drive: { meters: Math.round(40 * MILE), seconds: 2700, trafficSeconds: 3300 },
    ...overrides,
  };
  fake.places.push(created);
  return created;
}

let fake: FakeGoogleMaps;
let app: App;

beforeAll(async () => {
  fake = await FakeGoogleMaps.start({ places: [BASE] });
  app = await startApp({
    extension101: false,
    env: { ...googleMapsEnv(fake), BUSINESS_TIME_ZONE: 'America/Los_Angeles', PROVIDER_TIMEOUT_SECONDS: '1', JOB_TIMEOUT_SECONDS: '10' },
  });
  // Place the base once, so a failure scripted by a test is never spent on it.
  place('1 Warmup Way Sacramento');
  expect((await quote({ address: '1 Warmup Way Sacramento' })).userErrors).toEqual([]);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const QUOTE = /* GraphQL */ `
  mutation Quote($input: QuoteTravelInput!) {
    quoteTravel(input: $input) {
      quote { id address formattedAddress miles driveMinutes feeCents band declined declineReason estimate provider departureAt }
      userErrors { field message code }
    }
  }
`;

async function quote(input: { address: string; eventDate?: string; startTime?: string }) {
  const response = await graphql(app.server.url, QUOTE, { input }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.quoteTravel as { quote: any; userErrors: Array<{ field: string | null; message: string; code: string }> };
}

const storedQuotes = async (address: string) => (await app.db.query('SELECT * FROM travel_quote WHERE address = $1 ORDER BY created_at', [address])).rows;
const matrixRequestsTo = (target: FakePlace) => fake.requests('distancematrix').filter((request) => request.query.get('destinations') === `${target.lat},${target.lng}`);

describe('quotes through Google Maps', () => {
  it('use the road distance and the traffic time at the event start, and store Google’s answers', async () => {
    const address = '100 Sample Ln, Sacramento';
    const target = place(address);
    const { quote: q, userErrors } = await quote({ address, eventDate: '2031-07-04', startTime: '18:30' });
    expect(userErrors).toEqual([]);
    expect(q).toMatchObject({
      formattedAddress: '100 Sample Ln, Sacramento, CA 95814, USA',
      miles: 40,
      driveMinutes: 55, // duration_in_traffic, not duration
      feeCents: 2000,
      band: 'SECONDARY',
      estimate: false,
      provider: 'google-maps',
      departureAt: '2031-07-05T01:30:00.000Z', // 18:30 in Los Angeles
    });

    const [request] = matrixRequestsTo(target);
    expect(Object.fromEntries(request.query)).toMatchObject({
      origins: `${BASE.lat},${BASE.lng}`,
      departure_time: String(Date.UTC(2031, 6, 5, 1, 30) / 1000),
      traffic_model: 'best_guess',
      units: 'imperial',
      key: FAKE_MAPS_KEY,
    });

    const [row] = await storedQuotes(address);
    expect(row.provider_response.distanceMatrix[0].rows[0].elements[0]).toMatchObject({ status: 'OK', distance: { value: Math.round(40 * MILE) }, duration_in_traffic: { value: 3300 } });
    expect(row.provider_response.geocode.address).toMatchObject({ cached: false, response: { status: 'OK', results: [{ formatted_address: target.formattedAddress }] } });
    expect(JSON.stringify(row)).not.toContain(FAKE_MAPS_KEY);
  });

  it('time the drive without traffic when no event date is given', async () => {
    const address = '101 Sample Ln, Sacramento';
    const target = place(address);
    const { quote: q } = await quote({ address });
    expect(q).toMatchObject({ miles: 40, driveMinutes: 45, departureAt: null });
    expect(matrixRequestsTo(target)[0].query.has('departure_time')).toBe(false);
  });

  it('geocode an address once: the next quote for it, however it is typed, comes from the cache', async () => {
    const address = '102 Sample Ln, Sacramento';
    const target = place(address);
    expect((await quote({ address })).userErrors).toEqual([]);
    expect((await quote({ address })).userErrors).toEqual([]);
    expect((await quote({ address: '102 SAMPLE LN.,  sacramento' })).userErrors).toEqual([]);
    const geocodes = fake.requests('geocode').filter((request) => request.query.get('address')?.toLowerCase().includes('102 sample ln'));
    expect(geocodes).toHaveLength(1);
    expect(matrixRequestsTo(target)).toHaveLength(3); // the drive itself is asked each time (traffic differs)
    const rows = await storedQuotes(address);
    expect(rows.map((row) => row.provider_response.geocode.address.cached)).toEqual([false, true]);
    // The base was placed once for all the quotes of this file.
    expect(fake.geocodeRequestsFor(BASE.match)).toHaveLength(1);
  });

  it('retry OVER_QUERY_LIMIT with a pause, then quote', async () => {
    const address = '103 Sample Ln, Sacramento';
    const target = place(address);
    fake.script('geocode', 'OVER_QUERY_LIMIT', 'OVER_QUERY_LIMIT');
    const { quote: q, userErrors } = await quote({ address });
    expect(userErrors).toEqual([]);
    expect(q.miles).toBe(40);
    expect(fake.geocodeRequestsFor(address)).toHaveLength(3);

    fake.script('distancematrix', 'OVER_QUERY_LIMIT');
    expect((await quote({ address: `${address} ` })).userErrors).toEqual([]);
    expect(matrixRequestsTo(target)).toHaveLength(3); // one, then a refused one and its retry
  });

  it('give up after GOOGLE_MAPS_MAX_ATTEMPTS tries still over the limit, with a try-again-shortly error and nothing stored', async () => {
    const address = '104 Sample Ln, Sacramento';
    place(address);
    fake.script('geocode', 'OVER_QUERY_LIMIT', 'OVER_QUERY_LIMIT', 'OVER_QUERY_LIMIT'); // GOOGLE_MAPS_MAX_ATTEMPTS is 3 by default
    expect(await quote({ address })).toEqual({
      quote: null,
      userErrors: [{ field: null, code: 'TRAVEL_BUSY', message: 'Travel quotes are busy right now. Please try again shortly.' }],
    });
    expect(fake.geocodeRequestsFor(address)).toHaveLength(3);
    expect(await storedQuotes(address)).toHaveLength(0);
  });

  it('treat REQUEST_DENIED as a configuration error: not retried, logged once naming GOOGLE_MAPS_API_KEY, and "unavailable" for the user', async () => {
    const address = '105 Sample Ln, Sacramento';
    place(address);
    const logged = () => app.server.output().split('\n').filter((line) => line.includes('check GOOGLE_MAPS_API_KEY')).length;
    const before = logged();
    fake.script('geocode', 'REQUEST_DENIED', 'REQUEST_DENIED');
    const expected = {
      quote: null,
      userErrors: [{ field: null, code: 'TRAVEL_UNAVAILABLE', message: 'Travel quotes are unavailable right now. Please try again later, or we can confirm the travel fee with you directly.' }],
    };
    expect(await quote({ address })).toEqual(expected);
    expect(await quote({ address })).toEqual(expected);
    expect(fake.geocodeRequestsFor(address)).toHaveLength(2); // one each: never retried
    await expect.poll(logged).toBe(before + 1);
    expect(app.server.output()).not.toContain(FAKE_MAPS_KEY);
    expect(await storedQuotes(address)).toHaveLength(0);
    // Once Google answers again, the quote goes through.
    expect((await quote({ address })).userErrors).toEqual([]);
  });

  it('answer ZERO_RESULTS and NOT_FOUND with the address error', async () => {
    const unknown = await quote({ address: '1 Nowhere Known Rd, Atlantis' });
    expect(unknown).toEqual({ quote: null, userErrors: [{ field: 'address', code: 'ADDRESS_NOT_FOUND', message: "We couldn't find that address. Please include the city or ZIP code." }] });
    expect(fake.geocodeRequestsFor('1 Nowhere Known Rd, Atlantis')).toHaveLength(1);

    const address = '106 Sample Ln, Sacramento';
    place(address);
    fake.script('geocode', 'NOT_FOUND');
    expect((await quote({ address })).userErrors).toMatchObject([{ field: 'address', code: 'ADDRESS_NOT_FOUND' }]);
    expect(await storedQuotes(address)).toHaveLength(0);
  });

  it('decline an address no road reaches', async () => {
    const address = '1 Island Rd, Sacramento';
    place(address, { elementStatus: 'ZERO_RESULTS' });
    const { quote: q } = await quote({ address });
    expect(q).toMatchObject({ band: 'OUTSIDE', declined: true, feeCents: 0, declineReason: 'Service area exceeded. Please contact us for special arrangements.' });
  });

  it('decline a drive past 100 miles with the exact sentence', async () => {
    const address = '1 Far Away Rd, Sacramento';
    place(address, { drive: { meters: Math.round(100.1 * MILE), seconds: 7200 } });
    const { quote: q } = await quote({ address });
    expect(q).toMatchObject({ miles: 100.1, band: 'OUTSIDE', declined: true, declineReason: 'Service area exceeded. Please contact us for special arrangements.' });
  });

  it('give up on a request Google does not answer within PROVIDER_TIMEOUT_SECONDS', async () => {
    const address = '107 Sample Ln, Sacramento';
    place(address);
    fake.script('geocode', 'hang');
    const started = Date.now();
    expect((await quote({ address })).userErrors).toMatchObject([{ code: 'TRAVEL_UNAVAILABLE' }]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.geocodeRequestsFor(address)).toHaveLength(1);
  });
});

describe('Distance Matrix batching', () => {
  const provider = () => new GoogleMapsDistanceProvider({ apiKey: FAKE_MAPS_KEY, baseUrl: fake.url, maxAttempts: 1, timeoutMs: 5_000 }, createLogger('silent'));

  it('asks 1 origin x 30 destinations in two requests of 25 and 5, and keeps each leg with its destination', async () => {
    const destinations = Array.from({ length: 30 }, (_, i) => place(`${200 + i} Batch St, Sacramento`, { drive: { meters: Math.round((i + 1) * MILE), seconds: 60 * (i + 1) } }));
    const before = fake.requests('distancematrix').length;
    const { legs, raw } = await provider().driveMatrix({ origins: [BASE], destinations });
    const requests = fake.requests('distancematrix').slice(before);
    expect(requests.map((request) => request.query.get('destinations')!.split('|').length)).toEqual([25, 5]);
    expect(raw).toHaveLength(2);
    expect(legs[0].map((leg) => Math.round(leg!.miles))).toEqual(destinations.map((_, i) => i + 1));
    expect(legs[0].map((leg) => leg!.minutes)).toEqual(destinations.map((_, i) => i + 1));
  });

  it('keeps a day’s 12 x 12 matrix within 100 elements a request', async () => {
    const points = Array.from({ length: 12 }, (_, i) => place(`${300 + i} Route Ave, Sacramento`));
    const before = fake.requests('distancematrix').length;
    const { legs } = await provider().driveMatrix({ origins: points, destinations: points });
    const requests = fake.requests('distancematrix').slice(before);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.query.get('origins')!.split('|').length * request.query.get('destinations')!.split('|').length).toBeLessThanOrEqual(100);
    }
    expect(legs).toHaveLength(12);
    expect(legs.every((row) => row.length === 12 && row.every((leg) => leg !== null))).toBe(true);
  });
});

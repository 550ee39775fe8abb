import { describe, expect, it } from 'vitest';
import { useApp } from './support/fixtures';
import { errorCodes, graphql } from './support/graphql-client';

/**
 * Travel quotes with no Google Maps key: the real server's offline estimate, from the ZIP
 * database shipped in the `zipcodes` package, with the default base (Vacaville, CA 95687: a ZIP
 * centroid between Sacramento and the Bay Area) and the SPEC §4 fee rules. Each test quotes
 * addresses of its own, so what one stores is never counted by another.
 */

const app = useApp({ extension101: false });

const QUOTE = /* GraphQL */ `
  mutation Quote($input: QuoteTravelInput!) {
    quoteTravel(input: $input) {
      quote { id address formattedAddress miles driveMinutes feeCents band bandLabel declined declineReason estimate provider departureAt createdAt }
      userErrors { field message code }
    }
  }
`;

async function quote(input: { address: string; eventDate?: string; startTime?: string }, token = app.adminToken) {
  const response = await graphql(app.server.url, QUOTE, { input }, token);
  expect(response.errors).toBeUndefined();
  return response.data!.quoteTravel as { quote: any; userErrors: Array<{ field: string | null; message: string; code: string }> };
}

async function storedQuotes(address: string) {
  return (await app.db.query('SELECT * FROM travel_quote WHERE address = $1', [address])).rows;
}

/** SPEC §4: free within 30 miles, $2 a mile beyond, a started mile counting. */
const expectedFee = (miles: number) => Math.max(0, Math.ceil(Math.round(miles * 10 - 300) / 10)) * 200;

describe('offline travel quotes', () => {
  it('quotes a Sacramento ZIP as an estimate in the secondary area, and stores it with its inputs', async () => {
    const address = '123 Main St, Sacramento, CA 95814';
    const { quote: q, userErrors } = await quote({ address });
    expect(userErrors).toEqual([]);
    expect(q).toMatchObject({
      address,
      formattedAddress: 'Sacramento, CA 95814',
      miles: 37.1,
      driveMinutes: 50,
      feeCents: 1600,
      band: 'SECONDARY',
      bandLabel: 'Secondary service area (30 to 60 mi)',
      declined: false,
      declineReason: null,
      estimate: true,
      provider: 'offline-estimate',
      departureAt: null,
    });

    const [row] = await storedQuotes(address);
    expect(row).toMatchObject({ base_address: 'Vacaville, CA 95687', miles: 37.1, fee_cents: 1600, band: 'SECONDARY', estimate: true });
    expect(row.rules).toEqual({ freeMiles: 30, feeCentsPerMile: 200, maxMiles: 100, primaryMiles: 30, secondaryMiles: 60 });
    expect(row.provider_response.geocode.address.response).toMatchObject({ source: 'zipcodes', matchedBy: 'zip', zips: ['95814'] });
    expect(row.provider_response.distanceMatrix[0]).toMatchObject({ roadFactor: 1.25, averageMph: 45 });
  });

  it.each([
    // address, where it is placed, band, miles between
    ['10 Elm St, Fairfield CA', 'Fairfield, CA', 'PRIMARY', 0, 30],
    ['123 Main St Sacramento', 'Sacramento, CA', 'SECONDARY', 30, 45],
    ['1 Example St, San Francisco, CA 94103', 'San Francisco, CA 94103', 'SECONDARY', 45, 60],
    ['77 Example Plaza Oakland', 'Oakland, CA', 'SECONDARY', 45, 60],
    ['45 Oak Ave, Fremont CA', 'Fremont, CA', 'EXTENDED', 60, 80],
    ['9 Pine St, San Jose, CA 95112', 'San Jose, CA 95112', 'EXTENDED', 80, 100],
  ])('%s: placed at %s, %s', async (address, formattedAddress, band, minMiles, maxMiles) => {
    const { quote: q, userErrors } = await quote({ address });
    expect(userErrors).toEqual([]);
    expect(q).toMatchObject({ formattedAddress, band, declined: false, estimate: true });
    expect(q.miles).toBeGreaterThan(minMiles);
    expect(q.miles).toBeLessThanOrEqual(maxMiles);
    expect(q.feeCents).toBe(expectedFee(q.miles));
  });

  it('declines an address past the service area with the exact sentence, and stores that too', async () => {
    const address = '200 Sample Blvd, Los Angeles, CA 90012';
    const { quote: q, userErrors } = await quote({ address });
    expect(userErrors).toEqual([]);
    expect(q).toMatchObject({ band: 'OUTSIDE', bandLabel: 'Outside our service area (over 100 mi)', declined: true, feeCents: 0 });
    expect(q.declineReason).toBe('Service area exceeded. Please contact us for special arrangements.');
    expect(q.miles).toBeGreaterThan(100);
    expect(await storedQuotes(address)).toHaveLength(1);
  });

  it('answers an address it cannot place with a userError on address, and stores nothing', async () => {
    const address = 'qwerty uiop asdfgh';
    const response = await quote({ address });
    expect(response).toEqual({
      quote: null,
      userErrors: [{ field: 'address', code: 'ADDRESS_NOT_FOUND', message: "We couldn't find that address. Please include the city or ZIP code." }],
    });
    expect(await storedQuotes(address)).toHaveLength(0);
    expect((await app.db.query('SELECT count(*)::int AS n FROM geocode_cache WHERE normalized_address = $1', ['qwerty uiop asdfgh'])).rows[0].n).toBe(0);

    const streetOnly = await quote({ address: '45 Oak Ave' });
    expect(streetOnly.userErrors).toMatchObject([{ field: 'address', code: 'ADDRESS_NOT_FOUND' }]);
    const blank = await quote({ address: '   ' });
    expect(blank.userErrors).toMatchObject([{ field: 'address' }]);
  });

  it('times the drive for the event start on the business clock, and refuses a date or time that is not one', async () => {
    const address = '5 Any Rd, Davis CA';
    const { quote: q } = await quote({ address, eventDate: '2031-07-04', startTime: '18:30' });
    expect(q.departureAt).toBe('2031-07-04T22:30:00.000Z'); // 18:30 in America/New_York (summer time)
    const dateOnly = await quote({ address, eventDate: '2031-07-04' });
    expect(dateOnly.quote.departureAt).toBe('2031-07-04T21:00:00.000Z'); // 17:00 assumed

    expect((await quote({ address, eventDate: '2031-02-30' })).userErrors).toMatchObject([{ field: 'eventDate', code: 'INVALID_EVENT_TIME' }]);
    expect((await quote({ address, eventDate: '07/04/2031' })).userErrors).toMatchObject([{ field: 'eventDate' }]);
    expect((await quote({ address, eventDate: '2031-07-04', startTime: '6pm' })).userErrors).toMatchObject([{ field: 'startTime' }]);
    expect((await quote({ address, startTime: '18:00' })).userErrors).toMatchObject([{ field: 'eventDate', message: 'Give the event date with the start time.' }]);
    expect(await storedQuotes(address)).toHaveLength(2);
  });

  it('lists stored quotes newest first, a page at a time', async () => {
    const addresses = ['1 First St, Vacaville CA', '2 Second St, Vacaville CA', '3 Third St, Vacaville CA'];
    for (const address of addresses) expect((await quote({ address })).userErrors).toEqual([]);
    const page = async (after?: string) =>
      (await graphql(app.server.url, `query($after: String) { travelQuotes(first: 2, after: $after) { totalCount edges { node { id address band } } pageInfo { hasNextPage endCursor } } }`, { after }, app.adminToken))
        .data!.travelQuotes;
    const first = await page();
    expect(first.edges.map((edge: any) => edge.node.address)).toEqual([addresses[2], addresses[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges[0].node.address).toBe(addresses[0]);
    expect(first.totalCount).toBeGreaterThanOrEqual(3);
  });
});

describe('who may quote', () => {
  const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { message } } }`;

  it('staff and API keys with TRAVEL_READ; not anonymous callers or keys without it', async () => {
    const anonymous = await graphql(app.server.url, QUOTE, { input: { address: '95814' } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);

    const travelKey = (await graphql(app.server.url, CREATE_KEY, { input: { name: 'Website quotes', scopes: ['TRAVEL_READ'] } }, app.adminToken)).data!.createApiKey.secret;
    const otherKey = (await graphql(app.server.url, CREATE_KEY, { input: { name: 'Dashboard', scopes: ['EXTENSIONS_READ'] } }, app.adminToken)).data!.createApiKey.secret;
    const byKey = await quote({ address: '95616' }, travelKey);
    expect(byKey.quote).toMatchObject({ formattedAddress: 'Davis, CA 95616', band: 'PRIMARY' });
    const list = await graphql(app.server.url, `{ travelQuotes(first: 1) { edges { node { id } } } }`, {}, travelKey);
    expect(list.errors).toBeUndefined();

    expect(errorCodes(await graphql(app.server.url, QUOTE, { input: { address: '95616' } }, otherKey))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(app.server.url, `{ travelQuotes { totalCount } }`, {}, otherKey))).toEqual(['FORBIDDEN']);
  });
});

import { describe, expect, it } from 'vitest';
import { PendingEvents, type Tx } from '../../shared/db/unit-of-work';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import { createLogger } from '../../shared/logger';
import { clusterDiscounts, orderRoute } from './day-route';
import { LocalDistanceProvider } from './local.distance';
import type { TravelQuote } from './travel-quote.entity';
import { AddressNotFoundError, TravelProviderError, type DriveMatrix, type GeocodedAddress, type LatLng, type TravelDistanceProvider } from './travel.port';
import type { CachedGeocode, NewTravelQuote } from './travel.repository';
import { ROUTE_BASE_ID, TravelService, type TravelSettings } from './travel.service';

/** The repository's contract, in memory. */
class FakeRepository {
  readonly quotes: NewTravelQuote[] = [];
  readonly geocodes = new Map<string, CachedGeocode & { at: Date }>();

  async insertQuote(_tx: Tx, fields: NewTravelQuote): Promise<TravelQuote> {
    this.quotes.push(fields);
    return { ...fields, id: `q${this.quotes.length}`, createdAt: new Date() } as TravelQuote;
  }
  async listQuotes(): Promise<never> {
    throw new Error('not used');
  }
  async findQuotesByIds(): Promise<TravelQuote[]> {
    return [];
  }
  async findGeocode(provider: string, key: string, notBefore: Date): Promise<CachedGeocode | undefined> {
    const hit = this.geocodes.get(`${provider}|${key}`);
    return hit && hit.at >= notBefore ? hit : undefined;
  }
  async saveGeocode(provider: string, key: string, geocode: CachedGeocode): Promise<void> {
    this.geocodes.set(`${provider}|${key}`, { ...geocode, at: new Date() });
  }
}

/** Counts what reaches the offline provider, and can be told to fail. */
class CountingProvider implements TravelDistanceProvider {
  readonly name = 'offline-estimate';
  readonly estimate = true;
  readonly geocoded: string[] = [];
  matrices = 0;
  failWith: Error | undefined;
  private readonly inner = new LocalDistanceProvider({ roadFactor: 1.25, averageMph: 45 });

  async geocode(address: string, options?: { near?: LatLng }): Promise<GeocodedAddress> {
    this.geocoded.push(address);
    if (this.failWith) throw this.failWith;
    return this.inner.geocode(address, options);
  }
  async driveMatrix(params: { origins: LatLng[]; destinations: LatLng[]; departure?: Date }): Promise<DriveMatrix> {
    this.matrices++;
    return this.inner.driveMatrix(params);
  }
}

const SETTINGS: TravelSettings = {
  baseAddress: 'Vacaville, CA 95687',
  rules: { freeMiles: 30, feeCentsPerMile: 200, maxMiles: 100, primaryMiles: 30, secondaryMiles: 60 },
  cluster: { radiusMiles: 15, discountPercent: 50 },
  geocodeCacheDays: 30,
  businessTimeZone: 'America/Los_Angeles',
};

function service(settings: Partial<TravelSettings> = {}) {
  const repository = new FakeRepository();
  const provider = new CountingProvider();
  const uow = { run: <T>(work: (tx: Tx, events: PendingEvents) => Promise<T>) => work({} as Tx, new PendingEvents()) };
  const travel = new TravelService({ uow, repository, provider, settings: { ...SETTINGS, ...settings }, logger: createLogger('silent') });
  return { travel, repository, provider };
}

async function failureOf(promise: Promise<unknown>): Promise<UserInputFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserInputFailure);
  return error as UserInputFailure;
}

describe('TravelService.quote', () => {
  it('places the base once and each address once, through the cache', async () => {
    const { travel, provider, repository } = service();
    await travel.quote({ address: '123 Main St, Sacramento, CA 95814' });
    await travel.quote({ address: '123 main st sacramento ca 95814' });
    expect(provider.geocoded).toEqual(['Vacaville, CA 95687', '123 Main St, Sacramento, CA 95814']);
    expect(repository.quotes.map((quote) => quote.feeCents)).toEqual([1600, 1600]);
  });

  it('geocodes again once the cached answer is older than TRAVEL_GEOCODE_CACHE_DAYS', async () => {
    const { travel, provider, repository } = service();
    await travel.quote({ address: '95814' });
    for (const entry of repository.geocodes.values()) entry.at = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    await travel.quote({ address: '95814' });
    expect(provider.geocoded.filter((address) => address === '95814')).toHaveLength(2);
  });

  it('skips geocoding the base when TRAVEL_BASE_LATLNG is set', async () => {
    const { travel, provider, repository } = service({ baseLocation: { lat: 38.5804, lng: -121.4922 } });
    await travel.quote({ address: '95814' });
    expect(provider.geocoded).toEqual(['95814']);
    expect(repository.quotes[0]).toMatchObject({ miles: 0, band: 'PRIMARY', baseLocation: { lat: 38.5804, lng: -121.4922 } });
  });

  it('turns provider failures into userErrors and stores nothing', async () => {
    const { travel, provider, repository } = service({ baseLocation: { lat: 38.3482, lng: -121.9538 } });
    provider.failWith = new AddressNotFoundError();
    expect((await failureOf(travel.quote({ address: '95814' }))).userErrors).toEqual([{ field: 'address', code: 'ADDRESS_NOT_FOUND', message: "We couldn't find that address. Please include the city or ZIP code." }]);
    provider.failWith = new TravelProviderError('busy', 'x');
    expect((await failureOf(travel.quote({ address: '95814' }))).userErrors[0].code).toBe('TRAVEL_BUSY');
    provider.failWith = new TravelProviderError('unavailable', 'x');
    expect((await failureOf(travel.quote({ address: '95814' }))).userErrors[0].code).toBe('TRAVEL_UNAVAILABLE');
    expect(repository.quotes).toEqual([]);
    expect(repository.geocodes.size).toBe(0);
  });

  it('reports a base address the provider cannot place as unavailable, not as the customer’s mistake', async () => {
    const { travel } = service({ baseAddress: 'nowhere at all qwerty' });
    expect((await failureOf(travel.quote({ address: '95814' }))).userErrors[0]).toMatchObject({ code: 'TRAVEL_UNAVAILABLE', field: null });
  });
});

describe('TravelService.driveMatrix for a day route', () => {
  it('places every stop, measures all pairs in one go, and feeds orderRoute and clusterDiscounts', async () => {
    const { travel, provider } = service();
    const day = await travel.driveMatrix({
      stops: [
        { id: 'booking-sf', address: '1 Example St, San Francisco, CA 94103' },
        { id: 'booking-sac-1', address: '123 Main St, Sacramento, CA 95814' },
        { id: 'booking-sac-2', address: '9 Elm St, Sacramento, CA 95816' },
      ],
    });
    expect(provider.matrices).toBe(1);
    expect(day.base.id).toBe(ROUTE_BASE_ID);
    expect(day.stops.map((stop) => stop.formattedAddress)).toEqual(['San Francisco, CA 94103', 'Sacramento, CA 95814', 'Sacramento, CA 95816']);

    const route = orderRoute(ROUTE_BASE_ID, day.stops.map((stop) => stop.id), day.distances);
    expect(route.order[0]).toMatch(/^booking-sac/); // Sacramento is nearer the base than San Francisco
    expect(route.order[2]).toBe('booking-sf');
    expect(route.legs).toHaveLength(3);

    const discounts = clusterDiscounts(
      day.stops.map((stop) => ({ id: stop.id, location: stop.location, feeCents: 1600 })),
      travel.clusterRules,
    );
    expect(discounts.map((d) => [d.id, d.discountedFeeCents])).toEqual([
      ['booking-sf', 1600],
      ['booking-sac-1', 800],
      ['booking-sac-2', 800],
    ]);
  });

  it('names the stop it cannot place', async () => {
    const { travel } = service();
    const failure = await failureOf(travel.driveMatrix({ stops: [{ id: 'a', address: '95814' }, { id: 'b', address: 'qwerty uiop' }] }));
    expect(failure.userErrors[0]).toMatchObject({ field: 'stops.1.address', code: 'ADDRESS_NOT_FOUND' });
  });
});

import type { UnitOfWork } from '../../shared/db/unit-of-work';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { userFailure } from '../../shared/graphql/user-errors';
import { FORM_LIMITS } from '../../shared/forms/form-limits';
import type { Logger } from '../../shared/logger';
import { distanceTable, type ClusterRules, type DistanceTable } from './day-route';
import { eventDeparture } from './event-departure';
import { SERVICE_AREA_EXCEEDED, TravelBand, travelFee, type TravelFee, type TravelRules } from './travel-fee';
import type { TravelQuote } from './travel-quote.entity';
import { travelErrors } from './travel.errors';
import { AddressNotFoundError, TravelProviderError, type LatLng, type TravelDistanceProvider } from './travel.port';
import type { TravelRepository } from './travel.repository';

export interface TravelSettings {
  baseAddress: string;
  /** Skips geocoding the base (TRAVEL_BASE_LATLNG). */
  baseLocation?: LatLng;
  rules: TravelRules;
  cluster: ClusterRules;
  geocodeCacheDays: number;
  businessTimeZone: string;
}

/** A place on a day's route, placed by the provider. */
export interface RoutePoint {
  id: string;
  address: string;
  formattedAddress: string;
  location: LatLng;
}

/** The drives between the base and every stop of a day, for `orderRoute` and `clusterDiscounts`. */
export interface DayDrives {
  /** id ROUTE_BASE_ID. */
  base: RoutePoint;
  stops: RoutePoint[];
  /** Between any two of the base and the stops, by id. */
  distances: DistanceTable;
  estimate: boolean;
  provider: string;
}

export const ROUTE_BASE_ID = 'base';
const MAX_ADDRESS_LENGTH = FORM_LIMITS.travel.address.maxLength;

interface Placed {
  location: LatLng;
  formattedAddress: string;
  raw: unknown;
  cached: boolean;
}

/**
 * Travel quotes (SPEC §4): the customer's address is placed (through the geocode cache), the
 * drive from the base is measured by the configured provider, the fee rules are applied, and
 * the whole calculation is stored with the provider's raw answers. A failure of the provider
 * is a userFailure a person can act on; nothing is stored then.
 */
export class TravelService {
  private baseLookup: Promise<Placed> | undefined;

  constructor(
    private readonly params: {
      uow: Pick<UnitOfWork, 'run'>;
      /** The repository's methods only, so unit tests can hand in a fake. */
      repository: Pick<TravelRepository, 'insertQuote' | 'listQuotes' | 'findQuotesByIds' | 'findGeocode' | 'saveGeocode'>;
      provider: TravelDistanceProvider;
      settings: TravelSettings;
      logger: Logger;
    },
  ) {}

  get rules(): TravelRules {
    return this.params.settings.rules;
  }

  /** TRAVEL_CLUSTER_RADIUS_MILES and TRAVEL_CLUSTER_DISCOUNT_PERCENT, for `clusterDiscounts`. */
  get clusterRules(): ClusterRules {
    return this.params.settings.cluster;
  }

  /**
   * Quotes the drive from the base to `address`, leaving at `departure` (the event's start:
   * the drive is timed with traffic then), stores the quote and returns it. A declined quote
   * (past the service area) is stored and returned too. Throws a userFailure: field `address`
   * (ADDRESS_NOT_FOUND) when the address cannot be placed, TRAVEL_BUSY or TRAVEL_UNAVAILABLE
   * when the provider cannot answer.
   */
  async quote(params: { address: string; departure?: Date }): Promise<TravelQuote> {
    const address = cleanAddress(params.address, 'address');
    const { provider, settings } = this.params;
    const base = await this.base();
    const place = await this.place(address, 'address', base.location);
    const matrix = await this.fromProvider('address', () => provider.driveMatrix({ origins: [base.location], destinations: [place.location], departure: params.departure }));
    const leg = matrix.legs[0]?.[0] ?? null;
    // No road at all (an island, say) is as far as it gets: declined like any address past the area.
    const fee: TravelFee = leg
      ? travelFee(leg.miles, settings.rules)
      : { miles: 0, billableMiles: 0, feeCents: 0, band: TravelBand.OUTSIDE, declined: true, declineReason: SERVICE_AREA_EXCEEDED };
    return this.params.uow.run((tx) =>
      this.params.repository.insertQuote(tx, {
        address,
        formattedAddress: place.formattedAddress,
        location: place.location,
        departureAt: params.departure ?? null,
        baseAddress: settings.baseAddress,
        baseLocation: base.location,
        rules: settings.rules,
        miles: fee.miles,
        driveMinutes: leg?.minutes ?? 0,
        feeCents: fee.feeCents,
        band: fee.band,
        declined: fee.declined,
        declineReason: fee.declineReason,
        estimate: provider.estimate,
        provider: provider.name,
        providerResponse: {
          geocode: { base: { cached: base.cached, response: base.raw }, address: { cached: place.cached, response: place.raw } },
          distanceMatrix: matrix.raw,
        },
      }),
    );
  }

  /** `quote` for an event given as a date and start time on the business's clock (the GraphQL input). */
  quoteForEvent(params: { address: string; eventDate?: string | null; startTime?: string | null }): Promise<TravelQuote> {
    const departure = eventDeparture({ eventDate: params.eventDate, startTime: params.startTime, timeZone: this.params.settings.businessTimeZone });
    return this.quote({ address: params.address, departure });
  }

  list(args: ConnectionArgs): Promise<Connection<TravelQuote>> {
    return this.params.repository.listQuotes(args);
  }

  findByIds(ids: readonly string[]): Promise<TravelQuote[]> {
    return this.params.repository.findQuotesByIds(ids);
  }

  /**
   * The drives between the base and each stop of a day, and between the stops, with as few
   * provider requests as its limits allow. Nothing is stored. An address that cannot be placed
   * is a userFailure on `stops.<i>.address`.
   */
  async driveMatrix(params: { stops: ReadonlyArray<{ id: string; address: string }>; departure?: Date }): Promise<DayDrives> {
    const { provider, settings } = this.params;
    const baseLookup = await this.base();
    const base: RoutePoint = { id: ROUTE_BASE_ID, address: settings.baseAddress, formattedAddress: baseLookup.formattedAddress, location: baseLookup.location };
    const stops: RoutePoint[] = [];
    for (const [i, stop] of params.stops.entries()) {
      if (stop.id === ROUTE_BASE_ID) throw new Error(`a stop may not use the id "${ROUTE_BASE_ID}": it names the base`);
      const field = `stops.${i}.address`;
      const address = cleanAddress(stop.address, field);
      const placed = await this.place(address, field, base.location);
      stops.push({ id: stop.id, address, formattedAddress: placed.formattedAddress, location: placed.location });
    }
    const points = [base, ...stops];
    const locations = points.map((point) => point.location);
    const matrix = await this.fromProvider('stops', () => provider.driveMatrix({ origins: locations, destinations: locations, departure: params.departure }));
    return { base, stops, distances: distanceTable(points.map((point) => point.id), matrix.legs), estimate: provider.estimate, provider: provider.name };
  }

  /** The base, placed once per process (and through the geocode cache across restarts). */
  private base(): Promise<Placed> {
    const { baseAddress, baseLocation } = this.params.settings;
    if (baseLocation) return Promise.resolve({ location: baseLocation, formattedAddress: baseAddress, raw: { configured: 'TRAVEL_BASE_LATLNG' }, cached: true });
    this.baseLookup ??= this.geocodeCached(baseAddress).catch((error: unknown) => {
      this.baseLookup = undefined;
      if (error instanceof AddressNotFoundError) {
        this.params.logger.error('TRAVEL_BASE_ADDRESS could not be placed by the travel provider: set a city and ZIP code, or TRAVEL_BASE_LATLNG');
        throw travelErrors.unavailable();
      }
      throw this.userFailureOf(error, 'address');
    });
    return this.baseLookup;
  }

  private async place(address: string, field: string, near: LatLng): Promise<Placed> {
    return this.fromProvider(field, () => this.geocodeCached(address, near));
  }

  private async geocodeCached(address: string, near?: LatLng): Promise<Placed> {
    const { repository, provider, settings } = this.params;
    const key = normalizeAddress(address);
    const notBefore = new Date(Date.now() - settings.geocodeCacheDays * 24 * 3600 * 1000);
    const hit = await repository.findGeocode(provider.name, key, notBefore);
    if (hit) return { location: { lat: hit.lat, lng: hit.lng }, formattedAddress: hit.formattedAddress, raw: hit.raw, cached: true };
    const geocoded = await provider.geocode(address, { near });
    await repository.saveGeocode(provider.name, key, { formattedAddress: geocoded.formattedAddress, lat: geocoded.location.lat, lng: geocoded.location.lng, raw: geocoded.raw });
    return { ...geocoded, cached: false };
  }

  private async fromProvider<T>(field: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.userFailureOf(error, field);
    }
  }

  private userFailureOf(error: unknown, field: string): unknown {
    if (error instanceof AddressNotFoundError) return travelErrors.addressNotFound(field);
    if (error instanceof TravelProviderError) return error.kind === 'busy' ? travelErrors.busy() : travelErrors.unavailable();
    return error;
  }
}

/** The cache key of an address: case, punctuation and spacing do not make it another address. */
export function normalizeAddress(address: string): string {
  return address.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function cleanAddress(address: string, field: string): string {
  const cleaned = address.trim().replace(/\s+/g, ' ');
  if (cleaned.length > MAX_ADDRESS_LENGTH) throw userFailure('INVALID', `Event address: use at most ${MAX_ADDRESS_LENGTH} characters.`, field);
  if (normalizeAddress(cleaned) === '') throw travelErrors.addressNotFound(field);
  return cleaned;
}

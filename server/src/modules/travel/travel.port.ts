/**
 * Where travel distances come from, behind one interface with two implementations chosen at
 * start by distance-provider.factory.ts:
 *   - ../../providers/google-maps/google-maps.sdk.ts  Google Geocoding and Distance Matrix
 *     (road miles, drive time with traffic), when GOOGLE_MAPS_API_KEY is set;
 *   - local.distance.ts  an offline estimate: ZIP or city centroids from a ZIP database that
 *     ships inside its npm package, straight-line miles times a road factor.
 * To add another (a different routing vendor), implement `TravelDistanceProvider`: turn the
 * vendor's failures into the errors below, never hand back its SDK objects, give every call a
 * timeout, and choose it in the factory from configuration.
 */

export interface LatLng {
  lat: number;
  lng: number;
}

export interface GeocodedAddress {
  location: LatLng;
  /** The address as the provider reads it, shown back to staff and customers. */
  formattedAddress: string;
  /** The provider's answer as it came (never containing credentials), stored with the quote. */
  raw: unknown;
}

export interface DriveLeg {
  miles: number;
  /** With traffic when the provider knows it and a departure time was given. */
  minutes: number;
}

export interface DriveMatrix {
  /** legs[i][j] is the drive from origins[i] to destinations[j]; null when no road joins them. */
  legs: Array<Array<DriveLeg | null>>;
  /** Each request's answer, in the order they were made. */
  raw: unknown[];
}

export interface TravelDistanceProvider {
  /** Stored with each quote and keys the geocode cache. */
  readonly name: string;
  /** True when miles and minutes are estimated rather than routed on roads. */
  readonly estimate: boolean;
  /** `near` settles a city name found in several states (the one nearest our base). */
  geocode(address: string, options?: { near?: LatLng }): Promise<GeocodedAddress>;
  /** Any number of origins and destinations; an implementation splits them into requests its vendor accepts. */
  driveMatrix(params: { origins: LatLng[]; destinations: LatLng[]; departure?: Date }): Promise<DriveMatrix>;
}

/** The provider cannot place the address: the customer must say more. */
export class AddressNotFoundError extends Error {
  constructor(message = 'address not found') {
    super(message);
    this.name = 'AddressNotFoundError';
  }
}

/**
 * The provider could not answer. `busy`: still rate-limited after the retries, worth trying
 * again shortly; `unavailable`: misconfigured (a refused key), unreachable or timed out.
 */
export class TravelProviderError extends Error {
  constructor(
    readonly kind: 'busy' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'TravelProviderError';
  }
}

import { straightLineMiles } from './day-route';
import { placeByZipOrCity } from './zip-places';
import { AddressNotFoundError, type DriveMatrix, type GeocodedAddress, type LatLng, type TravelDistanceProvider } from './travel.port';

export interface LocalDistanceSettings {
  /** Roads are longer than the straight line: 1.25 makes 40 straight miles 50 road miles. */
  roadFactor: number;
  averageMph: number;
}

/**
 * The offline estimate, used when no Google Maps key is configured: addresses placed at their
 * ZIP or city centroid (zip-places.ts), distances the straight line times a road factor, drive
 * time at an average speed. Needs no network; its quotes are marked `estimate`.
 */
export class LocalDistanceProvider implements TravelDistanceProvider {
  readonly name = 'offline-estimate';
  readonly estimate = true;

  constructor(private readonly settings: LocalDistanceSettings) {}

  async geocode(address: string, options: { near?: LatLng } = {}): Promise<GeocodedAddress> {
    const place = placeByZipOrCity(address, options.near);
    if (!place) throw new AddressNotFoundError();
    const { location, formattedAddress, matchedBy, city, state, zips } = place;
    return { location, formattedAddress, raw: { source: 'zipcodes', matchedBy, city, state, zips: zips.slice(0, 50), location } };
  }

  async driveMatrix(params: { origins: LatLng[]; destinations: LatLng[]; departure?: Date }): Promise<DriveMatrix> {
    const { roadFactor, averageMph } = this.settings;
    const legs = params.origins.map((origin) =>
      params.destinations.map((destination) => {
        const miles = straightLineMiles(origin, destination) * roadFactor;
        return { miles, minutes: Math.round((miles / averageMph) * 60) };
      }),
    );
    return { legs, raw: [{ method: 'straight line times road factor', roadFactor, averageMph }] };
  }
}

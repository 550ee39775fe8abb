import type http from 'node:http';
import { FakeHttpServer, sendJson, type FakeRequest } from './fake-http-server';

/**
 * A stand-in for maps.googleapis.com that speaks the Geocoding (`/maps/api/geocode/json`) and
 * Distance Matrix (`/maps/api/distancematrix/json`) JSON wire formats, so the real
 * @googlemaps/google-maps-services-js runs its whole code path (query serialisation, its adapter
 * turning body statuses into errors, timeouts) with no network. Like Google it answers HTTP 200
 * with the outcome in the body's `status` (and, in a matrix, each element's), refuses a request
 * without the right key (REQUEST_DENIED) and one over the matrix limits (25 origins, 25
 * destinations, 100 elements). Scripts make it answer ZERO_RESULTS, NOT_FOUND,
 * OVER_QUERY_LIMIT (n times, then normally), REQUEST_DENIED, or never.
 *
 * The server under test reaches it through GOOGLE_MAPS_BASE_URL (see `googleMapsEnv`).
 */

export type MapsApi = 'geocode' | 'distancematrix';
export type GoogleStatus = 'OK' | 'ZERO_RESULTS' | 'NOT_FOUND' | 'OVER_QUERY_LIMIT' | 'OVER_DAILY_LIMIT' | 'REQUEST_DENIED' | 'INVALID_REQUEST' | 'UNKNOWN_ERROR';
/** A scripted answer: a status with an empty body, or `hang` (accept and never answer). */
export type FakeMapsReply = Exclude<GoogleStatus, 'OK'> | 'hang';

export interface FakePlace {
  /** The place answers a geocode whose address contains this (case, punctuation and spacing ignored). */
  match: string;
  formattedAddress: string;
  lat: number;
  lng: number;
  /** The drive to this place from any origin; without it, the straight line times 1.3 at 40 mph. */
  drive?: { meters: number; seconds: number; trafficSeconds?: number };
  /** The matrix element status of drives to it: ZERO_RESULTS for no road. */
  elementStatus?: 'ZERO_RESULTS' | 'NOT_FOUND';
}

export interface MapsRequest {
  api: MapsApi;
  query: URLSearchParams;
}

export const FAKE_MAPS_KEY = 'test-maps-key-0123456789';

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export class FakeGoogleMaps {
  readonly places: FakePlace[] = [];
  /** Every request, parsed, in order of arrival. */
  readonly received: MapsRequest[] = [];
  private readonly scripts: Record<MapsApi, FakeMapsReply[]> = { geocode: [], distancematrix: [] };
  private http!: FakeHttpServer;

  private constructor(readonly apiKey: string) {}

  static async start(options: { places?: FakePlace[]; apiKey?: string } = {}): Promise<FakeGoogleMaps> {
    const fake = new FakeGoogleMaps(options.apiKey ?? FAKE_MAPS_KEY);
    fake.places.push(...(options.places ?? []));
    fake.http = await FakeHttpServer.start((request, res) => fake.handle(request, res));
    return fake;
  }

  get url(): string {
    return this.http.url;
  }

  /** The next answers of `api`, one per request, before it answers normally again. */
  script(api: MapsApi, ...replies: FakeMapsReply[]): void {
    this.scripts[api].push(...replies);
  }

  requests(api?: MapsApi): MapsRequest[] {
    return api ? this.received.filter((request) => request.api === api) : this.received;
  }

  /** Geocode requests for exactly this address. */
  geocodeRequestsFor(address: string): MapsRequest[] {
    return this.requests('geocode').filter((request) => request.query.get('address') === address);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private handle({ method, url }: FakeRequest, res: http.ServerResponse): void {
    const api: MapsApi | undefined = url.pathname === '/maps/api/geocode/json' ? 'geocode' : url.pathname === '/maps/api/distancematrix/json' ? 'distancematrix' : undefined;
    if (method !== 'GET' || !api) return sendJson(res, 404, { error: `fake Google Maps: no route ${method} ${url.pathname}` });
    this.received.push({ api, query: url.searchParams });
    const scripted = this.scripts[api].shift();
    if (scripted === 'hang') return; // close() tears the socket down
    if (scripted) return sendJson(res, 200, failure(api, scripted));
    if (url.searchParams.get('key') !== this.apiKey) return sendJson(res, 200, failure(api, 'REQUEST_DENIED', 'The provided API key is invalid.'));
    return sendJson(res, 200, api === 'geocode' ? this.geocode(url.searchParams) : this.matrix(url.searchParams));
  }

  private geocode(query: URLSearchParams) {
    const address = normalize(query.get('address') ?? '');
    const place = this.places.find((candidate) => address.includes(normalize(candidate.match)));
    if (!place) return { results: [], status: 'ZERO_RESULTS' };
    return {
      results: [
        {
          address_components: [],
          formatted_address: place.formattedAddress,
          geometry: {
            location: { lat: place.lat, lng: place.lng },
            location_type: 'ROOFTOP',
            viewport: { northeast: { lat: place.lat + 0.001, lng: place.lng + 0.001 }, southwest: { lat: place.lat - 0.001, lng: place.lng - 0.001 } },
          },
          place_id: `fake-${normalize(place.match).replace(/ /g, '-')}`,
          types: ['street_address'],
        },
      ],
      status: 'OK',
    };
  }

  private matrix(query: URLSearchParams) {
    const points = (name: string) => (query.get(name) ?? '').split('|').filter(Boolean).map(parseLatLng);
    const origins = points('origins');
    const destinations = points('destinations');
    if (origins.length === 0 || destinations.length === 0 || origins.some((p) => !p) || destinations.some((p) => !p)) {
      return failure('distancematrix', 'INVALID_REQUEST', 'fake: origins and destinations must be lat,lng lists');
    }
    if (origins.length > 25 || destinations.length > 25) return { ...failure('distancematrix', 'INVALID_REQUEST'), status: 'MAX_DIMENSIONS_EXCEEDED' };
    if (origins.length * destinations.length > 100) return { ...failure('distancematrix', 'INVALID_REQUEST'), status: 'MAX_ELEMENTS_EXCEEDED' };
    const withTraffic = query.has('departure_time');
    return {
      destination_addresses: destinations.map((d) => this.placeAt(d!)?.formattedAddress ?? `${d!.lat},${d!.lng}`),
      origin_addresses: origins.map((o) => this.placeAt(o!)?.formattedAddress ?? `${o!.lat},${o!.lng}`),
      rows: origins.map((origin) => ({ elements: destinations.map((destination) => this.element(origin!, destination!, withTraffic)) })),
      status: 'OK',
    };
  }

  private element(origin: LatLng, destination: LatLng, withTraffic: boolean) {
    const place = this.placeAt(destination);
    if (place?.elementStatus) return { status: place.elementStatus };
    const straightMeters = haversineMeters(origin, destination);
    const drive = place?.drive ?? { meters: Math.round(straightMeters * 1.3), seconds: Math.round((straightMeters * 1.3) / 17.88) };
    return {
      distance: { text: `${(drive.meters / 1609.344).toFixed(1)} mi`, value: drive.meters },
      duration: { text: `${Math.round(drive.seconds / 60)} mins`, value: drive.seconds },
      ...(withTraffic ? { duration_in_traffic: { text: `${Math.round((drive.trafficSeconds ?? drive.seconds) / 60)} mins`, value: drive.trafficSeconds ?? drive.seconds } } : {}),
      status: 'OK',
    };
  }

  private placeAt(point: LatLng): FakePlace | undefined {
    return this.places.find((place) => Math.abs(place.lat - point.lat) < 1e-6 && Math.abs(place.lng - point.lng) < 1e-6);
  }
}

interface LatLng {
  lat: number;
  lng: number;
}

function parseLatLng(text: string): LatLng | undefined {
  const [lat, lng] = text.split(',').map(Number);
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : undefined;
}

function haversineMeters(a: LatLng, b: LatLng): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Google's body for a request that failed as a whole. */
function failure(api: MapsApi, status: Exclude<GoogleStatus, 'OK'>, message?: string) {
  const errorMessage = message ?? (status === 'REQUEST_DENIED' ? 'This API project is not authorized to use this API.' : status === 'OVER_QUERY_LIMIT' ? 'You have exceeded your rate-limit for this API.' : undefined);
  const body = api === 'geocode' ? { results: [], status } : { destination_addresses: [], origin_addresses: [], rows: [], status };
  return errorMessage ? { ...body, error_message: errorMessage } : body;
}

/** The server environment that points its Google Maps provider at this fake. */
export function googleMapsEnv(fake: FakeGoogleMaps): Record<string, string> {
  return { GOOGLE_MAPS_API_KEY: fake.apiKey, GOOGLE_MAPS_BASE_URL: fake.url };
}

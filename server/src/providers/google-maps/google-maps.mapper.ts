import type { DriveLeg, GeocodedAddress } from '../../modules/travel/travel.port';

/**
 * Google's words stop here: its statuses, its response shapes and its request limits, mapped
 * to what the travel module understands. Pure, with table tests.
 */

/** What to do with a Google status, at the top of a response or on a Distance Matrix element. */
export type GoogleOutcome =
  /** An answer (ZERO_RESULTS is an answer: nothing there). */
  | 'ok'
  | 'not-found'
  /** Worth another try after a pause. */
  | 'retry'
  /** The key is refused or over its daily quota: a configuration problem, never retried. */
  | 'denied'
  /** The request itself was wrong, or Google failed in a way a retry does not fix. */
  | 'failed';

export function outcomeOf(status: string | undefined): GoogleOutcome {
  switch (status) {
    case 'OK':
      return 'ok';
    case 'ZERO_RESULTS':
    case 'NOT_FOUND':
      return 'not-found';
    case 'OVER_QUERY_LIMIT':
    case 'UNKNOWN_ERROR':
      return 'retry';
    case 'REQUEST_DENIED':
    case 'OVER_DAILY_LIMIT':
      return 'denied';
    default:
      return 'failed';
  }
}

/** The slice of a Geocoding response we read. */
export interface GeocodeBody {
  status?: string;
  results?: Array<{ formatted_address?: string; geometry?: { location?: { lat?: number; lng?: number } } }>;
}

/** The first result of an OK geocode, or undefined when there is none usable. */
export function readGeocode(body: GeocodeBody): Omit<GeocodedAddress, 'raw'> | undefined {
  const first = body.results?.[0];
  const location = first?.geometry?.location;
  if (!first || typeof location?.lat !== 'number' || typeof location.lng !== 'number') return undefined;
  return { location: { lat: location.lat, lng: location.lng }, formattedAddress: first.formatted_address ?? '' };
}

/** The slice of a Distance Matrix response we read. */
export interface DistanceMatrixBody {
  status?: string;
  rows?: Array<{ elements?: Array<DistanceMatrixElement> }>;
}

export interface DistanceMatrixElement {
  status?: string;
  distance?: { value?: number };
  duration?: { value?: number };
  duration_in_traffic?: { value?: number };
}

const METERS_PER_MILE = 1609.344;

/**
 * One element's drive: distance.value is meters whatever `units` says (units only changes the
 * text), and the time is duration_in_traffic when Google sent it (a departure time was given),
 * else duration. Null when Google found no route (ZERO_RESULTS) or could not place an end (NOT_FOUND).
 */
export function readElement(element: DistanceMatrixElement | undefined): DriveLeg | null {
  if (element?.status !== 'OK' || typeof element.distance?.value !== 'number') return null;
  const seconds = element.duration_in_traffic?.value ?? element.duration?.value;
  if (typeof seconds !== 'number') return null;
  return { miles: element.distance.value / METERS_PER_MILE, minutes: Math.round(seconds / 60) };
}

/** Google's Distance Matrix limits for one request (standard usage). */
export const MATRIX_LIMITS = { maxOrigins: 25, maxDestinations: 25, maxElements: 100 } as const;

export interface MatrixBatch {
  /** Half-open ranges [start, end) of the origins and destinations in this request. */
  origins: [number, number];
  destinations: [number, number];
}

/**
 * Splits an origins x destinations matrix into the fewest requests Google accepts: at most 25
 * origins, 25 destinations and 100 elements each. Tries every block height and keeps the one
 * needing fewest requests (1 x 30 is 25 + 5; 12 x 12 is two 12 x 8 and 12 x 4 blocks).
 */
export function planMatrixBatches(origins: number, destinations: number, limits: { maxOrigins: number; maxDestinations: number; maxElements: number } = MATRIX_LIMITS): MatrixBatch[] {
  if (origins === 0 || destinations === 0) return [];
  let best: { rows: number; columns: number; requests: number } | undefined;
  for (let rows = 1; rows <= Math.min(origins, limits.maxOrigins, limits.maxElements); rows++) {
    const columns = Math.min(destinations, limits.maxDestinations, Math.floor(limits.maxElements / rows));
    const requests = Math.ceil(origins / rows) * Math.ceil(destinations / columns);
    if (!best || requests < best.requests) best = { rows, columns, requests };
  }
  const batches: MatrixBatch[] = [];
  for (let o = 0; o < origins; o += best!.rows) {
    for (let d = 0; d < destinations; d += best!.columns) {
      batches.push({ origins: [o, Math.min(o + best!.rows, origins)], destinations: [d, Math.min(d + best!.columns, destinations)] });
    }
  }
  return batches;
}

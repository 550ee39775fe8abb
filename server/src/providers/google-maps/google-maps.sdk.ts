import { setTimeout as sleep } from 'node:timers/promises';
import { Client, TrafficModel, UnitSystem } from '@googlemaps/google-maps-services-js';
import { AddressNotFoundError, TravelProviderError, type DriveMatrix, type GeocodedAddress, type LatLng, type TravelDistanceProvider } from '../../modules/travel/travel.port';
import type { Logger } from '../../shared/logger';
import { outcomeOf, planMatrixBatches, readElement, readGeocode, type DistanceMatrixBody, type GeocodeBody, type GoogleOutcome } from './google-maps.mapper';

export interface GoogleMapsSettings {
  apiKey: string;
  /** A local server speaking Google's wire format, for tests and development; unset for Google itself. */
  baseUrl?: string;
  /** Tries of one request while Google answers OVER_QUERY_LIMIT (or UNKNOWN_ERROR). */
  maxAttempts: number;
  /** The longest one request may take. */
  timeoutMs: number;
  /** The first pause between tries; it doubles each time. */
  retryDelayMs?: number;
}

const DEFAULT_RETRY_DELAY_MS = 250;

/**
 * Google Geocoding and Distance Matrix through @googlemaps/google-maps-services-js. The SDK's
 * own adapter is kept (it turns a body status such as REQUEST_DENIED into an HTTP error; a plain
 * adapter would resolve it as a success) and its axios-level retries are off: this class retries
 * OVER_QUERY_LIMIT itself, a bounded number of times with a doubling pause, and never retries a
 * refused key. Every request has a timeout. The API key never reaches a log line or a stored
 * response (Google's answers do not echo it).
 */
export class GoogleMapsDistanceProvider implements TravelDistanceProvider {
  readonly name = 'google-maps';
  readonly estimate = false;
  private readonly client: Client;
  /** A refused key is logged once until a request succeeds again, not on every quote. */
  private deniedLogged = false;

  constructor(
    private readonly settings: GoogleMapsSettings,
    private readonly logger: Logger,
  ) {
    this.client = new Client({ config: { timeout: settings.timeoutMs, raxConfig: { retry: 0 } } });
  }

  async geocode(address: string): Promise<GeocodedAddress> {
    const body = await this.request<GeocodeBody>('geocode', (signal) =>
      this.client.geocode({
        params: { address, key: this.settings.apiKey, region: 'us' },
        ...this.requestOptions('/maps/api/geocode/json', signal),
      }),
    );
    const place = body.status === 'OK' ? readGeocode(body) : undefined;
    if (!place) throw new AddressNotFoundError();
    return { ...place, raw: body };
  }

  async driveMatrix(params: { origins: LatLng[]; destinations: LatLng[]; departure?: Date }): Promise<DriveMatrix> {
    const { origins, destinations } = params;
    // Google refuses a departure time in the past; then the drive is timed without traffic.
    const departure = params.departure && params.departure.getTime() > Date.now() ? params.departure : undefined;
    const legs = origins.map(() => destinations.map(() => null)) as DriveMatrix['legs'];
    const raw: unknown[] = [];
    for (const batch of planMatrixBatches(origins.length, destinations.length)) {
      const batchOrigins = origins.slice(...batch.origins);
      const batchDestinations = destinations.slice(...batch.destinations);
      const body = await this.request<DistanceMatrixBody>('distance matrix', (signal) =>
        this.client.distancematrix({
          params: {
            origins: batchOrigins,
            destinations: batchDestinations,
            units: UnitSystem.imperial,
            ...(departure ? { departure_time: departure, traffic_model: TrafficModel.best_guess } : {}),
            key: this.settings.apiKey,
          },
          ...this.requestOptions('/maps/api/distancematrix/json', signal),
        }),
      );
      raw.push(body);
      batchOrigins.forEach((_origin, i) =>
        batchDestinations.forEach((_destination, j) => {
          legs[batch.origins[0] + i][batch.destinations[0] + j] = readElement(body.rows?.[i]?.elements?.[j]);
        }),
      );
    }
    return { legs, raw };
  }

  private requestOptions(path: string, signal: AbortSignal) {
    return {
      ...(this.settings.baseUrl ? { url: new URL(path, this.settings.baseUrl).toString() } : {}),
      timeout: this.settings.timeoutMs,
      // The axios timeout covers waiting for an answer; the signal also bounds a slow body.
      signal,
      raxConfig: { retry: 0 },
    };
  }

  /** One Google request, retried while Google says to slow down; every other failure ends it. */
  private async request<T extends { status?: string }>(what: string, send: (signal: AbortSignal) => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let body: T | undefined;
      let outcome: GoogleOutcome | 'unreachable';
      let errorMessage: string | undefined;
      try {
        body = (await send(AbortSignal.timeout(this.settings.timeoutMs))).data;
        outcome = outcomeOf(body.status);
      } catch (error) {
        // The SDK's adapter rejects non-OK statuses with Google's body attached; no body means no answer.
        const data = (error as { response?: { data?: { status?: string; error_message?: string } } }).response?.data;
        outcome = data?.status ? outcomeOf(data.status) : 'unreachable';
        errorMessage = data?.error_message;
      }
      switch (outcome) {
        case 'ok':
          this.deniedLogged = false;
          return body!;
        case 'not-found':
          // Element statuses say which pair had no road; a whole answer of nothing means Google cannot place the address.
          throw new AddressNotFoundError();
        case 'retry':
          if (attempt < this.settings.maxAttempts) {
            await sleep((this.settings.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS) * 2 ** (attempt - 1));
            continue;
          }
          this.logger.warn({ provider: this.name, request: what, attempts: attempt }, 'Google Maps is still over its query limit after retries');
          throw new TravelProviderError('busy', `Google Maps ${what}: over the query limit after ${attempt} attempts`);
        case 'denied':
          if (!this.deniedLogged) {
            this.deniedLogged = true;
            this.logger.error(
              { provider: this.name, request: what, googleMessage: errorMessage?.slice(0, 200) },
              'Google Maps refused the request (REQUEST_DENIED or over the daily limit): check GOOGLE_MAPS_API_KEY, its billing, and that the Geocoding and Distance Matrix APIs are enabled for it. Travel quotes are unavailable until then.',
            );
          }
          throw new TravelProviderError('unavailable', `Google Maps ${what}: the key was refused`);
        case 'failed':
        case 'unreachable':
          this.logger.warn({ provider: this.name, request: what, outcome, googleMessage: errorMessage?.slice(0, 200) }, 'Google Maps request failed');
          throw new TravelProviderError('unavailable', `Google Maps ${what}: ${outcome === 'unreachable' ? 'no answer (timed out or unreachable)' : 'the request failed'}`);
      }
    }
  }
}

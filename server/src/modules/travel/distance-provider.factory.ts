import type { Config } from '../../app/config';
import { GoogleMapsDistanceProvider } from '../../providers/google-maps/google-maps.sdk';
import type { Logger } from '../../shared/logger';
import { LocalDistanceProvider } from './local.distance';
import type { TravelDistanceProvider } from './travel.port';

/** Google Maps when GOOGLE_MAPS_API_KEY is set, else the offline estimate. */
export function createDistanceProvider(config: Config['travel'], providerTimeoutMs: number, logger: Logger): TravelDistanceProvider {
  if (config.googleMaps) {
    return new GoogleMapsDistanceProvider({ ...config.googleMaps, timeoutMs: providerTimeoutMs }, logger);
  }
  return new LocalDistanceProvider({ roadFactor: config.roadFactor, averageMph: config.averageMph });
}

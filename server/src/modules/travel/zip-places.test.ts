import { describe, expect, it } from 'vitest';
import { LocalDistanceProvider } from './local.distance';
import { AddressNotFoundError } from './travel.port';
import { placeByZipOrCity } from './zip-places';

const VACAVILLE = { lat: 38.3482, lng: -121.9538 };

describe('placeByZipOrCity', () => {
  it.each([
    ['123 Main St, Sacramento, CA 95814', 'Sacramento, CA 95814', 'zip'],
    ['1 Example St, San Francisco, CA 94103', 'San Francisco, CA 94103', 'zip'],
    ['77 Sample Rd Fremont 94538', 'Fremont, CA 94538', 'zip'],
    ['95814', 'Sacramento, CA 95814', 'zip'],
    ['12345 Main St, Sacramento, CA 95814-1234', 'Sacramento, CA 95814', 'zip'], // ZIP+4; a five-digit house number is not the ZIP
    ['123 Main St Sacramento', 'Sacramento, CA', 'city'],
    ['12345 Main St Sacramento', 'Sacramento, CA', 'city'],
    ['45 Oak Ave, Fremont CA', 'Fremont, CA', 'city'],
    ['45 Oak Ave Fremont', 'Fremont, CA', 'city'], // Fremont is in several states: the one nearest the base
    ['500 Camino Example Santa Clara', 'Santa Clara, CA', 'city'],
    ['77 Example Plaza Oakland', 'Oakland, CA', 'city'],
    ['9 Pine St Apt 4 San Jose California', 'San Jose, CA', 'city'],
    ['Los Angeles, CA', 'Los Angeles, CA', 'city'],
    ['45 Oak Ave, Fremont, NE', 'Fremont, NE', 'city'], // a state given wins over nearness
  ])('%s -> %s (by %s)', (address, formatted, matchedBy) => {
    expect(placeByZipOrCity(address, VACAVILLE)).toMatchObject({ formattedAddress: formatted, matchedBy });
  });

  it.each(['asdf qwerty', '45 Oak Ave', '', '00000', 'Sacramento, TX'])('cannot place "%s"', (address) => {
    expect(placeByZipOrCity(address, VACAVILLE)).toBeUndefined();
  });

  it('places a city at the centroid of its ZIPs', () => {
    const place = placeByZipOrCity('123 Main St Sacramento', VACAVILLE)!;
    expect(place.zips.length).toBeGreaterThan(10);
    expect(place.location.lat).toBeCloseTo(38.58, 1);
    expect(place.location.lng).toBeCloseTo(-121.47, 1);
  });
});

describe('LocalDistanceProvider', () => {
  const provider = new LocalDistanceProvider({ roadFactor: 1.25, averageMph: 45 });

  it('estimates road miles as the straight line times the road factor, and minutes at the average speed', async () => {
    const sacramento = await provider.geocode('95814');
    const { legs } = await provider.driveMatrix({ origins: [VACAVILLE], destinations: [sacramento.location, VACAVILLE] });
    expect(legs[0][0]!.miles).toBeGreaterThan(35);
    expect(legs[0][0]!.miles).toBeLessThan(40);
    expect(legs[0][0]!.minutes).toBe(Math.round((legs[0][0]!.miles / 45) * 60));
    expect(legs[0][1]).toEqual({ miles: 0, minutes: 0 });
  });

  it('answers an address it cannot place with AddressNotFoundError', async () => {
    await expect(provider.geocode('qwerty uiop')).rejects.toBeInstanceOf(AddressNotFoundError);
  });
});

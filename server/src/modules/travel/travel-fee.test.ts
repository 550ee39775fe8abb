import { describe, expect, it } from 'vitest';
import { bandLabel, SERVICE_AREA_EXCEEDED, serviceBand, TravelBand, travelFee, type TravelRules } from './travel-fee';

const SPEC_RULES: TravelRules = { freeMiles: 30, feeCentsPerMile: 200, maxMiles: 100, primaryMiles: 30, secondaryMiles: 60 };

describe('travelFee with the SPEC §4 rules', () => {
  it.each([
    // miles, fee in cents, billable miles, band
    [0, 0, 0, TravelBand.PRIMARY],
    [12.3, 0, 0, TravelBand.PRIMARY],
    [30, 0, 0, TravelBand.PRIMARY],
    [30.04, 0, 0, TravelBand.PRIMARY], // rounds to 30.0
    [30.05, 200, 1, TravelBand.SECONDARY], // rounds to 30.1: a started mile counts
    [31, 200, 1, TravelBand.SECONDARY],
    [40, 2000, 10, TravelBand.SECONDARY], // SPEC: 40 mi is $20
    [40.1, 2200, 11, TravelBand.SECONDARY],
    [50, 4000, 20, TravelBand.SECONDARY], // SPEC: 50 mi is $40
    [60, 6000, 30, TravelBand.SECONDARY],
    [60.1, 6200, 31, TravelBand.EXTENDED],
    [80, 10000, 50, TravelBand.EXTENDED], // SPEC: 80 mi is $100
    [99.99, 14000, 70, TravelBand.EXTENDED], // rounds to 100.0
    [100, 14000, 70, TravelBand.EXTENDED],
  ])('%s mi costs %s cents (%s billable miles), band %s', (miles, feeCents, billableMiles, band) => {
    expect(travelFee(miles, SPEC_RULES)).toEqual({ miles: Math.round(miles * 10) / 10, billableMiles, feeCents, band, declined: false, declineReason: null });
  });

  it.each([100.05, 100.1, 101, 250])('%s mi is declined with the sentence customers see', (miles) => {
    expect(travelFee(miles, SPEC_RULES)).toMatchObject({ feeCents: 0, band: TravelBand.OUTSIDE, declined: true, declineReason: SERVICE_AREA_EXCEEDED });
    expect(SERVICE_AREA_EXCEEDED).toBe('Service area exceeded. Please contact us for special arrangements.');
  });

  it('follows configured numbers', () => {
    const rules: TravelRules = { freeMiles: 10, feeCentsPerMile: 150, maxMiles: 50, primaryMiles: 10, secondaryMiles: 25 };
    expect(travelFee(20, rules)).toMatchObject({ feeCents: 1500, band: TravelBand.SECONDARY });
    expect(travelFee(30, rules)).toMatchObject({ feeCents: 3000, band: TravelBand.EXTENDED });
    expect(travelFee(50.1, rules)).toMatchObject({ declined: true, band: TravelBand.OUTSIDE });
  });

  it('refuses a distance that is not one', () => {
    expect(() => travelFee(-1, SPEC_RULES)).toThrow(RangeError);
    expect(() => travelFee(Number.NaN, SPEC_RULES)).toThrow(RangeError);
  });
});

describe('service bands', () => {
  it.each([
    [0, TravelBand.PRIMARY],
    [30, TravelBand.PRIMARY],
    [30.1, TravelBand.SECONDARY],
    [60, TravelBand.SECONDARY],
    [60.1, TravelBand.EXTENDED],
    [100, TravelBand.EXTENDED],
    [100.1, TravelBand.OUTSIDE],
  ])('%s mi is %s', (miles, band) => {
    expect(serviceBand(miles, SPEC_RULES)).toBe(band);
  });

  it.each([
    [TravelBand.PRIMARY, 'Primary service area (up to 30 mi)'],
    [TravelBand.SECONDARY, 'Secondary service area (30 to 60 mi)'],
    [TravelBand.EXTENDED, 'Extended service area (60 to 100 mi)'],
    [TravelBand.OUTSIDE, 'Outside our service area (over 100 mi)'],
  ])('%s is labelled "%s"', (band, label) => {
    expect(bandLabel(band, SPEC_RULES)).toBe(label);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDollars, priceBreakdown } from './pricing';

const prices = { pricePerAdultCents: 6000, pricePerKidCents: 3000, minimumSpendCents: 60000, depositCents: 10000 };

describe('a booking price', () => {
  it('charges adults and kids at their prices above the minimum, plus travel', () => {
    const price = priceBreakdown({ ...prices, adults: 20, kids: 4, travelFeeCents: 2000, paidCents: 0 });
    expect(price).toMatchObject({ foodCents: 132000, minimumTopUpCents: 0, totalCents: 134000, balanceCents: 134000 });
  });

  it('raises a small party to the minimum spend', () => {
    const price = priceBreakdown({ ...prices, adults: 6, kids: 2, travelFeeCents: 0, paidCents: 0 });
    expect(price).toMatchObject({ foodCents: 42000, minimumTopUpCents: 18000, totalCents: 60000 });
  });

  it('takes what was paid off the balance, never below zero', () => {
    expect(priceBreakdown({ ...prices, adults: 10, kids: 0, travelFeeCents: 4000, paidCents: 10000 }).balanceCents).toBe(54000);
    expect(priceBreakdown({ ...prices, adults: 10, kids: 0, travelFeeCents: 0, paidCents: 70000 }).balanceCents).toBe(0);
  });

  it('reads as dollars', () => {
    expect(formatDollars(134000)).toBe('$1,340');
    expect(formatDollars(5050)).toBe('$50.50');
  });
});

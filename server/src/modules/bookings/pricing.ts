/**
 * The price of an event in integer cents (SPEC §4): adults and kids at their prices, raised to
 * the minimum spend, plus the travel fee. The deposit is part of the total, and the balance is
 * what remains after what has been paid. Pure: the booking stores the prices it was quoted at
 * and this computes the rest wherever it is shown.
 */
export interface PriceInputs {
  adults: number;
  kids: number;
  pricePerAdultCents: number;
  pricePerKidCents: number;
  minimumSpendCents: number;
  travelFeeCents: number;
  depositCents: number;
  paidCents: number;
}

export interface PriceBreakdownValues extends PriceInputs {
  /** Adults and kids at their prices, before the minimum. */
  foodCents: number;
  /** What the minimum adds when the food comes to less (0 otherwise). */
  minimumTopUpCents: number;
  totalCents: number;
  balanceCents: number;
}

export function priceBreakdown(inputs: PriceInputs): PriceBreakdownValues {
  const { adults, kids, pricePerAdultCents, pricePerKidCents, minimumSpendCents, travelFeeCents, depositCents, paidCents } = inputs;
  const foodCents = adults * pricePerAdultCents + kids * pricePerKidCents;
  const minimumTopUpCents = Math.max(0, minimumSpendCents - foodCents);
  const totalCents = foodCents + minimumTopUpCents + travelFeeCents;
  // Named fields, not a spread: `inputs` is often a whole booking, and this runs for every row of a page.
  return { adults, kids, pricePerAdultCents, pricePerKidCents, minimumSpendCents, travelFeeCents, depositCents, paidCents, foodCents, minimumTopUpCents, totalCents, balanceCents: Math.max(0, totalCents - paidCents) };
}

/** The price list new bookings are quoted at (configuration). */
export interface PriceList {
  pricePerAdultCents: number;
  pricePerKidCents: number;
  minimumSpendCents: number;
  depositCents: number;
}

/** Dollars as a customer reads them: $1,200 or $1,200.50. */
export function formatDollars(cents: number): string {
  const dollars = cents / 100;
  return `$${dollars.toLocaleString('en-US', { minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
}

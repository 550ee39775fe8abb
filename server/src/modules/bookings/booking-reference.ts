/**
 * The short reference a customer quotes in a payment memo ("HB-1A2B3C"): "HB-" and the first six
 * hex digits of the booking's id, upper-case. Not unique on its own (16.7 million values), so
 * whoever reads it back also checks the name or the amount.
 */
export function bookingReference(bookingId: string): string {
  const hex = bookingId.replace(/-/g, '').slice(0, 6);
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) throw new Error('A booking id is a uuid');
  return `HB-${hex.toUpperCase()}`;
}

// TEMPORARY STAND-IN, NOT TO SHIP: the real matcher (branch `matcher`) replaces this file and keeps its interface.
export type MatchType = 'DEPOSIT' | 'FULL' | 'BALANCE' | 'BALANCE_WITH_TIP';
export interface CreditToMatch { id: string; amountCents: number; postedOn: string; description: string; counterpartyName: string | null }
export interface BookingToMatch {
  id: string; reference: string; customerName: string; customerPhone: string | null; eventDate: string;
  status: 'INQUIRY' | 'PENDING_TERMS' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED'; depositCents: number; totalCents: number; paidCents: number;
}
export interface MatchSuggestion { bookingId: string; type: MatchType; confidence: number; reason: string }
export interface MatchCreditsOptions { excludedBookingIds?: ReadonlyMap<string, ReadonlySet<string>>; maxSuggestions?: number }

/** Stand-in rule: the booking reference in the memo (0.95 with an amount equal to what is due, else 0.45); a cancelled booking at 0.5 at most. */
export async function matchCredits(credits: readonly CreditToMatch[], bookings: readonly BookingToMatch[], options: MatchCreditsOptions = {}): Promise<Map<string, MatchSuggestion[]>> {
  return new Map(
    credits.map((credit) => {
      const text = credit.description.toUpperCase();
      const found = bookings.flatMap((b): MatchSuggestion[] => {
        if (options.excludedBookingIds?.get(credit.id)?.has(b.id) || !text.includes(b.reference)) return [];
        const type: MatchType | null = credit.amountCents === b.totalCents - b.paidCents ? (b.paidCents === 0 ? 'FULL' : 'BALANCE') : credit.amountCents === b.depositCents ? 'DEPOSIT' : null;
        const confidence = Math.min(type ? 0.95 : 0.45, b.status === 'CANCELLED' ? 0.5 : 1);
        return [{ bookingId: b.id, type: type ?? 'BALANCE', confidence, reason: `Reference ${b.reference}, amount ${type ? `= ${type.toLowerCase()}` : 'is not what is due'}` }];
      });
      return [credit.id, found.slice(0, options.maxSuggestions ?? 3)];
    }),
  );
}

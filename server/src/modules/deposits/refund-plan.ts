/** A ledger row as the refund plan reads it. */
export interface PaidRow {
  source: 'CARD' | 'BANK' | 'MANUAL';
  kind: 'DEPOSIT' | 'FULL' | 'BALANCE' | 'BALANCE_WITH_TIP' | 'REFUND';
  /** Negative for a refund. */
  amountCents: number;
  /** The card payment's payment intent (CARD), the bank transaction, or the reference typed by staff. */
  externalId: string;
}

export interface RefundPlan {
  /** One refund per card payment, each at most what that payment brought. */
  card: Array<{ paymentIntentId: string; amountCents: number }>;
  /** What only a person can send back (bank transfers, cash, checks). */
  byHandCents: number;
}

/**
 * How a cancellation's refund is given back: the kept part (the deposit, when cancelled late) is
 * kept from deposit payments first, so the card that paid a deposit keeps it and a later bank
 * transfer is what is owed back; what remains of each card payment goes back to that card, and
 * the rest (bank transfers, cash) by hand. Never more to cards than `refundCents` in all (an
 * earlier refund already lowered what was paid).
 */
export function planRefund(rows: readonly PaidRow[], refundCents: number, keptCents: number): RefundPlan {
  const payments = rows.filter((row) => row.kind !== 'REFUND' && row.amountCents > 0);
  const ordered = [...payments.filter((row) => row.kind === 'DEPOSIT'), ...payments.filter((row) => row.kind !== 'DEPOSIT')];
  let toKeep = Math.max(0, keptCents);
  let toRefund = Math.max(0, refundCents);
  const card: RefundPlan['card'] = [];
  for (const row of ordered) {
    const kept = Math.min(toKeep, row.amountCents);
    toKeep -= kept;
    if (row.source !== 'CARD') continue;
    const back = Math.min(row.amountCents - kept, toRefund);
    if (back <= 0) continue;
    const same = card.find((part) => part.paymentIntentId === row.externalId);
    if (same) same.amountCents += back;
    else card.push({ paymentIntentId: row.externalId, amountCents: back });
    toRefund -= back;
  }
  return { card, byHandCents: toRefund };
}

import { describe, expect, it } from 'vitest';
import { planRefund, type PaidRow } from './refund-plan';

const cardDeposit: PaidRow = { source: 'CARD', kind: 'DEPOSIT', amountCents: 10_000, externalId: 'pi_deposit' };
const zelleBalance: PaidRow = { source: 'BANK', kind: 'BALANCE', amountCents: 30_000, externalId: 'bank_1' };
const cardBalance: PaidRow = { source: 'CARD', kind: 'BALANCE', amountCents: 50_000, externalId: 'pi_balance' };

describe('giving a cancellation’s money back', () => {
  it('early: every card payment back to its card, the bank transfer by hand', () => {
    expect(planRefund([cardDeposit, zelleBalance], 40_000, 0)).toEqual({ card: [{ paymentIntentId: 'pi_deposit', amountCents: 10_000 }], byHandCents: 30_000 });
  });

  it('late: the card deposit is kept, the rest refunded the way it was paid', () => {
    expect(planRefund([cardDeposit, zelleBalance], 30_000, 10_000)).toEqual({ card: [], byHandCents: 30_000 });
    expect(planRefund([cardDeposit, cardBalance], 50_000, 10_000)).toEqual({ card: [{ paymentIntentId: 'pi_balance', amountCents: 50_000 }], byHandCents: 0 });
  });

  it('late, with a deposit paid partly: the kept part comes off the deposit, then the next payment', () => {
    const halfDeposit: PaidRow = { ...cardDeposit, amountCents: 5_000 };
    expect(planRefund([cardBalance, halfDeposit], 45_000, 10_000)).toEqual({ card: [{ paymentIntentId: 'pi_balance', amountCents: 45_000 }], byHandCents: 0 });
  });

  it('never sends cards more than is owed (an earlier refund lowered what was paid)', () => {
    const earlier: PaidRow = { source: 'CARD', kind: 'REFUND', amountCents: -4_000, externalId: 're_1' };
    expect(planRefund([cardDeposit, earlier], 6_000, 0)).toEqual({ card: [{ paymentIntentId: 'pi_deposit', amountCents: 6_000 }], byHandCents: 0 });
  });

  it('nothing paid, nothing to give back', () => {
    expect(planRefund([], 0, 0)).toEqual({ card: [], byHandCents: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { normalisePayerName, readMemo } from './payer-name';

describe('the payer of a bank line', () => {
  it.each([
    // [description, counterparty name from the feed, name, via]
    ['Zelle payment from JOHN A SMITH Conf# 8xk2', null, 'JOHN A SMITH', 'ZELLE'],
    ['ZELLE FROM JOHN SMITH ON 06/14 REF # BAC0X8K2QW', null, 'JOHN SMITH', 'ZELLE'],
    ['Zelle Transfer Conf# 4K2J9QWE1; SMITH, JOHN', null, 'JOHN SMITH', 'ZELLE'],
    ['Zelle Transfer Conf# 4K2J9QWE1; SMITH, JOHN A hibachi 6/14', null, 'JOHN A SMITH', 'ZELLE'],
    ['ZELLE PAYMENT FROM MATTHEW RYAN hibachi JL28Q2UJ66E', null, 'MATTHEW RYAN', 'ZELLE'],
    ['ZELLE PAYMENT FROM MARY JONES KVBHFWQTX', null, 'MARY JONES', 'ZELLE'],
    ['Zelle payment from CHRISTOPHER WILLIA', null, 'CHRISTOPHER WILLIA', 'ZELLE'],
    ["Zelle payment from Mr. O'Connor-Smith Jr Conf# 1x9", null, "O'Connor-Smith", 'ZELLE'],
    ['Zelle payment from JOHN SMITH for hibachi deposit Conf# 8xk2', null, 'JOHN SMITH', 'ZELLE'],
    ['VENMO *JSMITH', 'Venmo', 'JSMITH', 'VENMO'],
    ['VENMO *JOHN-SMITH-12', null, 'JOHN-SMITH', 'VENMO'],
    ['CASH APP*JANE DOE', null, 'JANE DOE', 'CASH_APP'],
    ['Cash App*JANE DOE*OAKLAND CA', 'Cash App', 'JANE DOE', 'CASH_APP'],
    ['ONLINE TRANSFER FROM JOHN SMITH REF #IB0QWE2K', null, 'JOHN SMITH', 'TRANSFER'],
    ['ACH CREDIT JOSEPH SCHMIDT PPD ID: 8053213980', null, 'JOSEPH SCHMIDT', 'TRANSFER'],
    ['Zelle payment from J SMITH Conf# 8xk2', 'John Smith', 'John Smith', 'ZELLE'],
    ['MOBILE DEPOSIT REF 123456', null, null, 'CHECK'],
  ] as const)('%s (counterparty %s): %s via %s', (description, counterparty, name, via) => {
    expect(normalisePayerName(description, counterparty)).toMatchObject({ name, via });
  });

  it('marks Venmo and Cash App handles, and only those', () => {
    expect(normalisePayerName('VENMO *JSMITH', null).handle).toBe(true);
    expect(normalisePayerName("Zelle payment from O'CONNOR Conf# 1", null).handle).toBe(false);
  });

  it.each([
    ['STRIPE TRANSFER ST-A1B2C3D4E5F6', 'PAYOUT'],
    ['SQUARE INC 260614 SQ4K2J9QWE', 'PAYOUT'],
    ['VENMO CASHOUT', 'PAYOUT'],
    ['CASH APP*CASH OUT', 'PAYOUT'],
    ['INTEREST PAYMENT', 'INTEREST'],
    ['TRANSFER FROM SAVINGS XXXXXX4821', 'OWN_TRANSFER'],
    ['ONLINE TRANSFER FROM SAV ...4821', 'OWN_TRANSFER'],
    ['AMAZON.COM REFUND', 'REFUND'],
    ['IRS TREAS 310 TAX REF', 'REFUND'],
  ])('names nobody in a line that is not a customer paying: %s (%s)', (description, via) => {
    expect(normalisePayerName(description, 'Stripe')).toEqual({ name: null, via, handle: false });
  });
});

describe('clues in the memo', () => {
  it('reads a booking reference in any case and spacing', () => {
    expect(readMemo('Zelle payment from JOHN SMITH hb 1a2b3c Conf# 8xk2').references).toEqual(['HB-1A2B3C']);
    expect(readMemo('Zelle payment from JOHN SMITH HB-1A2B3C').references).toEqual(['HB-1A2B3C']);
  });

  it('reads a phone number written as one, not a trace id or a run of digits', () => {
    expect(readMemo('Zelle payment from JOHN SMITH (916) 555-0134').phones).toEqual(['9165550134']);
    expect(readMemo('CASH APP*JANE DOE 916.555.0134').phones).toEqual(['9165550134']);
    expect(readMemo('ACH CREDIT JOSEPH SCHMIDT PPD ID: 8053213980').phones).toEqual([]);
    expect(readMemo('Zelle payment from JOHN SMITH Conf# BAC9165550134').phones).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { accountOf, bankTransactionOf, failureOf, type PlaidTransactionWire } from './plaid.mapper';

const base: PlaidTransactionWire = { transaction_id: 'tx-1', account_id: 'acc-1', amount: 0, date: '2026-11-28', name: 'name', pending: false };

describe('bankTransactionOf', () => {
  it('turns Plaid’s sign round: a negative Plaid amount is money in, in cents', () => {
    const credit = bankTransactionOf({ ...base, amount: -540.1, original_description: 'Zelle payment from JOHN A SMITH Conf# 8xk2', payment_meta: { payer: 'JOHN A SMITH', payee: null } });
    expect(credit).toEqual({
      externalId: 'tx-1',
      accountId: 'acc-1',
      amountCents: 54010,
      postedOn: '2026-11-28',
      description: 'Zelle payment from JOHN A SMITH Conf# 8xk2',
      counterpartyName: 'JOHN A SMITH',
      pending: false,
    });
    const debit = bankTransactionOf({ ...base, amount: 12.34, name: 'COSTCO WHSE #0423', merchant_name: 'Costco', payment_meta: { payer: 'Someone', payee: null } });
    expect(debit).toMatchObject({ amountCents: -1234, description: 'COSTCO WHSE #0423', counterpartyName: 'Costco' });
  });

  it('rounds floating amounts to whole cents and never gives -0', () => {
    expect(bankTransactionOf({ ...base, amount: -0.1 - 0.2 }).amountCents).toBe(30);
    expect(Object.is(bankTransactionOf({ ...base, amount: 0 }).amountCents, 0)).toBe(true);
  });

  it('names the counterparty from the payer, then a counterparty that is not a bank, then the merchant', () => {
    expect(bankTransactionOf({ ...base, amount: -50, counterparties: [{ name: 'Chase', type: 'financial_institution' }, { name: 'Jane Doe', type: 'merchant' }] }).counterpartyName).toBe('Jane Doe');
    expect(bankTransactionOf({ ...base, amount: -50, merchant_name: 'Venmo' }).counterpartyName).toBe('Venmo');
    expect(bankTransactionOf({ ...base, amount: -50, payment_meta: { payer: '  ' } }).counterpartyName).toBeNull();
  });

  it('keeps pending, and falls back to the cleaned name without an original description', () => {
    expect(bankTransactionOf({ ...base, amount: -20, pending: true, name: ' CASH APP*JANE DOE ', original_description: null })).toMatchObject({ pending: true, description: 'CASH APP*JANE DOE' });
  });
});

describe('accountOf', () => {
  it('keeps the name, mask and type of an account', () => {
    expect(accountOf({ account_id: 'a', name: 'Checking', official_name: 'Business Checking', mask: '0000', type: 'depository', subtype: 'checking' })).toEqual({
      id: 'a',
      name: 'Business Checking',
      mask: '0000',
      type: 'depository',
      subtype: 'checking',
    });
  });
});

describe('failureOf', () => {
  it('reads Plaid’s error body, and names a call that got no answer UNAVAILABLE', () => {
    const failure = failureOf({ response: { status: 400, data: { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED', error_message: 'the login details of this item have changed' } }, config: { data: '{"access_token":"access-secret"}' } }, 'transactions/sync');
    expect(failure).toMatchObject({ code: 'ITEM_LOGIN_REQUIRED', type: 'ITEM_ERROR' });
    expect(failure.message).toBe('Plaid transactions/sync failed with ITEM_LOGIN_REQUIRED: the login details of this item have changed');
    expect(JSON.stringify({ ...failure, message: failure.message })).not.toContain('access-secret');
    expect(failureOf({ code: 'ECONNABORTED' }, 'link/token/create')).toMatchObject({ code: 'UNAVAILABLE', message: 'Plaid link/token/create did not answer (ECONNABORTED)' });
    expect(failureOf({ response: { status: 502, data: '<html>' } }, 'x').message).toContain('HTTP 502');
  });
});

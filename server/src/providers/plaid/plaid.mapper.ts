import type { BankTransactionInput } from '../../modules/bank-feed/bank-ledger.port';
import { BankFeedFailure, type BankAccountInfo } from './plaid.port';

/** The fields of Plaid's Transaction object the feed reads (snake_case, as on the wire). */
export interface PlaidTransactionWire {
  transaction_id: string;
  account_id?: string | null;
  /** Plaid's sign: positive = money OUT of the account, negative = money in. */
  amount: number;
  date: string;
  name?: string | null;
  original_description?: string | null;
  merchant_name?: string | null;
  pending: boolean;
  payment_meta?: { payer?: string | null; payee?: string | null } | null;
  counterparties?: Array<{ name?: string | null; type?: string | null }> | null;
}

export interface PlaidAccountWire {
  account_id: string;
  name: string;
  official_name?: string | null;
  mask?: string | null;
  type: string;
  subtype?: string | null;
}

/**
 * One Plaid transaction as the ledger takes it: the sign turned round (positive = money in),
 * cents, the date it posted (or, while pending, was made), the bank's own description, and
 * who paid (a credit) or was paid (a debit) when Plaid knows.
 */
export function bankTransactionOf(wire: PlaidTransactionWire): BankTransactionInput {
  const amountCents = -Math.round(wire.amount * 100) || 0; // || 0: never -0
  const moneyIn = amountCents > 0;
  const party = moneyIn ? wire.payment_meta?.payer : wire.payment_meta?.payee;
  const counterparty = wire.counterparties?.find((entry) => entry.name && entry.type !== 'financial_institution')?.name;
  return {
    externalId: wire.transaction_id,
    accountId: wire.account_id ?? null,
    amountCents,
    postedOn: wire.date,
    description: (wire.original_description ?? wire.name ?? '').trim(),
    counterpartyName: nonEmpty(party) ?? nonEmpty(counterparty) ?? nonEmpty(wire.merchant_name),
    pending: wire.pending,
  };
}

export function accountOf(wire: PlaidAccountWire): BankAccountInfo {
  return { id: wire.account_id, name: wire.official_name ?? wire.name, mask: wire.mask ?? null, type: wire.type, subtype: wire.subtype ?? null };
}

/**
 * A failed SDK call as a BankFeedFailure: Plaid's error body (error_code, error_type,
 * error_message) when it answered, else UNAVAILABLE (a timeout, a refused connection).
 * Neither the request nor its headers (the secret, the access token) are kept.
 */
export function failureOf(error: unknown, operation: string): BankFeedFailure {
  const response = (error as { response?: { status?: number; data?: unknown } } | null)?.response;
  const body = response?.data as { error_code?: unknown; error_type?: unknown; error_message?: unknown } | undefined;
  if (body && typeof body.error_code === 'string') {
    const message = typeof body.error_message === 'string' ? body.error_message.slice(0, 300) : 'no message';
    return new BankFeedFailure(body.error_code, typeof body.error_type === 'string' ? body.error_type : 'UNKNOWN', `Plaid ${operation} failed with ${body.error_code}: ${message}`);
  }
  const reason = response?.status ? `HTTP ${response.status}` : ((error as { code?: string } | null)?.code ?? 'no answer');
  return new BankFeedFailure('UNAVAILABLE', 'UNAVAILABLE', `Plaid ${operation} did not answer (${reason})`);
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

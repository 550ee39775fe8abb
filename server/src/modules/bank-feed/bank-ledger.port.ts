/**
 * What the bank feed hands the payments ledger (the contract's PaymentsService.ingestBankTransactions).
 * Declared here with the same shape, so this module depends on that one method only.
 */
export interface BankTransactionInput {
  /** The bank feed's id for the transaction (Plaid's transaction_id). */
  externalId: string;
  accountId: string | null;
  /** Positive = money in (a credit); negative = money out. */
  amountCents: number;
  /** YYYY-MM-DD */
  postedOn: string;
  description: string;
  counterpartyName: string | null;
  pending: boolean;
}

export interface BankLedger {
  ingestBankTransactions(params: {
    source: 'PLAID' | 'UPLOAD';
    connectionId: string | null;
    added: BankTransactionInput[];
    modified: BankTransactionInput[];
    /** externalIds */
    removed: string[];
  }): Promise<{ added: number; modified: number; removed: number }>;
}

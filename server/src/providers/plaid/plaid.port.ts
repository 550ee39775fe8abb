import type { BankTransactionInput } from '../../modules/bank-feed/bank-ledger.port';

/**
 * The bank feed's vendor, behind one interface: plaid.sdk.ts implements it over the `plaid`
 * SDK. An implementation never hands back SDK objects, turns the vendor's failures into
 * BankFeedFailure, gives every call a timeout, and never puts an access token in an error.
 */

export interface BankAccountInfo {
  id: string;
  name: string;
  /** The last digits the bank shows. */
  mask: string | null;
  type: string;
  subtype: string | null;
}

export interface SyncPage {
  added: BankTransactionInput[];
  modified: BankTransactionInput[];
  removed: string[];
  nextCursor: string;
  hasMore: boolean;
  accounts: BankAccountInfo[];
}

/** A public key that signs the vendor's webhooks, as a JWK. */
export interface WebhookKey {
  jwk: { kty: string; crv?: string; x?: string; y?: string; alg?: string; kid?: string; use?: string };
  /** Set once the vendor retired the key. */
  expiredAt: Date | null;
}

export interface BankFeedProvider {
  /** A token for the Link widget: a new connection, or (`accessToken`) update mode to re-connect one. */
  createLinkToken(params: { clientUserId: string; clientName: string; webhookUrl: string; accessToken?: string }): Promise<{ linkToken: string; expiration: Date }>;
  exchangePublicToken(publicToken: string): Promise<{ accessToken: string; itemId: string }>;
  describeItem(accessToken: string): Promise<{ institutionId: string | null; institutionName: string | null; accounts: BankAccountInfo[] }>;
  /** One page of /transactions/sync from `cursor` (null: from the beginning). */
  syncPage(accessToken: string, cursor: string | null): Promise<SyncPage>;
  webhookKey(keyId: string): Promise<WebhookKey>;
}

/**
 * The vendor refused or could not answer. `code` is its error code (ITEM_LOGIN_REQUIRED,
 * TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION...) or UNAVAILABLE for a timeout or no answer.
 */
export class BankFeedFailure extends Error {
  constructor(
    readonly code: string,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'BankFeedFailure';
  }
}

export const ITEM_LOGIN_REQUIRED = 'ITEM_LOGIN_REQUIRED';
export const MUTATION_DURING_PAGINATION = 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION';

import { Configuration, CountryCode, PlaidApi, Products } from 'plaid';
import { accountOf, bankTransactionOf, failureOf, type PlaidAccountWire, type PlaidTransactionWire } from './plaid.mapper';
import type { BankAccountInfo, BankFeedProvider, SyncPage, WebhookKey } from './plaid.port';

export interface PlaidSettings {
  clientId: string;
  secret: string;
  /** Plaid's API for the environment, or a local server speaking its wire format (tests). */
  baseUrl: string;
  /** The longest one request may take. */
  timeoutMs: number;
}

/** Transactions per /transactions/sync page (Plaid's most). */
const PAGE_SIZE = 500;

/**
 * The bank feed over the `plaid` SDK (axios underneath; no retries of its own). The client id
 * and secret travel as headers; every request has a timeout; failures become BankFeedFailure
 * with Plaid's error code and never carry the request (its headers or the access token).
 */
export class PlaidBankFeed implements BankFeedProvider {
  private readonly api: PlaidApi;

  constructor(settings: PlaidSettings) {
    this.api = new PlaidApi(
      new Configuration({
        basePath: settings.baseUrl,
        baseOptions: { timeout: settings.timeoutMs, headers: { 'PLAID-CLIENT-ID': settings.clientId, 'PLAID-SECRET': settings.secret } },
      }),
    );
  }

  async createLinkToken(params: { clientUserId: string; clientName: string; webhookUrl: string; accessToken?: string }): Promise<{ linkToken: string; expiration: Date }> {
    const data = await this.call('link/token/create', () =>
      this.api.linkTokenCreate({
        user: { client_user_id: params.clientUserId },
        client_name: params.clientName.slice(0, 30),
        country_codes: [CountryCode.Us],
        language: 'en',
        webhook: params.webhookUrl,
        // Update mode (re-connect) names the item by its token and asks for no products.
        ...(params.accessToken ? { access_token: params.accessToken } : { products: [Products.Transactions] }),
      }),
    );
    return { linkToken: data.link_token, expiration: new Date(data.expiration) };
  }

  async exchangePublicToken(publicToken: string): Promise<{ accessToken: string; itemId: string }> {
    const data = await this.call('item/public_token/exchange', () => this.api.itemPublicTokenExchange({ public_token: publicToken }));
    return { accessToken: data.access_token, itemId: data.item_id };
  }

  async describeItem(accessToken: string): Promise<{ institutionId: string | null; institutionName: string | null; accounts: BankAccountInfo[] }> {
    const data = await this.call('accounts/get', () => this.api.accountsGet({ access_token: accessToken }));
    const institutionId = data.item.institution_id ?? null;
    let institutionName: string | null = (data.item as { institution_name?: string | null }).institution_name ?? null;
    if (!institutionName && institutionId) {
      const institution = await this.call('institutions/get_by_id', () => this.api.institutionsGetById({ institution_id: institutionId, country_codes: [CountryCode.Us] }));
      institutionName = institution.institution.name;
    }
    return { institutionId, institutionName, accounts: data.accounts.map((account) => accountOf(account as PlaidAccountWire)) };
  }

  async syncPage(accessToken: string, cursor: string | null): Promise<SyncPage> {
    const data = await this.call('transactions/sync', () =>
      this.api.transactionsSync({ access_token: accessToken, count: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    );
    return {
      added: data.added.map((transaction) => bankTransactionOf(transaction as PlaidTransactionWire)),
      modified: data.modified.map((transaction) => bankTransactionOf(transaction as PlaidTransactionWire)),
      removed: data.removed.map((removed) => removed.transaction_id),
      nextCursor: data.next_cursor,
      hasMore: data.has_more,
      accounts: data.accounts.map((account) => accountOf(account as PlaidAccountWire)),
    };
  }

  async webhookKey(keyId: string): Promise<WebhookKey> {
    const data = await this.call('webhook_verification_key/get', () => this.api.webhookVerificationKeyGet({ key_id: keyId }));
    const { key } = data;
    return {
      jwk: { kty: key.kty, crv: key.crv, x: key.x, y: key.y, alg: key.alg, kid: key.kid, use: key.use },
      expiredAt: key.expired_at ? new Date(key.expired_at * 1000) : null,
    };
  }

  private async call<T>(operation: string, request: () => Promise<{ data: T }>): Promise<T> {
    try {
      return (await request()).data;
    } catch (error) {
      throw failureOf(error, operation);
    }
  }
}

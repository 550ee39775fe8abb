import { createHash, randomUUID } from 'node:crypto';
import type http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { FakeHttpServer, httpRequest, sendJson, type FakeRequest } from './fake-http-server';

/**
 * A stand-in for Plaid's API that speaks its wire format (POST JSON bodies, the client id and
 * secret in PLAID-CLIENT-ID / PLAID-SECRET headers, errors as {error_type, error_code,
 * error_message} with HTTP 400) for the real `plaid` SDK in our server: link/token/create,
 * item/public_token/exchange, accounts/get, institutions/get_by_id, transactions/sync (a log
 * of changes per item read from a cursor, in pages), and webhook_verification_key/get. It
 * also plays Plaid's side of webhooks: `deliver()` signs a body with an ES256 key it publishes
 * under a kid, the way Plaid signs Plaid-Verification, and POSTs it.
 */

export const FAKE_PLAID_CLIENT_ID = 'fake-plaid-client-id';
export const FAKE_PLAID_SECRET = 'fake-plaid-secret-0123456789';

export interface FakeTransaction {
  transaction_id: string;
  account_id: string;
  /** Plaid's sign: positive = money out. */
  amount: number;
  date: string;
  name: string;
  original_description?: string | null;
  merchant_name?: string | null;
  pending: boolean;
  payment_meta?: { payer?: string | null; payee?: string | null };
}

type Change = { kind: 'added' | 'modified'; transaction: FakeTransaction } | { kind: 'removed'; transactionId: string; accountId: string };

export interface FakeItem {
  itemId: string;
  accessToken: string;
  institution: { id: string; name: string };
  accounts: Array<{ account_id: string; name: string; mask: string; type: string; subtype: string }>;
  /** Every change in order; a cursor is a position in it. */
  log: Change[];
  /** While set, every call with the access token answers ITEM_LOGIN_REQUIRED. */
  loginRequired: boolean;
  /** The next N requests for a page after the first of an update answer TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION. */
  mutationsDuringPagination: number;
}

export interface SyncRequest {
  itemId: string;
  cursor: string | null;
  /** 'page', or the error code answered. */
  answered: string;
}

function plaidError(res: http.ServerResponse, type: string, code: string, message: string): void {
  sendJson(res, 400, { error_type: type, error_code: code, error_message: message, display_message: null, request_id: randomUUID() });
}

const cursorOf = (position: number) => Buffer.from(`position:${position}`).toString('base64');
function positionOf(cursor: unknown): number | null {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  const match = /^position:(\d+)$/.exec(Buffer.from(String(cursor), 'base64').toString('utf8'));
  return match ? Number(match[1]) : null;
}

export class FakePlaid {
  readonly items = new Map<string, FakeItem>();
  /** Every transactions/sync call, in order. */
  readonly syncRequests: SyncRequest[] = [];
  /** Every webhook_verification_key/get call's key_id, in order. */
  readonly keyRequests: string[] = [];
  /** Transactions per page, whatever `count` asks (so a few transactions make several pages). */
  pageSize = 2;
  /** While set, transactions/sync requests wait for it before they are answered. */
  private held: Promise<void> | null = null;
  /** Requests waiting on `held`. */
  waiting = 0;
  private readonly publicTokens = new Map<string, string>();
  /** Per item, the cursors handed out with has_more: a request with one is a page after the first of an update. */
  private readonly midUpdateCursors = new Map<string, Set<number>>();
  private linkCount = 0;

  private constructor(
    private readonly http: FakeHttpServer,
    readonly kid: string,
    private readonly privateKey: KeyLike,
    private readonly publicJwk: Record<string, unknown>,
  ) {}

  static async start(): Promise<FakePlaid> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const holder: { fake?: FakePlaid } = {};
    const http = await FakeHttpServer.start((request, res) => holder.fake!.handle(request, res));
    holder.fake = new FakePlaid(http, `kid-${randomUUID()}`, privateKey, { ...jwk });
    return holder.fake;
  }

  get url(): string {
    return this.http.url;
  }

  /** Requests to `path` (e.g. /link/token/create), with their bodies. */
  requests(path: string): Array<{ headers: http.IncomingHttpHeaders; body: any }> {
    return this.http.requests.filter((request) => request.url === path).map(({ headers, body }) => ({ headers, body }));
  }

  /** A bank login Link would create; returns its public token (what Link's onSuccess hands the console). */
  newItem(options: { institutionName?: string } = {}): { item: FakeItem; publicToken: string } {
    this.linkCount += 1;
    const itemId = `item-${randomUUID()}`;
    const item: FakeItem = {
      itemId,
      accessToken: `access-sandbox-${randomUUID()}`,
      institution: { id: `ins_${this.linkCount}`, name: options.institutionName ?? 'First Platypus Bank' },
      accounts: [{ account_id: `acc-${randomUUID()}`, name: 'Plaid Checking', mask: '0000', type: 'depository', subtype: 'checking' }],
      log: [],
      loginRequired: false,
      mutationsDuringPagination: 0,
    };
    this.items.set(itemId, item);
    const publicToken = `public-sandbox-${randomUUID()}`;
    this.publicTokens.set(publicToken, itemId);
    return { item, publicToken };
  }

  add(item: FakeItem, transaction: FakeTransaction): void {
    item.log.push({ kind: 'added', transaction });
  }

  modify(item: FakeItem, transaction: FakeTransaction): void {
    item.log.push({ kind: 'modified', transaction });
  }

  remove(item: FakeItem, transactionId: string): void {
    item.log.push({ kind: 'removed', transactionId, accountId: item.accounts[0].account_id });
  }

  /** A cursor the way Plaid's next_cursor for the whole log would be. */
  cursorAtEnd(item: FakeItem): string {
    return cursorOf(item.log.length);
  }

  /**
   * Signs `body` (Plaid-Verification: an ES256 JWT over {iat, request_body_sha256}) and POSTs it
   * to `${target}/webhooks/plaid`. Options forge the header: another alg (HS256 with a shared
   * secret, or none), an old iat, another body hash, an unknown kid, or no header at all.
   */
  async deliver(
    target: string,
    body: unknown,
    options: { alg?: 'ES256' | 'HS256' | 'none'; iatSecondsAgo?: number; bodySha256?: string; kid?: string; header?: null } = {},
  ): Promise<{ status: number; text: string }> {
    const raw = JSON.stringify(body, null, 2); // Plaid's bodies are pretty-printed: the hash is of the exact bytes
    const claims = { request_body_sha256: options.bodySha256 ?? createHash('sha256').update(raw).digest('hex') };
    const iat = Math.floor(Date.now() / 1000) - (options.iatSecondsAgo ?? 0);
    const kid = options.kid ?? this.kid;
    let jwt: string;
    if (options.alg === 'none') {
      const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
      jwt = `${encode({ alg: 'none', kid, typ: 'JWT' })}.${encode({ ...claims, iat })}.`;
    } else if (options.alg === 'HS256') {
      jwt = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' }).setIssuedAt(iat).sign(new TextEncoder().encode(JSON.stringify(this.publicJwk)));
    } else {
      jwt = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).setIssuedAt(iat).sign(this.privateKey);
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.header !== null) headers['plaid-verification'] = jwt;
    const reply = await httpRequest('POST', `${target}/webhooks/plaid`, headers, raw, 10_000);
    return { status: reply.status, text: reply.text };
  }

  /** Holds every transactions/sync request until the returned function is called. */
  holdSyncs(): () => void {
    let release: () => void = () => undefined;
    this.held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.held = null;
      release();
    };
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private itemByToken(token: unknown): FakeItem | undefined {
    return [...this.items.values()].find((item) => item.accessToken === token);
  }

  private async handle({ method, url, body, req }: FakeRequest, res: http.ServerResponse): Promise<void> {
    if (method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    if (req.headers['plaid-client-id'] !== FAKE_PLAID_CLIENT_ID || req.headers['plaid-secret'] !== FAKE_PLAID_SECRET) {
      return plaidError(res, 'INVALID_INPUT', 'INVALID_API_KEYS', 'invalid client_id or secret provided');
    }
    const requestId = randomUUID();
    switch (url.pathname) {
      case '/link/token/create': {
        if (body?.access_token !== undefined && !this.itemByToken(body.access_token)) return plaidError(res, 'INVALID_INPUT', 'INVALID_ACCESS_TOKEN', 'provided access token is in an invalid format');
        return sendJson(res, 200, { link_token: `link-sandbox-${randomUUID()}`, expiration: new Date(Date.now() + 4 * 3600_000).toISOString(), request_id: requestId });
      }
      case '/item/public_token/exchange': {
        const itemId = this.publicTokens.get(body?.public_token);
        if (!itemId) return plaidError(res, 'INVALID_INPUT', 'INVALID_PUBLIC_TOKEN', 'provided public token is in an invalid format');
        this.publicTokens.delete(body.public_token); // a public token exchanges once
        return sendJson(res, 200, { access_token: this.items.get(itemId)!.accessToken, item_id: itemId, request_id: requestId });
      }
      case '/accounts/get': {
        const item = this.itemByToken(body?.access_token);
        if (!item) return plaidError(res, 'INVALID_INPUT', 'INVALID_ACCESS_TOKEN', 'provided access token is in an invalid format');
        if (item.loginRequired) return plaidError(res, 'ITEM_ERROR', 'ITEM_LOGIN_REQUIRED', 'the login details of this item have changed');
        return sendJson(res, 200, {
          accounts: item.accounts.map((account) => ({ ...account, official_name: null, balances: { available: 100, current: 110, iso_currency_code: 'USD', limit: null, unofficial_currency_code: null } })),
          item: { item_id: item.itemId, institution_id: item.institution.id, webhook: null, error: null, available_products: [], billed_products: ['transactions'], consent_expiration_time: null, update_type: 'background' },
          request_id: requestId,
        });
      }
      case '/institutions/get_by_id': {
        const item = [...this.items.values()].find((candidate) => candidate.institution.id === body?.institution_id);
        if (!item) return plaidError(res, 'INVALID_INPUT', 'INVALID_INSTITUTION', 'invalid institution_id provided');
        return sendJson(res, 200, { institution: { institution_id: item.institution.id, name: item.institution.name, products: ['transactions'], country_codes: ['US'], routing_numbers: [], oauth: false }, request_id: requestId });
      }
      case '/transactions/sync':
        if (this.held) {
          this.waiting += 1;
          await this.held;
          this.waiting -= 1;
        }
        return this.transactionsSync(body, res, requestId);
      case '/webhook_verification_key/get': {
        this.keyRequests.push(String(body?.key_id));
        if (body?.key_id !== this.kid) return plaidError(res, 'INVALID_INPUT', 'INVALID_WEBHOOK_VERIFICATION_KEY_ID', 'invalid key_id provided');
        return sendJson(res, 200, { key: { ...this.publicJwk, alg: 'ES256', kid: this.kid, use: 'sig', created_at: 1_560_466_143, expired_at: null }, request_id: requestId });
      }
      default:
        return sendJson(res, 404, { error_type: 'INVALID_REQUEST', error_code: 'NOT_FOUND', error_message: `unknown endpoint ${url.pathname}`, request_id: requestId });
    }
  }

  private transactionsSync(body: any, res: http.ServerResponse, requestId: string): void {
    const item = this.itemByToken(body?.access_token);
    if (!item) return plaidError(res, 'INVALID_INPUT', 'INVALID_ACCESS_TOKEN', 'provided access token is in an invalid format');
    const cursor = (body?.cursor as string | undefined) ?? null;
    const record = (answered: string) => this.syncRequests.push({ itemId: item.itemId, cursor, answered });
    if (item.loginRequired) {
      record('ITEM_LOGIN_REQUIRED');
      return plaidError(res, 'ITEM_ERROR', 'ITEM_LOGIN_REQUIRED', 'the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information');
    }
    const start = positionOf(cursor);
    if (start === null || start > item.log.length) {
      record('INVALID_FIELD');
      return plaidError(res, 'INVALID_REQUEST', 'INVALID_FIELD', 'cursor not associated with access_token');
    }
    // A page after the first of an update (the cursor is one this update handed out, not the end of the last).
    const handedOut = this.midUpdateCursors.get(item.itemId) ?? new Set<number>();
    this.midUpdateCursors.set(item.itemId, handedOut);
    const midUpdate = handedOut.has(start);
    if (midUpdate && item.mutationsDuringPagination > 0) {
      item.mutationsDuringPagination -= 1;
      record('TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION');
      return plaidError(res, 'TRANSACTIONS_ERROR', 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION', 'Underlying transaction data changed since last page was fetched. Please restart pagination from last update.');
    }
    const size = Math.min(Number(body?.count ?? 100), this.pageSize);
    const changes = item.log.slice(start, start + size);
    const end = start + changes.length;
    const hasMore = end < item.log.length;
    record('page');
    if (hasMore) handedOut.add(end);
    const full = (transaction: FakeTransaction) => ({
      iso_currency_code: 'USD',
      unofficial_currency_code: null,
      category: null,
      category_id: null,
      check_number: null,
      location: {},
      merchant_name: null,
      original_description: null,
      payment_meta: { by_order_of: null, payee: null, payer: null, payment_method: null, payment_processor: null, ppd_id: null, reason: null, reference_number: null },
      pending_transaction_id: null,
      account_owner: null,
      authorized_date: null,
      authorized_datetime: null,
      datetime: null,
      payment_channel: 'other',
      transaction_code: null,
      ...transaction,
    });
    sendJson(res, 200, {
      accounts: item.accounts.map((account) => ({ ...account, official_name: null, balances: { available: 100, current: 110, iso_currency_code: 'USD', limit: null, unofficial_currency_code: null } })),
      added: changes.flatMap((change) => (change.kind === 'added' ? [full(change.transaction)] : [])),
      modified: changes.flatMap((change) => (change.kind === 'modified' ? [full(change.transaction)] : [])),
      removed: changes.flatMap((change) => (change.kind === 'removed' ? [{ transaction_id: change.transactionId, account_id: change.accountId }] : [])),
      next_cursor: cursorOf(end),
      has_more: hasMore,
      transactions_update_status: 'HISTORICAL_UPDATE_COMPLETE',
      request_id: requestId,
    });
  }
}

/** The server's environment for this fake. */
export function plaidEnv(fake: FakePlaid): Record<string, string> {
  return { PLAID_CLIENT_ID: FAKE_PLAID_CLIENT_ID, PLAID_SECRET: FAKE_PLAID_SECRET, PLAID_BASE_URL: fake.url };
}

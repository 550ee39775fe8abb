import { createHash, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { decodeProtectedHeader, importJWK, jwtVerify, type JWTPayload, type KeyLike } from 'jose';
import { WebhookProvider } from '../../modules/webhooks/webhook-event.entity';
import { sameSecret, UnknownPayload, type InboundEvent, type RejectionReason, type WebhookSource } from '../../modules/webhooks/webhook-provider';
import type { Logger } from '../../shared/logger';
import type { BankFeedProvider } from './plaid.port';

/** Our services as Plaid's webhooks need them. */
export interface PlaidHandlers {
  /** SYNC_UPDATES_AVAILABLE: the item has new, changed or removed transactions. */
  syncUpdatesAvailable(itemId: string): Promise<void>;
  /** ITEM webhooks: ERROR with ITEM_LOGIN_REQUIRED, PENDING_EXPIRATION, USER_PERMISSION_REVOKED, LOGIN_REPAIRED... */
  itemStatus(itemId: string, code: string): Promise<void>;
}

/** How old a webhook's signature may be (its `iat`). */
const MAX_AGE_SECONDS = 5 * 60;
/** A verification key is kept this long before Plaid is asked again (to learn it expired). */
const KEY_CACHE_MS = 24 * 3600_000;
const SHA256_HEX = /^[0-9a-f]{64}$/;

interface StoredItemEvent {
  itemId: string;
  code: string;
}

/**
 * POST /webhooks/plaid. Every delivery carries a `Plaid-Verification` JWT: signed with ES256
 * only (any other alg, `none` and HS256 included, is refused before a key is looked up), by the
 * key its `kid` names (fetched from /webhook_verification_key/get and cached; a key Plaid has
 * retired is refused), issued at most 5 minutes ago, and naming the SHA-256 of the exact body
 * (compared in constant time). Applying only queues a sync or marks the connection.
 */
export class PlaidWebhookSource implements WebhookSource {
  readonly provider = WebhookProvider.PLAID;
  private readonly keys = new Map<string, { key: KeyLike | Uint8Array; expiredAt: Date | null; fetchedAt: number }>();

  constructor(
    private readonly plaid: Pick<BankFeedProvider, 'webhookKey'>,
    private readonly handlers: PlaidHandlers,
    private readonly logger: Logger,
  ) {}

  async verify(raw: Buffer, headers: IncomingHttpHeaders): Promise<{ ok: true } | { ok: false; reason: RejectionReason }> {
    const token = headers['plaid-verification'];
    if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing-signature' };
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== 'ES256' || typeof header.kid !== 'string' || header.kid === '') return { ok: false, reason: 'bad-signature' };
      kid = header.kid;
    } catch {
      return { ok: false, reason: 'bad-signature' };
    }
    const key = await this.keyFor(kid);
    if (!key) return { ok: false, reason: 'bad-signature' };
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, key, { algorithms: ['ES256'], maxTokenAge: MAX_AGE_SECONDS }));
    } catch {
      return { ok: false, reason: 'bad-signature' };
    }
    const claimed = claims.request_body_sha256;
    if (typeof claimed !== 'string' || !SHA256_HEX.test(claimed)) return { ok: false, reason: 'bad-signature' };
    const actual = createHash('sha256').update(raw).digest('hex');
    return sameSecret(claimed, actual) ? { ok: true } : { ok: false, reason: 'bad-signature' };
  }

  split(body: unknown): InboundEvent[] {
    const delivery = body as { webhook_type?: unknown; webhook_code?: unknown; item_id?: unknown; error?: { error_code?: unknown } | null } | null;
    const type = delivery?.webhook_type;
    const code = delivery?.webhook_code;
    const itemId = delivery?.item_id;
    if (typeof type !== 'string' || typeof code !== 'string') throw new UnknownPayload('not a Plaid webhook: webhook_type and webhook_code are missing');
    // Plaid gives a delivery no id: a redelivery of the same body within the signature's lifetime is the same event.
    const eventId = `${type}:${code}:${typeof itemId === 'string' ? itemId : '-'}:${Math.floor(Date.now() / (MAX_AGE_SECONDS * 1000))}:${digest(JSON.stringify(body))}`;
    if (typeof itemId !== 'string' || itemId === '') return [{ eventId, kind: 'ignored', payload: { type, code } }];
    if (type === 'TRANSACTIONS' && code === 'SYNC_UPDATES_AVAILABLE') {
      // Every one is news: Plaid sends the same body each time an item has new transactions, so
      // a body seen minutes ago is not a redelivery. Applying one is a sync from the stored
      // cursor, which a true redelivery repeats harmlessly.
      return [{ eventId: `${type}:${code}:${itemId}:${randomUUID()}`, kind: 'sync-updates-available', payload: { itemId, code } satisfies StoredItemEvent }];
    }
    if (type === 'ITEM') {
      // ITEM ERROR carries the reason in error.error_code (ITEM_LOGIN_REQUIRED); the others name it in webhook_code.
      const reason = code === 'ERROR' && typeof delivery?.error?.error_code === 'string' ? delivery.error.error_code : code;
      return [{ eventId, kind: 'item-status', payload: { itemId, code: reason } satisfies StoredItemEvent }];
    }
    return [{ eventId, kind: 'ignored', payload: { itemId, type, code } }];
  }

  async apply(kind: string, payload: unknown): Promise<void> {
    const event = payload as StoredItemEvent;
    if (kind === 'sync-updates-available') await this.handlers.syncUpdatesAvailable(event.itemId);
    else if (kind === 'item-status') await this.handlers.itemStatus(event.itemId, event.code);
  }

  /** The key `kid` names, from the cache or Plaid; null when Plaid does not know it or retired it. */
  private async keyFor(kid: string): Promise<KeyLike | Uint8Array | null> {
    let cached = this.keys.get(kid);
    if (!cached || Date.now() - cached.fetchedAt > KEY_CACHE_MS) {
      try {
        const { jwk, expiredAt } = await this.plaid.webhookKey(kid);
        if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') return null;
        cached = { key: await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ES256'), expiredAt, fetchedAt: Date.now() };
        this.keys.set(kid, cached);
      } catch (error) {
        this.logger.warn({ kid: kid.slice(0, 64), err: (error as Error).message }, 'Plaid webhook verification key could not be fetched; the delivery is refused');
        return null;
      }
    }
    if (cached.expiredAt && cached.expiredAt.getTime() <= Date.now()) return null;
    return cached.key;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

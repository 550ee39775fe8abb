import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AdvisoryLockNamespace, withAdvisoryLockIfFree } from '../../shared/db/advisory-lock';
import type { UnitOfWork } from '../../shared/db/unit-of-work';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { BankFeedFailure, ITEM_LOGIN_REQUIRED, MUTATION_DURING_PAGINATION, type BankAccountInfo, type BankFeedProvider } from '../../providers/plaid/plaid.port';
import { BankConnection, BankConnectionStatus } from './bank-connection.entity';
import type { BankLedger, BankTransactionInput } from './bank-ledger.port';
import type { BankFeedRepository } from './bank-feed.repository';
import { BankTokenUnreadable, type TokenCipher } from './token-cipher';

export const SYNC_BANK_CONNECTION = 'bank-feed.sync';
export const SYNC_ALL_BANK_CONNECTIONS = 'bank-feed.sync-all';

/** The alert raised while a connection waits for its owner to sign in at the bank again. */
export const NEEDS_RECONNECT_ALERT = 'BANK_NEEDS_RECONNECT';

/** Restarts of one update that Plaid changed while it was being paged, before the attempt gives up (and the queue retries). */
const MAX_RESTARTS = 5;

/** Plaid failures worth another attempt later; any other refusal is recorded and waits for a person. */
const PASSING_FAILURES = new Set(['UNAVAILABLE', 'RATE_LIMIT_EXCEEDED', 'INTERNAL_SERVER_ERROR', 'PLANNED_MAINTENANCE', 'INSTITUTION_DOWN', 'INSTITUTION_NOT_RESPONDING', 'PRODUCT_NOT_READY']);

/** The alerts module's service, as this module uses it. */
export interface BankAlerts {
  raise(alert: { kind: string; subjectId: string; message: string }): Promise<unknown>;
  resolve(alert: { kind: string; subjectId: string }): Promise<unknown>;
}

export type SyncOutcome =
  | { outcome: 'SYNCED'; added: number; modified: number; removed: number; restarts: number }
  | { outcome: 'NEEDS_RECONNECT' }
  | { outcome: 'BUSY' }
  | { outcome: 'SKIPPED'; reason: string }
  | { outcome: 'FAILED'; message: string; retry: boolean };

interface SyncJob {
  connectionId: string;
}

/** What one sync gathered before handing it over. */
interface GatheredUpdate {
  added: BankTransactionInput[];
  modified: BankTransactionInput[];
  removed: string[];
  nextCursor: string;
  accounts: BankAccountInfo[];
}

const PLAID_NOT_CONFIGURED =
  'The bank connection needs Plaid keys (PLAID_CLIENT_ID and PLAID_SECRET). Until they are set, upload a bank statement on the Payments page.';

/**
 * The Plaid bank feed: connects bank logins through Link, keeps their access tokens sealed,
 * and syncs their transactions into the payments ledger from the persisted cursor. An update
 * is gathered whole (every page until has_more is false; restarted from the cursor it began
 * with when Plaid changes it mid-way), handed over once, and only then is the new cursor
 * saved; the ledger stores each transaction once, so a sync cut short after the handover and
 * run again changes nothing. One sync per connection at a time across instances.
 */
export class BankFeedService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      dataSource: DataSource;
      repository: BankFeedRepository;
      jobs: JobQueue;
      logger: Logger;
      ledger: BankLedger;
      alerts: BankAlerts;
      /** Both present when Plaid is configured. */
      plaid?: { provider: BankFeedProvider; cipher: TokenCipher };
      /** Shown in Link ("<name> wants to use Plaid to connect"). */
      clientName: string;
      /** Where Plaid sends this item's webhooks. */
      webhookUrl: () => string;
    },
  ) {}

  get plaidConfigured(): boolean {
    return this.deps.plaid !== undefined;
  }

  list(): Promise<BankConnection[]> {
    return this.deps.repository.list();
  }

  /** A Link token for a new connection, or for re-connecting `connectionGlobalId` (Link's update mode). */
  async createLinkToken(staffUserId: string, connectionGlobalId?: string | null): Promise<{ linkToken: string; expiration: Date }> {
    const plaid = this.requirePlaid();
    let accessToken: string | undefined;
    if (connectionGlobalId) {
      const connection = await this.findOrFail(connectionGlobalId);
      accessToken = this.openToken(connection);
    }
    return this.asUserFailure(() =>
      plaid.provider.createLinkToken({ clientUserId: staffUserId, clientName: this.deps.clientName, webhookUrl: this.deps.webhookUrl(), accessToken }),
    );
  }

  /**
   * Exchanges the public token Link handed the console for the item's access token, stores
   * it sealed with the bank's accounts, and queues the first sync. Linking a bank already
   * connected replaces its token and makes it CONNECTED again.
   */
  async exchangePublicToken(publicToken: string): Promise<BankConnection> {
    const plaid = this.requirePlaid();
    if (!publicToken.trim()) throw userFailure('REQUIRED', 'The bank did not hand over a connection. Connect the bank again.', 'publicToken');
    const { accessToken, itemId } = await this.asUserFailure(() => plaid.provider.exchangePublicToken(publicToken.trim()));
    const item = await this.asUserFailure(() => plaid.provider.describeItem(accessToken));
    const connection = await this.deps.uow.run(async (tx) => {
      const existing = await this.deps.repository.lockByItemId(tx, itemId);
      const id = existing?.id ?? randomUUID();
      const sealed = plaid.cipher.seal(accessToken, id);
      const fields = {
        institutionId: item.institutionId,
        institutionName: item.institutionName,
        accounts: item.accounts,
        status: BankConnectionStatus.CONNECTED,
        statusReason: null,
        accessTokenSealed: sealed.sealed,
        accessTokenKeyId: sealed.keyId,
      };
      if (existing) await this.deps.repository.update(tx, id, fields);
      else {
        await this.deps.repository.insert(tx, {
          id,
          provider: 'PLAID',
          itemId,
          ...fields,
          syncCursor: null,
          lastSyncedAt: null,
          lastSyncAdded: 0,
          lastSyncModified: 0,
          lastSyncRemoved: 0,
          lastSyncError: null,
        });
      }
      await this.deps.jobs.enqueue<SyncJob>(tx, SYNC_BANK_CONNECTION, { connectionId: id });
      return (await this.deps.repository.find(id, tx))!;
    });
    this.deps.logger.info({ connectionId: connection.id, institution: connection.institutionName, accounts: connection.accounts.length }, 'bank connected through Plaid');
    return connection;
  }

  /** An admin's "Sync now": runs here and answers with the connection as it is afterwards. */
  async syncNow(connectionGlobalId: string): Promise<{ connection: BankConnection; outcome: SyncOutcome }> {
    this.requirePlaid();
    const found = await this.findOrFail(connectionGlobalId);
    const outcome = await this.sync(found.id);
    return { connection: (await this.deps.repository.find(found.id))!, outcome };
  }

  /** Plaid says an item has new transactions: its sync goes on the queue. */
  async requestSync(itemId: string): Promise<void> {
    const connection = await this.deps.repository.findByItemId(itemId);
    if (!connection) {
      this.deps.logger.warn({ itemId }, 'Plaid webhook for a bank connection this server does not have; ignored');
      return;
    }
    await this.deps.uow.run((tx) => this.deps.jobs.enqueue<SyncJob>(tx, SYNC_BANK_CONNECTION, { connectionId: connection.id }));
  }

  /** Plaid's ITEM webhooks: the bank wants a new sign-in, consent is about to expire, access was revoked, or the login works again. */
  async itemStatusChanged(itemId: string, code: string): Promise<void> {
    const connection = await this.deps.repository.findByItemId(itemId);
    if (!connection) {
      this.deps.logger.warn({ itemId, code }, 'Plaid item webhook for a bank connection this server does not have; ignored');
      return;
    }
    if (code === ITEM_LOGIN_REQUIRED || code === 'PENDING_EXPIRATION' || code === 'PENDING_DISCONNECT') await this.markNeedsReconnect(connection, code);
    else if (code === 'USER_PERMISSION_REVOKED' || code === 'USER_ACCOUNT_REVOKED') await this.setStatus(connection, BankConnectionStatus.DISCONNECTED, null);
    else if (code === 'LOGIN_REPAIRED') await this.markRepaired(connection);
  }

  /**
   * One sync of one connection, unless another instance is syncing it (BUSY). Never throws
   * for the bank's own answers: ITEM_LOGIN_REQUIRED marks the connection instead of failing
   * again and again; other refusals are recorded on the connection.
   */
  async sync(connectionId: string, signal?: AbortSignal): Promise<SyncOutcome> {
    const plaid = this.requirePlaid();
    const held = await withAdvisoryLockIfFree(this.deps.dataSource, AdvisoryLockNamespace.BANK_SYNC, connectionId, async (): Promise<SyncOutcome> => {
      // Read under the lock: the cursor is the one the previous sync saved.
      const connection = await this.deps.repository.find(connectionId);
      if (!connection) return { outcome: 'SKIPPED', reason: 'no such connection' };
      if (connection.status === BankConnectionStatus.DISCONNECTED) return { outcome: 'SKIPPED', reason: 'disconnected' };
      let accessToken: string;
      try {
        accessToken = plaid.cipher.open({ keyId: connection.accessTokenKeyId, sealed: connection.accessTokenSealed }, connection.id);
      } catch (error) {
        if (!(error instanceof BankTokenUnreadable)) throw error;
        this.deps.logger.error({ connectionId, keyId: error.keyId }, 'bank access token could not be decrypted: check BANK_TOKEN_KEYS');
        await this.deps.repository.update(undefined, connection.id, { lastSyncError: 'The stored bank token could not be decrypted: the server’s BANK_TOKEN_KEYS do not hold the key it was sealed with.' });
        return { outcome: 'FAILED', message: 'The stored bank token could not be decrypted.', retry: false };
      }

      let gathered: GatheredUpdate;
      let restarts = 0;
      try {
        for (;;) {
          try {
            gathered = await this.gather(plaid.provider, accessToken, connection.syncCursor, signal);
            break;
          } catch (error) {
            if (!(error instanceof BankFeedFailure) || error.code !== MUTATION_DURING_PAGINATION || restarts >= MAX_RESTARTS) throw error;
            restarts += 1; // from the cursor the update began with: what was gathered is dropped
            this.deps.logger.info({ connectionId, restarts }, 'Plaid changed the update while it was paged; starting it again');
          }
        }
      } catch (error) {
        if (!(error instanceof BankFeedFailure)) throw error;
        if (error.code === ITEM_LOGIN_REQUIRED) {
          await this.markNeedsReconnect(connection, ITEM_LOGIN_REQUIRED);
          return { outcome: 'NEEDS_RECONNECT' };
        }
        const retry = PASSING_FAILURES.has(error.code) || error.code === MUTATION_DURING_PAGINATION;
        this.deps.logger.warn({ connectionId, code: error.code }, 'bank sync failed');
        await this.deps.repository.update(undefined, connection.id, { lastSyncError: error.message.slice(0, 500) });
        return { outcome: 'FAILED', message: error.message, retry };
      }

      // Handed over whole, then the cursor: a crash between the two hands the same update over again, which the ledger stores once.
      const counts = await this.deps.ledger.ingestBankTransactions({
        source: 'PLAID',
        connectionId: connection.id,
        added: gathered.added,
        modified: gathered.modified,
        removed: gathered.removed,
      });
      const wasWaiting = connection.status === BankConnectionStatus.NEEDS_RECONNECT;
      await this.deps.uow.run(async (tx) => {
        await this.deps.repository.update(tx, connection.id, {
          syncCursor: gathered.nextCursor,
          lastSyncedAt: new Date(),
          lastSyncAdded: gathered.added.length,
          lastSyncModified: gathered.modified.length,
          lastSyncRemoved: gathered.removed.length,
          lastSyncError: null,
          ...(gathered.accounts.length > 0 ? { accounts: gathered.accounts } : {}),
          // A sync that works proves the login works again (after Re-connect in update mode).
          ...(wasWaiting ? { status: BankConnectionStatus.CONNECTED, statusReason: null } : {}),
        });
      });
      if (wasWaiting) await this.deps.alerts.resolve({ kind: NEEDS_RECONNECT_ALERT, subjectId: connection.id });
      this.deps.logger.info({ connectionId, ...counts, restarts }, 'bank transactions synced');
      return { outcome: 'SYNCED', added: gathered.added.length, modified: gathered.modified.length, removed: gathered.removed.length, restarts };
    });
    return held.locked ? held.result : { outcome: 'BUSY' };
  }

  /** Every page of one update, from `cursor` until has_more is false. */
  private async gather(provider: BankFeedProvider, accessToken: string, cursor: string | null, signal?: AbortSignal): Promise<GatheredUpdate> {
    const gathered: GatheredUpdate = { added: [], modified: [], removed: [], nextCursor: cursor ?? '', accounts: [] };
    let next = cursor;
    for (;;) {
      signal?.throwIfAborted();
      const page = await provider.syncPage(accessToken, next);
      gathered.added.push(...page.added);
      gathered.modified.push(...page.modified);
      gathered.removed.push(...page.removed);
      if (page.accounts.length > 0) gathered.accounts = page.accounts;
      gathered.nextCursor = page.nextCursor;
      next = page.nextCursor;
      if (!page.hasMore) return gathered;
    }
  }

  /**
   * Re-seals every token sealed under an older key with the current one (at start, and when
   * asked). Each row in its own transaction, locked, so instances starting together agree.
   */
  async rewrapTokens(): Promise<{ rewrapped: number; unreadable: number }> {
    const cipher = this.deps.plaid?.cipher;
    if (!cipher) return { rewrapped: 0, unreadable: 0 };
    let rewrapped = 0;
    let unreadable = 0;
    for (const id of await this.deps.repository.idsSealedUnderOtherKeys(cipher.currentKeyId)) {
      try {
        const done = await this.deps.uow.run(async (tx) => {
          const row = await this.deps.repository.lock(tx, id);
          if (!row || !cipher.needsRewrap({ keyId: row.accessTokenKeyId })) return false;
          const sealed = cipher.rewrap({ keyId: row.accessTokenKeyId, sealed: row.accessTokenSealed }, row.id);
          await this.deps.repository.update(tx, row.id, { accessTokenSealed: sealed.sealed, accessTokenKeyId: sealed.keyId });
          return true;
        });
        if (done) rewrapped += 1;
      } catch (error) {
        if (!(error instanceof BankTokenUnreadable)) throw error;
        unreadable += 1;
        this.deps.logger.error({ connectionId: id, keyId: error.keyId }, 'bank access token could not be re-wrapped: its key is missing from BANK_TOKEN_KEYS or the row was altered');
      }
    }
    if (rewrapped > 0 || unreadable > 0) this.deps.logger.info({ rewrapped, unreadable, keyId: cipher.currentKeyId }, 'bank access tokens re-wrapped under the current key');
    return { rewrapped, unreadable };
  }

  jobs(options: { retryLimit: number; retryDelaySeconds: number; timeoutSeconds: number }): [JobDefinition<SyncJob>, JobDefinition<object>] {
    return [
      {
        name: SYNC_BANK_CONNECTION,
        retryLimit: options.retryLimit,
        retryDelaySeconds: options.retryDelaySeconds,
        expireInSeconds: options.timeoutSeconds,
        concurrency: 2,
        handle: async (job, signal) => {
          if (!this.plaidConfigured) return;
          const result = await this.sync(job.connectionId, signal);
          // Busy: the running sync may have started before the news; this one runs after it.
          if (result.outcome === 'BUSY') throw new Error('a sync of this bank connection is running; trying again after it');
          if (result.outcome === 'FAILED' && result.retry) throw new Error(result.message);
        },
      },
      {
        name: SYNC_ALL_BANK_CONNECTIONS,
        retryLimit: 2,
        retryDelaySeconds: 60,
        expireInSeconds: 60,
        concurrency: 1,
        handle: async () => {
          if (!this.plaidConfigured) return;
          const connections = (await this.deps.repository.list()).filter((connection) => connection.status === BankConnectionStatus.CONNECTED);
          if (connections.length === 0) return;
          await this.deps.uow.run(async (tx) => {
            for (const connection of connections) await this.deps.jobs.enqueue<SyncJob>(tx, SYNC_BANK_CONNECTION, { connectionId: connection.id });
          });
        },
      },
    ];
  }

  private async markNeedsReconnect(connection: BankConnection, reason: string): Promise<void> {
    await this.setStatus(connection, BankConnectionStatus.NEEDS_RECONNECT, reason);
    const bank = connection.institutionName ?? 'the bank';
    const why = reason === 'PENDING_EXPIRATION' || reason === 'PENDING_DISCONNECT' ? 'its consent is about to expire' : 'the bank asks to sign in again';
    await this.deps.alerts.raise({
      kind: NEEDS_RECONNECT_ALERT,
      subjectId: connection.id,
      message: `The bank feed from ${bank} needs re-connecting: ${why}. Open Bank in the console and choose Re-connect.`,
    });
  }

  private async markRepaired(connection: BankConnection): Promise<void> {
    if (connection.status !== BankConnectionStatus.NEEDS_RECONNECT) return;
    await this.setStatus(connection, BankConnectionStatus.CONNECTED, null);
    await this.deps.alerts.resolve({ kind: NEEDS_RECONNECT_ALERT, subjectId: connection.id });
  }

  private async setStatus(connection: BankConnection, status: BankConnectionStatus, reason: string | null): Promise<void> {
    await this.deps.repository.update(undefined, connection.id, { status, statusReason: reason });
    connection.status = status;
    connection.statusReason = reason;
    this.deps.logger.info({ connectionId: connection.id, status, reason }, 'bank connection status changed');
  }

  private requirePlaid(): { provider: BankFeedProvider; cipher: TokenCipher } {
    if (!this.deps.plaid) throw userFailure('PLAID_NOT_CONFIGURED', PLAID_NOT_CONFIGURED);
    return this.deps.plaid;
  }

  private async findOrFail(globalId: string): Promise<BankConnection> {
    const id = fromGlobalId('BankConnection', globalId);
    const connection = id ? await this.deps.repository.find(id) : null;
    if (!connection) throw userFailure('NOT_FOUND', 'No bank connection has this id.', 'connectionId');
    return connection;
  }

  /** Opens a connection's token for a call to Plaid; the failure names no part of it. */
  private openToken(connection: BankConnection): string {
    try {
      return this.requirePlaid().cipher.open({ keyId: connection.accessTokenKeyId, sealed: connection.accessTokenSealed }, connection.id);
    } catch (error) {
      if (!(error instanceof BankTokenUnreadable)) throw error;
      this.deps.logger.error({ connectionId: connection.id, keyId: error.keyId }, 'bank access token could not be decrypted: check BANK_TOKEN_KEYS');
      throw userFailure('TOKEN_UNREADABLE', 'This bank connection’s stored key cannot be read by this server. Connect the bank again.', 'connectionId');
    }
  }

  /** Plaid's refusals and silences as a message for the person at the form. */
  private async asUserFailure<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof BankFeedFailure)) throw error;
      this.deps.logger.warn({ code: error.code }, 'Plaid refused a request');
      if (error.code === 'UNAVAILABLE') throw userFailure('BANK_UNAVAILABLE', 'Plaid did not answer. Try again in a minute.');
      throw userFailure('PLAID_REFUSED', `Plaid refused the request (${error.code}). Connect the bank again, or try later.`);
    }
  }
}

import type { DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { WebhookEvent, WebhookEventStatus, WebhookRejectionSample, type WebhookProvider } from './webhook-event.entity';
import type { InboundEvent, RejectionReason } from './webhook-provider';

/** Webhook events and refusals: the only code that knows how they are stored. */
export class WebhooksRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** Stores an event under (provider, event id); returns its id, or null for a redelivery. */
  async insertOnce(tx: Tx, provider: WebhookProvider, event: InboundEvent): Promise<string | null> {
    const inserted: Array<{ id: string }> = await this.manager(tx).query(
      `INSERT INTO webhook_event (provider, event_id, kind, payload) VALUES ($1, $2, $3, $4)
       ON CONFLICT (provider, event_id) DO NOTHING RETURNING id`,
      [provider, event.eventId.slice(0, 200), event.kind, JSON.stringify(event.payload)],
    );
    return inserted[0]?.id ?? null;
  }

  /** What applying an event needs of it, in one plain statement (the queue's hottest read). */
  async findForApply(id: string): Promise<Pick<WebhookEvent, 'id' | 'provider' | 'kind' | 'payload' | 'status' | 'attempts'> | null> {
    const rows: Array<Pick<WebhookEvent, 'id' | 'provider' | 'kind' | 'payload' | 'status' | 'attempts'>> = await this.manager().query(
      `SELECT id, provider, kind, payload, status, attempts FROM webhook_event WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The outcome of one attempt to apply an event. */
  async recordAttempt(id: string, outcome: { status: WebhookEventStatus; attempts: number; lastError: string | null; appliedAt: Date | null }): Promise<void> {
    await this.manager().query(`UPDATE webhook_event SET status = $2, attempts = $3, last_error = $4, applied_at = $5 WHERE id = $1`, [
      id,
      outcome.status,
      outcome.attempts,
      outcome.lastError,
      outcome.appliedAt,
    ]);
  }

  lock(tx: Tx, id: string): Promise<WebhookEvent | null> {
    return this.manager(tx).findOne(WebhookEvent, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(id: string, changes: Partial<Pick<WebhookEvent, 'status' | 'attempts' | 'lastError' | 'appliedAt'>>, tx?: Tx): Promise<void> {
    await this.manager(tx).update(WebhookEvent, { id }, changes);
  }

  /**
   * Out of retries: DEAD, from PENDING too (an attempt that crashed never reached apply's own
   * error handling). Returns the dead event's attempts and error, or null when it was not open.
   */
  async markDead(id: string, lastError: string): Promise<{ attempts: number; lastError: string | null } | null> {
    const [rows]: [Array<{ attempts: number; last_error: string | null }>, number] = await this.manager().query(
      `UPDATE webhook_event SET status = $3, last_error = $2 WHERE id = $1 AND status IN ($4, $5) RETURNING attempts, last_error`,
      [id, lastError, WebhookEventStatus.DEAD, WebhookEventStatus.PENDING, WebhookEventStatus.RETRYING],
    );
    return rows[0] ? { attempts: rows[0].attempts, lastError: rows[0].last_error } : null;
  }

  /** Makes PostgreSQL cancel this transaction's statements, lock waits included, after `ms`. */
  async limitStatementsTo(tx: Tx, ms: number): Promise<void> {
    const limit = `${Math.max(1, Math.floor(ms))}ms`;
    await this.manager(tx).query(`SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $1, true)`, [limit]);
  }

  /** Counts one refusal in its minute's tally. */
  async tallyRejection(provider: string, reason: RejectionReason): Promise<void> {
    await this.manager().query(
      `INSERT INTO webhook_rejection_tally (provider, reason, minute, count) VALUES ($1, $2, date_trunc('minute', now()), 1)
       ON CONFLICT (provider, reason, minute) DO UPDATE SET count = webhook_rejection_tally.count + 1`,
      [provider, reason],
    );
  }

  async keepRejectionSample(sample: { provider: string; reason: RejectionReason; clientAddress: string; bodyExcerpt: string }): Promise<void> {
    await this.manager().insert(WebhookRejectionSample, { ...sample, receivedAt: new Date() });
  }

  /** Signature and token failures since `since` (to the minute). */
  async signatureFailuresSince(since: Date): Promise<number> {
    const [row] = await this.manager().query(
      `SELECT coalesce(sum(count), 0)::int AS failures FROM webhook_rejection_tally
        WHERE minute >= date_trunc('minute', $1::timestamptz) AND reason IN ('missing-signature', 'bad-signature', 'bad-token')`,
      [since],
    );
    return row.failures as number;
  }

  /** Forgets tallies and samples older than their retention. */
  async forgetRejections(params: { talliesBefore: Date; samplesBefore: Date }): Promise<void> {
    await this.manager().query(`DELETE FROM webhook_rejection_tally WHERE minute < $1`, [params.talliesBefore]);
    await this.manager().query(`DELETE FROM webhook_rejection_sample WHERE received_at < $1`, [params.samplesBefore]);
  }

  list(filter: { status?: WebhookEventStatus; provider?: WebhookProvider }, args: ConnectionArgs): Promise<Connection<WebhookEvent>> {
    const query = this.manager().createQueryBuilder(WebhookEvent, 'event');
    if (filter.status) query.andWhere('event.status = :status', { status: filter.status });
    if (filter.provider) query.andWhere('event.provider = :provider', { provider: filter.provider });
    return paginate({ query, alias: 'event', sortKey: 'receivedAt', sortColumn: 'received_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }
}

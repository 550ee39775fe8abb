import { In, type DataSource } from 'typeorm';
import type { Tx } from '../../shared/db/unit-of-work';
import { paginate, type ConnectionArgs, type Connection } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { WebhookEvent, WebhookEventStatus, WebhookRejection, type WebhookProvider } from './webhook-event.entity';
import type { InboundEvent, RejectionReason, WebhookSource } from './webhook-provider';

export const APPLY_WEBHOOK_EVENT = 'webhook.apply';

interface ApplyJob {
  webhookEventId: string;
}

/**
 * The durable webhook inbox. A verified delivery is stored under (provider, event id) and
 * its apply job enqueued in the same transaction, then acknowledged; the queue applies it
 * through the provider's source, with retries and backoff; one that keeps failing is DEAD
 * until an admin retries it. A redelivery finds the row and does nothing.
 */
export class WebhookInboxService {
  private readonly sources = new Map<WebhookProvider, WebhookSource>();

  constructor(private readonly deps: { dataSource: DataSource; jobs: JobQueue; logger: Logger; maxPageSize: number }) {}

  register(source: WebhookSource): void {
    this.sources.set(source.provider, source);
  }

  source(provider: string): WebhookSource | undefined {
    return this.sources.get(provider as WebhookProvider);
  }

  jobs(options: { retryLimit: number; retryDelaySeconds: number }): Array<JobDefinition<ApplyJob>> {
    return [
      {
        name: APPLY_WEBHOOK_EVENT,
        retryLimit: options.retryLimit,
        retryDelaySeconds: options.retryDelaySeconds,
        expireInSeconds: 120,
        concurrency: 8,
        handle: (job) => this.apply(job.webhookEventId),
        onDeadLetter: (job, lastError) => this.markDead(job.webhookEventId, lastError),
      },
    ];
  }

  /** Stores the events of one delivery; returns how many were new. Throws if the database is unreachable. */
  async accept(provider: WebhookProvider, events: readonly InboundEvent[]): Promise<{ stored: number; duplicates: number }> {
    let stored = 0;
    await this.deps.dataSource.transaction(async (manager) => {
      for (const event of events) {
        const inserted: Array<{ id: string }> = await manager.query(
          `INSERT INTO webhook_event (provider, event_id, kind, payload) VALUES ($1, $2, $3, $4)
           ON CONFLICT (provider, event_id) DO NOTHING RETURNING id`,
          [provider, event.eventId.slice(0, 200), event.kind, JSON.stringify(event.payload)],
        );
        if (inserted.length === 0) continue; // a redelivery: already stored, applied or on its way
        await this.deps.jobs.enqueue<ApplyJob>(manager as unknown as Tx, APPLY_WEBHOOK_EVENT, { webhookEventId: inserted[0].id });
        stored += 1;
      }
    });
    return { stored, duplicates: events.length - stored };
  }

  async recordRejection(provider: string, reason: RejectionReason): Promise<void> {
    await this.deps.dataSource
      .getRepository(WebhookRejection)
      .insert({ provider, reason, createdAt: new Date() })
      .catch((error: unknown) => this.deps.logger.warn({ err: (error as Error).message }, 'could not record a webhook rejection'));
  }

  /** Signature and token failures in the last hour, for the metrics query and its alert. */
  async signatureFailuresSince(since: Date): Promise<number> {
    const [row] = await this.deps.dataSource.query(
      `SELECT count(*)::int AS failures FROM webhook_rejection WHERE created_at >= $1 AND reason IN ('missing-signature', 'bad-signature', 'bad-token')`,
      [since],
    );
    return row.failures as number;
  }

  private async apply(webhookEventId: string): Promise<void> {
    const repository = this.deps.dataSource.getRepository(WebhookEvent);
    const event = await repository.findOneBy({ id: webhookEventId });
    if (!event || event.status === WebhookEventStatus.APPLIED) return;
    const source = this.sources.get(event.provider);
    try {
      if (!source) throw new Error(`no webhook source for ${event.provider} on this instance`);
      await source.apply(event.kind, event.payload);
    } catch (error) {
      await repository.update(
        { id: event.id },
        { status: WebhookEventStatus.RETRYING, attempts: event.attempts + 1, lastError: (error as Error).message.slice(0, 2000) },
      );
      throw error;
    }
    await repository.update({ id: event.id }, { status: WebhookEventStatus.APPLIED, attempts: event.attempts + 1, appliedAt: new Date(), lastError: null });
  }

  private async markDead(webhookEventId: string, lastError: string): Promise<void> {
    await this.deps.dataSource
      .getRepository(WebhookEvent)
      .update(
        // PENDING too: an attempt that crashed or timed out never reached apply's own error handling.
        { id: webhookEventId, status: In([WebhookEventStatus.PENDING, WebhookEventStatus.RETRYING]) },
        { status: WebhookEventStatus.DEAD, lastError: lastError.slice(0, 2000) },
      );
    this.deps.logger.error({ webhookEventId }, 'webhook event is dead after its retries; an admin can retry it');
  }

  /** An admin's retry of a dead event: back on the queue with a fresh set of attempts. */
  async retry(globalId: string): Promise<WebhookEvent> {
    const id = fromGlobalId('WebhookEvent', globalId);
    return this.deps.dataSource.transaction(async (manager) => {
      const event = id ? await manager.findOne(WebhookEvent, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!event) throw userFailure('NOT_FOUND', 'No webhook event has this id.', 'id');
      if (event.status !== WebhookEventStatus.DEAD) {
        throw userFailure('NOT_DEAD', `Only dead events can be retried; this one is ${event.status.toLowerCase()}.`, 'id');
      }
      event.status = WebhookEventStatus.PENDING;
      await manager.save(event);
      await this.deps.jobs.enqueue<ApplyJob>(manager as unknown as Tx, APPLY_WEBHOOK_EVENT, { webhookEventId: event.id });
      return event;
    });
  }

  list(filter: { status?: WebhookEventStatus; provider?: WebhookProvider }, args: ConnectionArgs): Promise<Connection<WebhookEvent>> {
    const query = this.deps.dataSource.getRepository(WebhookEvent).createQueryBuilder('event');
    if (filter.status) query.andWhere('event.status = :status', { status: filter.status });
    if (filter.provider) query.andWhere('event.provider = :provider', { provider: filter.provider });
    return paginate({ query, alias: 'event', sortKey: 'receivedAt', sortColumn: 'received_at', direction: 'DESC', args, maxPageSize: this.deps.maxPageSize });
  }
}

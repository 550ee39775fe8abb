import { Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import { POOL_SIZE } from '../../shared/db/data-source';
import type { UnitOfWork } from '../../shared/db/unit-of-work';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import type { EventBus } from '../../shared/pubsub/event-bus';
import { WebhookEventStatus, type WebhookEvent, type WebhookProvider } from './webhook-event.entity';
import type { InboundEvent, RejectionReason, WebhookSource } from './webhook-provider';
import type { WebhooksRepository } from './webhooks.repository';
import { WebhookTopic, type WebhookEventChangedPayload } from './webhooks.events';

export const APPLY_WEBHOOK_EVENT = 'webhook.apply';
export const FORGET_OLD_REJECTIONS = 'webhook.forget-old-rejections';

/** Refusals kept as samples, per provider and reason, per instance and hour; the rest are only counted. */
const SAMPLES_PER_HOUR = 5;
const SAMPLE_BODY_CHARS = 2000;
const TALLY_RETENTION_DAYS = 30;
const SAMPLE_RETENTION_DAYS = 7;
const DAY_MS = 24 * 3600_000;
/**
 * Connections deliveries may hold at once: the other half of the pool stays with the API and
 * the queue, however many hang. (A quarter of the pool halved ingest under load.)
 */
const STORING_SLOTS = POOL_SIZE / 2;
/** Kept for the COMMIT and the answer after the statements' own deadline. */
const ANSWER_MARGIN_MS = 250;

/** The events could not be stored in time: answer 503, and the provider delivers them again. */
export class InboxUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InboxUnavailable';
  }
}

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
  /** Per provider and reason: the hour being sampled and the samples kept in it. */
  private readonly sampling = new Map<string, { hour: number; kept: number }>();

  private readonly storingSlots: SemaphoreInterface;

  /** `answerMs`: how long a delivery may wait to be stored before it is refused with InboxUnavailable. */
  constructor(private readonly deps: { uow: UnitOfWork; repository: WebhooksRepository; jobs: JobQueue; eventBus: EventBus; logger: Logger; answerMs: number }) {
    // One shared error for every timed-out wait: the route only reads its type.
    this.storingSlots = withTimeout(new Semaphore(STORING_SLOTS), deps.answerMs, new InboxUnavailable('every storing slot is busy'));
  }

  register(source: WebhookSource): void {
    this.sources.set(source.provider, source);
  }

  source(provider: string): WebhookSource | undefined {
    return this.sources.get(provider as WebhookProvider);
  }

  jobs(options: { retryLimit: number; retryDelaySeconds: number }): [JobDefinition<object>, JobDefinition<ApplyJob>] {
    return [
      {
        name: FORGET_OLD_REJECTIONS,
        retryLimit: 2,
        retryDelaySeconds: 60,
        expireInSeconds: 60,
        concurrency: 1,
        handle: async () => {
          const now = Date.now();
          await this.deps.repository.forgetRejections({ talliesBefore: new Date(now - TALLY_RETENTION_DAYS * DAY_MS), samplesBefore: new Date(now - SAMPLE_RETENTION_DAYS * DAY_MS) });
        },
      },
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

  /**
   * Stores the events of one delivery; returns how many were new. Within `answerMs` of the call
   * or not at all: waiting for a slot, the statements (PostgreSQL cancels them at the deadline)
   * and a database that does not answer at all end in InboxUnavailable, never in a late answer.
   * A slot is given back only when its transaction has really ended.
   */
  async accept(provider: WebhookProvider, events: readonly InboundEvent[]): Promise<{ stored: number; duplicates: number }> {
    const deadline = Date.now() + this.deps.answerMs;
    const [, release] = await this.storingSlots.acquire();
    const storing = this.store(provider, events, deadline).finally(release);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new InboxUnavailable('the database did not answer in time')), Math.max(0, deadline - Date.now()));
    });
    try {
      return await Promise.race([storing, late]);
    } finally {
      clearTimeout(timer);
      storing.catch(() => undefined); // answered already: its own failure is the provider's redelivery
    }
  }

  private async store(provider: WebhookProvider, events: readonly InboundEvent[], deadline: number): Promise<{ stored: number; duplicates: number }> {
    let stored = 0;
    await this.deps.uow.run(async (tx, changes) => {
      await this.deps.repository.limitStatementsTo(tx, deadline - Date.now() - ANSWER_MARGIN_MS);
      for (const event of events) {
        const id = await this.deps.repository.insertOnce(tx, provider, event);
        if (id === null) continue; // a redelivery: already stored, applied or on its way
        await this.deps.jobs.enqueue<ApplyJob>(tx, APPLY_WEBHOOK_EVENT, { webhookEventId: id });
        changes.add(WebhookTopic.EVENT_CHANGED, { id, status: WebhookEventStatus.PENDING, attempts: 0, lastError: null, appliedAt: null });
        stored += 1;
      }
    });
    return { stored, duplicates: events.length - stored };
  }

  /**
   * Counts a refused request in its minute's tally, and keeps it as a sample (the sender's
   * address and how the body began) while this hour has fewer than SAMPLES_PER_HOUR of its
   * kind. Never throws: a refusal is answered whether or not it could be written down.
   */
  async recordRejection(rejection: { provider: string; reason: RejectionReason; clientAddress: string; rawBody: Buffer }): Promise<void> {
    const { provider, reason, clientAddress, rawBody } = rejection;
    try {
      await this.deps.repository.tallyRejection(provider, reason);
      if (this.takeSample(`${provider}:${reason}`)) {
        const bodyExcerpt = rawBody.subarray(0, SAMPLE_BODY_CHARS * 4).toString('utf8').slice(0, SAMPLE_BODY_CHARS);
        await this.deps.repository.keepRejectionSample({ provider, reason, clientAddress: clientAddress.slice(0, 64), bodyExcerpt });
      }
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).message }, 'could not record a webhook rejection');
    }
  }

  private takeSample(kind: string): boolean {
    const hour = Math.floor(Date.now() / 3600_000);
    const current = this.sampling.get(kind);
    const window = current && current.hour === hour ? current : { hour, kept: 0 };
    if (window.kept >= SAMPLES_PER_HOUR) return false;
    window.kept += 1;
    this.sampling.set(kind, window);
    return true;
  }

  /** Signature and token failures in the last hour, for the metrics query and its alert. */
  signatureFailuresSince(since: Date): Promise<number> {
    return this.deps.repository.signatureFailuresSince(since);
  }

  private async apply(webhookEventId: string): Promise<void> {
    const { repository } = this.deps;
    const event = await repository.findForApply(webhookEventId);
    if (!event || event.status === WebhookEventStatus.APPLIED) return;
    const source = this.sources.get(event.provider);
    try {
      if (!source) throw new Error(`no webhook source for ${event.provider} on this instance`);
      await source.apply(event.kind, event.payload);
    } catch (error) {
      const failed = { status: WebhookEventStatus.RETRYING, attempts: event.attempts + 1, lastError: (error as Error).message.slice(0, 2000), appliedAt: null };
      await repository.recordAttempt(event.id, failed);
      await this.published({ id: event.id, ...failed });
      throw error;
    }
    const applied = { status: WebhookEventStatus.APPLIED, attempts: event.attempts + 1, appliedAt: new Date(), lastError: null };
    await repository.recordAttempt(event.id, applied);
    await this.published({ id: event.id, ...applied, appliedAt: applied.appliedAt.toISOString() });
  }

  private async markDead(webhookEventId: string, lastError: string): Promise<void> {
    const dead = await this.deps.repository.markDead(webhookEventId, lastError.slice(0, 2000));
    if (dead) await this.published({ id: webhookEventId, status: WebhookEventStatus.DEAD, attempts: dead.attempts, lastError: dead.lastError, appliedAt: null });
    this.deps.logger.error({ webhookEventId }, 'webhook event is dead after its retries; an admin can retry it');
  }

  /** Tells the consoles watching the inbox; the change is already written (no transaction to wait for). */
  private published(change: WebhookEventChangedPayload): Promise<void> {
    return this.deps.eventBus.publish(WebhookTopic.EVENT_CHANGED, change);
  }

  /** An admin's retry of a dead event: back on the queue with a fresh set of attempts. */
  async retry(globalId: string): Promise<WebhookEvent> {
    const id = fromGlobalId('WebhookEvent', globalId);
    return this.deps.uow.run(async (tx, changes) => {
      const event = id ? await this.deps.repository.lock(tx, id) : null;
      if (!event) throw userFailure('NOT_FOUND', 'No webhook event has this id.', 'id');
      if (event.status !== WebhookEventStatus.DEAD) {
        throw userFailure('NOT_DEAD', `Only dead events can be retried; this one is ${event.status.toLowerCase()}.`, 'id');
      }
      event.status = WebhookEventStatus.PENDING;
      await this.deps.repository.update(event.id, { status: event.status }, tx);
      await this.deps.jobs.enqueue<ApplyJob>(tx, APPLY_WEBHOOK_EVENT, { webhookEventId: event.id });
      changes.add(WebhookTopic.EVENT_CHANGED, { id: event.id, status: event.status, attempts: event.attempts, lastError: event.lastError, appliedAt: null });
      return event;
    });
  }

  list(filter: { status?: WebhookEventStatus; provider?: WebhookProvider }, args: ConnectionArgs): Promise<Connection<WebhookEvent>> {
    return this.deps.repository.list(filter, args);
  }
}

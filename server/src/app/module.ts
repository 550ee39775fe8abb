import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { RateLimits } from '../shared/auth/rate-limits';
import type { UnitOfWork } from '../shared/db/unit-of-work';
import type { JobDefinition, JobQueue } from '../shared/jobs/job-queue';
import type { Logger } from '../shared/logger';
import type { EventBus } from '../shared/pubsub/event-bus';
import type { TopicName } from '../shared/pubsub/topics';
import type { LoaderOptions } from '../shared/graphql/loaders';
import type { WebhookSource } from '../modules/webhooks/webhook-provider';
import type { Config } from './config';

/** What every module may use: configuration and the shared infrastructure. */
export interface Core {
  config: Config;
  dataSource: DataSource;
  uow: UnitOfWork;
  eventBus: EventBus;
  jobs: JobQueue;
  logger: Logger;
  rateLimits: RateLimits;
  redis?: Redis;
  /** Where providers reach this server's webhooks (PUBLIC_URL, else the address it listens on). */
  webhookBaseUrl(): string;
}

/**
 * The services each module offers the modules created after it (and the HTTP layer). Empty
 * here: each module adds its own in its `<domain>.module.ts` (declaration merging), so a typo
 * or a missing service is a compile error, and app/ lists modules without knowing their insides.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules
export interface ModuleServices {}

/**
 * Per-request DataLoaders, one per relation a resolver returns. Empty here for the same reason;
 * each module adds its loaders in its manifest. Built fresh for every HTTP request; for a
 * subscription they batch but do not cache, so an event never reads an earlier event's rows.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules
export interface Loaders {}

/** What a module's factory returns. */
export interface ModuleInstance {
  services?: Partial<ModuleServices>;
  /** Resolver instances, for type-graphql's container (one per class in `resolvers`). */
  resolvers?: object[];
  /** Durable jobs this module works, defined once across instances at start. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each job has a payload type of its own
  jobs?: Array<JobDefinition<any>>;
  /** Recurring jobs (cron, read in `tz`, UTC by default), enqueued once per tick across instances. */
  schedules?: Array<{ job: string; cron: string; tz?: string }>;
  /** Provider deliveries this module verifies and applies through the webhook inbox. */
  webhookSources?: WebhookSource[];
  loaders?(options: LoaderOptions): Partial<Loaders>;
  /** Work to start once the server listens (e.g. a provider handshake that calls us back). */
  afterListen?(): Promise<void>;
  /** Ends what the module owns beyond the shared infrastructure (e.g. a worker thread); called once on shutdown, after the drain. */
  stop?(): Promise<void>;
}

/**
 * A module's manifest: everything app/ needs to know about it. Adding a module is one line in
 * app/modules.ts.
 */
export interface ModuleManifest {
  name: string;
  /** TypeORM entities the module owns. */
  entities: Function[];
  /** type-graphql resolver classes. */
  resolvers: Function[];
  /** The live-event topics it publishes. */
  topics: readonly TopicName[];
  create(core: Core, modules: ModuleServices): ModuleInstance;
}

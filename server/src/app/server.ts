import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { AdvisoryLock, withAdvisoryLock } from '../shared/db/advisory-lock';
import { openDatabase } from '../shared/db/data-source';
import { statementCount } from '../shared/db/statement-count';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../shared/db/embedded-postgres';
import { isPublicError, withoutSuggestions } from '../shared/graphql/error-masking';
import { queryCostPlugin } from '../shared/graphql/query-cost';
import type { Logger } from '../shared/logger';
import { createMetrics } from '../shared/metrics';
import { closeRedisClient, createEventBus, type EventBus } from '../shared/pubsub/event-bus';
import type { Config } from './config';
import { createLoaders, createModules, entities, resolverContainer, type CreatedModules } from './modules';
import type { ModuleServices } from './module';
import { UnitOfWork } from '../shared/db/unit-of-work';
import { createRateLimits } from '../shared/auth/rate-limits';
import type { RequestContext } from './context';
import { ensureFirstAdmin, type DemoLogin } from './first-admin';
import { operationLimitRules, queryCostSettings } from './graphql-limits';
import { createHttpApp } from './http';
import { buildAppSchema } from './schema';
import { attachWebSocketServer } from './ws';
import { JobQueue } from '../shared/jobs/job-queue';

/** Defines every module's durable jobs and schedules (one instance at a time: concurrent DDL deadlocks). */
async function defineJobs(jobs: JobQueue, modules: CreatedModules): Promise<void> {
  for (const { instance } of modules.instances) {
    for (const definition of instance.jobs ?? []) await jobs.define(definition);
    for (const { job, cron, tz } of instance.schedules ?? []) await jobs.schedule(job, cron, tz);
  }
}

export interface RunningServer {
  url: string;
  port: number;
  services: ModuleServices;
  dataSource: DataSource;
  eventBus: EventBus;
  demoLogin?: DemoLogin;
  /**
   * Stops within SHUTDOWN_GRACE_SECONDS: takes no new connections or jobs, closes WebSockets
   * with 1001, lets in-flight requests and running jobs finish until the drain deadline (jobs
   * still running then go back to the queue), then closes pg-boss, Redis, the pool and the
   * embedded PostgreSQL. Resolves true when everything closed in time.
   */
  stop(): Promise<boolean>;
}

/** The least time kept for each later shutdown step. */
const CLOSER_RESERVE_MS = 250;
/** After the drain deadline, how long aborted jobs get to unwind (back on the queue) before closing goes on regardless. */
const DRAIN_UNWIND_MS = 1500;

/** Of the grace period, what closing connections (and stopping the embedded PostgreSQL) is sure to get. */
function closingReserveMs(graceMs: number): number {
  return Math.min(5000, Math.round(graceMs / 4));
}

function unwindMs(graceMs: number): number {
  return Math.min(DRAIN_UNWIND_MS, Math.round(graceMs / 4));
}

/**
 * Of the grace period, how long in-flight requests and jobs may run. Aborted jobs then unwind
 * within the drain's share, so a drain that needs its whole unwinding time never eats the time
 * kept for closing: the process exits within the grace period, its PostgreSQL stopped cleanly.
 */
export function drainWindowMs(graceMs: number): number {
  return Math.max(0, graceMs - closingReserveMs(graceMs) - unwindMs(graceMs));
}

/**
 * The composition root: config -> database -> pub/sub -> schema -> HTTP and WebSocket. It
 * alone starts and stops things; main.ts owns the signals and calls stop() once.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  // What to close, in start order; closed in reverse, each bounded by the grace period less the
  // time kept for those after it (reserveMs), so one that hangs cannot leave the pool or the
  // embedded PostgreSQL unclosed.
  const closers: Array<{ name: string; close: () => Promise<unknown>; reserveMs?: number }> = [];
  // Set once serving: stops taking work and waits for what is in flight, until the deadline.
  let drain: ((deadline: number) => Promise<void>) | null = null;
  let stopping: Promise<boolean> | null = null;

  const closeAll = async (hardDeadline: number): Promise<boolean> => {
    let clean = true;
    const inOrder = closers.reverse();
    for (const [index, { name, close }] of inOrder.entries()) {
      const keptForLater = inOrder.slice(index + 1).reduce((sum, later) => sum + (later.reserveMs ?? CLOSER_RESERVE_MS), 0);
      const outcome = await settleWithin(close(), Math.max(hardDeadline - keptForLater - Date.now(), CLOSER_RESERVE_MS));
      if (outcome !== 'done') {
        clean = false;
        logger.warn({ step: name, err: outcome === 'late' ? 'did not finish in time' : outcome.message }, 'shutdown step failed');
      }
    }
    closers.length = 0;
    return clean;
  };
  const stop = (): Promise<boolean> =>
    (stopping ??= (async () => {
      const startedAt = Date.now();
      const drainDeadline = startedAt + drainWindowMs(config.shutdownGraceMs);
      // Bounded too: a database that stops answering must not hold the drain past its window.
      const drained = drain ? await settleWithin(drain(drainDeadline), drainDeadline - Date.now() + unwindMs(config.shutdownGraceMs)) : 'done';
      if (drained !== 'done') logger.warn({ step: 'drain', err: drained === 'late' ? 'did not finish in time' : drained.message }, 'shutdown step failed');
      // Some of the grace is left for closing even when a drain overran.
      const closed = await closeAll(Math.max(startedAt + config.shutdownGraceMs - 250, Date.now() + 1000));
      return drained === 'done' && closed;
    })());

  try {
    let databaseUrl: string;
    if (config.database.kind === 'embedded') {
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ ...config.database, logger });
      closers.push({ name: 'embedded PostgreSQL', close: () => embedded.stop(), reserveMs: 2000 });
      databaseUrl = embedded.url;
    } else {
      databaseUrl = config.database.url;
    }
    statementCount.configure({ perUnitOfWork: config.sqlStatementsPerOperation });
    const dataSource = await openDatabase({ url: databaseUrl, logger, entities, statementTimeoutMs: config.databaseStatementTimeoutMs });
    const metrics = createMetrics();
    closers.push({ name: 'database pool', close: () => dataSource.destroy() });

    const eventBus = createEventBus(config.redis, logger);
    metrics.watchPubSub(() => eventBus.isReachable(), () => eventBus.listenerCounts());
    closers.push({ name: 'pub/sub', close: () => eventBus.close() });
    let redis: Redis | undefined;
    if (config.redis.kind === 'redis') {
      redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
      redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
      const client = redis;
      closers.push({ name: 'redis', close: () => closeRedisClient(client) });
    }

    // pg-boss's schema and our queues are created one instance at a time (concurrent DDL deadlocks).
    const jobs = await withAdvisoryLock(dataSource, AdvisoryLock.JOB_QUEUES, () =>
      JobQueue.start({ url: databaseUrl, logger, pollingIntervalSeconds: config.jobs.pollingIntervalSeconds, observe: metrics.observeJob }),
    );
    closers.push({ name: 'job queue', close: () => jobs.stop() });

    let listeningUrl = '';
    const rateLimits = createRateLimits(config, redis);
    const modules = createModules({
      config,
      dataSource,
      uow: new UnitOfWork(dataSource, eventBus),
      eventBus,
      jobs,
      logger,
      redis,
      rateLimits,
      webhookBaseUrl: () => config.publicUrl ?? listeningUrl,
    });
    const services = modules.services;
    closers.push({ name: 'modules', close: () => Promise.all(modules.instances.map(({ instance }) => instance.stop?.())) });
    await withAdvisoryLock(dataSource, AdvisoryLock.JOB_QUEUES, () => defineJobs(jobs, modules));
    const demoLogin = await ensureFirstAdmin({ config, services, dataSource, logger });
    const schema = await buildAppSchema({ container: resolverContainer(modules), pubSub: eventBus.forSchema });
    const loaders = (options: { cache: boolean }) => createLoaders(modules, options);

    const httpServer: Server = createServer();
    const ws = attachWebSocketServer({ httpServer, schema, services, rateLimits, loaders, metrics, eventBus, config, logger });
    closers.push({ name: 'websockets', close: () => ws.close(Date.now()) });
    const apollo = new ApolloServer<RequestContext>({
      schema,
      // main.ts owns the signals: Apollo's own handler would start a second stop that ours waits on forever.
      stopOnTerminationSignals: false,
      csrfPrevention: true,
      introspection: !config.isProduction,
      includeStacktraceInErrorResponses: false,
      validationRules: operationLimitRules(config),
      formatError: (formatted) => {
        if (!isPublicError(formatted)) return { ...formatted, message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
        return config.isProduction ? withoutSuggestions(formatted) : formatted;
      },
      plugins: [
        // Closes the listener, lets in-flight requests finish, and cuts off what is left at the drain deadline.
        ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: drainWindowMs(config.shutdownGraceMs) }),
        metrics.graphqlPlugin,
        queryCostPlugin(queryCostSettings(config)),
        // No field sets cache hints, and the plugin Apollo adds by default wraps every field's
        // resolver to collect them: a page of 50 rows paid that on over a thousand fields.
        ApolloServerPluginCacheControlDisabled(),
        {
          // What that plugin answered for every operation without hints: staff data is never to be stored by a cache.
          async requestDidStart() {
            return {
              async willSendResponse({ response }) {
                if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
              },
            };
          },
        },
        {
          // Unexpected errors are logged in full with the request id the caller is shown.
          async requestDidStart() {
            return {
              async didEncounterErrors({ errors, contextValue }) {
                for (const error of errors) {
                  const code = error.extensions?.code;
                  if (!code || code === 'INTERNAL_SERVER_ERROR') {
                    logger.error({ requestId: contextValue?.requestId, err: error.originalError ?? error, path: error.path }, 'unexpected GraphQL error');
                  }
                }
              },
              async willSendResponse({ response, contextValue }) {
                if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
                response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
                  error.extensions?.code === 'INTERNAL_SERVER_ERROR'
                    ? { ...error, message: `Internal server error. Quote request id ${contextValue?.requestId} when reporting it.`, extensions: { ...error.extensions, requestId: contextValue?.requestId } }
                    : error,
                );
              },
            };
          },
        },
        // Sandbox for developers outside production; production shows no landing page and no schema.
        config.isProduction
          ? ApolloServerPluginLandingPageDisabled()
          : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      ],
    });
    await apollo.start();
    closers.push({ name: 'http', close: () => apollo.stop() });

    httpServer.on('request', createHttpApp({ config, apollo, services, rateLimits, loaders, dataSource, eventBus, metrics, logger }));
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    drain = async (deadline) => {
      // WebSockets first: their close frames (1001) go out before the HTTP drain ends idle sockets.
      const sockets = ws.close(deadline);
      await Promise.all([sockets, apollo.stop(), jobs.drain(deadline)]);
    };

    const port = (httpServer.address() as AddressInfo).port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = config.publicUrl ?? `http://${host}:${port}`;
    listeningUrl = url;
    for (const { instance } of modules.instances) void instance.afterListen?.();
    logger.info({ url, database: config.database.kind, pubsub: eventBus.kind }, 'server ready');
    return { url, port, services, dataSource, eventBus, demoLogin, stop };
  } catch (error) {
    await closeAll(Date.now() + config.shutdownGraceMs);
    throw error;
  }
}

/** Waits for `promise` at most `ms`: 'done', the error it failed with, or 'late'. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<'done' | 'late' | Error> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, ms))));
  try {
    return await Promise.race([promise.then(() => 'done' as const, (error: unknown) => (error instanceof Error ? error : new Error(String(error)))), late]);
  } finally {
    clearTimeout(timer);
  }
}

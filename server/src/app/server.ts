import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { AdvisoryLock, withAdvisoryLock } from '../shared/db/advisory-lock';
import { openDatabase } from '../shared/db/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../shared/db/embedded-postgres';
import { depthLimitRule } from '../shared/graphql/depth-limit';
import { isPublicError } from '../shared/graphql/error-masking';
import type { Logger } from '../shared/logger';
import { createMetrics } from '../shared/metrics';
import { createEventBus, type EventBus } from '../shared/pubsub/event-bus';
import type { Config } from './config';
import { createLoaders, createModules, entities, resolverContainer, type CreatedModules } from './modules';
import type { ModuleServices } from './module';
import { UnitOfWork } from '../shared/db/unit-of-work';
import { createRateLimits } from '../shared/auth/rate-limits';
import type { RequestContext } from './context';
import { ensureFirstAdmin, type DemoLogin } from './first-admin';
import { createHttpApp } from './http';
import { buildAppSchema } from './schema';
import { attachWebSocketServer } from './ws';
import { JobQueue } from '../shared/jobs/job-queue';

/** Defines every module's durable jobs and schedules (one instance at a time: concurrent DDL deadlocks). */
async function defineJobs(jobs: JobQueue, modules: CreatedModules): Promise<void> {
  for (const { instance } of modules.instances) {
    for (const definition of instance.jobs ?? []) await jobs.define(definition);
    for (const { job, cron } of instance.schedules ?? []) await jobs.schedule(job, cron);
  }
}

export interface RunningServer {
  url: string;
  port: number;
  services: ModuleServices;
  dataSource: DataSource;
  eventBus: EventBus;
  demoLogin?: DemoLogin;
  stop(): Promise<void>;
}

/** The composition root: config -> database -> pub/sub -> schema -> HTTP and WebSocket. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => logger.warn({ err: error }, 'shutdown step failed'));
    cleanups.length = 0;
  };

  try {
    let databaseUrl: string;
    if (config.database.kind === 'embedded') {
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ ...config.database, logger });
      cleanups.push(() => embedded.stop());
      databaseUrl = embedded.url;
    } else {
      databaseUrl = config.database.url;
    }
    const dataSource = await openDatabase({ url: databaseUrl, logger, entities });
    const metrics = createMetrics();
    cleanups.push(() => dataSource.destroy());

    const eventBus = createEventBus(config.redis, logger);
    cleanups.push(() => eventBus.close());
    let redis: Redis | undefined;
    if (config.redis.kind === 'redis') {
      redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
      redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
      const client = redis;
      cleanups.push(async () => client.quit());
    }

    // pg-boss's schema and our queues are created one instance at a time (concurrent DDL deadlocks).
    const jobs = await withAdvisoryLock(dataSource, AdvisoryLock.JOB_QUEUES, () =>
      JobQueue.start({ url: databaseUrl, logger, pollingIntervalSeconds: config.jobs.pollingIntervalSeconds }),
    );
    cleanups.push(() => jobs.stop());

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
    await withAdvisoryLock(dataSource, AdvisoryLock.JOB_QUEUES, () => defineJobs(jobs, modules));
    const demoLogin = await ensureFirstAdmin({ config, services, dataSource, logger });
    const schema = await buildAppSchema({ container: resolverContainer(modules), pubSub: eventBus.forSchema });
    const loaders = (options: { cache: boolean }) => createLoaders(modules, options);

    const httpServer: Server = createServer();
    const ws = attachWebSocketServer({ httpServer, schema, services, rateLimits, loaders, metrics, config, logger });
    const apollo = new ApolloServer<RequestContext>({
      schema,
      csrfPrevention: true,
      introspection: !config.isProduction,
      includeStacktraceInErrorResponses: false,
      validationRules: [depthLimitRule(config.graphqlMaxDepth)],
      formatError: (formatted) =>
        isPublicError(formatted) ? formatted : { ...formatted, message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        { async serverWillStart() { return { drainServer: () => ws.close() }; } },
        metrics.graphqlPlugin,
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
    cleanups.push(() => apollo.stop());

    httpServer.on('request', createHttpApp({ config, apollo, services, rateLimits, loaders, dataSource, eventBus, metrics, logger }));
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = config.publicUrl ?? `http://${host}:${port}`;
    listeningUrl = url;
    for (const { instance } of modules.instances) void instance.afterListen?.();
    logger.info({ url, database: config.database.kind, pubsub: eventBus.kind }, 'server ready');
    return { url, port, services, dataSource, eventBus, demoLogin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

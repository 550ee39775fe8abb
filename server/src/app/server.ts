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
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../shared/db/embedded-postgres';
import { depthLimitRule } from '../shared/graphql/depth-limit';
import { isPublicError } from '../shared/graphql/error-masking';
import type { Logger } from '../shared/logger';
import { createMetrics } from '../shared/metrics';
import { createEventBus, type EventBus } from '../shared/pubsub/event-bus';
import type { Config } from './config';
import { createResolverContainer, createServices, type Services } from './container';
import type { RequestContext } from './context';
import { ensureFirstAdmin, type DemoLogin } from './first-admin';
import { createHttpApp } from './http';
import { buildAppSchema } from './schema';
import { attachWebSocketServer } from './ws';
import { JobQueue } from '../shared/jobs/job-queue';

const RENEW_SUBSCRIPTIONS = 'channels.renew-subscriptions';

/** The queues this instance works: webhook events, outbound messages, call transcriptions, and the hourly subscription renewal. */
async function defineJobs(services: Services, config: Config): Promise<void> {
  const retries = { retryLimit: config.jobs.retryLimit, retryDelaySeconds: config.jobs.retryDelaySeconds };
  await services.webhooks.defineJobs(retries);
  await services.outbound.defineJobs(retries);
  await services.telephony.defineJobs(retries);
  await services.jobs.define({
    name: RENEW_SUBSCRIPTIONS,
    ...retries,
    expireInSeconds: 60,
    concurrency: 1,
    handle: async () => {
      await services.channels.ensureRingCentralSubscription();
    },
  });
  await services.jobs.schedule(RENEW_SUBSCRIPTIONS, '17 * * * *');
}

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
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
    const dataSource = await openDatabase({ url: databaseUrl, logger });
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
    const services = createServices({ config, dataSource, eventBus, logger, jobs, redis, webhookBaseUrl: () => config.publicUrl ?? listeningUrl });
    await withAdvisoryLock(dataSource, AdvisoryLock.JOB_QUEUES, () => defineJobs(services, config));
    const demoLogin = await ensureFirstAdmin({ config, services, dataSource, logger });
    const schema = await buildAppSchema({ container: createResolverContainer(services), pubSub: eventBus.forSchema });
    const metrics = createMetrics();

    const httpServer: Server = createServer();
    const ws = attachWebSocketServer({ httpServer, schema, services, config, logger });
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
    cleanups.push(() => apollo.stop());

    httpServer.on('request', createHttpApp({ config, apollo, services, dataSource, eventBus, metrics, logger }));
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    // Every instance sweeps: queued escalations to newly free extensions, unanswered ones to the next.
    // Row locks (SKIP LOCKED) keep instances from handling the same escalation twice.
    const sweeper = setInterval(() => {
      services.escalations.sweep().catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'escalation sweep failed'));
    }, config.escalations.sweepSeconds * 1000);
    sweeper.unref();
    cleanups.push(async () => clearInterval(sweeper));

    const port = (httpServer.address() as AddressInfo).port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = config.publicUrl ?? `http://${host}:${port}`;
    listeningUrl = url;
    // Once listening, so RingCentral's validation request reaches us; a failure is recorded and retried hourly.
    if (services.channels.ringCentralConfigured) {
      void services.channels.ensureRingCentralSubscription().catch(() => undefined);
    }
    logger.info({ url, database: config.database.kind, pubsub: eventBus.kind }, 'server ready');
    return { url, port, services, dataSource, eventBus, demoLogin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { statementCount } from './db/statement-count';
import type { Principal } from './auth/principal';

/** Distinct operation names kept as labels; the names after that are "other". */
const OPERATION_NAME_BUDGET = 100;

/**
 * Prometheus metrics at GET /metrics: process and event-loop delay (prom-client defaults),
 * HTTP requests, and GraphQL operations by name, type and outcome.
 */
export interface Metrics {
  registry: Registry;
  httpMiddleware: RequestHandler;
  graphqlPlugin: ApolloServerPlugin;
  countGraphqlOperation(params: { name: string; type: string; outcome: 'success' | 'error'; seconds: number }): void;
  /** A webhook request refused: bad signature or token, malformed or oversized body. */
  countWebhookRejection(provider: string, reason: string): void;
  countWebhookEvents(provider: string, outcome: 'stored' | 'duplicate', count: number): void;
  /** One attempt of a durable job: how it ended, how long it took, what it cost in SQL statements. */
  observeJob(attempt: { queue: string; outcome: 'success' | 'error'; seconds: number; statements: number }): void;
  /** SQL statements one subscription event cost to render (once for all subscribers sharing it). */
  countSubscriptionEventStatements(subscription: string, statements: number): void;
  /** Asks `isReachable` at each scrape whether live events reach other instances (pubsub_up), and `listeners` how many subscriptions listen per topic. */
  watchPubSub(isReachable: () => Promise<boolean>, listeners: () => Record<string, number>): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });

  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const graphqlOperations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const graphqlDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  const webhookRejections = new Counter({
    name: 'webhook_rejections_total',
    help: 'Webhook requests refused before storing, by provider and reason (bad-signature, bad-token, malformed-body, ...).',
    labelNames: ['provider', 'reason'] as const,
    registers: [registry],
  });
  const webhookEvents = new Counter({
    name: 'webhook_events_total',
    help: 'Webhook events by provider and outcome (stored, or duplicate of one already stored).',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  });
  // What reads cost: a fixed number of statements per request, whatever the page size (DataLoaders).
  const statementBuckets = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233];
  const graphqlStatements = new Histogram({
    name: 'graphql_operation_db_statements',
    help: 'SQL statements one GraphQL operation sent, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: statementBuckets,
    registers: [registry],
  });
  let statementsCounted = 0;
  new Counter({
    name: 'db_statements_total',
    help: 'SQL statements this instance has sent through its pool (counted one by one per operation only when SQL_STATEMENTS_PER_OPERATION is on).',
    registers: [registry],
    collect() {
      const total = statementCount.total();
      this.inc(total - statementsCounted);
      statementsCounted = total;
    },
  });
  const subscriptionEventStatements = new Histogram({
    name: 'graphql_subscription_event_db_statements',
    help: 'SQL statements one live event cost to render, by subscription field: once for every subscriber with the same operation and access (0 when the event carries what it shows).',
    labelNames: ['subscription'] as const,
    buckets: statementBuckets,
    registers: [registry],
  });

  const jobAttempts = new Histogram({
    name: 'job_attempt_duration_seconds',
    help: 'Durable job attempts by queue and outcome.',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const jobStatements = new Histogram({
    name: 'job_attempt_db_statements',
    help: 'SQL statements one durable job attempt sent, by queue (the queue\'s own fetch and completion not included).',
    labelNames: ['queue'] as const,
    buckets: statementBuckets,
    registers: [registry],
  });

  // Provider names come from the URL; only known ones become label values.
  const providerLabel = (provider: string) => (['ringcentral', 'ringcentral-ai', 'meta', 'stripe', 'plaid'].includes(provider) ? provider : 'other');

  // A client picks its operation's name, so a name is a label only when a signed-in staff
  // member or integrator sent it, and only the first OPERATION_NAME_BUDGET of those: anyone
  // else's names would let them add series to /metrics without bound.
  const operationNames = new Set<string>();
  const operationLabel = (name: string | undefined, principal: Principal | undefined): string => {
    if (!name || (principal?.kind !== 'staff' && principal?.kind !== 'apiKey')) return 'other';
    if (operationNames.has(name)) return name;
    if (operationNames.size >= OPERATION_NAME_BUDGET) return 'other';
    operationNames.add(name);
    return name;
  };

  const countGraphqlOperation: Metrics['countGraphqlOperation'] = ({ name, type, outcome, seconds }) => {
    graphqlOperations.inc({ operation: name, type, outcome });
    graphqlDuration.observe({ operation: name, type }, seconds);
  };

  // Routes are a small fixed set; anything else is one label so a scanner cannot explode the series.
  const knownRoutes = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/webhooks/ringcentral', '/webhooks/meta']);
  const httpMiddleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const pathname = req.originalUrl.split('?')[0]; // req.path is relative to a mounted router
      const route = knownRoutes.has(pathname) ? pathname : req.method === 'GET' ? 'static' : 'other';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      httpDuration.observe({ method: req.method, route }, seconds);
    });
    next();
  };

  const graphqlPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, response, contextValue }) {
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          const name = operationLabel(operationName ?? undefined, (contextValue as { principal?: Principal }).principal);
          countGraphqlOperation({
            name,
            type: operation?.operation ?? 'invalid',
            outcome: failed ? 'error' : 'success',
            seconds: Number(process.hrtime.bigint() - started) / 1e9,
          });
          const statements = statementCount.current();
          if (statements !== undefined) graphqlStatements.observe({ operation: name, type: operation?.operation ?? 'invalid' }, statements);
        },
      };
    },
  };

  let pubSubReachable: () => Promise<boolean> = async () => true;
  let liveListeners: () => Record<string, number> = () => ({});
  new Gauge({
    name: 'live_event_listeners',
    help: 'Subscriptions on this instance that will hear the next event of each topic (those sharing one execution count once).',
    labelNames: ['topic'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [topic, count] of Object.entries(liveListeners())) this.set({ topic }, count);
    },
  });
  new Gauge({
    name: 'pubsub_up',
    help: 'Whether live events reach other instances (1) or not (0: Redis is unreachable; the API still serves, consoles miss live updates from other instances).',
    registers: [registry],
    async collect() {
      this.set((await pubSubReachable()) ? 1 : 0);
    },
  });

  return {
    registry,
    watchPubSub: (isReachable, listeners) => {
      pubSubReachable = isReachable;
      liveListeners = listeners;
    },
    httpMiddleware,
    graphqlPlugin,
    countGraphqlOperation,
    countWebhookRejection: (provider, reason) => webhookRejections.inc({ provider: providerLabel(provider), reason }),
    observeJob: ({ queue, outcome, seconds, statements }) => {
      jobAttempts.observe({ queue, outcome }, seconds);
      jobStatements.observe({ queue }, statements);
    },
    countSubscriptionEventStatements: (subscription, statements) => subscriptionEventStatements.observe({ subscription }, statements),
    countWebhookEvents: (provider, outcome, count) => {
      if (count > 0) webhookEvents.inc({ provider: providerLabel(provider), outcome }, count);
    },
  };
}

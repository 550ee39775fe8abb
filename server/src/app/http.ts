import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Metrics } from '../shared/metrics';
import type { Logger } from '../shared/logger';
import { webhookRouter } from '../modules/webhooks/webhook-routes';
import { termsRouter } from '../modules/terms/terms-routes';
import { paymentsRouter } from '../modules/payments/payments-routes';
import { depositRouter } from '../modules/deposits/deposit-routes';
import { googleOAuthRouter } from '../modules/google-business/google-oauth-routes';
import type { EventBus } from '../shared/pubsub/event-bus';
import { authenticateBearer } from './authentication';
import type { Config } from './config';
import type { Loaders, ModuleServices } from './module';
import type { RateLimits } from '../shared/auth/rate-limits';
import type { RequestContext } from './context';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { statementCount } from '../shared/db/statement-count';

/**
 * The HTTP surface: /graphql, health and readiness probes, Prometheus metrics, and the
 * built console (so one process and one port are the whole product).
 */
export function createHttpApp(params: {
  config: Config;
  apollo: ApolloServer<RequestContext>;
  services: ModuleServices;
  rateLimits: RateLimits;
  loaders(options: { cache: boolean }): Loaders;
  dataSource: DataSource;
  eventBus: EventBus;
  metrics: Metrics;
  logger: Logger;
}): Express {
  const { config, apollo, services, loaders, dataSource, eventBus, metrics } = params;
  const app = express();
  app.disable('x-powered-by');
  // No ETag on answers: GraphQL answers are POSTs nobody revalidates, and hashing every page of
  // bookings cost more CPU than serializing it. (Static console files keep theirs.)
  app.set('etag', false);
  // Off unless configured: otherwise anything proxying on this host lets a client pick its address.
  app.set('trust proxy', config.trustProxy);
  app.use(metrics.httpMiddleware);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });

  app.get('/readyz', async (_req, res) => {
    const [database, pubsub] = await Promise.all([
      dataSource
        .query('SELECT 1')
        .then(() => 'up' as const)
        .catch(() => 'down' as const),
      eventBus.isReachable().then((reachable) => (reachable ? ('up' as const) : ('down' as const))),
    ]);
    // Ready means "can serve requests": without Redis the API still answers and writes, only
    // live events stop crossing instances, so that is degraded, not a reason to take this
    // instance (and every other one) out of the load balancer.
    const status = database === 'down' ? 'not ready' : pubsub === 'down' ? 'degraded' : 'ready';
    res.status(database === 'up' ? 200 : 503).json({ status, checks: { database, pubsub: { kind: eventBus.kind, status: pubsub } } });
  });

  // Metrics name operations, queues and load: for the scraper only in production.
  const metricsAccess = metricsAccessRule(config);
  app.get('/metrics', async (req, res) => {
    const refusal = metricsAccess(req.get('authorization'));
    if (refusal) return sendError(req, res, refusal.status, refusal.code, refusal.message);
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // Before any body parser: webhooks are verified on their raw bytes.
  app.use(webhookRouter({ inbox: services.webhooks, skipValidation: config.webhooks.skipValidation, rejectionsByIp: params.rateLimits.webhookRejectionsByIp, metrics, logger: params.logger }));

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    // Everything this request sends to the database is counted (graphql_operation_db_statements).
    (_req, _res, next) => statementCount.run(next),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const requestId = randomUUID();
        res.setHeader('x-request-id', requestId);
        const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        const principal = await authenticateBearer({ staff: services.staff, rateLimits: params.rateLimits, authorization: req.headers.authorization, ip });
        return { requestId, ip, userAgent: req.get('user-agent'), principal, loaders: loaders({ cache: true }) };
      },
    }),
  );

  // The public terms pages and the printable evidence: before the console's client-side routes.
  app.use(
    termsRouter({
      terms: services.terms,
      authenticate: (authorization, ip) => authenticateBearer({ staff: services.staff, rateLimits: params.rateLimits, authorization, ip }),
      businessName: config.business.name,
      logger: params.logger,
    }),
  );

  // The reconciliation report as CSV and bank statement uploads, for staff.
  app.use(
    paymentsRouter({
      payments: services.payments,
      matching: services.paymentMatching,
      authenticate: (authorization, ip) => authenticateBearer({ staff: services.staff, rateLimits: params.rateLimits, authorization, ip }),
      statementMaxBytes: config.payments.statementMaxBytes,
      logger: params.logger,
    }),
  );
  // The customer's deposit link: a local checkout page, or a redirect to Stripe Checkout.
  app.use(depositRouter({ deposits: services.deposits, businessName: config.business.name, logger: params.logger }));
  // Where Google's consent page sends the admin back.
  app.use(googleOAuthRouter({ google: services.googleBusiness, logger: params.logger }));

  if (existsSync(path.join(config.consoleDistDir, 'index.html'))) {
    app.use(express.static(config.consoleDistDir, { index: false, maxAge: '1h' }));
    // The customers' web chat, a page of its own that the business website links to.
    app.get('/chat', (_req, res) => {
      res.sendFile(path.join(config.consoleDistDir, 'chat.html'), { headers: { 'Cache-Control': 'no-cache' } });
    });
    // Client-side routes (/login, /extensions, ...) all load the single-page console.
    app.get(/^\/(?!graphql|webhooks|oauth|healthz|readyz|metrics).*/, (_req, res) => {
      res.sendFile(path.join(config.consoleDistDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } });
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('The console is not built. Run `pnpm build` (or `pnpm start`), or open /graphql for Apollo Sandbox.');
    });
  }

  // What no route took, and any error a route passed on (a body that is not JSON, or too large):
  // JSON with a code and a request id in every mode, never Express's page, which outside
  // production carries a stack trace and file paths.
  app.use((req, res) => sendError(req, res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${req.path}.`));
  const onError: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.parse.failed') return sendError(req, res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    if (error.type === 'entity.too.large') return sendError(req, res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than this server accepts.');
    if (error.status && error.status >= 400 && error.status < 500) return sendError(req, res, error.status, 'BAD_REQUEST', 'The request could not be read.');
    const requestId = sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    params.logger.error({ requestId, err: error }, 'unhandled HTTP error');
  };
  app.use(onError);
  return app;
}

/** Who may read /metrics: the holder of METRICS_TOKEN when it is set; anyone outside production otherwise; nobody in production without it. */
function metricsAccessRule(config: Config): (authorization: string | undefined) => { status: number; code: string; message: string } | null {
  const { metricsToken, isProduction } = config;
  if (!metricsToken) {
    if (!isProduction) return () => null;
    const off = { status: 404, code: 'NOT_FOUND', message: 'Metrics are off in production until METRICS_TOKEN is set; scrape with "Authorization: Bearer <METRICS_TOKEN>".' };
    return () => off;
  }
  const expected = createHash('sha256').update(metricsToken).digest();
  const refused = { status: 401, code: 'UNAUTHENTICATED', message: 'Metrics need "Authorization: Bearer <METRICS_TOKEN>".' };
  return (authorization) => {
    const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
    // Compared as digests in constant time, so neither the token nor its length leaks through timing.
    return timingSafeEqual(createHash('sha256').update(given).digest(), expected) ? null : refused;
  };
}

/** An error answer: GraphQL's shape on /graphql, so clients read it as they read the others; returns its request id. */
function sendError(req: Request, res: Response, status: number, code: string, message: string): string {
  const requestId = randomUUID();
  res.setHeader('x-request-id', requestId);
  if (req.path.startsWith('/graphql')) res.status(status).json({ errors: [{ message, extensions: { code, requestId } }] });
  else res.status(status).json({ error: { code, message, requestId } });
  return requestId;
}

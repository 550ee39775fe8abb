import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Router } from 'express';
import type { Logger } from '../../shared/logger';
import type { Metrics } from '../../shared/metrics';
import { countFailure, msUntilAllowed } from '../../shared/auth/rate-limits';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { InboxUnavailable, type WebhookInboxService } from './webhook-inbox.service';
import { UnknownPayload, type RejectionReason } from './webhook-provider';

/** Provider bodies are small; anything larger is refused before it is read (a source may allow more). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * GET|POST /webhooks/:provider. In order: handshakes answered directly; the signature or
 * token checked on the raw bytes; the JSON parsed; the events stored (with their apply jobs)
 * and only then 200. Refusals are counted and sampled; an address past its allowance of
 * refusals gets 429 for the rest of the minute, before anything is read or written. A database
 * that cannot store the events gets a 503, so the provider delivers again rather than
 * believing a false 200.
 */
export function webhookRouter(params: { inbox: WebhookInboxService; skipValidation: boolean; rejectionsByIp: RateLimiterAbstract; metrics: Metrics; logger: Logger }): Router {
  const { inbox, skipValidation, rejectionsByIp, metrics, logger } = params;
  const router = express.Router();

  const refuse = async (req: Request, provider: string, reason: RejectionReason, rawBody: Buffer) => {
    metrics.countWebhookRejection(provider, reason);
    const clientAddress = req.ip ?? 'unknown';
    await countFailure(rejectionsByIp, clientAddress).catch(() => 0);
    await inbox.recordRejection({ provider, reason, clientAddress, rawBody });
  };

  /** An address that used up its refusals is answered 429 without reading its body. */
  const throttle: RequestHandler = async (req, res, next) => {
    const waitMs = await msUntilAllowed(rejectionsByIp, req.ip ?? 'unknown').catch(() => 0);
    if (waitMs === 0) return next();
    metrics.countWebhookRejection(String(req.params.provider), 'throttled');
    res.status(429).set('Retry-After', String(Math.ceil(waitMs / 1000))).json({ error: 'Too many refused requests from this address. Try again later.' });
  };

  const rawBodyParsers = new Map<number, RequestHandler>();
  const readRawBody: RequestHandler = (req, res, next) => {
    const limit = inbox.source(String(req.params.provider))?.maxBodyBytes ?? MAX_BODY_BYTES;
    let parser = rawBodyParsers.get(limit);
    if (!parser) rawBodyParsers.set(limit, (parser = express.raw({ type: () => true, limit })));
    parser(req, res, next);
  };

  router.all('/webhooks/:provider', throttle, readRawBody, async (req, res) => {
    const provider = String(req.params.provider);
    const source = inbox.source(provider);
    const query = req.query as Record<string, unknown>;
    if (!source) {
      res.status(404).json({ error: `No webhook source "${provider}" is configured on this server.` });
      return;
    }
    const direct = source.answerDirectly?.({ method: req.method, headers: req.headers, query });
    if (direct) {
      res.status(direct.status).set(direct.headers ?? {}).send(direct.body ?? '');
      return;
    }
    if (req.method !== 'POST') {
      res.status(405).set('Allow', 'POST').json({ error: 'Deliveries are POSTed.' });
      return;
    }

    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!skipValidation) {
      const verdict = await source.verify(raw, req.headers, query);
      if (!verdict.ok) {
        await refuse(req, provider, verdict.reason, raw);
        res.status(verdict.reason === 'missing-signature' ? 401 : 403).json({ error: 'The request could not be verified.' });
        return;
      }
    }

    let events;
    try {
      events = source.split(JSON.parse(raw.toString('utf8')) as unknown, query);
    } catch (error) {
      const reason = error instanceof UnknownPayload ? 'unknown-payload' : 'malformed-body';
      await refuse(req, provider, reason, raw);
      res.status(400).json({ error: reason === 'malformed-body' ? 'The body is not valid JSON.' : (error as Error).message });
      return;
    }

    try {
      const { stored, duplicates } = await inbox.accept(source.provider, events);
      metrics.countWebhookEvents(provider, 'stored', stored);
      metrics.countWebhookEvents(provider, 'duplicate', duplicates);
      res.status(200).json({ received: events.length, stored, duplicates });
    } catch (error) {
      const level = error instanceof InboxUnavailable ? 'warn' : 'error';
      logger[level]({ provider, err: (error as Error).message }, 'webhook could not be stored; the provider will deliver it again');
      res.status(503).set('Retry-After', '30').json({ error: 'Temporarily unable to accept events. Deliver again later.' });
    }
  });

  const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number; limit?: number }, req, res, next) => {
    if (!req.path.startsWith('/webhooks/')) return next(error);
    const provider = req.path.split('/')[2] ?? 'unknown';
    if (error.type === 'entity.too.large') {
      metrics.countWebhookRejection(provider, 'too-large');
      res.status(413).json({ error: `The body is larger than ${megabytes(error.limit ?? MAX_BODY_BYTES)}.` });
      return;
    }
    res.status(error.status && error.status < 500 ? error.status : 400).json({ error: 'The body could not be read.' });
  };
  router.use(bodyErrors);
  return router;
}

function megabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

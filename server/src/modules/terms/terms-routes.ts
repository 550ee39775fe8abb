import express, { type Response, type Router } from 'express';
import type { Principal } from '../../shared/auth/principal';
import { ApiScope } from '../../shared/auth/scopes';
import type { Logger } from '../../shared/logger';
import { evidencePage, messagePage, termsPage } from './terms-pages';
import type { TermsService } from './terms.service';

/**
 * GET /terms (the current version) and GET /terms/:versionId, public: the page the terms
 * request links to. GET /terms-evidence/:bookingId, for staff: the printable evidence, opened
 * with a bearer token (staff, or an API key with TERMS_READ) or with the signed, short-lived
 * link termsEvidence.printableUrl gives, since a browser following a link sends no header.
 */
export function termsRouter(params: {
  terms: TermsService;
  /** The caller behind an Authorization header (undefined without one); throws for a bad one, with an UNAUTHENTICATED or RATE_LIMITED code. */
  authenticate(authorization: string | undefined, ip: string): Promise<Principal | undefined>;
  businessName: string;
  logger: Logger;
}): Router {
  const { terms, businessName, logger } = params;
  const router = express.Router();
  const formatTime = (at: Date) => terms.inBusinessTime(at);

  router.get('/terms', async (_req, res) => {
    try {
      const current = await terms.currentVersion();
      if (!current) return send(res, 404, messagePage('No terms yet', 'No terms have been published yet.'));
      send(res, 200, termsPage({ version: current, current, businessName, formatTime }), 'public, max-age=60');
    } catch (error) {
      failed(res, logger, error);
    }
  });

  router.get('/terms/:versionId', async (req, res) => {
    try {
      const [version, current] = await Promise.all([terms.findVersionByReference(String(req.params.versionId)), terms.currentVersion()]);
      if (!version) return send(res, 404, messagePage('Terms not found', 'No version of the terms has this address. The current terms are at /terms.'));
      // A published version never changes: it may be cached, though whether it is current may.
      send(res, 200, termsPage({ version, current, businessName, formatTime }), 'public, max-age=60');
    } catch (error) {
      failed(res, logger, error);
    }
  });

  router.get('/terms-evidence/:bookingId', async (req, res) => {
    try {
      const bookingReference = String(req.params.bookingId);
      // Access first: producing the page verifies the whole chain, which nobody else may make us do.
      const refusal = await accessRefusal({
        authorization: req.get('authorization'),
        ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        token: typeof req.query.token === 'string' ? req.query.token : undefined,
        bookingId: terms.bookingIdOf(bookingReference),
      });
      if (refusal) return send(res, refusal.status, messagePage(refusal.title, refusal.message));
      const evidence = await terms.evidence(bookingReference);
      if (!evidence) return send(res, 404, messagePage('Booking not found', 'No booking has this id.'));
      send(res, 200, evidencePage({ evidence, businessName, formatTime }));
    } catch (error) {
      failed(res, logger, error);
    }
  });

  const accessRefusal = async (request: { authorization?: string; ip: string; token?: string; bookingId?: string }) => {
    if (request.authorization) {
      let principal: Principal | undefined;
      try {
        principal = await params.authenticate(request.authorization, request.ip);
      } catch (error) {
        const code = (error as { extensions?: { code?: string } }).extensions?.code;
        if (code === 'RATE_LIMITED') return { status: 429, title: 'Too many requests', message: 'Too many requests with invalid credentials from this address. Wait a minute and try again.' };
        return { status: 401, title: 'Sign in again', message: 'The bearer token is not valid or has expired.' };
      }
      const allowed = principal?.kind === 'staff' || (principal?.kind === 'apiKey' && principal.scopes.includes(ApiScope.TERMS_READ));
      return allowed ? null : { status: 403, title: 'Not allowed', message: 'Evidence is for staff, or an API key with the TERMS_READ scope.' };
    }
    if (request.token) {
      const allowed = request.bookingId !== undefined && (await terms.printableLinkAllows(request.token, request.bookingId));
      return allowed ? null : { status: 401, title: 'Link expired', message: 'This link has expired or is not valid. Open the booking’s evidence in the console again for a new link.' };
    }
    return { status: 401, title: 'Sign in first', message: 'Open this page from the booking’s evidence in the console, or send Authorization: Bearer <token>.' };
  };

  return router;
}

/**
 * Sends a page that loads nothing: no script, frame, form or outside resource, and no referrer
 * (the evidence link carries its token in the address).
 */
function send(res: Response, status: number, html: string, cacheControl = 'no-store'): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': cacheControl,
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex',
    })
    .send(html);
}

function failed(res: Response, logger: Logger, error: unknown): void {
  logger.error({ err: error }, 'terms page failed');
  send(res, 500, messagePage('Something went wrong', 'The page could not be produced. Try again in a moment.'));
}

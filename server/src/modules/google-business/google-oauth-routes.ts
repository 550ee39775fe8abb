import escapeHtml from 'escape-html';
import express, { type Router } from 'express';
import type { Logger } from '../../shared/logger';
import type { GoogleBusinessService } from './google-business.service';

/**
 * GET /oauth/google/callback: where Google's consent page sends the admin back. Answers a
 * small page (JSON when asked for it) saying what happened; a forged, replayed or expired
 * state is refused and nothing is stored. The page never shows the code or a token.
 */
export function googleOAuthRouter(params: { google: GoogleBusinessService; logger: Logger }): Router {
  const router = express.Router();
  router.get('/oauth/google/callback', async (req, res) => {
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    try {
      const outcome = await params.google.completeConsent({ state: text(req.query.state), code: text(req.query.code), error: text(req.query.error) });
      res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
      if (!outcome.ok) {
        const body = { ok: false, code: outcome.code, message: outcome.message };
        if (req.accepts(['html', 'json']) === 'json') res.status(outcome.status).json(body);
        else res.status(outcome.status).type('html').send(page('Google was not connected', outcome.message));
        return;
      }
      const message =
        outcome.state === 'CONNECTED'
          ? `Google is connected. Reviews of ${outcome.locationTitle ?? 'the location'} are being read now.`
          : outcome.choices === 0
            ? 'Google is connected, but the account has no Business Profile location.'
            : 'Google is connected. Go back to Channels in the console and pick the location whose reviews to read.';
      if (req.accepts(['html', 'json']) === 'json') res.json({ ok: true, state: outcome.state, message });
      else res.type('html').send(page('Google connected', message));
    } catch (error) {
      params.logger.error({ err: (error as Error).message }, 'Google consent callback failed');
      res.status(500).type('html').send(page('Google was not connected', 'Something went wrong on this server. Start again with Connect Google in the console.'));
    }
  });
  return router;
}

function page(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/#/channels">Back to the console</a></p></body></html>`;
}

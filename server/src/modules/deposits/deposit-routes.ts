import express, { type Response, type Router } from 'express';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import type { Logger } from '../../shared/logger';
import { DepositCheckoutStatus } from './deposit-checkout.entity';
import { depositPage, messagePage } from './deposit-pages';
import type { DepositsService } from './deposits.service';

/**
 * The link a customer gets for the deposit, public: GET /deposit/<checkout id> sends them to a
 * live Stripe Checkout page (a new session when the last one expired), or, without Stripe keys,
 * shows the local checkout page, whose button POSTs /deposit/<checkout id>/pay. Stripe sends the
 * customer back to ?paid=1, where the page says the payment is being confirmed: only the webhook
 * marks it paid.
 */
export function depositRouter(params: { deposits: DepositsService; businessName: string; logger: Logger }): Router {
  const { deposits, businessName, logger } = params;
  const router = express.Router();

  router.get('/deposit/:checkoutId', async (req, res) => {
    try {
      const view = await deposits.page(String(req.params.checkoutId));
      if (!view) return send(res, 404, messagePage('Deposit not found', 'This deposit link is not valid. Ask us for a new one.'));
      if (view.checkout.status === DepositCheckoutStatus.PAID || deposits.providerName === 'local') return send(res, 200, depositPage(view, { businessName }));
      if (req.query.paid === '1') {
        return send(res, 200, messagePage('Thank you', 'Your payment is being confirmed. We will text you when the deposit is received.'));
      }
      res.redirect(303, await deposits.vendorUrl(view));
    } catch (error) {
      failed(res, logger, error);
    }
  });

  router.post('/deposit/:checkoutId/pay', async (req, res) => {
    try {
      const view = await deposits.payLocally(String(req.params.checkoutId));
      send(res, 200, depositPage(view, { businessName, justPaid: true }));
    } catch (error) {
      failed(res, logger, error);
    }
  });

  return router;
}

/** A page that runs no script and loads nothing from elsewhere; its only form posts back here. */
function send(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex',
    })
    .send(html);
}

function failed(res: Response, logger: Logger, error: unknown): void {
  if (error instanceof UserInputFailure) {
    const notFound = error.userErrors.some((e) => e.code === 'NOT_FOUND');
    return send(res, notFound ? 404 : 409, messagePage(notFound ? 'Deposit not found' : 'Cannot take this deposit', error.message));
  }
  logger.error({ err: error }, 'deposit page failed');
  send(res, 500, messagePage('Something went wrong', 'The page could not be produced. Try again in a moment.'));
}

import { stringify } from 'csv-stringify/sync';
import express, { type Request, type Response, type Router } from 'express';
import type { Principal } from '../../shared/auth/principal';
import { StaffRole } from '../../shared/auth/roles';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import type { Logger } from '../../shared/logger';
import type { PaymentMatchingService, ReconciliationReport } from './payment-matching.service';
import type { PaymentsService } from './payments.service';

/**
 * GET /payments/reconciliation.csv?week=YYYY-MM-DD: the weekly reconciliation report as CSV
 * (staff). POST /payments/bank-statements: a bank statement export as the raw request body
 * (admins), for files larger than a GraphQL request takes. Both with `Authorization: Bearer`.
 */
export function paymentsRouter(params: {
  payments: PaymentsService;
  matching: PaymentMatchingService;
  authenticate(authorization: string | undefined, ip: string): Promise<Principal | undefined>;
  statementMaxBytes: number;
  logger: Logger;
}): Router {
  const router = express.Router();

  const caller = async (req: Request, res: Response, role: 'staff' | 'admin'): Promise<boolean> => {
    let principal: Principal | undefined;
    try {
      principal = await params.authenticate(req.get('authorization'), req.ip ?? req.socket.remoteAddress ?? 'unknown');
    } catch (error) {
      const code = (error as { extensions?: { code?: string } }).extensions?.code;
      res.status(code === 'RATE_LIMITED' ? 429 : 401).json({ error: { code: code ?? 'UNAUTHENTICATED', message: (error as Error).message } });
      return false;
    }
    if (principal?.kind !== 'staff') {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first: send Authorization: Bearer <token> from a staff sign-in.' } });
      return false;
    }
    if (role === 'admin' && principal.role !== StaffRole.ADMIN) {
      res.status(403).json({ error: { code: 'FORBIDDEN', message: 'Only an admin may do this.' } });
      return false;
    }
    return true;
  };

  router.get('/payments/reconciliation.csv', async (req, res) => {
    try {
      if (!(await caller(req, res, 'staff'))) return;
      const week = typeof req.query.week === 'string' ? req.query.week : '';
      const report = await params.matching.reconciliation(week);
      res
        .status(200)
        .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="reconciliation-${report.weekStart}.csv"`, 'Cache-Control': 'no-store' })
        .send(reconciliationCsv(report));
    } catch (error) {
      if (error instanceof UserInputFailure) return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'week: give a day of the week as YYYY-MM-DD.' } });
      params.logger.error({ err: error }, 'reconciliation CSV failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The report could not be produced. Try again in a moment.' } });
    }
  });

  router.post('/payments/bank-statements', express.text({ type: () => true, limit: params.statementMaxBytes }), async (req, res) => {
    try {
      if (!(await caller(req, res, 'admin'))) return;
      const text = typeof req.body === 'string' ? req.body : '';
      res.status(200).json(await params.payments.importBankStatement(text));
    } catch (error) {
      if (error instanceof UserInputFailure) return void res.status(422).json({ userErrors: error.userErrors });
      params.logger.error({ err: error }, 'bank statement upload failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The statement could not be imported. Try again in a moment.' } });
    }
  });

  return router;
}

/** One row per credit of the week, in date order, with a header row; amounts in dollars. */
export function reconciliationCsv(report: ReconciliationReport): string {
  return stringify(
    report.lines.map((line) => [
      line.transaction.postedOn,
      (line.transaction.amountCents / 100).toFixed(2),
      line.transaction.description,
      line.transaction.source,
      line.state,
      line.bookingReference ?? '',
      line.match?.type ?? '',
      line.match ? line.match.confidence.toFixed(2) : '',
      line.explanation,
    ]),
    { header: true, columns: ['Posted', 'Amount', 'Description', 'Source', 'State', 'Booking', 'Type', 'Confidence', 'Explanation'], bom: true },
  );
}

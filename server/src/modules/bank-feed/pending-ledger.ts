import type { Logger } from '../../shared/logger';
import type { BankLedger } from './bank-ledger.port';
import type { BankAlerts } from './bank-feed.service';

/*
 * TEMPORARY, must not ship: stand-ins until the payments ledger (PaymentsService,
 * services key `payments`) and the alerts module (services key `alerts`) are merged. Then
 * bank-feed.module.ts passes `modules.payments` and `modules.alerts` and this file is deleted.
 */

/** Takes each update and counts it, storing nothing. */
export function pendingLedger(logger: Logger): BankLedger {
  return {
    async ingestBankTransactions({ added, modified, removed }) {
      logger.warn({ added: added.length, modified: modified.length, removed: removed.length }, 'no payments ledger on this server yet: bank transactions were not stored');
      return { added: added.length, modified: modified.length, removed: removed.length };
    },
  };
}

/** Logs what would be raised. */
export function pendingAlerts(logger: Logger): BankAlerts {
  return {
    async raise({ kind, subjectId, message }) {
      logger.warn({ kind, subjectId, message }, 'alert (the alerts module is not merged yet)');
    },
    async resolve({ kind, subjectId }) {
      logger.info({ kind, subjectId }, 'alert resolved (the alerts module is not merged yet)');
    },
  };
}

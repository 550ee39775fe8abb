import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId, manyByKey } from '../../shared/graphql/loaders';
import { BankTransaction } from './bank-transaction.entity';
import { BankTransactionsRepository } from './bank-transactions.repository';
import { Payment } from './payment.entity';
import { PaymentMatch } from './payment-match.entity';
import { PaymentMatchesRepository } from './payment-matches.repository';
import { BankTransactionResolver, PaymentMatchResolver } from './payment-matching.resolver';
import { MatchingWorker } from './matching';
import { PaymentMatchingService } from './payment-matching.service';
import { PaymentTopic } from './payments.events';
import { PaymentsRepository } from './payments.repository';
import { BookingPaymentsResolver, PaymentsResolver } from './payments.resolver';
import { PaymentsService } from './payments.service';

declare module '../../app/module' {
  interface ModuleServices {
    payments: PaymentsService;
    paymentMatching: PaymentMatchingService;
  }
  interface Loaders {
    paymentsByBookingId: DataLoader<string, Payment[]>;
    bankTransactionById: DataLoader<string, BankTransaction | null>;
    paymentMatchById: DataLoader<string, PaymentMatch | null>;
    currentMatchesByTransactionId: DataLoader<string, PaymentMatch[]>;
  }
}

const ALERT_UNMATCHED = 'payments.alert-unmatched';

/** The payments ledger, the bank feed and the matching of bank credits to bookings (SPEC §6). */
export const paymentsModule: ModuleManifest = {
  name: 'payments',
  entities: [Payment, BankTransaction, PaymentMatch],
  resolvers: [PaymentsResolver, BookingPaymentsResolver, PaymentMatchResolver, BankTransactionResolver],
  topics: Object.values(PaymentTopic),
  create(core, { bookings, alerts }) {
    const { config } = core;
    const transactions = new BankTransactionsRepository(core.dataSource);
    const payments = new PaymentsService({ uow: core.uow, repository: new PaymentsRepository(core.dataSource), transactions, bookings });
    // One matching thread for the server's life: started by the first large run, warm for the next ones.
    const matchingWorker = new MatchingWorker();
    const paymentMatching = new PaymentMatchingService({
      uow: core.uow,
      matchingWorker,
      payments,
      matches: new PaymentMatchesRepository(core.dataSource, config.graphqlMaxPageSize),
      transactions,
      bookings,
      alerts,
      logger: core.logger,
      settings: { autoMatchThreshold: config.payments.autoMatchThreshold, unmatchedAlertDays: config.payments.unmatchedAlertDays, businessTimeZone: config.businessTimeZone },
    });
    payments.onNewCredits((ids) => paymentMatching.matchNewCredits(ids));
    payments.onRelease((tx, events, transaction) => paymentMatching.release(tx, events, transaction));
    return {
      services: { payments, paymentMatching },
      stop: () => matchingWorker.close(),
      resolvers: [new PaymentsResolver(payments), new BookingPaymentsResolver(), new PaymentMatchResolver(paymentMatching, payments), new BankTransactionResolver()],
      loaders: (options) => ({
        paymentsByBookingId: manyByKey((ids) => payments.paymentsOfBookings(ids), (payment) => payment.bookingId, options),
        bankTransactionById: byId((ids) => paymentMatching.findTransactions(ids), options),
        paymentMatchById: byId((ids) => paymentMatching.findMatches(ids), options),
        currentMatchesByTransactionId: manyByKey((ids) => paymentMatching.currentMatchesOf(ids), (match) => match.bankTransactionId, options),
      }),
      jobs: [
        {
          // A settled credit nobody has matched for more than PAYMENT_UNMATCHED_ALERT_DAYS: one alert per credit.
          name: ALERT_UNMATCHED,
          retryLimit: 2,
          retryDelaySeconds: 60,
          expireInSeconds: 300,
          concurrency: 1,
          everySeconds: config.payments.unmatchedCheckEverySeconds,
          handle: async () => {
            const stale = await paymentMatching.alertUnmatched();
            if (stale > 0) core.logger.info({ stale }, 'unmatched bank credits alerted');
          },
        },
      ],
    };
  },
};

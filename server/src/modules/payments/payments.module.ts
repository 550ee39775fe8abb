import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { manyByKey } from '../../shared/graphql/loaders';
import { BankTransaction } from './bank-transaction.entity';
import { BankTransactionsRepository } from './bank-transactions.repository';
import { Payment } from './payment.entity';
import { PaymentsRepository } from './payments.repository';
import { BookingPaymentsResolver, PaymentsResolver } from './payments.resolver';
import { PaymentsService } from './payments.service';

declare module '../../app/module' {
  interface ModuleServices {
    payments: PaymentsService;
  }
  interface Loaders {
    paymentsByBookingId: DataLoader<string, Payment[]>;
  }
}

/** The payments ledger, the bank feed and the matching of bank credits to bookings (SPEC §6). */
export const paymentsModule: ModuleManifest = {
  name: 'payments',
  entities: [Payment, BankTransaction],
  resolvers: [PaymentsResolver, BookingPaymentsResolver],
  topics: [],
  create(core, { bookings }) {
    const payments = new PaymentsService({
      uow: core.uow,
      repository: new PaymentsRepository(core.dataSource),
      transactions: new BankTransactionsRepository(core.dataSource),
      bookings,
    });
    return {
      services: { payments },
      resolvers: [new PaymentsResolver(payments), new BookingPaymentsResolver()],
      loaders: (options) => ({
        paymentsByBookingId: manyByKey((ids) => payments.paymentsOfBookings(ids), (payment) => payment.bookingId, options),
      }),
    };
  },
};

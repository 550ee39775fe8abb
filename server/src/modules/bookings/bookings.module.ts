import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId, manyByKey } from '../../shared/graphql/loaders';
import { Booking } from './booking.entity';
import { BookingTopic } from './bookings.events';
import { BookingsRepository } from './bookings.repository';
import { BookingsResolver } from './bookings.resolver';
import { BookingsService } from './bookings.service';

declare module '../../app/module' {
  interface ModuleServices {
    bookings: BookingsService;
  }
  interface Loaders {
    bookingById: DataLoader<string, Booking | null>;
    bookingsByCustomer: DataLoader<string, Booking[]>;
  }
}

const COMPLETE_PAST_EVENTS = 'bookings.complete-past-events';

/** Bookings, their price and their status (SPEC §4). */
export const bookingsModule: ModuleManifest = {
  name: 'bookings',
  entities: [Booking],
  resolvers: [BookingsResolver],
  topics: Object.values(BookingTopic),
  create(core, { customers, conversations, travel }) {
    const { config } = core;
    const bookings = new BookingsService({
      uow: core.uow,
      repository: new BookingsRepository(core.dataSource, config.graphqlMaxPageSize),
      customers,
      conversations,
      travel: {
        quote: ({ address, departure }) => travel.quote({ address, departure: departure ?? undefined }),
        quotedFees: async (ids) => new Map((await travel.findByIds(ids)).map((quote) => [quote.id, quote.feeCents])),
        driveMatrix: (params) => travel.driveMatrix(params),
        get clusterRules() {
          return travel.clusterRules;
        },
      },
      logger: core.logger,
      settings: {
        prices: config.bookings,
        maxGuests: config.bookings.maxGuests,
        businessName: config.business.name,
        businessTimeZone: config.businessTimeZone,
        termsAgainOn: config.bookings.termsAgainOn,
      },
    });
    return {
      services: { bookings },
      resolvers: [new BookingsResolver(bookings)],
      loaders: (options) => ({
        bookingById: byId((ids) => bookings.findByIds(ids), options),
        bookingsByCustomer: manyByKey((ids) => bookings.findByCustomers(ids), (booking) => booking.customerId, options),
      }),
      jobs: [
        {
          // A confirmed booking is completed the day after its event (business time zone).
          name: COMPLETE_PAST_EVENTS,
          retryLimit: 2,
          retryDelaySeconds: 60,
          expireInSeconds: 300,
          concurrency: 1,
          everySeconds: config.bookings.completionEverySeconds,
          handle: async () => {
            const completed = await bookings.completePastEvents();
            if (completed > 0) core.logger.info({ completed }, 'bookings completed after their event day');
          },
        },
      ],
    };
  },
};

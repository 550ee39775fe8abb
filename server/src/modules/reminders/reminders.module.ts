import DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import type { Booking } from '../bookings/booking.entity';
import { RemindersRepository } from './reminders.repository';
import { BookingScheduledMessagesResolver } from './reminders.resolver';
import { RemindersService, type ScheduledMessageView } from './reminders.service';
import { ScheduledMessageRecord } from './scheduled-message.entity';

declare module '../../app/module' {
  interface ModuleServices {
    reminders: RemindersService;
  }
  interface Loaders {
    scheduledMessagesByBooking: DataLoader<Booking, ScheduledMessageView[], string>;
  }
}

const DISPATCH_DUE = 'reminders.dispatch-due';

/** Reminders and review requests, sent on a schedule (issue: scheduled messages). */
export const remindersModule: ModuleManifest = {
  name: 'reminders',
  entities: [ScheduledMessageRecord],
  resolvers: [BookingScheduledMessagesResolver],
  topics: [],
  create(core, { bookings, customers, conversations, consent, googleBusiness }) {
    const { config } = core;
    const reminders = new RemindersService({
      uow: core.uow,
      repository: new RemindersRepository(core.dataSource),
      bookings,
      customers,
      conversations,
      consent,
      logger: core.logger,
      settings: {
        ...config.reminders,
        businessName: config.business.name,
        businessTimeZone: config.businessTimeZone,
        sendWindow: config.quietHours,
      },
      reviewLink: async () => config.reminders.reviewLink ?? (await googleBusiness.reviewLink()),
    });
    return {
      services: { reminders },
      resolvers: [new BookingScheduledMessagesResolver()],
      loaders: (options) => ({
        scheduledMessagesByBooking: new DataLoader<Booking, ScheduledMessageView[], string>(
          async (bookingsOfPage) => {
            const views = await reminders.forBookings(bookingsOfPage, await reminders.handledFor(bookingsOfPage.map((booking) => booking.id)));
            return bookingsOfPage.map((booking) => views.get(booking.id) ?? []);
          },
          { cache: options.cache, cacheKeyFn: (booking) => booking.id },
        ),
      }),
      jobs: [
        {
          // Once across instances (a recurring job); each message is also recorded once, so an overlap sends nothing twice.
          name: DISPATCH_DUE,
          retryLimit: 2,
          retryDelaySeconds: 30,
          expireInSeconds: 300,
          concurrency: 1,
          everySeconds: config.reminders.everySeconds,
          handle: async () => {
            const { sent, skipped, deferred } = await reminders.dispatchDue();
            if (sent + skipped + deferred > 0) core.logger.info({ sent, skipped, deferred }, 'scheduled messages handled');
          },
        },
      ],
    };
  },
};

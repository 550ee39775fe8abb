import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId } from '../../shared/graphql/loaders';
import { Booking } from './booking.entity';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';

declare module '../../app/module' {
  interface ModuleServices {
    bookings: BookingsService;
  }
  interface Loaders {
    bookingById: DataLoader<string, Booking | null>;
  }
}

export const bookingsModule: ModuleManifest = {
  name: 'bookings',
  entities: [Booking],
  resolvers: [],
  topics: [],
  create(core) {
    const bookings = new BookingsService(new BookingsRepository(core.dataSource));
    return {
      services: { bookings },
      loaders: (options) => ({ bookingById: byId((ids) => bookings.findByIds(ids), options) }),
    };
  },
};

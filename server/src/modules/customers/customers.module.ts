import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId } from '../../shared/graphql/loaders';
import { Customer, CustomerIdentity } from './customer.entity';
import { CustomersRepository } from './customers.repository';

declare module '../../app/module' {
  interface ModuleServices {
    customers: CustomersRepository;
  }
  interface Loaders {
    customerById: DataLoader<string, Customer | null>;
  }
}

/** One customer across channels: who a thread, a booking or a payment belongs to. */
export const customersModule: ModuleManifest = {
  name: 'customers',
  entities: [Customer, CustomerIdentity],
  resolvers: [],
  topics: [],
  create(core) {
    const customers = new CustomersRepository(core.dataSource);
    return {
      services: { customers },
      loaders: (options) => ({ customerById: byId((ids) => customers.findByIds(ids), options) }),
    };
  },
};

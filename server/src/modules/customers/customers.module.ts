import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId, manyByKey } from '../../shared/graphql/loaders';
import { Customer, CustomerIdentity, CustomerMerge } from './customer.entity';
import { CustomerTopic } from './customers.events';
import { CustomersRepository } from './customers.repository';

declare module '../../app/module' {
  interface ModuleServices {
    customers: CustomersRepository;
  }
  interface Loaders {
    customerById: DataLoader<string, Customer | null>;
    identitiesByCustomer: DataLoader<string, CustomerIdentity[]>;
    mergesByCustomer: DataLoader<string, CustomerMerge[]>;
  }
}

/** One customer across channels: who a thread, a booking or a payment belongs to. */
export const customersModule: ModuleManifest = {
  name: 'customers',
  entities: [Customer, CustomerIdentity, CustomerMerge],
  resolvers: [],
  topics: Object.values(CustomerTopic),
  create(core) {
    const customers = new CustomersRepository(core.dataSource);
    return {
      services: { customers },
      loaders: (options) => ({
        customerById: byId((ids) => customers.findByIds(ids), options),
        identitiesByCustomer: manyByKey((ids) => customers.identitiesOf(ids), (identity) => identity.customerId, options),
        mergesByCustomer: manyByKey((ids) => customers.mergesInto(ids), (merge) => merge.survivingCustomerId, options),
      }),
    };
  },
};

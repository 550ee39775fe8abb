import type { ModuleManifest } from '../../app/module';
import { ConversationPreviewResolver, CustomerMergeEntryResolver, CustomerRecordsResolver } from './customer-records.resolver';
import { CustomerRecordsService } from './customer-records.service';

declare module '../../app/module' {
  interface ModuleServices {
    customerRecords: CustomerRecordsService;
  }
}

/**
 * Customers as staff see and keep them: the customer page (identities, threads, bookings), a
 * thread's last-message preview, names staff correct, and merging two records of one person.
 * Created after the modules whose rows a merge moves (conversations, bookings).
 */
export const customerRecordsModule: ModuleManifest = {
  name: 'customer-records',
  entities: [],
  resolvers: [CustomerRecordsResolver, CustomerMergeEntryResolver, ConversationPreviewResolver],
  topics: [],
  create(core, { customers, conversations, bookings }) {
    const customerRecords = new CustomerRecordsService({ uow: core.uow, customers, conversations, bookings });
    return {
      services: { customerRecords },
      resolvers: [new CustomerRecordsResolver(customerRecords), new CustomerMergeEntryResolver(), new ConversationPreviewResolver()],
    };
  },
};

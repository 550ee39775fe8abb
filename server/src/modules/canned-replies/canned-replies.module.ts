import type { ModuleManifest } from '../../app/module';
import { CannedReply } from './canned-reply.entity';
import { CannedRepliesRepository } from './canned-replies.repository';
import { CannedRepliesResolver } from './canned-replies.resolver';
import { CannedRepliesService } from './canned-replies.service';

declare module '../../app/module' {
  interface ModuleServices {
    cannedReplies: CannedRepliesService;
  }
}

/** Canned replies staff insert by shortcut, kept by admins. */
export const cannedRepliesModule: ModuleManifest = {
  name: 'canned-replies',
  entities: [CannedReply],
  resolvers: [CannedRepliesResolver],
  topics: [],
  create(core, { conversations, customers, bookings }) {
    const cannedReplies = new CannedRepliesService({
      uow: core.uow,
      repository: new CannedRepliesRepository(core.dataSource),
      conversations,
      customerById: (id) => customers.findById(id),
      bookingById: async (id) => (await bookings.findByIds([id]))[0] ?? null,
      businessName: core.config.business.name,
    });
    return { services: { cannedReplies }, resolvers: [new CannedRepliesResolver(cannedReplies)] };
  },
};

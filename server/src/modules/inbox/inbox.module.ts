import DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byKey } from '../../shared/graphql/loaders';
import type { Message } from '../conversations/message.entity';
import { InboxTopic } from './inbox.events';
import { InboxRepository } from './inbox.repository';
import { ConversationActivityEventResolver, ConversationInboxResolver, ConversationReadEventResolver, InboxResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';
import { ReadMarker } from './read-marker.entity';

/** One staff member's unread count on one thread. */
export interface UnreadKey {
  staffUserId: string;
  conversationId: string;
}

declare module '../../app/module' {
  interface ModuleServices {
    inbox: InboxService;
  }
  interface Loaders {
    unreadCount: DataLoader<UnreadKey, number, string>;
    lastCustomerMessageByConversationId: DataLoader<string, Message | null>;
  }
}

/** Per-staff read markers, unread counts and the live inbox events. */
export const inboxModule: ModuleManifest = {
  name: 'inbox',
  entities: [ReadMarker],
  resolvers: [InboxResolver, ConversationInboxResolver, ConversationActivityEventResolver, ConversationReadEventResolver],
  topics: Object.values(InboxTopic),
  create(core, { conversations }) {
    const inbox = new InboxService({ uow: core.uow, repository: new InboxRepository(core.dataSource), conversations });
    return {
      services: { inbox },
      resolvers: [new InboxResolver(inbox), new ConversationInboxResolver(), new ConversationActivityEventResolver(), new ConversationReadEventResolver(inbox)],
      loaders: (options) => ({
        // A page's threads are counted in one statement per viewer (a request has one).
        unreadCount: new DataLoader<UnreadKey, number, string>(
          async (keys) => {
            const byViewer = new Map<string, string[]>();
            for (const key of keys) byViewer.set(key.staffUserId, [...(byViewer.get(key.staffUserId) ?? []), key.conversationId]);
            const counts = new Map<string, number>();
            for (const [staffUserId, ids] of byViewer) {
              for (const [conversationId, count] of await inbox.unreadCounts(staffUserId, ids)) counts.set(`${staffUserId}|${conversationId}`, count);
            }
            return keys.map((key) => counts.get(`${key.staffUserId}|${key.conversationId}`) ?? 0);
          },
          { cache: options.cache, cacheKeyFn: (key) => `${key.staffUserId}|${key.conversationId}` },
        ),
        lastCustomerMessageByConversationId: byKey((ids) => inbox.lastCustomerMessages(ids), (message) => message.conversationId, options),
      }),
    };
  },
};

import DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import type { Connection } from '../../shared/graphql/connection';
import { byId, byKey, manyByKey } from '../../shared/graphql/loaders';
import { Conversation } from './conversation.entity';
import { ConversationTopic } from './conversations.events';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';
import { Message } from './message.entity';

/** A page of one thread's messages, as a field argument asks for it. */
export interface MessagePageKey {
  conversationId: string;
  first?: number;
  after?: string;
  /** Only messages after this one (a database id). */
  afterMessageId?: string;
}

declare module '../../app/module' {
  interface ModuleServices {
    conversations: ConversationsService;
  }
  interface Loaders {
    conversationById: DataLoader<string, Conversation | null>;
    messagePage: DataLoader<MessagePageKey, Connection<Message>, string>;
    conversationsByCustomer: DataLoader<string, Conversation[]>;
    lastMessageByConversation: DataLoader<string, Message | null>;
  }
}

/** Threads with customers on every channel, and their messages. */
export const conversationsModule: ModuleManifest = {
  name: 'conversations',
  entities: [Conversation, Message],
  resolvers: [ConversationsResolver],
  topics: Object.values(ConversationTopic),
  create(core, { customers, outbound, consent }) {
    const conversations = new ConversationsService({
      uow: core.uow,
      repository: new ConversationsRepository(core.dataSource, core.config.graphqlMaxPageSize),
      customers,
      outbound,
      consent,
    });
    return {
      services: { conversations },
      resolvers: [new ConversationsResolver(conversations)],
      loaders: (options) => ({
        conversationById: byId((ids) => conversations.findByIds(ids), options),
        conversationsByCustomer: manyByKey((ids) => conversations.findByCustomers(ids), (conversation) => conversation.customerId, options),
        lastMessageByConversation: byKey((ids) => conversations.latestOfThreads(ids), (message) => message.conversationId, options),
        // Threads asking for the same page arguments are read together, in one statement.
        messagePage: new DataLoader<MessagePageKey, Connection<Message>, string>(
          async (keys) => {
            const pages = new Map<string, Connection<Message>>();
            const groups = new Map<string, MessagePageKey[]>();
            for (const key of keys) groups.set(pageArgs(key), [...(groups.get(pageArgs(key)) ?? []), key]);
            for (const group of groups.values()) {
              const found = await conversations.messagePages(
                group.map((key) => key.conversationId),
                { first: group[0].first, after: group[0].after, afterMessageId: group[0].afterMessageId },
              );
              for (const [conversationId, page] of found) pages.set(`${conversationId}|${pageArgs(group[0])}`, page);
            }
            return keys.map((key) => pages.get(`${key.conversationId}|${pageArgs(key)}`)!);
          },
          { cache: options.cache, cacheKeyFn: (key) => `${key.conversationId}|${pageArgs(key)}` },
        ),
      }),
    };
  },
};

function pageArgs(key: MessagePageKey): string {
  return JSON.stringify([key.first ?? null, key.after ?? null, key.afterMessageId ?? null]);
}

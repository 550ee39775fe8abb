import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId, byKey } from '../../shared/graphql/loaders';
import { Extension } from './extension.entity';
import { ExtensionTopic } from './extensions.events';
import { ExtensionsRepository } from './extensions.repository';
import { ExtensionsResolver } from './extensions.resolver';
import { ExtensionsService } from './extensions.service';
import { MemoryPresenceStore, RedisPresenceStore } from './presence-store';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';

declare module '../../app/module' {
  interface ModuleServices {
    extensions: ExtensionsService;
    presence: PresenceService;
  }
  interface Loaders {
    extensionById: DataLoader<string, Extension | null>;
    extensionByStaffUserId: DataLoader<string, Extension | null>;
  }
}

/** The phone extensions escalated chats and calls are routed to, and the presence of the staff who answer them. */
export const extensionsModule: ModuleManifest = {
  name: 'extensions',
  entities: [Extension],
  resolvers: [ExtensionsResolver, PresenceResolver],
  topics: Object.values(ExtensionTopic),
  create(core) {
    const extensions = new ExtensionsService({
      uow: core.uow,
      repository: new ExtensionsRepository(core.dataSource, core.config.graphqlMaxPageSize),
      businessTimeZone: core.config.businessTimeZone,
    });
    const { config } = core;
    const presence = new PresenceService({
      extensions,
      store: core.redis ? new RedisPresenceStore(core.redis, config.redis.keyPrefix) : new MemoryPresenceStore(),
      uow: core.uow,
      jobs: core.jobs,
      graceSeconds: config.presenceGraceSeconds,
      retries: { retryLimit: config.jobs.retryLimit, retryDelaySeconds: config.jobs.retryDelaySeconds },
      logger: core.logger,
    });
    return {
      services: { extensions, presence },
      resolvers: [new ExtensionsResolver(extensions), new PresenceResolver(presence)],
      jobs: presence.jobs(),
      loaders: (options) => ({
        extensionById: byId((ids) => extensions.findByIds(ids), options),
        extensionByStaffUserId: byKey((ids) => extensions.findByStaffUserIds(ids), (extension) => extension.staffUserId!, options),
      }),
    };
  },
};

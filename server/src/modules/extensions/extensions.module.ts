import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId } from '../../shared/graphql/loaders';
import { Extension } from './extension.entity';
import { ExtensionTopic } from './extensions.events';
import { ExtensionsRepository } from './extensions.repository';
import { ExtensionsResolver } from './extensions.resolver';
import { ExtensionsService } from './extensions.service';

declare module '../../app/module' {
  interface ModuleServices {
    extensions: ExtensionsService;
  }
  interface Loaders {
    extensionById: DataLoader<string, Extension | null>;
  }
}

/** The phone extensions escalated chats and calls are routed to. */
export const extensionsModule: ModuleManifest = {
  name: 'extensions',
  entities: [Extension],
  resolvers: [ExtensionsResolver],
  topics: Object.values(ExtensionTopic),
  create(core) {
    const extensions = new ExtensionsService({
      uow: core.uow,
      repository: new ExtensionsRepository(core.dataSource, core.config.graphqlMaxPageSize),
      businessTimeZone: core.config.businessTimeZone,
    });
    return {
      services: { extensions },
      resolvers: [new ExtensionsResolver(extensions)],
      loaders: (options) => ({ extensionById: byId((ids) => extensions.findByIds(ids), options) }),
    };
  },
};

import type { ModuleManifest } from '../../app/module';
import { SearchRepository } from './search.repository';
import { MessageSearchHitResolver, SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** The console's search box: customers, threads and messages by PostgreSQL full-text search, and phone numbers. */
export const searchModule: ModuleManifest = {
  name: 'search',
  entities: [],
  resolvers: [SearchResolver, MessageSearchHitResolver],
  topics: [],
  create(core) {
    const search = new SearchService(new SearchRepository(core.dataSource));
    return { resolvers: [new SearchResolver(search), new MessageSearchHitResolver()] };
  },
};

import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId } from '../../shared/graphql/loaders';
import { createDistanceProvider } from './distance-provider.factory';
import { GeocodeCacheEntry } from './geocode-cache.entity';
import { TravelQuote } from './travel-quote.entity';
import { TravelRepository } from './travel.repository';
import { TravelResolver } from './travel.resolver';
import { TravelService } from './travel.service';

declare module '../../app/module' {
  interface ModuleServices {
    travel: TravelService;
  }
  interface Loaders {
    travelQuoteById: DataLoader<string, TravelQuote | null>;
  }
}

/** Travel quotes: the drive from the base, its fee and service area, stored with the provider's answers. */
export const travelModule: ModuleManifest = {
  name: 'travel',
  entities: [TravelQuote, GeocodeCacheEntry],
  resolvers: [TravelResolver],
  topics: [],
  create(core) {
    const { config } = core;
    const provider = createDistanceProvider(config.travel, config.providerTimeoutMs, core.logger);
    const travel = new TravelService({
      uow: core.uow,
      repository: new TravelRepository(core.dataSource, config.graphqlMaxPageSize),
      provider,
      settings: {
        baseAddress: config.travel.baseAddress,
        baseLocation: config.travel.baseLocation,
        rules: config.travel.rules,
        cluster: config.travel.cluster,
        geocodeCacheDays: config.travel.geocodeCacheDays,
        businessTimeZone: config.businessTimeZone,
      },
      logger: core.logger,
    });
    return {
      services: { travel },
      resolvers: [new TravelResolver(travel)],
      loaders: (options) => ({ travelQuoteById: byId((ids) => travel.findByIds(ids), options) }),
    };
  },
};

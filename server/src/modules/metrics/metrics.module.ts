import type { ModuleManifest } from '../../app/module';
import { MetricsResolver } from './metrics.resolver';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

declare module '../../app/module' {
  interface ModuleServices {
    metrics: MetricsService;
  }
}

/** The owner's figures (SPEC §8), computed in SQL. */
export const metricsModule: ModuleManifest = {
  name: 'metrics',
  entities: [],
  resolvers: [MetricsResolver],
  topics: [],
  create(core, { webhooks }) {
    const metrics = new MetricsService(new MetricsRepository(core.dataSource), webhooks);
    return { services: { metrics }, resolvers: [new MetricsResolver(metrics)] };
  },
};

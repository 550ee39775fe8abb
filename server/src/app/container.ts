import type { DataSource } from 'typeorm';
import type { ContainerType } from 'type-graphql';
import type Redis from 'ioredis';
import { ExtensionsResolver } from '../modules/extensions/extensions.resolver';
import { ExtensionsService } from '../modules/extensions/extensions.service';
import { StaffResolver } from '../modules/staff/staff.resolver';
import { StaffService } from '../modules/staff/staff.service';
import { createRateLimits } from '../shared/auth/rate-limits';
import type { EventBus } from '../shared/pubsub/event-bus';
import type { Config } from './config';

/**
 * The object graph, wired by hand: every service and resolver is listed here with what it
 * depends on, so there is no hidden registration to look for.
 */
export function createServices(params: { config: Config; dataSource: DataSource; eventBus: EventBus; redis?: Redis }) {
  const { config, dataSource, eventBus } = params;
  const rateLimits = createRateLimits(config, params.redis);
  const staff = new StaffService({
    dataSource,
    rateLimits,
    sessionTtlHours: config.sessionTtlHours,
  });
  const extensions = new ExtensionsService({
    dataSource,
    eventBus,
    businessTimeZone: config.businessTimeZone,
    maxPageSize: config.graphqlMaxPageSize,
  });
  return { rateLimits, staff, extensions };
}

export type Services = ReturnType<typeof createServices>;

export function createResolverContainer(services: Services): ContainerType {
  const instances = new Map<Function, object>([
    [StaffResolver, new StaffResolver(services.staff)],
    [ExtensionsResolver, new ExtensionsResolver(services.extensions)],
  ]);
  return {
    get(resolverClass: Function) {
      const instance = instances.get(resolverClass);
      if (!instance) throw new Error(`${resolverClass.name} is not wired in app/container.ts`);
      return instance;
    },
  };
}

import type { DataSource } from 'typeorm';
import type { ContainerType } from 'type-graphql';
import type Redis from 'ioredis';
import { createMessageAnalyzer } from '../modules/assistant/analyzer.factory';
import { BookingsService } from '../modules/bookings/bookings.service';
import { ConversationsResolver } from '../modules/conversations/conversations.resolver';
import { ConversationsService } from '../modules/conversations/conversations.service';
import { WebChatResolver } from '../modules/conversations/web-chat.resolver';
import { WebChatService } from '../modules/conversations/web-chat.service';
import { CustomersRepository } from '../modules/customers/customers.repository';
import { EscalationsResolver } from '../modules/escalations/escalations.resolver';
import { EscalationsService } from '../modules/escalations/escalations.service';
import { MetricsResolver } from '../modules/metrics/metrics.resolver';
import { MetricsService } from '../modules/metrics/metrics.service';
import { LocalOutboxSmsSender } from '../providers/sms/sms.local';
import type { Logger } from '../shared/logger';
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
export function createServices(params: { config: Config; dataSource: DataSource; eventBus: EventBus; logger: Logger; redis?: Redis }) {
  const { config, dataSource, eventBus, logger } = params;
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
  const sms = new LocalOutboxSmsSender(dataSource);
  const escalations = new EscalationsService({
    dataSource,
    eventBus,
    sms,
    logger,
    businessTimeZone: config.businessTimeZone,
    ackTimeoutSeconds: config.escalations.ackTimeoutSeconds,
  });
  const conversations = new ConversationsService({
    dataSource,
    eventBus,
    logger,
    analyzer: createMessageAnalyzer(config.assistant, logger),
    customers: new CustomersRepository(),
    bookings: new BookingsService(),
    escalations,
    sms,
    assistantEnabled: config.assistant.enabled,
    policy: {
      businessName: config.business.name,
      confidenceThreshold: config.assistant.confidenceThreshold,
      maxAttempts: config.assistant.maxAttempts,
      pricePerGuestCents: config.business.pricePerGuestCents,
      minimumSpendCents: config.business.minimumSpendCents,
      faqAnswers: config.business.faq,
    },
    businessTimeZone: config.businessTimeZone,
    maxPageSize: config.graphqlMaxPageSize,
  });
  const webChat = new WebChatService({ conversations, rateLimits });
  const metrics = new MetricsService(dataSource);
  return { dataSource, rateLimits, staff, extensions, escalations, conversations, webChat, metrics };
}

export type Services = ReturnType<typeof createServices>;

export function createResolverContainer(services: Services): ContainerType {
  const instances = new Map<Function, object>([
    [StaffResolver, new StaffResolver(services.staff)],
    [ExtensionsResolver, new ExtensionsResolver(services.extensions)],
    [ConversationsResolver, new ConversationsResolver(services.conversations, services.dataSource)],
    [EscalationsResolver, new EscalationsResolver(services.conversations, services.escalations, services.dataSource)],
    [WebChatResolver, new WebChatResolver(services.webChat)],
    [MetricsResolver, new MetricsResolver(services.metrics)],
  ]);
  return {
    get(resolverClass: Function) {
      const instance = instances.get(resolverClass);
      if (!instance) throw new Error(`${resolverClass.name} is not wired in app/container.ts`);
      return instance;
    },
  };
}

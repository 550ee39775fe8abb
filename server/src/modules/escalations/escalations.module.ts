import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byKey, manyByKey } from '../../shared/graphql/loaders';
import { Escalation, RoutingDecision } from './escalation.entity';
import { EscalationTopic } from './escalations.events';
import { EscalationsRepository, RotationRepository } from './escalations.repository';
import { ConversationHandoffResolver, EscalationsResolver } from './escalations.resolver';
import { EscalationsService } from './escalations.service';

declare module '../../app/module' {
  interface ModuleServices {
    escalations: EscalationsService;
    rotations: RotationRepository;
  }
  interface Loaders {
    openEscalationByConversationId: DataLoader<string, Escalation | null>;
    routingLogByEscalationId: DataLoader<string, RoutingDecision[]>;
  }
}

/** The handoff between the assistant and staff: raise, route, queue, take over, hand back, resolve. */
export const escalationsModule: ModuleManifest = {
  name: 'escalations',
  entities: [Escalation, RoutingDecision],
  resolvers: [EscalationsResolver, ConversationHandoffResolver],
  topics: Object.values(EscalationTopic),
  create(core, { conversations, customers, extensions, staff, outbound }) {
    const { config } = core;
    const rotations = new RotationRepository(core.dataSource);
    const escalations = new EscalationsService({
      uow: core.uow,
      repository: new EscalationsRepository(core.dataSource, config.graphqlMaxPageSize),
      rotation: rotations,
      conversations,
      customers,
      extensions,
      staff,
      outbound,
      logger: core.logger,
      businessName: config.business.name,
      businessTimeZone: config.businessTimeZone,
      ackTimeoutSeconds: config.escalations.ackTimeoutSeconds,
      sweepSeconds: config.escalations.sweepSeconds,
      retries: { retryLimit: config.jobs.retryLimit, retryDelaySeconds: config.jobs.retryDelaySeconds },
    });
    return {
      services: { escalations, rotations },
      resolvers: [new EscalationsResolver(escalations), new ConversationHandoffResolver()],
      jobs: escalations.jobs(),
      loaders: (options) => ({
        openEscalationByConversationId: byKey((ids) => escalations.openForConversations(ids), (escalation) => escalation.conversationId, options),
        routingLogByEscalationId: manyByKey((ids) => escalations.routingLogs(ids), (decision) => decision.escalationId, options),
      }),
    };
  },
};

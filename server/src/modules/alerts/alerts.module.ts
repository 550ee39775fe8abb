import type { ModuleManifest } from '../../app/module';
import { Alert } from './alert.entity';
import { AlertTopic } from './alerts.events';
import { AlertsRepository } from './alerts.repository';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';

declare module '../../app/module' {
  interface ModuleServices {
    alerts: AlertsService;
  }
}

/** Alerts for the owner: any module raises one; consoles hear it live; the primary extension gets a text. */
export const alertsModule: ModuleManifest = {
  name: 'alerts',
  entities: [Alert],
  resolvers: [AlertsResolver],
  topics: Object.values(AlertTopic),
  create(core, { outbound, extensions }) {
    const alerts = new AlertsService({
      uow: core.uow,
      repository: new AlertsRepository(core.dataSource, core.config.graphqlMaxPageSize),
      outbound,
      extensions,
      logger: core.logger,
    });
    return { services: { alerts }, resolvers: [new AlertsResolver(alerts)] };
  },
};

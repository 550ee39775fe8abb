import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId } from '../../shared/graphql/loaders';
import { ApiKey } from './api-key.entity';
import { StaffSession } from './staff-session.entity';
import { StaffPasswordLink } from './staff-password-link.entity';
import { StaffUser } from './staff-user.entity';
import { StaffRepository } from './staff.repository';
import { StaffResolver } from './staff.resolver';
import { StaffService } from './staff.service';
import { StaffTopic } from './staff.events';

declare module '../../app/module' {
  interface ModuleServices {
    staff: StaffService;
  }
  interface Loaders {
    staffUserById: DataLoader<string, StaffUser | null>;
  }
}

/** Sign-in, sessions, API keys and the people who use the console. */
export const staffModule: ModuleManifest = {
  name: 'staff',
  entities: [StaffUser, StaffSession, ApiKey, StaffPasswordLink],
  resolvers: [StaffResolver],
  topics: Object.values(StaffTopic),
  create(core, modules) {
    const staff = new StaffService({
      uow: core.uow,
      repository: new StaffRepository(core.dataSource),
      rateLimits: core.rateLimits,
      sessionTtlHours: core.config.sessionTtlHours,
      passwordLinkHours: core.config.staffPasswordLinkHours,
      maxPageSize: core.config.graphqlMaxPageSize,
      presence: modules.presence,
      extensions: modules.extensions,
    });
    return {
      services: { staff },
      resolvers: [new StaffResolver(staff)],
      loaders: (options) => ({ staffUserById: byId((ids) => staff.findUsers(ids), options) }),
    };
  },
};

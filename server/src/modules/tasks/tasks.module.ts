import type { ModuleManifest } from '../../app/module';
import { Task } from './task.entity';
import { TasksRepository } from './tasks.repository';
import { TasksResolver } from './tasks.resolver';
import { TasksService } from './tasks.service';

declare module '../../app/module' {
  interface ModuleServices {
    tasks: TasksService;
  }
}

/** Staff tasks: created by policies (reviews now, other alerts later), completed by people. */
export const tasksModule: ModuleManifest = {
  name: 'tasks',
  entities: [Task],
  resolvers: [TasksResolver],
  topics: [],
  create(core, { extensions }) {
    const tasks = new TasksService({
      uow: core.uow,
      repository: new TasksRepository(core.dataSource, core.config.graphqlMaxPageSize),
      extensions,
      logger: core.logger,
    });
    return { services: { tasks }, resolvers: [new TasksResolver(tasks)] };
  },
};

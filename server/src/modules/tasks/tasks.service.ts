import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';
import type { Logger } from '../../shared/logger';
import type { ExtensionsService } from '../extensions/extensions.service';
import type { Task } from './task.entity';
import type { TasksRepository } from './tasks.repository';

export interface NewTask {
  title: string;
  detail: string | null;
  kind: string;
  /** What it is about: its type (as in global ids, e.g. Review) and uuid. */
  subject: { type: string; id: string } | null;
}

/** A small to-do list for staff (issue 16 §5): policies add tasks, people complete them. */
export class TasksService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: TasksRepository;
      extensions: ExtensionsService;
      logger: Logger;
    },
  ) {}

  /** Creates the task inside the caller's transaction, assigned to the primary extension's staff member if it has one. */
  async createIn(tx: Tx, _events: PendingEvents, task: NewTask): Promise<Task> {
    const primary = await this.deps.extensions.findPrimary(tx);
    const created = await this.deps.repository.insert(tx, {
      title: task.title.slice(0, 200),
      detail: task.detail,
      kind: task.kind,
      subjectType: task.subject?.type ?? null,
      subjectId: task.subject?.id ?? null,
      assignedStaffUserId: primary?.staffUserId ?? null,
    });
    this.deps.logger.info({ taskId: created.id, kind: created.kind }, 'task created');
    return created;
  }

  list(params: { open: boolean | null; args: ConnectionArgs }): Promise<Connection<Task>> {
    return this.deps.repository.list(params);
  }

  /** Completes the task; completing a completed task changes nothing. */
  complete(params: { taskGlobalId: string; staffUserId: string | null }): Promise<Task> {
    return this.deps.uow.run(async (tx) => {
      const id = fromGlobalId('Task', params.taskGlobalId);
      const task = id ? await this.deps.repository.lockById(tx, id) : null;
      if (!task) throw userFailure('NOT_FOUND', 'Task: there is no such task; it may have been removed.', 'id');
      if (task.completedAt) return task;
      task.completedAt = new Date();
      task.completedByStaffUserId = params.staffUserId;
      return this.deps.repository.save(tx, task);
    });
  }

  bySubjects(subjectIds: readonly string[]): Promise<Task[]> {
    return this.deps.repository.bySubjects(subjectIds);
  }
}

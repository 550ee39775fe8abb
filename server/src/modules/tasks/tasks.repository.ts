import type { DataSource } from 'typeorm';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { Task } from './task.entity';

/** Tasks: the only code that knows how they are stored. */
export class TasksRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  insert(tx: Tx, fields: Pick<Task, 'title' | 'detail' | 'kind' | 'subjectType' | 'subjectId' | 'assignedStaffUserId'>): Promise<Task> {
    const manager = this.manager(tx);
    return manager.save(manager.create(Task, fields));
  }

  lockById(tx: Tx, id: string): Promise<Task | null> {
    return this.manager(tx).createQueryBuilder(Task, 'task').setLock('pessimistic_write').where('task.id = :id', { id }).getOne();
  }

  save(tx: Tx, task: Task): Promise<Task> {
    return this.manager(tx).save(task);
  }

  list(params: { open: boolean | null; args: ConnectionArgs }): Promise<Connection<Task>> {
    const query = this.manager().createQueryBuilder(Task, 'task');
    if (params.open === true) query.andWhere('task.completed_at IS NULL');
    if (params.open === false) query.andWhere('task.completed_at IS NOT NULL');
    return paginate({ query, alias: 'task', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'DESC', args: params.args, maxPageSize: this.maxPageSize });
  }

  bySubjects(subjectIds: readonly string[]): Promise<Task[]> {
    if (subjectIds.length === 0) return Promise.resolve([]);
    return this.manager().createQueryBuilder(Task, 'task').where('task.subject_id = ANY(:subjectIds)', { subjectIds }).orderBy('task.created_at', 'ASC').getMany();
  }
}

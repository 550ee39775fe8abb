import { IsNull, type DataSource } from 'typeorm';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { paginate } from '../../shared/graphql/connection';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { Alert } from './alert.entity';

/** Alerts: the only code that knows how they are stored. */
export class AlertsRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** Inserts the alert unless one of its kind and subject is open; the new row, or null. */
  async insertIfNoneOpen(tx: Tx, alert: Pick<Alert, 'kind' | 'subjectId' | 'message'>): Promise<Alert | null> {
    const rows = (await this.manager(tx).query(
      `INSERT INTO alert (kind, subject_id, message) VALUES ($1, $2, $3)
       ON CONFLICT (kind, subject_id) WHERE resolved_at IS NULL DO NOTHING
       RETURNING id`,
      [alert.kind, alert.subjectId, alert.message],
    )) as Array<{ id: string }>;
    return rows[0] ? this.manager(tx).findOneByOrFail(Alert, { id: rows[0].id }) : null;
  }

  /** Closes the open alert of this kind and subject; the closed row, or null when none was open. */
  async resolveOpen(tx: Tx, params: { kind: string; subjectId: string }): Promise<Alert | null> {
    const open = await this.manager(tx).findOneBy(Alert, { kind: params.kind, subjectId: params.subjectId, resolvedAt: IsNull() });
    if (!open) return null;
    open.resolvedAt = new Date();
    return this.manager(tx).save(open);
  }

  list(params: { open: boolean | null; kind: string | null; args: ConnectionArgs }): Promise<Connection<Alert>> {
    const query = this.manager().createQueryBuilder(Alert, 'alert');
    if (params.open === true) query.andWhere('alert.resolved_at IS NULL');
    if (params.open === false) query.andWhere('alert.resolved_at IS NOT NULL');
    if (params.kind) query.andWhere('alert.kind = :kind', { kind: params.kind });
    return paginate({ query, alias: 'alert', sortKey: 'raisedAt', sortColumn: 'raised_at', direction: 'DESC', args: params.args, maxPageSize: this.maxPageSize });
  }
}

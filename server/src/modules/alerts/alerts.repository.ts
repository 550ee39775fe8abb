import type { DataSource } from 'typeorm';
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
  // One UPDATE: of two instances closing the same alert at once, one gets the row, the other null.
  async resolveOpen(tx: Tx, params: { kind: string; subjectId: string }): Promise<Alert | null> {
    const rows = (await this.manager(tx).query(
      `UPDATE alert SET resolved_at = now() WHERE kind = $1 AND subject_id = $2 AND resolved_at IS NULL RETURNING id`,
      [params.kind, params.subjectId],
    )) as [Array<{ id: string }>, number];
    const id = rows[0][0]?.id;
    return id ? this.manager(tx).findOneByOrFail(Alert, { id }) : null;
  }

  /** Records who saw the alert first; the row as it is now, or null when there is no such alert. */
  async acknowledge(tx: Tx, id: string, staffUserId: string | null): Promise<{ alert: Alert; changed: boolean } | null> {
    const rows = (await this.manager(tx).query(
      `UPDATE alert SET acknowledged_at = now(), acknowledged_by_staff_user_id = $2 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id`,
      [id, staffUserId],
    )) as [Array<{ id: string }>, number];
    const alert = await this.manager(tx).findOneBy(Alert, { id });
    return alert ? { alert, changed: rows[0].length > 0 } : null;
  }

  list(params: { open: boolean | null; kind: string | null; args: ConnectionArgs }): Promise<Connection<Alert>> {
    const query = this.manager().createQueryBuilder(Alert, 'alert');
    if (params.open === true) query.andWhere('alert.resolved_at IS NULL');
    if (params.open === false) query.andWhere('alert.resolved_at IS NOT NULL');
    if (params.kind) query.andWhere('alert.kind = :kind', { kind: params.kind });
    return paginate({ query, alias: 'alert', sortKey: 'raisedAt', sortColumn: 'raised_at', direction: 'DESC', args: params.args, maxPageSize: this.maxPageSize });
  }
}

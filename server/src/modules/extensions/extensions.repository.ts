import { In, QueryFailedError, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { StaffUser } from '../staff/staff-user.entity';
import { Extension, type ExtensionStatus } from './extension.entity';

const UNIQUE_VIOLATION = '23505';

/** Extensions: the only code that knows how they are stored. */
export class ExtensionsRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** Serialises every extension write, so "exactly one primary" holds under concurrent edits. */
  async lockForWrite(tx: Tx): Promise<void> {
    await this.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('extensions'))`);
  }

  list(filter: { status?: ExtensionStatus }, args: ConnectionArgs): Promise<Connection<Extension>> {
    const query = this.manager().createQueryBuilder(Extension, 'extension');
    if (filter.status) query.where('extension.status = :status', { status: filter.status });
    return paginate({ query, alias: 'extension', sortKey: 'number', sortColumn: 'number', direction: 'ASC', args, maxPageSize: this.maxPageSize });
  }

  /** Every extension by number: what routing chooses from. */
  allByNumber(tx?: Tx): Promise<Extension[]> {
    return this.manager(tx).find(Extension, { order: { number: 'ASC' } });
  }

  findById(id: string, tx?: Tx): Promise<Extension | null> {
    return this.manager(tx).findOneBy(Extension, { id });
  }

  async findByIds(ids: readonly string[]): Promise<Extension[]> {
    return ids.length === 0 ? [] : this.manager().findBy(Extension, { id: In([...ids]) });
  }

  findPrimary(tx?: Tx): Promise<Extension | null> {
    return this.manager(tx).findOneBy(Extension, { isPrimaryEscalation: true });
  }

  numberTaken(tx: Tx, number: number): Promise<boolean> {
    return this.manager(tx).existsBy(Extension, { number });
  }

  count(tx: Tx): Promise<number> {
    return this.manager(tx).count(Extension);
  }

  staffUserExists(tx: Tx, staffUserId: string): Promise<boolean> {
    return this.manager(tx).existsBy(StaffUser, { id: staffUserId });
  }

  findByStaffUserId(staffUserId: string, tx?: Tx): Promise<Extension | null> {
    return this.manager(tx).findOneBy(Extension, { staffUserId });
  }

  async findByStaffUserIds(staffUserIds: readonly string[]): Promise<Extension[]> {
    return staffUserIds.length === 0 ? [] : this.manager().findBy(Extension, { staffUserId: In([...staffUserIds]) });
  }

  create(fields: Partial<Extension>): Extension {
    return this.manager().create(Extension, fields);
  }

  save(tx: Tx, extension: Extension): Promise<Extension> {
    return this.manager(tx).save(extension);
  }

  async remove(tx: Tx, extension: Extension): Promise<void> {
    await this.manager(tx).remove(extension);
  }
}

/** A unique index refused the write (the advisory lock makes this rare; the index makes it impossible to miss). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}

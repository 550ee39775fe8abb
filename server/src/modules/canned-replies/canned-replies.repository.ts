import { QueryFailedError, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { CannedReply } from './canned-reply.entity';

const UNIQUE_VIOLATION = '23505';

/** Canned replies: the only code that knows how they are stored. */
export class CannedRepliesRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  all(): Promise<CannedReply[]> {
    return this.manager().find(CannedReply, { order: { shortcut: 'ASC' } });
  }

  findById(id: string, tx?: Tx): Promise<CannedReply | null> {
    return this.manager(tx).findOneBy(CannedReply, { id });
  }

  /** The reply using this shortcut (however cased), other than `exceptId`. */
  async findByShortcut(tx: Tx, shortcut: string, exceptId?: string): Promise<CannedReply | null> {
    const query = this.manager(tx).createQueryBuilder(CannedReply, 'reply').where('lower(reply.shortcut) = lower(:shortcut)', { shortcut });
    if (exceptId) query.andWhere('reply.id <> :exceptId', { exceptId });
    return query.getOne();
  }

  /** Saves the reply; false when another reply took the shortcut in the meantime. */
  async save(tx: Tx, reply: CannedReply): Promise<boolean> {
    try {
      await this.manager(tx).save(CannedReply, reply);
      return true;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) return false;
      throw error;
    }
  }

  async delete(tx: Tx, id: string): Promise<boolean> {
    return ((await this.manager(tx).delete(CannedReply, { id })).affected ?? 0) > 0;
  }
}

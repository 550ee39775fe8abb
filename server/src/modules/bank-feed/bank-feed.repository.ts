import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { BankConnection } from './bank-connection.entity';

export type NewBankConnection = Omit<BankConnection, 'globalId' | 'statusMessage' | 'lastSync' | 'createdAt' | 'updatedAt'>;
export type BankConnectionChange = Partial<Omit<NewBankConnection, 'id' | 'itemId' | 'provider'>>;

/** Bank connections: the only code that knows how they are stored. */
export class BankFeedRepository extends RepositoryBase {
  async insert(tx: Tx, fields: NewBankConnection): Promise<BankConnection> {
    const manager = this.manager(tx);
    const now = new Date();
    return manager.save(manager.create(BankConnection, { ...fields, createdAt: now, updatedAt: now }));
  }

  find(id: string, tx?: Tx): Promise<BankConnection | null> {
    return this.manager(tx).findOne(BankConnection, { where: { id } });
  }

  /** Locks the row until the transaction ends. */
  lock(tx: Tx, id: string): Promise<BankConnection | null> {
    return this.manager(tx).findOne(BankConnection, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockByItemId(tx: Tx, itemId: string): Promise<BankConnection | null> {
    return this.manager(tx).findOne(BankConnection, { where: { itemId }, lock: { mode: 'pessimistic_write' } });
  }

  findByItemId(itemId: string): Promise<BankConnection | null> {
    return this.manager().findOne(BankConnection, { where: { itemId } });
  }

  /** Oldest first: a business has one or a few. */
  list(): Promise<BankConnection[]> {
    return this.manager().find(BankConnection, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async update(tx: Tx | undefined, id: string, change: BankConnectionChange): Promise<void> {
    await this.manager(tx).update(BankConnection, { id }, { ...change, updatedAt: new Date() });
  }

  /** Connections whose token is sealed under another key than `currentKeyId`. */
  async idsSealedUnderOtherKeys(currentKeyId: string): Promise<string[]> {
    const rows = await this.manager()
      .createQueryBuilder(BankConnection, 'connection')
      .select('connection.id', 'id')
      .where('connection.access_token_key_id <> :currentKeyId', { currentKeyId })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}

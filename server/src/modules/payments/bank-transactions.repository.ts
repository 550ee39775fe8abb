import type { DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { BankTransaction } from './bank-transaction.entity';
import type { BankFeedSource, BankTransactionInput } from './payments.service';

const COLUMNS = `source, connection_id, external_id, account_id, amount_cents, posted_on, description, counterparty_name, pending`;

function values(source: BankFeedSource, connectionId: string | null, line: BankTransactionInput): unknown[] {
  return [source, connectionId, line.externalId, line.accountId, line.amountCents, line.postedOn, line.description.slice(0, 1000), line.counterpartyName?.slice(0, 300) ?? null, line.pending];
}

/** Bank lines: the only code that knows how they are stored. */
export class BankTransactionsRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** Stores the line unless (source, external id) is stored already; returns it, or null when it was. */
  async insertOnce(tx: Tx, source: BankFeedSource, connectionId: string | null, line: BankTransactionInput): Promise<BankTransaction | null> {
    const rows = (await this.manager(tx).query(
      `INSERT INTO bank_transaction (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT bank_transaction_source_external_id_key DO NOTHING RETURNING id`,
      values(source, connectionId, line),
    )) as Array<{ id: string }>;
    return rows.length === 0 ? null : this.manager(tx).findOneByOrFail(BankTransaction, { id: rows[0].id });
  }

  /** Updates the stored line (locked), or stores it when it was never seen; returns it before and after. */
  async upsert(tx: Tx, source: BankFeedSource, connectionId: string | null, line: BankTransactionInput): Promise<{ before: BankTransaction | null; after: BankTransaction }> {
    const manager = this.manager(tx);
    const before = await manager.createQueryBuilder(BankTransaction, 't').setLock('pessimistic_write').where('t.source = :source AND t.external_id = :externalId', { source, externalId: line.externalId }).getOne();
    await manager.query(
      `INSERT INTO bank_transaction (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT bank_transaction_source_external_id_key DO UPDATE SET
         connection_id = EXCLUDED.connection_id, account_id = EXCLUDED.account_id, amount_cents = EXCLUDED.amount_cents,
         posted_on = EXCLUDED.posted_on, description = EXCLUDED.description, counterparty_name = EXCLUDED.counterparty_name,
         pending = EXCLUDED.pending, removed_at = NULL, updated_at = now()`,
      values(source, connectionId, line),
    );
    const after = await manager.findOneByOrFail(BankTransaction, { source: source as BankTransaction['source'], externalId: line.externalId });
    return { before, after };
  }

  /** Marks the line removed; returns it, or null when it is unknown or removed already. */
  async markRemoved(tx: Tx, source: BankFeedSource, externalId: string): Promise<BankTransaction | null> {
    const rows = (await this.manager(tx).query(
      `UPDATE bank_transaction SET removed_at = now(), updated_at = now() WHERE source = $1 AND external_id = $2 AND removed_at IS NULL RETURNING id`,
      [source, externalId],
    )) as [Array<{ id: string }>, number];
    const id = rows[0][0]?.id;
    return id ? this.manager(tx).findOneByOrFail(BankTransaction, { id }) : null;
  }

  findById(id: string, tx?: Tx): Promise<BankTransaction | null> {
    return this.manager(tx).findOneBy(BankTransaction, { id });
  }

  lockById(tx: Tx, id: string): Promise<BankTransaction | null> {
    return this.manager(tx).createQueryBuilder(BankTransaction, 't').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
  }
}

import { LessThan } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { GoogleConnection, GoogleOAuthState } from './google-connection.entity';

export type NewGoogleConnection = Omit<GoogleConnection, 'createdAt' | 'updatedAt'>;
export type GoogleConnectionChange = Partial<Omit<NewGoogleConnection, 'id'>>;

/** The Google connection and the consent states: the only code that knows how they are stored. */
export class GoogleBusinessRepository extends RepositoryBase {
  /** The one connection, if any. */
  find(tx?: Tx): Promise<GoogleConnection | null> {
    return this.manager(tx).findOne(GoogleConnection, { where: {} });
  }

  /** The one connection, locked until the transaction ends. */
  lock(tx: Tx): Promise<GoogleConnection | null> {
    return this.manager(tx).findOne(GoogleConnection, { where: {}, lock: { mode: 'pessimistic_write' } });
  }

  async insert(tx: Tx, fields: NewGoogleConnection): Promise<void> {
    const manager = this.manager(tx);
    const now = new Date();
    await manager.insert(GoogleConnection, { ...fields, createdAt: now, updatedAt: now });
  }

  async update(tx: Tx | undefined, id: string, change: GoogleConnectionChange): Promise<void> {
    await this.manager(tx).update(GoogleConnection, { id }, { ...change, updatedAt: new Date() });
  }

  async delete(tx: Tx): Promise<void> {
    // TypeORM's delete() refuses empty criteria; there is one row.
    await this.manager(tx).createQueryBuilder().delete().from(GoogleConnection).execute();
  }

  async insertState(tx: Tx, state: GoogleOAuthState): Promise<void> {
    const manager = this.manager(tx);
    await manager.delete(GoogleOAuthState, { expiresAt: LessThan(new Date()) });
    await manager.insert(GoogleOAuthState, state);
  }

  /** Deletes and returns the state with this hash: a second call with the same state finds nothing. */
  async consumeState(stateHash: string): Promise<GoogleOAuthState | null> {
    const rows = (await this.manager().query('DELETE FROM google_oauth_state WHERE state_hash = $1 RETURNING staff_user_id, expires_at', [stateHash])) as [
      Array<{ staff_user_id: string; expires_at: Date }>,
      number,
    ];
    const row = rows[0]?.[0];
    return row ? Object.assign(new GoogleOAuthState(), { stateHash, staffUserId: row.staff_user_id, expiresAt: new Date(row.expires_at) }) : null;
  }
}

import { In, IsNull, type DataSource } from 'typeorm';
import type { StaffRole } from '../../shared/auth/roles';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { StaffPasswordLink } from './staff-password-link.entity';
import { ApiKey } from './api-key.entity';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

/** Staff users, their sessions and API keys: the only code that knows how credentials are stored. */
export class StaffRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  findUserByEmail(email: string): Promise<StaffUser | null> {
    return this.manager().findOneBy(StaffUser, { email });
  }

  findUser(id: string, tx?: Tx): Promise<StaffUser | null> {
    return this.manager(tx).findOneBy(StaffUser, { id });
  }

  /** Everyone who may sign in, by name. */
  activeUsers(): Promise<StaffUser[]> {
    return this.manager().find(StaffUser, { where: { deactivatedAt: IsNull() }, order: { displayName: 'ASC', id: 'ASC' } });
  }

  async findUsers(ids: readonly string[]): Promise<StaffUser[]> {
    return ids.length === 0 ? [] : this.manager().findBy(StaffUser, { id: In([...ids]) });
  }

  emailTaken(email: string, tx?: Tx): Promise<boolean> {
    return this.manager(tx).existsBy(StaffUser, { email });
  }

  async hasAnyUser(): Promise<boolean> {
    return (await this.manager().count(StaffUser)) > 0;
  }

  saveUser(fields: Pick<StaffUser, 'email' | 'displayName' | 'passwordHash' | 'role'>, tx?: Tx): Promise<StaffUser> {
    const manager = this.manager(tx);
    return manager.save(manager.create(StaffUser, fields));
  }

  /** Staff by name: what the Staff page lists. */
  listUsers(args: ConnectionArgs, maxPageSize: number): Promise<Connection<StaffUser>> {
    const query = this.manager().createQueryBuilder(StaffUser, 'staff');
    return paginate({ query, alias: 'staff', sortKey: 'displayName', sortColumn: 'display_name', direction: 'ASC', args, maxPageSize });
  }

  async updateUser(tx: Tx, id: string, fields: Partial<Pick<StaffUser, 'displayName' | 'role' | 'passwordHash'>>): Promise<void> {
    await this.manager(tx).update(StaffUser, { id }, fields);
  }

  /** A new link; earlier unused links of the same person stop working, so only the latest is live. */
  async replacePasswordLink(tx: Tx, link: Pick<StaffPasswordLink, 'staffUserId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    const manager = this.manager(tx);
    await manager.update(StaffPasswordLink, { staffUserId: link.staffUserId, usedAt: IsNull() }, { expiresAt: new Date() });
    await manager.insert(StaffPasswordLink, link);
  }

  lockPasswordLink(tx: Tx, tokenHash: string): Promise<StaffPasswordLink | null> {
    return this.manager(tx).findOne(StaffPasswordLink, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markPasswordLinkUsed(tx: Tx, id: string, at: Date): Promise<void> {
    await this.manager(tx).update(StaffPasswordLink, { id }, { usedAt: at });
  }

  /**
   * A session that has not expired, and its user's role. Every staff request runs this: one
   * statement reading three columns (findOne with the staffUser relation issued two, a
   * DISTINCT over the join and then the rows, and hydrated both entities).
   */
  async findLiveSession(tokenHash: string): Promise<{ id: string; staffUserId: string; role: StaffRole } | null> {
    const [session]: Array<{ id: string; staffUserId: string; role: StaffRole }> = await this.manager().query(
      `SELECT s.id, s.staff_user_id AS "staffUserId", u.role FROM staff_session s JOIN staff_user u ON u.id = s.staff_user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.deactivated_at IS NULL`,
      [tokenHash, new Date()],
    );
    return session ?? null;
  }

  async insertSession(session: Pick<StaffSession, 'tokenHash' | 'staffUserId' | 'expiresAt'>): Promise<void> {
    await this.manager().insert(StaffSession, session);
  }

  async deleteSession(tx: Tx, id: string): Promise<void> {
    await this.manager(tx).delete(StaffSession, { id });
  }

  /** Ends every session of a user; returns their ids. */
  async deleteSessionsOf(tx: Tx, staffUserId: string): Promise<string[]> {
    const result = await this.manager(tx).createQueryBuilder().delete().from(StaffSession).where('staff_user_id = :staffUserId', { staffUserId }).returning('id').execute();
    return (result.raw as Array<{ id: string }>).map((row) => row.id);
  }

  async setDeactivatedAt(tx: Tx, staffUserId: string, at: Date | null): Promise<void> {
    await this.manager(tx).update(StaffUser, { id: staffUserId }, { deactivatedAt: at });
  }

  lockUser(tx: Tx, id: string): Promise<StaffUser | null> {
    return this.manager(tx).findOne(StaffUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockApiKey(tx: Tx, id: string): Promise<ApiKey | null> {
    return this.manager(tx).findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setApiKeyRevokedAt(tx: Tx, id: string, at: Date): Promise<void> {
    await this.manager(tx).update(ApiKey, { id }, { revokedAt: at });
  }

  /** Which of these sessions still work: not ended, not expired, their user not deactivated. */
  async liveSessionIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.manager().query(
      `SELECT s.id FROM staff_session s JOIN staff_user u ON u.id = s.staff_user_id
        WHERE s.id = ANY($1::uuid[]) AND s.expires_at > now() AND u.deactivated_at IS NULL`,
      [[...ids]],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Which of these keys are not revoked. */
  async activeApiKeyIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.manager().query(`SELECT id FROM api_key WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL`, [[...ids]]);
    return new Set(rows.map((row) => row.id));
  }

  findActiveApiKey(secretHash: string): Promise<ApiKey | null> {
    return this.manager().findOneBy(ApiKey, { secretHash, revokedAt: IsNull() });
  }

  findApiKey(id: string): Promise<ApiKey | null> {
    return this.manager().findOneBy(ApiKey, { id });
  }

  async touchApiKey(id: string, at: Date): Promise<void> {
    await this.manager().update(ApiKey, { id }, { lastUsedAt: at });
  }

  saveApiKey(fields: Pick<ApiKey, 'name' | 'prefix' | 'secretHash' | 'scopes' | 'createdById' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiKey> {
    const manager = this.manager();
    return manager.save(manager.create(ApiKey, fields));
  }
}

import { In, IsNull, MoreThan, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
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

  async findUsers(ids: readonly string[]): Promise<StaffUser[]> {
    return ids.length === 0 ? [] : this.manager().findBy(StaffUser, { id: In([...ids]) });
  }

  emailTaken(email: string): Promise<boolean> {
    return this.manager().existsBy(StaffUser, { email });
  }

  async hasAnyUser(): Promise<boolean> {
    return (await this.manager().count(StaffUser)) > 0;
  }

  saveUser(fields: Pick<StaffUser, 'email' | 'displayName' | 'passwordHash' | 'role'>): Promise<StaffUser> {
    const manager = this.manager();
    return manager.save(manager.create(StaffUser, fields));
  }

  /** A session that has not expired, with its user. */
  findLiveSession(tokenHash: string): Promise<StaffSession | null> {
    return this.manager().findOne(StaffSession, { where: { tokenHash, expiresAt: MoreThan(new Date()) }, relations: { staffUser: true } });
  }

  async insertSession(session: Pick<StaffSession, 'tokenHash' | 'staffUserId' | 'expiresAt'>): Promise<void> {
    await this.manager().insert(StaffSession, session);
  }

  async deleteSession(id: string): Promise<void> {
    await this.manager().delete(StaffSession, { id });
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

import { LessThan, MoreThan, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { WebChatSession } from './web-chat-session.entity';

export class WebChatRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  async insert(tx: Tx, session: Pick<WebChatSession, 'tokenHash' | 'conversationId' | 'lastActiveAt' | 'expiresAt'>): Promise<void> {
    await this.manager(tx).insert(WebChatSession, session);
  }

  /** A session that has not expired. */
  findLive(tokenHash: string): Promise<WebChatSession | null> {
    return this.manager().findOneBy(WebChatSession, { tokenHash, expiresAt: MoreThan(new Date()) });
  }

  async touch(tokenHash: string, at: Date, expiresAt: Date): Promise<void> {
    await this.manager().update(WebChatSession, { tokenHash }, { lastActiveAt: at, expiresAt });
  }

  /** Forgets expired sessions (their threads stay); returns how many. */
  async deleteExpired(before: Date): Promise<number> {
    return (await this.manager().delete(WebChatSession, { expiresAt: LessThan(before) })).affected ?? 0;
  }
}

import { In, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { ConversationNote } from './conversation-note.entity';

/** Private notes: the only code that knows how they are stored. */
export class NotesRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  async insert(tx: Tx, note: Pick<ConversationNote, 'conversationId' | 'staffUserId' | 'text'>): Promise<ConversationNote> {
    const inserted = await this.manager(tx).insert(ConversationNote, note);
    const id = (inserted.identifiers[0] as { id: string }).id;
    return (await this.manager(tx).findOneBy(ConversationNote, { id }))!;
  }

  /** The notes of each thread, oldest first, in one statement. */
  forConversations(conversationIds: readonly string[]): Promise<ConversationNote[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.manager().find(ConversationNote, { where: { conversationId: In([...conversationIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

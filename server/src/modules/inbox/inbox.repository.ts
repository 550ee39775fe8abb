import type { DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { Message, MessageAuthor } from '../conversations/message.entity';

/**
 * Read markers and what they make unread: the only code that knows how they are stored.
 * A thread never opened by someone counts the customer's messages since that person joined,
 * so a new staff member does not start with every old thread unread. The counts match the
 * customer's messages by the literal 'CUSTOMER' (MessageAuthor.CUSTOMER), so the planner can use
 * the partial index on them (message_customer_by_conversation).
 */
export class InboxRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Moves a staff member's marker on a thread forward to a message of that thread (never back:
   * an older tab reporting late does not make read messages unread again). Returns false when
   * the message is not in the thread.
   */
  async markRead(tx: Tx, params: { staffUserId: string; conversationId: string; messageId: string }): Promise<boolean> {
    const rows: unknown[] = await this.manager(tx).query(
      `INSERT INTO conversation_read_marker (staff_user_id, conversation_id, last_read_message_id, last_read_at)
       SELECT $1, m.conversation_id, m.id, m.created_at FROM message m WHERE m.id = $3 AND m.conversation_id = $2
       ON CONFLICT (staff_user_id, conversation_id) DO UPDATE
         SET last_read_message_id = EXCLUDED.last_read_message_id, last_read_at = EXCLUDED.last_read_at, updated_at = now()
         WHERE conversation_read_marker.last_read_at <= EXCLUDED.last_read_at
       RETURNING 1`,
      [params.staffUserId, params.conversationId, params.messageId],
    );
    if (rows.length > 0) return true;
    return this.manager(tx).exists(Message, { where: { id: params.messageId, conversationId: params.conversationId } });
  }

  /** The newest message of a thread, to mark it read whole. */
  async newestMessageId(tx: Tx, conversationId: string): Promise<string | null> {
    const newest = await this.manager(tx).findOne(Message, { where: { conversationId }, order: { createdAt: 'DESC', id: 'DESC' }, select: { id: true } });
    return newest?.id ?? null;
  }

  /** One staff member's unread count on each of several threads, in one statement. */
  async unreadCounts(staffUserId: string, conversationIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(conversationIds.map((id) => [id, 0]));
    if (conversationIds.length === 0) return counts;
    const rows: Array<{ conversation_id: string; unread: number }> = await this.manager().query(
      `SELECT c.id AS conversation_id,
              (SELECT count(*)::int FROM message m
                WHERE m.conversation_id = c.id AND m.author = 'CUSTOMER'
                  AND m.created_at > COALESCE(r.last_read_at, s.created_at)) AS unread
         FROM unnest($2::uuid[]) AS c(id)
         JOIN staff_user s ON s.id = $1
         LEFT JOIN conversation_read_marker r ON r.staff_user_id = $1 AND r.conversation_id = c.id`,
      [staffUserId, [...conversationIds]],
    );
    for (const row of rows) counts.set(row.conversation_id, row.unread);
    return counts;
  }

  /** Unread customer messages in every thread this staff member holds (its open escalation taken over by them). */
  async unreadInHeldThreads(staffUserId: string): Promise<number> {
    const rows: Array<{ unread: number }> = await this.manager().query(
      `SELECT count(m.id)::int AS unread
         FROM escalation e
         JOIN staff_user s ON s.id = $1
         LEFT JOIN conversation_read_marker r ON r.staff_user_id = $1 AND r.conversation_id = e.conversation_id
         JOIN message m ON m.conversation_id = e.conversation_id AND m.author = 'CUSTOMER'
                       AND m.created_at > COALESCE(r.last_read_at, s.created_at)
        WHERE e.status <> 'RESOLVED' AND e.taken_over_by_id = $1`,
      [staffUserId],
    );
    return rows[0]?.unread ?? 0;
  }

  /** The newest customer message of each thread, in one statement. */
  lastCustomerMessages(conversationIds: readonly string[]): Promise<Message[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.manager()
      .createQueryBuilder(Message, 'message')
      .distinctOn(['message.conversation_id'])
      .where('message.conversation_id IN (:...ids) AND message.author = :author', { ids: [...conversationIds], author: MessageAuthor.CUSTOMER })
      .orderBy('message.conversation_id')
      .addOrderBy('message.created_at', 'DESC')
      .addOrderBy('message.id', 'DESC')
      .getMany();
  }
}

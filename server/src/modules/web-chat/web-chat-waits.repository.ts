import type { DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';

/** Web chat customers waiting for a person, and the notices they were sent: the only SQL about them. */
export class WebChatWaitsRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Web chat threads with staff (an open escalation) whose customer has waited longer than
   * `seconds` for a person. The wait starts at the first customer message nobody answered:
   * after the last staff reply, and after the last answer the customer had before the thread
   * went to staff (the assistant's messages since then only say a person is coming). Each wait
   * is named by that message; waits already told are left out.
   */
  async waitingLongerThan(seconds: number, limit: number): Promise<Array<{ conversationId: string; waitingMessageId: string }>> {
    const rows: Array<{ conversation_id: string; waiting_message_id: string }> = await this.manager().query(
      `SELECT e.conversation_id, waiting.id AS waiting_message_id
         FROM escalation e
         JOIN conversation c ON c.id = e.conversation_id AND c.channel = 'WEB_CHAT'
         CROSS JOIN LATERAL (
           SELECT greatest(
             (SELECT max(a.created_at) FROM message a WHERE a.conversation_id = e.conversation_id AND a.author IN ('AI', 'STAFF') AND a.created_at < e.created_at),
             (SELECT max(s.created_at) FROM message s WHERE s.conversation_id = e.conversation_id AND s.author = 'STAFF')
           ) AS at
         ) answered
         CROSS JOIN LATERAL (
           SELECT m.id, m.created_at FROM message m
            WHERE m.conversation_id = e.conversation_id AND m.author = 'CUSTOMER' AND m.created_at > COALESCE(answered.at, '-infinity')
            ORDER BY m.created_at, m.id
            LIMIT 1
         ) waiting
        WHERE e.status <> 'RESOLVED'
          AND waiting.created_at <= now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM web_chat_wait_notice w WHERE w.waiting_message_id = waiting.id)
        ORDER BY waiting.created_at
        LIMIT $2`,
      [seconds, limit],
    );
    return rows.map((row) => ({ conversationId: row.conversation_id, waitingMessageId: row.waiting_message_id }));
  }

  /**
   * Claims the wait for one notice, under the thread's lock: only while the thread is still
   * with staff and no staff reply has come since the waiting message (one may have arrived
   * after the wait was found). False when it is answered, over, or claimed by another run.
   */
  async claim(tx: Tx, params: { conversationId: string; waitingMessageId: string }): Promise<boolean> {
    const rows: unknown[] = await this.manager(tx).query(
      `INSERT INTO web_chat_wait_notice (waiting_message_id, conversation_id)
       SELECT w.id, w.conversation_id FROM message w
        WHERE w.id = $1 AND w.conversation_id = $2
          AND EXISTS (SELECT 1 FROM escalation e WHERE e.conversation_id = $2 AND e.status <> 'RESOLVED')
          AND NOT EXISTS (SELECT 1 FROM message s WHERE s.conversation_id = $2 AND s.author = 'STAFF' AND s.created_at > w.created_at)
       ON CONFLICT DO NOTHING
       RETURNING waiting_message_id`,
      [params.waitingMessageId, params.conversationId],
    );
    return rows.length > 0;
  }

  async recordNotice(tx: Tx, params: { waitingMessageId: string; noticeMessageId: string }): Promise<void> {
    await this.manager(tx).query(`UPDATE web_chat_wait_notice SET notice_message_id = $2 WHERE waiting_message_id = $1`, [params.waitingMessageId, params.noticeMessageId]);
  }
}

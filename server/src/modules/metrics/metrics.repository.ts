import type { DataSource } from 'typeorm';
import { RepositoryBase } from '../../shared/db/unit-of-work';

/** The figures behind the metrics, computed in SQL over indexed columns, never by loading rows. */
export class MetricsRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** Threads with a customer message since `since`: how many, how many the assistant booked, how many were escalated. */
  async threadOutcomes(since: Date): Promise<{ conversations: number; booked: number; escalated: number }> {
    const [row] = await this.manager().query(
      `WITH active AS (
         SELECT DISTINCT m.conversation_id FROM message m WHERE m.author = 'CUSTOMER' AND m.created_at >= $1
       )
       SELECT count(*)::int AS conversations,
              count(*) FILTER (WHERE c.booking_id IS NOT NULL)::int AS booked,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM escalation e WHERE e.conversation_id = c.id AND e.created_at >= $1))::int AS escalated
       FROM active a JOIN conversation c ON c.id = a.conversation_id`,
      [since],
    );
    return row;
  }

  /** For each customer message since `since`, the first answer after it: average seconds by who answered. */
  responseSeconds(since: Date): Promise<Array<{ author: string; seconds: number }>> {
    return this.manager().query(
      `SELECT reply.author, avg(EXTRACT(EPOCH FROM reply.created_at - m.created_at))::float AS seconds
       FROM message m
       JOIN LATERAL (
         SELECT r.author, r.created_at FROM message r
         WHERE r.conversation_id = m.conversation_id AND r.direction = 'OUTBOUND' AND r.created_at >= m.created_at AND r.author IN ('AI', 'STAFF')
         ORDER BY r.created_at LIMIT 1
       ) reply ON true
       WHERE m.author = 'CUSTOMER' AND m.created_at >= $1
       GROUP BY reply.author`,
      [since],
    );
  }
}

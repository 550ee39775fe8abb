import type { DataSource } from 'typeorm';
import type { WebhookInboxService } from '../webhooks/webhook-inbox.service';
import type { ConversationMetrics } from './metrics.types';

/** Conversation metrics (SPEC §8), computed in SQL over the messages and escalations. */
export class MetricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: Pick<WebhookInboxService, 'signatureFailuresSince'>,
  ) {}

  async conversationMetrics(requestedDays: number): Promise<ConversationMetrics> {
    const days = Math.min(Math.max(Math.trunc(requestedDays), 1), 365);
    const since = new Date(Date.now() - days * 24 * 3600_000);
    const [threads] = await this.dataSource.query(
      `WITH active AS (
         SELECT DISTINCT m.conversation_id FROM message m WHERE m.author = 'CUSTOMER' AND m.created_at >= $1
       )
       SELECT count(*)::int AS conversations,
              count(*) FILTER (WHERE c.booking_id IS NOT NULL)::int AS booked,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM escalation e WHERE e.conversation_id = c.id AND e.created_at >= $1))::int AS escalated
       FROM active a JOIN conversation c ON c.id = a.conversation_id`,
      [since],
    );
    // For each customer message, the first answer after it, by whom it came.
    const responses: Array<{ author: string; seconds: number }> = await this.dataSource.query(
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
    const rate = (count: number) => (threads.conversations > 0 ? count / threads.conversations : null);
    const seconds = (author: string) => responses.find((r) => r.author === author)?.seconds ?? null;
    return {
      days,
      conversations: threads.conversations,
      aiBookingSuccessRate: rate(threads.booked),
      escalationRate: rate(threads.escalated),
      aiResponseSeconds: seconds('AI'),
      staffResponseSeconds: seconds('STAFF'),
      webhookSignatureFailuresLastHour: await this.webhooks.signatureFailuresSince(new Date(Date.now() - 3600_000)),
    };
  }
}

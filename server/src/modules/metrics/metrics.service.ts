import type { WebhookInboxService } from '../webhooks/webhook-inbox.service';
import type { MetricsRepository } from './metrics.repository';
import type { ConversationMetrics } from './metrics.types';

/** Conversation metrics (SPEC §8), computed in SQL over the messages and escalations. */
export class MetricsService {
  constructor(
    private readonly repository: MetricsRepository,
    private readonly webhooks: Pick<WebhookInboxService, 'signatureFailuresSince'>,
  ) {}

  async conversationMetrics(requestedDays: number): Promise<ConversationMetrics> {
    const days = Math.min(Math.max(Math.trunc(requestedDays), 1), 365);
    const since = new Date(Date.now() - days * 24 * 3600_000);
    const threads = await this.repository.threadOutcomes(since);
    const responses = await this.repository.responseSeconds(since);
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

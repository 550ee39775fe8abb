import type { WebhookEventStatus } from './webhook-event.entity';

/**
 * A webhook event's state as it crosses Redis: what changes as the queue works on it. The
 * provider's payload stays out (it can be large, and a console already holds the rows it shows).
 */
export interface WebhookEventChangedPayload {
  id: string;
  status: WebhookEventStatus;
  attempts: number;
  lastError: string | null;
  appliedAt: string | null;
}

export const WebhookTopic = {
  EVENT_CHANGED: 'WEBHOOK_EVENT_CHANGED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    WEBHOOK_EVENT_CHANGED: WebhookEventChangedPayload;
  }
}

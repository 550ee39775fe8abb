/** Payloads carry primitives and ISO strings only, so they cross Redis unchanged. */
export interface AlertEventPayload {
  alert: {
    id: string;
    kind: string;
    subjectId: string;
    message: string;
    raisedAt: string;
    resolvedAt: string | null;
    acknowledgedAt: string | null;
    acknowledgedByStaffUserId: string | null;
  };
}

export const AlertTopic = {
  RAISED: 'ALERT_RAISED',
  RESOLVED: 'ALERT_RESOLVED',
  ACKNOWLEDGED: 'ALERT_ACKNOWLEDGED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    ALERT_RAISED: AlertEventPayload;
    ALERT_RESOLVED: AlertEventPayload;
    ALERT_ACKNOWLEDGED: AlertEventPayload;
  }
}

import type { Logger } from '../../shared/logger';
import type { AlertsService } from '../alerts/alerts.service';
import type { MetricsService } from './metrics.service';
import type { Metrics } from './metrics.types';

/** The thresholds the check compares the metrics with (METRIC_ALERTS_* / ALERT_* settings). */
export interface MetricThresholds {
  termsRateBelow: number;
  invalidTermsRepliesAbove: number;
  aiSuccessBelow: number;
  escalationRateAbove: number;
  signatureFailuresAbove: number;
  minThreads: number;
  minTermsRequests: number;
}

/**
 * One metric's verdict: `crossed` true (outside its threshold), false (back inside), or null (too
 * few threads or requests to judge: nothing is raised or closed on a thin sample).
 */
export interface MetricVerdict {
  kind: string;
  crossed: boolean | null;
  /** The text when it is raised. */
  raised: string;
  /** The text when it recovers. */
  recovered: string;
}

/** The subject of a metric alert: the business as a whole, so one open alert per metric. */
export const METRIC_ALERT_SUBJECT = 'business';

export const MetricAlertKind = {
  TERMS_ACKNOWLEDGMENT_LOW: 'TERMS_ACKNOWLEDGMENT_LOW',
  INVALID_TERMS_REPLIES_HIGH: 'INVALID_TERMS_REPLIES_HIGH',
  AI_BOOKING_SUCCESS_LOW: 'AI_BOOKING_SUCCESS_LOW',
  ESCALATION_RATE_HIGH: 'ESCALATION_RATE_HIGH',
  WEBHOOK_SIGNATURE_FAILURES: 'WEBHOOK_SIGNATURE_FAILURES',
} as const;

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Judges the last 7 days' metrics (the range ending today) against the thresholds. Pure, so each
 * boundary is a table test. Unmatched credits are not here: each one raises its own alert from the
 * payments module (PAYMENT_UNMATCHED, PAYMENT_UNMATCHED_ALERT_DAYS), closed when it is matched.
 */
export function judgeMetrics(m: Metrics, t: MetricThresholds): MetricVerdict[] {
  const today = m.daily.at(-1)?.invalidTermsReplies ?? 0;
  const terms = m.termsAcknowledgmentRate;
  const ai = m.aiBookingSuccessRate;
  const escalation = m.escalationRate;
  return [
    {
      kind: MetricAlertKind.TERMS_ACKNOWLEDGMENT_LOW,
      crossed: terms === null || m.termsRequested < t.minTermsRequests ? null : terms < t.termsRateBelow,
      raised: `Terms acknowledgment is ${percent(terms ?? 0)} over 7 days (${m.termsAcknowledged} of ${m.termsRequested} bookings sent the terms), below ${percent(t.termsRateBelow)}.`,
      recovered: `Resolved: terms acknowledgment is back to ${percent(terms ?? 0)} over 7 days.`,
    },
    {
      kind: MetricAlertKind.INVALID_TERMS_REPLIES_HIGH,
      crossed: today > t.invalidTermsRepliesAbove,
      raised: `${today} replies to the terms request today could not be read as yes or no (alert above ${t.invalidTermsRepliesAbove}).`,
      recovered: `Resolved: invalid terms replies are back to ${today} today.`,
    },
    {
      kind: MetricAlertKind.AI_BOOKING_SUCCESS_LOW,
      crossed: ai === null || m.aiAnsweredConversations < t.minThreads ? null : ai < t.aiSuccessBelow,
      raised: `The assistant booked ${percent(ai ?? 0)} of the threads it answered over 7 days (${m.aiBookedConversations} of ${m.aiAnsweredConversations}), below ${percent(t.aiSuccessBelow)}.`,
      recovered: `Resolved: the assistant's booking success is back to ${percent(ai ?? 0)} over 7 days.`,
    },
    {
      kind: MetricAlertKind.ESCALATION_RATE_HIGH,
      crossed: escalation === null || m.conversations < t.minThreads ? null : escalation > t.escalationRateAbove,
      raised: `${percent(escalation ?? 0)} of threads were escalated to staff over 7 days (${m.escalatedConversations} of ${m.conversations}), above ${percent(t.escalationRateAbove)}.`,
      recovered: `Resolved: the escalation rate is back to ${percent(escalation ?? 0)} over 7 days.`,
    },
    {
      kind: MetricAlertKind.WEBHOOK_SIGNATURE_FAILURES,
      crossed: m.webhookSignatureFailuresLastHour > t.signatureFailuresAbove,
      raised: `${m.webhookSignatureFailuresLastHour} webhook deliveries were refused for a bad signature or token in the last hour: check the provider settings, or someone is probing.`,
      recovered: `Resolved: no more refused webhook signatures than allowed in the last hour.`,
    },
  ];
}

/**
 * The scheduled check: crossing raises the metric's alert (stored, published, texted), and the
 * open-alert unique index makes it once per crossing however often the check runs and on however
 * many instances; recovering closes it with a "resolved" text, once (an UPDATE only one wins).
 */
export class MetricAlertsCheck {
  constructor(
    private readonly deps: {
      metrics: Pick<MetricsService, 'metrics'>;
      alerts: Pick<AlertsService, 'raise' | 'resolve'>;
      thresholds: MetricThresholds;
      logger: Logger;
    },
  ) {}

  async run(now = new Date()): Promise<{ raised: string[]; resolved: string[] }> {
    const metrics = await this.deps.metrics.metrics({ days: 7 }, now);
    const raised: string[] = [];
    const resolved: string[] = [];
    for (const verdict of judgeMetrics(metrics, this.deps.thresholds)) {
      if (verdict.crossed === true) {
        if (await this.deps.alerts.raise({ kind: verdict.kind, subjectId: METRIC_ALERT_SUBJECT, message: verdict.raised })) raised.push(verdict.kind);
      } else if (verdict.crossed === false) {
        if (await this.deps.alerts.resolve({ kind: verdict.kind, subjectId: METRIC_ALERT_SUBJECT, message: verdict.recovered })) resolved.push(verdict.kind);
      }
    }
    if (raised.length + resolved.length > 0) this.deps.logger.info({ raised, resolved }, 'metric alerts changed');
    return { raised, resolved };
  }
}

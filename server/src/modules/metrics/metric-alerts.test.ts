import { describe, expect, it } from 'vitest';
import { judgeMetrics, MetricAlertKind, type MetricThresholds } from './metric-alerts';
import type { Metrics } from './metrics.types';

const THRESHOLDS: MetricThresholds = { termsRateBelow: 0.95, invalidTermsRepliesAbove: 5, aiSuccessBelow: 0.7, escalationRateAbove: 0.2, signatureFailuresAbove: 0, minThreads: 10, minTermsRequests: 10 };

function metrics(overrides: Partial<Metrics> & { invalidToday?: number } = {}): Metrics {
  const { invalidToday = 0, ...rest } = overrides;
  return {
    conversations: 20,
    aiAnsweredConversations: 20,
    aiBookedConversations: 16,
    aiBookingSuccessRate: 0.8,
    escalatedConversations: 2,
    escalationRate: 0.1,
    termsRequested: 20,
    termsAcknowledged: 20,
    termsAcknowledgmentRate: 1,
    webhookSignatureFailuresLastHour: 0,
    daily: [{ date: '2026-12-01', bookings: 0, confirmed: 0, revenueCents: 0, invalidTermsReplies: invalidToday, reviews: 0, averageRating: null }],
    ...rest,
  } as Metrics;
}

const verdicts = (m: Metrics) => Object.fromEntries(judgeMetrics(m, THRESHOLDS).map((v) => [v.kind, v.crossed]));

describe('judging the metrics against their thresholds', () => {
  it('crosses nothing on a healthy week', () => {
    expect(Object.values(verdicts(metrics()))).toEqual([false, false, false, false, false]);
  });

  it.each([
    ['terms at 94%', metrics({ termsRequested: 50, termsAcknowledged: 47, termsAcknowledgmentRate: 0.94 }), MetricAlertKind.TERMS_ACKNOWLEDGMENT_LOW, true],
    ['terms at exactly 95%', metrics({ termsRequested: 20, termsAcknowledged: 19, termsAcknowledgmentRate: 0.95 }), MetricAlertKind.TERMS_ACKNOWLEDGMENT_LOW, false],
    ['terms on 9 requests', metrics({ termsRequested: 9, termsAcknowledged: 0, termsAcknowledgmentRate: 0 }), MetricAlertKind.TERMS_ACKNOWLEDGMENT_LOW, null],
    ['6 invalid replies today', metrics({ invalidToday: 6 }), MetricAlertKind.INVALID_TERMS_REPLIES_HIGH, true],
    ['5 invalid replies today', metrics({ invalidToday: 5 }), MetricAlertKind.INVALID_TERMS_REPLIES_HIGH, false],
    ['AI success at 69%', metrics({ aiAnsweredConversations: 100, aiBookedConversations: 69, aiBookingSuccessRate: 0.69 }), MetricAlertKind.AI_BOOKING_SUCCESS_LOW, true],
    ['AI success on 2 threads', metrics({ aiAnsweredConversations: 2, aiBookedConversations: 0, aiBookingSuccessRate: 0 }), MetricAlertKind.AI_BOOKING_SUCCESS_LOW, null],
    ['escalation at 21%', metrics({ conversations: 100, escalatedConversations: 21, escalationRate: 0.21 }), MetricAlertKind.ESCALATION_RATE_HIGH, true],
    ['escalation at exactly 20%', metrics({ conversations: 10, escalatedConversations: 2, escalationRate: 0.2 }), MetricAlertKind.ESCALATION_RATE_HIGH, false],
    ['escalation of 1 in 2 threads', metrics({ conversations: 2, escalatedConversations: 1, escalationRate: 0.5 }), MetricAlertKind.ESCALATION_RATE_HIGH, null],
    ['one signature failure', metrics({ webhookSignatureFailuresLastHour: 1 }), MetricAlertKind.WEBHOOK_SIGNATURE_FAILURES, true],
  ])('%s', (_name, m, kind, crossed) => {
    expect(verdicts(m)[kind]).toBe(crossed);
  });

  it('says what crossed and by how much, in words for a text message', () => {
    const [terms] = judgeMetrics(metrics({ termsRequested: 50, termsAcknowledged: 47, termsAcknowledgmentRate: 0.94 }), THRESHOLDS);
    expect(terms.raised).toBe('Terms acknowledgment is 94% over 7 days (47 of 50 bookings sent the terms), below 95%.');
    const [back] = judgeMetrics(metrics({ termsRequested: 40, termsAcknowledged: 39, termsAcknowledgmentRate: 0.975 }), THRESHOLDS);
    expect([back.crossed, back.recovered]).toEqual([false, 'Resolved: terms acknowledgment is back to 97.5% over 7 days.']);
  });
});

import type { ModuleManifest } from '../../app/module';
import { MetricAlertsCheck } from './metric-alerts';
import { MetricsResolver } from './metrics.resolver';
import { MetricsService } from './metrics.service';

declare module '../../app/module' {
  interface ModuleServices {
    metrics: MetricsService;
  }
}

const CHECK_METRIC_ALERTS = 'metrics.check-alerts';

/**
 * The owner's figures (SPEC §8): each module computes its own in SQL, this one puts them together,
 * and a recurring check on the durable queue (once across instances) alerts on the thresholds.
 */
export const metricsModule: ModuleManifest = {
  name: 'metrics',
  entities: [],
  resolvers: [MetricsResolver],
  topics: [],
  create(core, { bookings, conversations, escalations, terms, reviews, paymentMatching, payments, webhooks, alerts }) {
    const { config } = core;
    const metrics = new MetricsService({ bookings, conversations, escalations, terms, reviews, payments: paymentMatching, ledger: payments, webhooks, timeZone: config.businessTimeZone });
    const check = new MetricAlertsCheck({ metrics, alerts, thresholds: config.metricAlerts, logger: core.logger });
    return {
      services: { metrics },
      resolvers: [new MetricsResolver(metrics)],
      jobs: [
        {
          name: CHECK_METRIC_ALERTS,
          retryLimit: 2,
          retryDelaySeconds: 30,
          expireInSeconds: 120,
          concurrency: 1,
          everySeconds: config.metricAlerts.everySeconds,
          handle: async () => {
            await check.run();
          },
        },
      ],
    };
  },
};

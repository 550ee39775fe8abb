import type { ModuleManifest } from '../../app/module';
import { StripeWebhookSource } from '../../providers/stripe/stripe.webhook-source';
import { createCheckoutProvider } from './checkout-provider.factory';
import { DepositCheckout } from './deposit-checkout.entity';
import { DepositsRepository } from './deposits.repository';
import { DepositsResolver } from './deposits.resolver';
import { DepositsService } from './deposits.service';

declare module '../../app/module' {
  interface ModuleServices {
    deposits: DepositsService;
  }
}

/**
 * Deposits by card (SPEC §6): the checkout link of a booking's deposit, in the confirmation text
 * too, and Stripe's webhook recording payments and refunds in the payments ledger. Created after
 * payments (the ledger) and webhooks (the inbox it plugs its source into).
 */
export const depositsModule: ModuleManifest = {
  name: 'deposits',
  entities: [DepositCheckout],
  resolvers: [DepositsResolver],
  topics: [],
  create(core, { bookings, payments, webhooks, alerts, inbound }) {
    const { config } = core;
    const deposits = new DepositsService({
      repository: new DepositsRepository(core.dataSource),
      bookings,
      ledger: payments,
      provider: createCheckoutProvider(config.stripe, config.providerTimeoutMs, () => core.webhookBaseUrl(), core.logger),
      baseUrl: () => core.webhookBaseUrl(),
      isProduction: config.isProduction,
      uow: core.uow,
      jobs: core.jobs,
      alerts,
      logger: core.logger,
    });
    // Self-service cancellations (made before this module) give card payments back through here.
    inbound.useCardRefunds((tx, params) => deposits.refundOnCancellation(tx, params));
    bookings.useDepositLinkText((booking, language, tx) => deposits.depositLinkText(booking, language, tx));
    if (config.stripe) {
      webhooks.register(
        new StripeWebhookSource(config.stripe.webhookSecret, {
          depositPaid: (event) => deposits.depositPaid(event),
          checkoutExpired: (event) => deposits.checkoutExpired(event),
          refunded: (event) => deposits.refunded(event),
        }),
      );
    }
    return { services: { deposits }, resolvers: [new DepositsResolver(deposits)], jobs: deposits.jobs(config.jobs) };
  },
};


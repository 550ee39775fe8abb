import type { ModuleManifest } from '../../app/module';
import { StripeWebhookSource } from '../../providers/stripe/stripe.webhook-source';
import { createCheckoutProvider } from './checkout-provider.factory';
import { DepositCheckout } from './deposit-checkout.entity';
import { DepositsRepository } from './deposits.repository';
import { DepositsResolver } from './deposits.resolver';
import { DepositsService, type DepositLedger } from './deposits.service';

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
  create(core, { bookings, webhooks }) {
    const { config } = core;
    const deposits = new DepositsService({
      repository: new DepositsRepository(core.dataSource),
      bookings,
      ledger: PENDING_LEDGER,
      provider: createCheckoutProvider(config.stripe, config.providerTimeoutMs, () => core.webhookBaseUrl(), core.logger),
      baseUrl: () => core.webhookBaseUrl(),
      isProduction: config.isProduction,
      logger: core.logger,
    });
    bookings.useDepositLinkText((booking, tx) => deposits.depositLinkText(booking, tx));
    if (config.stripe) {
      webhooks.register(
        new StripeWebhookSource(config.stripe.webhookSecret, {
          depositPaid: (event) => deposits.depositPaid(event),
          checkoutExpired: (event) => deposits.checkoutExpired(event),
          refunded: (event) => deposits.refunded(event),
        }),
      );
    }
    return { services: { deposits }, resolvers: [new DepositsResolver(deposits)] };
  },
};

// Temporary until the payments ledger is merged: replaced by the payments service.
const PENDING_LEDGER: DepositLedger = {
  recordCardPayment: async () => {
    throw new Error('the payments ledger is not in this build yet');
  },
  recordRefund: async () => {
    throw new Error('the payments ledger is not in this build yet');
  },
};

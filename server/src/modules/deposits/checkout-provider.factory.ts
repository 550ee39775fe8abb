import type { Config } from '../../app/config';
import type { DepositCheckoutProvider } from '../../providers/stripe/checkout.port';
import { LocalCheckoutProvider } from '../../providers/stripe/checkout.local';
import { StripeCheckoutProvider } from '../../providers/stripe/stripe.checkout';
import type { Logger } from '../../shared/logger';

/** Stripe Checkout when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set, else the local checkout page. */
export function createCheckoutProvider(config: Config['stripe'], providerTimeoutMs: number, baseUrl: () => string, logger: Logger): DepositCheckoutProvider {
  if (config) return new StripeCheckoutProvider({ secretKey: config.secretKey, apiBase: config.apiBase, timeoutMs: providerTimeoutMs }, logger);
  return new LocalCheckoutProvider(baseUrl);
}

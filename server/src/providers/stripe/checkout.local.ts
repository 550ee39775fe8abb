import { createHash } from 'node:crypto';
import type { CardRefund, CheckoutSession, DepositCheckoutProvider, NewCheckoutSession, NewRefund } from './checkout.port';

/**
 * The checkout used without Stripe keys: the session is our own deposit checkout, paid on the
 * page this server serves at /deposit/<checkout id>. Deterministic, so asking twice (or two
 * instances at once) gives the same session.
 */
export class LocalCheckoutProvider implements DepositCheckoutProvider {
  readonly name = 'local';

  constructor(private readonly baseUrl: () => string) {}

  async createSession(params: NewCheckoutSession): Promise<CheckoutSession> {
    return { id: localSessionId(params.checkoutId), url: `${this.baseUrl()}/deposit/${params.checkoutId}`, expiresAt: null };
  }

  /** A local payment took no money, so giving it back is immediate; the same key gives the same refund id. */
  async refund(params: NewRefund): Promise<CardRefund> {
    return { id: `re_local_${createHash('sha256').update(params.idempotencyKey).digest('hex').slice(0, 24)}`, amountCents: params.amountCents, status: 'succeeded', failureReason: null };
  }
}

export function localSessionId(checkoutId: string): string {
  return `cs_local_${checkoutId.replace(/-/g, '')}`;
}

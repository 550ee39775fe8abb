import type { DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import type { CheckoutSession } from '../../providers/stripe/checkout.port';
import { DepositCheckout, DepositCheckoutStatus } from './deposit-checkout.entity';

/** Deposit checkouts: the only code that knows how they are stored. */
export class DepositsRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** The checkout of this booking and amount, made when there is none: the same row however often, or concurrently, it is asked for. */
  async ensure(bookingId: string, amountCents: number, tx?: Tx): Promise<DepositCheckout> {
    const manager = this.manager(tx);
    await manager.query(`INSERT INTO deposit_checkout (booking_id, amount_cents) VALUES ($1, $2) ON CONFLICT (booking_id, amount_cents) DO NOTHING`, [bookingId, amountCents]);
    return manager.findOneByOrFail(DepositCheckout, { bookingId, amountCents });
  }

  findById(id: string): Promise<DepositCheckout | null> {
    return this.manager().findOneBy(DepositCheckout, { id });
  }

  findBySession(sessionId: string): Promise<DepositCheckout | null> {
    return this.manager().findOneBy(DepositCheckout, { providerSessionId: sessionId });
  }

  findByPayment(paymentId: string): Promise<DepositCheckout | null> {
    return this.manager().findOneBy(DepositCheckout, { paymentId });
  }

  /** A paid checkout of the booking, whatever its amount. */
  findPaid(bookingId: string): Promise<DepositCheckout | null> {
    return this.manager().findOneBy(DepositCheckout, { bookingId, status: DepositCheckoutStatus.PAID });
  }

  /**
   * Records the session of this attempt unless one is recorded already (another request made
   * it first: with the same idempotency key, the same session). Returns the row as it stands.
   */
  async setSession(id: string, attempt: number, provider: 'stripe' | 'local', session: CheckoutSession): Promise<DepositCheckout> {
    await this.manager().query(
      `UPDATE deposit_checkout SET provider = $3, provider_session_id = $4, url = $5, expires_at = $6, updated_at = now()
        WHERE id = $1 AND attempt = $2 AND provider_session_id IS NULL AND status <> 'PAID'`,
      [id, attempt, provider, session.id, session.url, session.expiresAt],
    );
    return this.manager().findOneByOrFail(DepositCheckout, { id });
  }

  /** Starts the next attempt of a checkout whose session ran out unpaid (once, however many ask). */
  async renew(id: string, attempt: number): Promise<DepositCheckout> {
    await this.manager().query(
      `UPDATE deposit_checkout SET attempt = attempt + 1, status = 'OPEN', provider = NULL, provider_session_id = NULL, url = NULL, expires_at = NULL, updated_at = now()
        WHERE id = $1 AND attempt = $2 AND status <> 'PAID'`,
      [id, attempt],
    );
    return this.manager().findOneByOrFail(DepositCheckout, { id });
  }

  /** Paid, whatever state it was in (an expiry that arrived first does not undo money received). The first payment's id is kept. */
  async markPaid(id: string, paymentId: string, paidAt: Date): Promise<void> {
    await this.manager().query(
      `UPDATE deposit_checkout SET status = 'PAID', payment_id = coalesce(payment_id, $2), paid_at = coalesce(paid_at, $3), updated_at = now() WHERE id = $1`,
      [id, paymentId, paidAt],
    );
  }

  /** Expired, only while open and still on that session: an expiry after the payment, or of an earlier session, changes nothing. */
  async markExpired(sessionId: string): Promise<void> {
    await this.manager().query(`UPDATE deposit_checkout SET status = 'EXPIRED', updated_at = now() WHERE provider_session_id = $1 AND status = 'OPEN'`, [sessionId]);
  }
}

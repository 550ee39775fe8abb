import type { DataSource, EntityManager } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SmsSendError, type OutgoingSms, type SmsSender, type SmsStatus } from '../../providers/sms/sms.port';
import type { JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { DeliveryStatus, Message } from '../conversations/message.entity';
import { isOptedOut } from './consent';

export const SEND_SMS = 'sms.send';

type SendState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'REFUSED';

/** One text we mean to send, under a key that stays the same through retries and restarts. */
@Entity({ name: 'sms_send' })
export class SmsSend {
  @PrimaryColumn({ type: 'varchar', length: 120, name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 16, name: 'to_number' })
  to!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: OutgoingSms['purpose'];

  @Column({ type: 'varchar', length: 12 })
  status!: SendState;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz', name: 'attempt_started_at', nullable: true })
  attemptStartedAt!: Date | null;

  @Column({ type: 'varchar', length: 120, name: 'provider_message_id', nullable: true })
  providerMessageId!: string | null;

  @Column({ type: 'uuid', name: 'message_id', nullable: true })
  messageId!: string | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;
}

/** How far a delivery status has come; a late or out-of-order update never moves it back. */
const PROGRESS: Record<DeliveryStatus, number> = {
  [DeliveryStatus.RECEIVED]: 0,
  [DeliveryStatus.QUEUED]: 1,
  [DeliveryStatus.SENT]: 2,
  [DeliveryStatus.DELIVERED]: 3,
  [DeliveryStatus.FAILED]: 3,
};

/** A crashed attempt's clock may be a little behind the provider's. */
const RECONCILE_SLACK_MS = 60_000;

/**
 * Every text to a phone goes through here: stored with its idempotency key and a send job in
 * the caller's transaction; the job refuses opted-out numbers (whoever asked), sends, and on
 * 429/5xx/timeouts retries with backoff. An attempt whose answer was lost is looked up at the
 * provider before anything is sent again, so a customer never gets the same text twice.
 */
export class SmsDelivery {
  constructor(private readonly deps: { dataSource: DataSource; jobs: JobQueue; sender: SmsSender; logger: Logger }) {}

  get senderKind(): string {
    return this.deps.sender.kind;
  }

  async defineJobs(options: { retryLimit: number; retryDelaySeconds: number }): Promise<void> {
    await this.deps.jobs.define<{ key: string }>({
      name: SEND_SMS,
      retryLimit: options.retryLimit,
      retryDelaySeconds: options.retryDelaySeconds,
      expireInSeconds: 60,
      concurrency: 8,
      handle: (job) => this.deliver(job.key),
      onDeadLetter: (job, lastError) => this.giveUp(job.key, lastError),
    });
  }

  /** Queues a text inside the caller's transaction. The same key twice is one text. */
  async queue(manager: EntityManager, sms: OutgoingSms & { idempotencyKey: string; messageId?: string; startAfter?: Date }): Promise<void> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO sms_send (idempotency_key, to_number, body, purpose, message_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [sms.idempotencyKey, sms.to, sms.body, sms.purpose, sms.messageId ?? null],
    );
    if (inserted.length > 0) await this.deps.jobs.enqueue(manager, SEND_SMS, { key: sms.idempotencyKey }, { startAfter: sms.startAfter });
  }

  private repository() {
    return this.deps.dataSource.getRepository(SmsSend);
  }

  private async deliver(key: string): Promise<void> {
    const send = await this.repository().findOneBy({ idempotencyKey: key });
    if (!send || send.status === 'SENT' || send.status === 'FAILED' || send.status === 'REFUSED') return;

    // Consent is checked at send time, so a STOP that arrives while a text waits still stops it.
    if (send.purpose !== 'CONSENT_CONFIRMATION' && (await isOptedOut(this.deps.dataSource.manager, 'SMS', send.to))) {
      await this.finish(send, 'REFUSED', { error: 'The number has opted out of texts.' });
      return;
    }

    // The previous attempt's answer was lost: it may have gone out. Look before sending again.
    if (send.status === 'SENDING' && send.attemptStartedAt) {
      const since = new Date(send.attemptStartedAt.getTime() - RECONCILE_SLACK_MS);
      const found = await this.deps.sender.findSent({ to: send.to, body: send.body, since });
      if (found) {
        await this.finish(send, 'SENT', { providerMessageId: found.providerMessageId });
        return;
      }
    }

    await this.repository().update({ idempotencyKey: key }, { status: 'SENDING', attemptStartedAt: new Date(), attempts: send.attempts + 1 });
    try {
      const { providerMessageId } = await this.deps.sender.send({ to: send.to, body: send.body, purpose: send.purpose });
      await this.finish(send, 'SENT', { providerMessageId });
    } catch (error) {
      const outcome = error instanceof SmsSendError ? error.outcome : 'unknown';
      const message = (error as Error).message.slice(0, 500);
      if (outcome === 'permanent') {
        await this.finish(send, 'FAILED', { error: message });
        return;
      }
      // not-sent: nothing went out, the next attempt simply sends; unknown: stay SENDING so it looks first.
      await this.repository().update({ idempotencyKey: key }, { status: outcome === 'not-sent' ? 'PENDING' : 'SENDING', lastError: message });
      throw error;
    }
  }

  private async giveUp(key: string, lastError: string): Promise<void> {
    const send = await this.repository().findOneBy({ idempotencyKey: key });
    if (send && send.status !== 'SENT') await this.finish(send, 'FAILED', { error: lastError });
  }

  private async finish(send: SmsSend, status: 'SENT' | 'FAILED' | 'REFUSED', detail: { providerMessageId?: string; error?: string }): Promise<void> {
    await this.repository().update(
      { idempotencyKey: send.idempotencyKey },
      { status, providerMessageId: detail.providerMessageId ?? send.providerMessageId, lastError: detail.error ?? null },
    );
    if (!send.messageId) return;
    if (detail.providerMessageId) await this.deps.dataSource.getRepository(Message).update({ id: send.messageId }, { providerMessageId: detail.providerMessageId });
    await this.advanceMessage(send.messageId, status === 'SENT' ? DeliveryStatus.SENT : DeliveryStatus.FAILED);
    if (status !== 'SENT') this.deps.logger.warn({ key: send.idempotencyKey, status, purpose: send.purpose }, 'text not sent');
  }

  /** Moves a message's delivery status forward only. */
  async advanceMessage(messageId: string, status: DeliveryStatus): Promise<void> {
    const lower = Object.entries(PROGRESS)
      .filter(([, rank]) => rank < PROGRESS[status])
      .map(([name]) => name);
    await this.deps.dataSource.query(`UPDATE message SET delivery_status = $2 WHERE id = $1 AND delivery_status = ANY($3)`, [messageId, status, lower]);
  }

  /**
   * Asks the provider how recent texts fared (the provider's status notification says only
   * that something changed) and records delivered or failed on their messages.
   */
  async refreshStatuses(): Promise<void> {
    const pending: Array<{ message_id: string; provider_message_id: string }> = await this.deps.dataSource.query(
      `SELECT s.message_id, s.provider_message_id FROM sms_send s JOIN message m ON m.id = s.message_id
       WHERE s.status = 'SENT' AND m.delivery_status = 'SENT' AND s.created_at > now() - interval '2 days'
       ORDER BY s.created_at DESC LIMIT 50`,
    );
    const mapped: Partial<Record<SmsStatus, DeliveryStatus>> = { DELIVERED: DeliveryStatus.DELIVERED, FAILED: DeliveryStatus.FAILED };
    for (const row of pending) {
      const status = await this.deps.sender.status(row.provider_message_id);
      const next = status ? mapped[status] : undefined;
      if (next) await this.advanceMessage(row.message_id, next);
    }
  }
}

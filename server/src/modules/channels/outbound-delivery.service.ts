import type { DataSource, EntityManager } from 'typeorm';
import { entityManagerOf, type Tx } from '../../shared/db/unit-of-work';
import { Column, Entity, Not, PrimaryColumn } from 'typeorm';
import { SendError, type MessageSender, type OutboundChannel, type OutgoingMessage } from '../../providers/outbound.port';
import type { SmsSender, SmsStatus } from '../../providers/sms/sms.port';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { DeliveryStatus, Message } from '../conversations/message.entity';
import type { ConsentService } from './consent';
import type { DeliveryReport } from './inbound-events';
import { nextSendWindow, respectsQuietHours } from './quiet-hours';

export const SEND_MESSAGE = 'outbound.send';

type SendState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'REFUSED';

/** One message we mean to send, under a key that stays the same through retries and restarts. */
@Entity({ name: 'outbound_send' })
export class OutboundSend {
  @PrimaryColumn({ type: 'varchar', length: 120, name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: OutboundChannel;

  /** A phone number (SMS, WhatsApp) or a Meta-scoped id (Messenger, Instagram). */
  @Column({ type: 'varchar', length: 64 })
  recipient!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: OutgoingMessage['purpose'];

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

export interface OutboundSenders {
  SMS: SmsSender;
  /** Absent when Meta is not configured: a send on these channels then fails with a clear reason. */
  WHATSAPP?: MessageSender;
  MESSENGER?: MessageSender;
  INSTAGRAM?: MessageSender;
}

/** How far a delivery status has come; a late or out-of-order update never moves it back. */
const PROGRESS: Record<DeliveryStatus, number> = {
  [DeliveryStatus.RECEIVED]: 0,
  [DeliveryStatus.QUEUED]: 1,
  [DeliveryStatus.SENT]: 2,
  [DeliveryStatus.DELIVERED]: 3,
  [DeliveryStatus.FAILED]: 3,
};

/** The SMS provider's final answers; queued and sent add nothing to what we know. */
const SETTLED_SMS_STATUS: Partial<Record<SmsStatus, DeliveryStatus>> = { DELIVERED: DeliveryStatus.DELIVERED, FAILED: DeliveryStatus.FAILED };

/** How long a status report for an unknown message is retried before it is taken as not ours. */
const UNKNOWN_STATUS_PATIENCE_MS = 10 * 60_000;

/** A crashed attempt's clock may be a little behind the provider's. */
const RECONCILE_SLACK_MS = 60_000;

/**
 * Every message that leaves through a provider goes through here: stored with its idempotency
 * key and a send job in the caller's transaction. The job refuses opted-out numbers (whoever
 * asked), holds unprompted messages until the recipient's daytime, sends, and on 429/5xx/
 * timeouts retries with backoff. An attempt whose answer was lost is looked up at the provider
 * (where it can be) before anything is sent again, so a customer never gets the same text twice.
 */
export class OutboundDelivery {
  constructor(private readonly deps: { dataSource: DataSource; jobs: JobQueue; senders: OutboundSenders; consent: ConsentService; logger: Logger; timeZone: string }) {}

  jobs(options: { retryLimit: number; retryDelaySeconds: number }): Array<JobDefinition<{ key: string }>> {
    return [
      {
        name: SEND_MESSAGE,
        retryLimit: options.retryLimit,
        retryDelaySeconds: options.retryDelaySeconds,
        expireInSeconds: 60,
        concurrency: 8,
        handle: (job) => this.deliver(job.key),
        onDeadLetter: (job, lastError) => this.giveUp(job.key, lastError),
      },
    ];
  }

  /** Queues a message inside the caller's transaction. The same key twice is one message. */
  async queue(
    tx: Tx,
    message: OutgoingMessage & { idempotencyKey: string; channel?: OutboundChannel; messageId?: string },
  ): Promise<void> {
    const inserted: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO outbound_send (idempotency_key, channel, recipient, body, purpose, message_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [message.idempotencyKey, message.channel ?? 'SMS', message.to, message.body, message.purpose, message.messageId ?? null],
    );
    if (inserted.length === 0) return;
    const startAfter = respectsQuietHours(message.purpose) ? (nextSendWindow(new Date(), this.deps.timeZone) ?? undefined) : undefined;
    await this.deps.jobs.enqueue(tx, SEND_MESSAGE, { key: message.idempotencyKey }, { startAfter });
  }

  private repository() {
    return this.deps.dataSource.getRepository(OutboundSend);
  }

  private async deliver(key: string): Promise<void> {
    const send = await this.repository().findOneBy({ idempotencyKey: key });
    if (!send || send.status === 'SENT' || send.status === 'FAILED' || send.status === 'REFUSED') return;

    // Consent is checked at send time, so a STOP that arrives while a message waits still stops it.
    const recipientOptedOut = await this.deps.consent.refusesMessages(send.channel, send.recipient);
    if (send.purpose !== 'CONSENT_CONFIRMATION' && recipientOptedOut) {
      await this.finish(send, 'REFUSED', { error: 'The recipient has opted out of messages.' });
      return;
    }
    // Retries can carry an unprompted message into the night: wait for the morning again.
    const window = respectsQuietHours(send.purpose) ? nextSendWindow(new Date(), this.deps.timeZone) : null;
    if (window) {
      await this.deps.dataSource.transaction((manager) => this.deps.jobs.enqueue(manager as unknown as Tx, SEND_MESSAGE, { key }, { startAfter: window }));
      return;
    }
    const sender = this.deps.senders[send.channel];
    if (!sender) {
      await this.finish(send, 'FAILED', { error: `${send.channel} is not configured on this server.` });
      return;
    }

    // The previous attempt's answer was lost: it may have gone out. Look before sending again.
    if (send.status === 'SENDING' && send.attemptStartedAt && sender.findSent) {
      const since = new Date(send.attemptStartedAt.getTime() - RECONCILE_SLACK_MS);
      const found = await sender.findSent({ to: send.recipient, body: send.body, since });
      // An identical earlier text to the same number is that send's, not this one's: then ours never went.
      if (found && !(await this.claimedByAnotherSend(found.providerMessageId, key))) {
        await this.finish(send, 'SENT', { providerMessageId: found.providerMessageId });
        // Its status notifications may have come and gone while the send was unrecorded: ask once.
        if (send.channel === 'SMS' && send.messageId) await this.refreshStatus(send.messageId, found.providerMessageId);
        return;
      }
    }

    // Claim the attempt: a second run of the same send that read the same row finds it taken and stops.
    const claimed = await this.repository().update(
      { idempotencyKey: key, status: send.status, attempts: send.attempts },
      { status: 'SENDING', attemptStartedAt: new Date(), attempts: send.attempts + 1 },
    );
    if (claimed.affected === 0) return;
    try {
      const { providerMessageId } = await sender.send({ to: send.recipient, body: send.body, purpose: send.purpose });
      await this.finish(send, 'SENT', { providerMessageId });
    } catch (error) {
      const outcome = error instanceof SendError ? error.outcome : 'unknown';
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

  private claimedByAnotherSend(providerMessageId: string, key: string): Promise<boolean> {
    return this.repository().exists({ where: { providerMessageId, idempotencyKey: Not(key) } });
  }

  private async giveUp(key: string, lastError: string): Promise<void> {
    const send = await this.repository().findOneBy({ idempotencyKey: key });
    if (send && send.status !== 'SENT') await this.finish(send, 'FAILED', { error: lastError });
  }

  /** The send's outcome and its message's delivery status, together: a crash between them would leave a sent message QUEUED. */
  private async finish(send: OutboundSend, status: 'SENT' | 'FAILED' | 'REFUSED', detail: { providerMessageId?: string; error?: string }): Promise<void> {
    await this.deps.dataSource.transaction(async (manager) => {
      await manager.update(
        OutboundSend,
        { idempotencyKey: send.idempotencyKey },
        { status, providerMessageId: detail.providerMessageId ?? send.providerMessageId, lastError: detail.error ?? null },
      );
      if (!send.messageId) return;
      if (detail.providerMessageId) await manager.update(Message, { id: send.messageId }, { providerMessageId: detail.providerMessageId });
      await this.advanceMessage(send.messageId, status === 'SENT' ? DeliveryStatus.SENT : DeliveryStatus.FAILED, manager);
    });
    if (status !== 'SENT') this.deps.logger.warn({ key: send.idempotencyKey, channel: send.channel, status, purpose: send.purpose }, 'message not sent');
  }

  /** Moves a message's delivery status forward only. */
  async advanceMessage(messageId: string, status: DeliveryStatus, manager: EntityManager = this.deps.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE message SET delivery_status = $2 WHERE id = $1 AND delivery_status = ANY($3)`, [messageId, status, statusesBefore(status)]);
  }

  /**
   * Records a provider's status report for the message it sent as `providerMessageId`. A
   * report can overtake the send's own answer: for a recent one no send of ours knows yet,
   * it throws so the queue tries again shortly; an old unknown one (not ours) is dropped.
   */
  async recordProviderStatus(channel: OutboundChannel, report: DeliveryReport): Promise<void> {
    const send = await this.repository().findOneBy({ channel, providerMessageId: report.providerMessageId });
    if (send?.messageId) {
      await this.advanceMessage(send.messageId, report.status);
      return;
    }
    if (send) return;
    if (Date.now() - report.reportedAt.getTime() < UNKNOWN_STATUS_PATIENCE_MS) {
      throw new Error(`${channel} status for a message not recorded yet; trying again`);
    }
    this.deps.logger.info({ channel }, 'status report for a message this server did not send; ignored');
  }

  /**
   * Asks the SMS provider how recent texts fared (its status notification says only that
   * something changed) and records delivered or failed on their messages.
   */
  async refreshStatuses(): Promise<void> {
    const pending: Array<{ message_id: string; provider_message_id: string }> = await this.deps.dataSource.query(
      `SELECT s.message_id, s.provider_message_id FROM outbound_send s JOIN message m ON m.id = s.message_id
       WHERE s.channel = 'SMS' AND s.status = 'SENT' AND m.delivery_status = 'SENT' AND s.created_at > now() - interval '2 days'
       ORDER BY s.created_at DESC LIMIT 50`,
    );
    for (const row of pending) await this.refreshStatus(row.message_id, row.provider_message_id);
  }

  private async refreshStatus(messageId: string, providerMessageId: string): Promise<void> {
    const status = await this.deps.senders.SMS.status(providerMessageId);
    const next = status ? SETTLED_SMS_STATUS[status] : undefined;
    if (next) await this.advanceMessage(messageId, next);
  }
}

function statusesBefore(status: DeliveryStatus): DeliveryStatus[] {
  return (Object.keys(PROGRESS) as DeliveryStatus[]).filter((name) => PROGRESS[name] < PROGRESS[status]);
}

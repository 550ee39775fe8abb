import type { DataSource, EntityManager } from 'typeorm';
import { Column, Entity, In, Not, PrimaryColumn } from 'typeorm';
import { SendError, type MessageSender, type OutboundChannel, type OutgoingMessage } from '../../providers/outbound.port';
import type { SmsSender, SmsStatus } from '../../providers/sms/sms.port';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';
import type { JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { DeliveryStatus, Message } from '../conversations/message.entity';
import { hasConsentKeywords, isOptedOut } from './consent';
import { nextSendWindow, respectsQuietHours } from './quiet-hours';

export const SEND_MESSAGE = 'outbound.send';

/**
 * PENDING: to send; SENDING: an attempt is out (or its answer was lost: looked up before any
 * resend); SENT, FAILED, REFUSED: settled; UNCONFIRMED: the answer was lost and the provider
 * cannot be asked, so it waits for a person to check and resend it (resendMessage).
 */
type SendState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'REFUSED' | 'UNCONFIRMED';
const SETTLED: ReadonlySet<SendState> = new Set(['SENT', 'FAILED', 'REFUSED', 'UNCONFIRMED']);

/** The row as one run of the job found or claimed it; every write is conditional on it, so a late run never overwrites a newer one. */
interface Seen {
  status: SendState;
  attempts: number;
}

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
  [DeliveryStatus.UNCONFIRMED]: 2,
  [DeliveryStatus.SENT]: 3,
  [DeliveryStatus.DELIVERED]: 4,
  [DeliveryStatus.FAILED]: 4,
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
 * before anything is sent again; where the provider cannot be asked (Meta), it is not sent
 * again by itself but waits for a person. So a customer never gets the same message twice.
 *
 * Each attempt is numbered when claimed and writes its outcome only while the row still shows
 * that attempt: an abandoned attempt's late answer can never move a row backwards.
 */
export class OutboundDelivery {
  constructor(private readonly deps: { dataSource: DataSource; jobs: JobQueue; senders: OutboundSenders; logger: Logger; timeZone: string }) {}

  /** `timeoutSeconds`: one attempt's limit (JOB_TIMEOUT_SECONDS), longer than any one provider call. */
  async defineJobs(options: { retryLimit: number; retryDelaySeconds: number; timeoutSeconds: number }): Promise<void> {
    await this.deps.jobs.define<{ key: string }>({
      name: SEND_MESSAGE,
      retryLimit: options.retryLimit,
      retryDelaySeconds: options.retryDelaySeconds,
      expireInSeconds: options.timeoutSeconds,
      concurrency: 8,
      handle: (job, signal) => this.deliver(job.key, signal),
      onDeadLetter: (job, lastError) => this.giveUp(job.key, lastError),
    });
  }

  /** Queues a message inside the caller's transaction. The same key twice is one message. */
  async queue(
    manager: EntityManager,
    message: OutgoingMessage & { idempotencyKey: string; channel?: OutboundChannel; messageId?: string },
  ): Promise<void> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO outbound_send (idempotency_key, channel, recipient, body, purpose, message_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [message.idempotencyKey, message.channel ?? 'SMS', message.to, message.body, message.purpose, message.messageId ?? null],
    );
    if (inserted.length === 0) return;
    const startAfter = respectsQuietHours(message.purpose) ? (nextSendWindow(new Date(), this.deps.timeZone) ?? undefined) : undefined;
    await this.deps.jobs.enqueue(manager, SEND_MESSAGE, { key: message.idempotencyKey }, { startAfter });
  }

  private repository() {
    return this.deps.dataSource.getRepository(OutboundSend);
  }

  private async deliver(key: string, signal?: AbortSignal): Promise<void> {
    const send = await this.repository().findOneBy({ idempotencyKey: key });
    if (!send || SETTLED.has(send.status)) return;
    const seen: Seen = { status: send.status, attempts: send.attempts };

    // Consent is checked at send time, so a STOP that arrives while a message waits still stops it.
    const recipientOptedOut = hasConsentKeywords(send.channel) && (await isOptedOut(this.deps.dataSource.manager, send.channel, send.recipient));
    if (send.purpose !== 'CONSENT_CONFIRMATION' && recipientOptedOut) {
      await this.finish(send, seen, 'REFUSED', { error: 'The recipient has opted out of messages.' });
      return;
    }
    // Retries can carry an unprompted message into the night: wait for the morning again.
    const window = respectsQuietHours(send.purpose) ? nextSendWindow(new Date(), this.deps.timeZone) : null;
    if (window) {
      await this.deps.dataSource.transaction((manager) => this.deps.jobs.enqueue(manager, SEND_MESSAGE, { key }, { startAfter: window }));
      return;
    }
    const sender = this.deps.senders[send.channel];
    if (!sender) {
      await this.finish(send, seen, 'FAILED', { error: `${send.channel} is not configured on this server.` });
      return;
    }

    // The previous attempt's answer was lost: it may have gone out. Look before sending again,
    // or, where the provider cannot be asked, leave it to a person.
    if (send.status === 'SENDING') {
      if (!sender.findSent) {
        await this.finish(send, seen, 'UNCONFIRMED', { error: send.lastError ?? 'The previous attempt ended without an answer from the provider.' });
        return;
      }
      if (send.attemptStartedAt) {
        const since = new Date(send.attemptStartedAt.getTime() - RECONCILE_SLACK_MS);
        const found = await sender.findSent({ to: send.recipient, body: send.body, since }, { signal });
        // An identical earlier text to the same number is that send's, not this one's: then ours never went.
        if (found && !(await this.claimedByAnotherSend(found.providerMessageId, key))) {
          const recorded = await this.finish(send, seen, 'SENT', { providerMessageId: found.providerMessageId });
          // Its status notifications may have come and gone while the send was unrecorded: ask once.
          if (recorded && send.channel === 'SMS' && send.messageId) await this.refreshStatus(send.messageId, found.providerMessageId);
          return;
        }
      }
    }

    // Claim the attempt: a second run of the same send that read the same row finds it taken and stops.
    const claimed = await this.repository().update(
      { idempotencyKey: key, status: seen.status, attempts: seen.attempts },
      { status: 'SENDING', attemptStartedAt: new Date(), attempts: seen.attempts + 1 },
    );
    if (claimed.affected === 0) return;
    const attempt: Seen = { status: 'SENDING', attempts: seen.attempts + 1 };
    try {
      const { providerMessageId } = await sender.send({ to: send.recipient, body: send.body, purpose: send.purpose }, { signal });
      // Sent is news even if this attempt was given up on meanwhile and left for a person.
      await this.finish(send, { ...attempt, orUnconfirmed: true }, 'SENT', { providerMessageId });
    } catch (error) {
      const outcome = error instanceof SendError ? error.outcome : 'unknown';
      const message = (error as Error).message.slice(0, 500);
      if (outcome === 'permanent') {
        await this.finish(send, attempt, 'FAILED', { error: message });
        return;
      }
      if (outcome === 'unknown' && !sender.findSent) {
        // It may have gone out and nobody can ask: a person checks, then resends if need be.
        await this.finish(send, attempt, 'UNCONFIRMED', { error: message });
        return;
      }
      // not-sent: nothing went out, the next attempt simply sends; unknown: stay SENDING so it looks first.
      await this.repository().update(
        { idempotencyKey: key, status: attempt.status, attempts: attempt.attempts },
        { status: outcome === 'not-sent' ? 'PENDING' : 'SENDING', lastError: message },
      );
      throw error;
    }
  }

  private claimedByAnotherSend(providerMessageId: string, key: string): Promise<boolean> {
    return this.repository().exists({ where: { providerMessageId, idempotencyKey: Not(key) } });
  }

  private async giveUp(key: string, lastError: string): Promise<void> {
    const send = await this.repository().findOneBy({ idempotencyKey: key });
    if (!send || SETTLED.has(send.status)) return;
    // Out of retries with an answer still lost where nobody can look: that is for a person too.
    const unconfirmed = send.status === 'SENDING' && !this.deps.senders[send.channel]?.findSent;
    await this.finish(send, { status: send.status, attempts: send.attempts }, unconfirmed ? 'UNCONFIRMED' : 'FAILED', { error: lastError });
  }

  /**
   * Staff's resend of a message whose delivery could not be confirmed, after checking that it
   * did not arrive: a new attempt of the same send, queued now.
   */
  async resend(messageGlobalId: string): Promise<Message> {
    const messageId = fromGlobalId('Message', messageGlobalId);
    return this.deps.dataSource.transaction(async (manager) => {
      const send = messageId ? await manager.findOne(OutboundSend, { where: { messageId }, lock: { mode: 'pessimistic_write' } }) : null;
      const message = messageId ? await manager.findOneBy(Message, { id: messageId }) : null;
      if (!send || !message) throw userFailure('NOT_FOUND', 'No message sent through a provider has this id.', 'messageId');
      if (send.status !== 'UNCONFIRMED') {
        throw userFailure('NOT_UNCONFIRMED', `Only a message whose delivery could not be confirmed can be sent again; this one is ${STATE_WORDS[send.status]}.`, 'messageId');
      }
      await manager.update(OutboundSend, { idempotencyKey: send.idempotencyKey, status: 'UNCONFIRMED' }, { status: 'PENDING', lastError: null });
      // A person decided: the one place a delivery status goes back (to queued).
      await manager.update(Message, { id: message.id, deliveryStatus: DeliveryStatus.UNCONFIRMED }, { deliveryStatus: DeliveryStatus.QUEUED });
      await this.deps.jobs.enqueue(manager, SEND_MESSAGE, { key: send.idempotencyKey });
      this.deps.logger.info({ key: send.idempotencyKey, channel: send.channel }, 'unconfirmed message resent by staff');
      return manager.findOneByOrFail(Message, { id: message.id });
    });
  }

  /**
   * The send's outcome and its message's delivery status, together (a crash between them would
   * leave a sent message QUEUED), written only if the row is still as `seen`. Returns whether it was.
   */
  private async finish(
    send: OutboundSend,
    seen: Seen & { orUnconfirmed?: boolean },
    status: 'SENT' | 'FAILED' | 'REFUSED' | 'UNCONFIRMED',
    detail: { providerMessageId?: string; error?: string },
  ): Promise<boolean> {
    const recorded = await this.deps.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        OutboundSend,
        { idempotencyKey: send.idempotencyKey, status: seen.orUnconfirmed ? In([seen.status, 'UNCONFIRMED']) : seen.status, attempts: seen.attempts },
        { status, providerMessageId: detail.providerMessageId ?? send.providerMessageId, lastError: detail.error ?? null },
      );
      if (result.affected === 0) return false; // a newer attempt (or a person) has moved it on
      if (!send.messageId) return true;
      if (detail.providerMessageId) await manager.update(Message, { id: send.messageId }, { providerMessageId: detail.providerMessageId });
      await this.advanceMessage(send.messageId, MESSAGE_STATUS[status], manager);
      return true;
    });
    if (!recorded) this.deps.logger.info({ key: send.idempotencyKey, status }, 'late outcome of an earlier attempt ignored');
    else if (status !== 'SENT') this.deps.logger.warn({ key: send.idempotencyKey, channel: send.channel, status, purpose: send.purpose }, 'message not sent');
    return recorded;
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
  async recordProviderStatus(channel: OutboundChannel, report: { providerMessageId: string; status: DeliveryStatus; reportedAt: Date }): Promise<void> {
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

const MESSAGE_STATUS: Record<'SENT' | 'FAILED' | 'REFUSED' | 'UNCONFIRMED', DeliveryStatus> = {
  SENT: DeliveryStatus.SENT,
  FAILED: DeliveryStatus.FAILED,
  REFUSED: DeliveryStatus.FAILED,
  UNCONFIRMED: DeliveryStatus.UNCONFIRMED,
};

/** How a send's state reads in a sentence for staff. */
const STATE_WORDS: Record<SendState, string> = {
  PENDING: 'still waiting to be sent',
  SENDING: 'being sent',
  SENT: 'already sent',
  FAILED: 'failed for good (see its error)',
  REFUSED: 'refused because the customer opted out',
  UNCONFIRMED: 'not confirmed',
};

function statusesBefore(status: DeliveryStatus): DeliveryStatus[] {
  return (Object.keys(PROGRESS) as DeliveryStatus[]).filter((name) => PROGRESS[name] < PROGRESS[status]);
}

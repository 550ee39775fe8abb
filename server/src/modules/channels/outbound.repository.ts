import { In, Not, type DataSource } from 'typeorm';
import type { OutboundChannel, OutgoingMessage } from '../../providers/outbound.port';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { DeliveryStatus, Message } from '../conversations/message.entity';
import { OutboundSend, type SendState } from './outbound-send.entity';

/** The row as one run of the job found or claimed it; every write is conditional on it, so a late run never overwrites a newer one. */
export interface Seen {
  status: SendState;
  attempts: number;
  /** A SENT outcome also lands on a send a person is looking at (UNCONFIRMED): sent is news. */
  orUnconfirmed?: boolean;
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

/** What a verification code's text becomes once sent: the code itself is kept only as a hash, by the assistant. */
export const REDACTED_CODE_BODY = '(one-time code, removed once sent)';

/**
 * Sends and the delivery status of the messages they carry: the only code that knows how they
 * are stored. A message's delivery status is written here alone, and only ever forward.
 */
export class OutboundRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** Stores a send under its key; false when the key was stored before (the same message). */
  async insertIfNew(tx: Tx, send: OutgoingMessage & { idempotencyKey: string; channel: OutboundChannel; messageId: string | null; timeZone: string | null }): Promise<boolean> {
    const inserted: unknown[] = await this.manager(tx).query(
      `INSERT INTO outbound_send (idempotency_key, channel, recipient, body, purpose, message_id, time_zone) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [send.idempotencyKey, send.channel, send.to, send.body, send.purpose, send.messageId, send.timeZone],
    );
    return inserted.length > 0;
  }

  find(idempotencyKey: string): Promise<OutboundSend | null> {
    return this.manager().findOneBy(OutboundSend, { idempotencyKey });
  }

  lockByMessage(tx: Tx, messageId: string): Promise<OutboundSend | null> {
    return this.manager(tx).findOne(OutboundSend, { where: { messageId }, lock: { mode: 'pessimistic_write' } });
  }

  findByProviderId(channel: OutboundChannel, providerMessageId: string): Promise<OutboundSend | null> {
    return this.manager().findOneBy(OutboundSend, { channel, providerMessageId });
  }

  /**
   * Whether a provider message to `recipient` is one of our sends: recorded under its provider
   * id, or a send of the same words to the same person whose id is not known yet (waiting,
   * out with its answer still on the way, or unconfirmed because the answer was lost).
   */
  async isOurSend(channel: OutboundChannel, message: { recipient: string; providerMessageId: string; body: string | null }): Promise<boolean> {
    const rows: Array<{ ours: boolean }> = await this.manager().query(
      `SELECT EXISTS (SELECT 1 FROM outbound_send WHERE channel = $1 AND provider_message_id = $2)
           OR EXISTS (SELECT 1 FROM outbound_send WHERE channel = $1 AND recipient = $3 AND body = $4 AND status IN ('PENDING', 'SENDING', 'UNCONFIRMED')) AS ours`,
      [channel, message.providerMessageId, message.recipient, message.body],
    );
    return rows[0]?.ours ?? false;
  }

  /** Whether another send already owns this provider message (an identical earlier text). */
  /** The first of `providerMessageIds` that no other send has recorded as its own, if any. */
  async firstUnclaimed(providerMessageIds: string[], idempotencyKey: string): Promise<string | null> {
    if (providerMessageIds.length === 0) return null;
    const claimed = await this.manager().find(OutboundSend, {
      select: { providerMessageId: true },
      where: { providerMessageId: In(providerMessageIds), idempotencyKey: Not(idempotencyKey) },
    });
    const taken = new Set(claimed.map((send) => send.providerMessageId));
    return providerMessageIds.find((id) => !taken.has(id)) ?? null;
  }

  /** Takes the next attempt, if the row is still as `seen`; false when another run took it. */
  async claim(idempotencyKey: string, seen: Seen): Promise<boolean> {
    const claimed = await this.manager().update(
      OutboundSend,
      { idempotencyKey, status: seen.status, attempts: seen.attempts },
      { status: 'SENDING', attemptStartedAt: new Date(), attempts: seen.attempts + 1 },
    );
    return (claimed.affected ?? 0) > 0;
  }

  /** Writes a send's state, if the row is still as `seen`; false when a newer attempt or a person moved it on. */
  async update(
    idempotencyKey: string,
    seen: Seen,
    changes: Partial<Pick<OutboundSend, 'status' | 'providerMessageId' | 'lastError'>>,
  ): Promise<boolean> {
    const status = seen.orUnconfirmed ? In([seen.status, 'UNCONFIRMED']) : seen.status;
    const result = await this.manager().update(OutboundSend, { idempotencyKey, status, attempts: seen.attempts }, changes);
    return (result.affected ?? 0) > 0;
  }

  /**
   * Records a send's outcome and its message's delivery status (forward only) and provider id,
   * in one statement, if the send is still as `seen`. One statement, so a crash can never leave
   * a sent message showing QUEUED. `settled` is false when a newer attempt or a person moved the
   * send on; `message` is the message as it now is, when the send carries one and was settled.
   */
  async settle(
    idempotencyKey: string,
    seen: Seen,
    outcome: { status: SendState; messageStatus: DeliveryStatus; providerMessageId?: string; lastError: string | null },
  ): Promise<{ settled: boolean; message: Message | null }> {
    const statuses = seen.orUnconfirmed ? [seen.status, 'UNCONFIRMED'] : [seen.status];
    const rows: Array<{ settled: number } & MessageRow> = await this.manager().query(
      `WITH send AS (
         UPDATE outbound_send SET status = $1, provider_message_id = COALESCE($2, provider_message_id), last_error = $3,
                -- A one-time code is kept only until its send settles (an unconfirmed one may be resent by staff).
                body = CASE WHEN purpose = 'VERIFICATION_CODE' AND $9::boolean THEN $10 ELSE body END
         WHERE idempotency_key = $4 AND status = ANY($5) AND attempts = $6
         RETURNING message_id
       ), message_update AS (
         UPDATE message SET provider_message_id = COALESCE($2, message.provider_message_id),
                delivery_status = CASE WHEN message.delivery_status = ANY($8) THEN $7 ELSE message.delivery_status END
         FROM send WHERE message.id = send.message_id
         RETURNING ${MESSAGE_COLUMNS}
       )
       SELECT counted.settled, message_update.* FROM (SELECT count(*)::int AS settled FROM send) counted LEFT JOIN message_update ON true`,
      [outcome.status, outcome.providerMessageId ?? null, outcome.lastError, idempotencyKey, statuses, seen.attempts, outcome.messageStatus, statusesBefore(outcome.messageStatus), outcome.status !== 'UNCONFIRMED', REDACTED_CODE_BODY],
    );
    const { settled, ...message } = rows[0];
    return { settled: settled > 0, message: messageOf(message) };
  }

  /** Moves a message's delivery status forward only; returns the message when it moved. */
  async advanceMessage(messageId: string, status: DeliveryStatus, tx?: Tx): Promise<Message | null> {
    const [rows]: [MessageRow[], number] = await this.manager(tx).query(
      `UPDATE message SET delivery_status = $2 WHERE id = $1 AND delivery_status = ANY($3) RETURNING ${MESSAGE_COLUMNS}`,
      [messageId, status, statusesBefore(status)],
    );
    return messageOf(rows[0]);
  }

  /** A person decided to send an unconfirmed message again: the one place its status goes back, to queued. */
  async requeueUnconfirmed(tx: Tx, send: OutboundSend): Promise<void> {
    const manager = this.manager(tx);
    await manager.update(OutboundSend, { idempotencyKey: send.idempotencyKey, status: 'UNCONFIRMED' }, { status: 'PENDING', lastError: null });
    if (send.messageId) await manager.update(Message, { id: send.messageId, deliveryStatus: DeliveryStatus.UNCONFIRMED }, { deliveryStatus: DeliveryStatus.QUEUED });
  }

  findMessage(id: string, tx?: Tx): Promise<Message | null> {
    return this.manager(tx).findOneBy(Message, { id });
  }

  /** Texts sent in the last two days whose delivery is not known yet, newest first. */
  recentUnsettledTexts(limit: number): Promise<Array<{ messageId: string; providerMessageId: string }>> {
    return this.manager().query(
      `SELECT s.message_id AS "messageId", s.provider_message_id AS "providerMessageId" FROM outbound_send s JOIN message m ON m.id = s.message_id
       WHERE s.channel = 'SMS' AND s.status = 'SENT' AND m.delivery_status = 'SENT' AND s.created_at > now() - interval '2 days'
       ORDER BY s.created_at DESC LIMIT $1`,
      [limit],
    );
  }
}

/** The message columns a settle or advance returns, named as the entity's properties. */
const MESSAGE_COLUMNS = `message.id, message.conversation_id AS "conversationId", message.channel, message.direction, message.author, message.text,
  message.provider_message_id AS "providerMessageId", message.delivery_status AS "deliveryStatus", message.staff_user_id AS "staffUserId", message.via, message.created_at AS "createdAt"`;

type MessageRow = { [K in 'id' | 'conversationId' | 'channel' | 'direction' | 'author' | 'text' | 'providerMessageId' | 'deliveryStatus' | 'staffUserId' | 'via' | 'createdAt']: Message[K] | null };

function messageOf(row: MessageRow | undefined): Message | null {
  return row?.id ? Object.assign(new Message(), row) : null;
}

function statusesBefore(status: DeliveryStatus): DeliveryStatus[] {
  return (Object.keys(PROGRESS) as DeliveryStatus[]).filter((name) => PROGRESS[name] < PROGRESS[status]);
}

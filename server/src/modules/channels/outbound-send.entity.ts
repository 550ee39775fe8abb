import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OutboundChannel, OutgoingMessage } from '../../providers/outbound.port';

/**
 * PENDING: to send; SENDING: an attempt is out (or its answer was lost: looked up before any
 * resend); SENT, FAILED, REFUSED: settled; UNCONFIRMED: the answer was lost and the provider
 * cannot be asked, so it waits for a person to check and resend it (resendMessage).
 */
export type SendState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'REFUSED' | 'UNCONFIRMED';
export const SETTLED: ReadonlySet<SendState> = new Set(['SENT', 'FAILED', 'REFUSED', 'UNCONFIRMED']);

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

  /** The recipient's time zone for quiet hours, when known (null: the business's). */
  @Column({ type: 'varchar', length: 64, name: 'time_zone', nullable: true })
  timeZone!: string | null;
}

import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { Channel } from './channel';

export enum ConversationStage {
  GREETING = 'GREETING',
  COLLECTING_DETAILS = 'COLLECTING_DETAILS',
  QUOTING = 'QUOTING',
  CONFIRMING = 'CONFIRMING',
  AWAITING_TERMS = 'AWAITING_TERMS',
  BOOKED = 'BOOKED',
  /** Derived: the thread has an open escalation (staff have it, or it waits for them). Never stored. */
  ESCALATED = 'ESCALATED',
  CLOSED = 'CLOSED',
}
registerEnumType(ConversationStage, { name: 'ConversationStage' });

export const DRAFT_FIELDS = ['partySize', 'eventDate', 'startTime', 'address', 'name', 'phone', 'email', 'dietaryNotes'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** The booking details gathered so far, each with the assistant's confidence in it. */
export type BookingDraft = Partial<Record<DraftField, { value: string | number; confidence: number }>>;

/** The languages the assistant answers in. */
export type ReplyLanguage = 'en' | 'es';

/** A change to a booking the customer asked for, as the assistant settles it with them. */
export interface PendingChange {
  kind: 'MODIFY' | 'CANCEL';
  /** The booking it is about; null while the customer chooses among `choices`. */
  bookingId: string | null;
  /** The bookings the customer was asked to choose from, in the order they were listed. */
  choices: string[];
  /** The new details asked for (MODIFY); the party size is the new total of guests. */
  changes: { eventDate?: string; startTime?: string; address?: string; partySize?: number };
  /** The change has been read back and waits for a yes or a no. */
  readBack: boolean;
  /** When the customer was last asked about it (ISO): a "yes" long after answers nothing. */
  askedAt?: string;
  /**
   * A web chat proving it holds the booking's phone before anything changes: the number asked
   * for (PHONE), a code texted to it and waited for (CODE), or proven (VERIFIED, whose customer's
   * bookings the thread may change). Absent on channels whose sender is known.
   */
  proof?: PhoneProof;
}

export type PhoneProof =
  | { step: 'PHONE' }
  /** `codeHash`: salted scrypt of the code, never the code; `attempts`: wrong codes so far. */
  | { step: 'CODE'; phone: string; customerId: string; codeHash: string; expiresAt: string; attempts: number }
  | { step: 'VERIFIED'; phone: string; customerId: string };

@ObjectType({ description: 'One booking detail the assistant has gathered.' })
export class DraftDetail {
  @Field(() => String)
  field!: string;

  @Field(() => String)
  value!: string;

  @Field(() => Float, { description: '0..1' })
  confidence!: number;
}

/** A thread with one customer on one channel. Persists across messages and restarts. */
@Entity({ name: 'conversation' })
@Index(['channel', 'channelAddress'])
@ObjectType()
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Conversation', this.id);
  }

  @Column({ type: 'uuid', name: 'customer_id' })
  customerId!: string;

  @Field(() => Channel)
  @Column({ type: 'varchar', length: 20 })
  channel!: Channel;

  /** Where replies go on the channel: a phone number, a Meta id, a web-chat session token. Never exposed. */
  @Column({ type: 'varchar', length: 254, name: 'channel_address' })
  channelAddress!: string;

  /**
   * Where the assistant is with this thread. Never ESCALATED: that is derived from an open
   * escalation (the GraphQL field `stage` shows it), so releasing a thread leaves this as it was.
   */
  @Column({ type: 'varchar', length: 20, default: ConversationStage.GREETING })
  stage!: ConversationStage;

  @Column({ type: 'jsonb', name: 'booking_draft', default: () => "'{}'" })
  bookingDraft!: BookingDraft;

  @Field(() => Int, { description: 'Messages in a row the assistant could not use; it escalates at AI_BOOKING_MAX_ATTEMPTS.' })
  @Column({ type: 'integer', name: 'failed_attempts', default: 0 })
  failedAttempts!: number;

  @Column({ type: 'uuid', name: 'booking_id', nullable: true })
  bookingId!: string | null;

  /** The language the assistant last answered in: a short "sí" or "ok" keeps it. Null until it has answered. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language!: ReplyLanguage | null;

  /** A change or cancellation the assistant is settling with the customer (read back, or waiting for a choice). */
  @Column({ type: 'jsonb', name: 'pending_change', nullable: true })
  pendingChange!: PendingChange | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'last_message_at', default: () => 'now()' })
  lastMessageAt!: Date;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

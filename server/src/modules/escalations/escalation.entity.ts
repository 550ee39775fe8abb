import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

export enum EscalationStatus {
  /** No extension was available: waits, oldest first, for the next one. */
  QUEUED = 'QUEUED',
  /** Alerted to an extension; reassigned if nobody takes it over in time. */
  ASSIGNED = 'ASSIGNED',
  /** A staff member holds the thread. */
  TAKEN_OVER = 'TAKEN_OVER',
  RESOLVED = 'RESOLVED',
}
registerEnumType(EscalationStatus, { name: 'EscalationStatus' });

/** How an escalation closed: handed back to the assistant, or marked handled (the thread closes). */
export enum EscalationResolution {
  RELEASED = 'RELEASED',
  RESOLVED = 'RESOLVED',
}
registerEnumType(EscalationResolution, { name: 'EscalationResolution' });

/** Escalations that are not over: the thread's handoff state while one exists. */
export const OPEN_ESCALATION_STATUSES: readonly EscalationStatus[] = [EscalationStatus.QUEUED, EscalationStatus.ASSIGNED, EscalationStatus.TAKEN_OVER];

export enum EscalationReason {
  HUMAN_REQUEST = 'HUMAN_REQUEST',
  NEGATIVE_SENTIMENT = 'NEGATIVE_SENTIMENT',
  REPEATED_FAILURE = 'REPEATED_FAILURE',
  MAX_ATTEMPTS = 'MAX_ATTEMPTS',
  AI_DISABLED = 'AI_DISABLED',
  BOOKING_CHANGE = 'BOOKING_CHANGE',
  STAFF_TAKEOVER = 'STAFF_TAKEOVER',
  /** A person answered the customer in Meta's own inbox (the Page inbox, the Instagram app): held there, by nobody here. */
  PAGE_INBOX_REPLY = 'PAGE_INBOX_REPLY',
  /** A text that may ask for no more texts and may be about the booking ("stop, I meant Saturday"): a person reads it. */
  OPT_OUT_UNCLEAR = 'OPT_OUT_UNCLEAR',
  /** The customer refused the booking terms, or answered them twice without accepting. */
  TERMS_NOT_ACCEPTED = 'TERMS_NOT_ACCEPTED',
}
registerEnumType(EscalationReason, {
  name: 'EscalationReason',
  valuesConfig: {
    PAGE_INBOX_REPLY: { description: 'Someone replied in the Facebook Page inbox or the Instagram app: the assistant is paused, and nobody here holds the thread until they take it over.' },
  },
});

/** A customer at or below this sentiment (-1..1) is flagged upset in the queue. */
export const UPSET_SENTIMENT = -0.3;

/** What staff need so they never ask the customer again. Stored as taken when escalating. */
export interface HandoffPacket {
  customerName: string | null;
  channel: string;
  reasonText: string;
  lastCustomerMessage: string;
  details: Array<{ field: string; value: string; confidence: number }>;
  quote: string | null;
}

@Entity({ name: 'escalation' })
@Index(['status', 'createdAt'])
@ObjectType()
export class Escalation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Escalation', this.id);
  }

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId!: string;

  @Field(() => EscalationReason)
  @Column({ type: 'varchar', length: 24 })
  reason!: EscalationReason;

  @Column({ type: 'jsonb' })
  handoff!: HandoffPacket;

  @Field(() => EscalationStatus)
  @Column({ type: 'varchar', length: 12 })
  status!: EscalationStatus;

  @Column({ type: 'uuid', name: 'assigned_extension_id', nullable: true })
  assignedExtensionId!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'assigned_at', nullable: true })
  assignedAt!: Date | null;

  @Column({ type: 'uuid', name: 'taken_over_by_id', nullable: true })
  takenOverById!: string | null;

  /** Who handed the thread to its holder (a colleague, or an admin taking it over); null when the holder took it themselves. */
  @Column({ type: 'uuid', name: 'handed_over_by_id', nullable: true })
  handedOverById!: string | null;

  /** The holder the customer was last told of ("<name> joined"): null while they were told of nobody. */
  @Column({ type: 'uuid', name: 'announced_staff_id', nullable: true })
  announcedStaffId!: string | null;

  @Field(() => Float, { nullable: true, description: 'How the customer sounded when it was raised, from -1 (upset) to 1 (happy); null when nobody read it.' })
  @Column({ type: 'real', name: 'customer_sentiment', nullable: true })
  customerSentiment!: number | null;

  @Field(() => Boolean, { description: 'The customer sounded upset (negative sentiment): worth answering first.' })
  get upset(): boolean {
    return this.reason === EscalationReason.NEGATIVE_SENTIMENT || (this.customerSentiment !== null && this.customerSentiment <= UPSET_SENTIMENT);
  }

  /**
   * Extensions alerted in this round that did not answer in time; skipped when routing again.
   * When nobody else can take it, a new round starts (see routing.ts), so this never locks an
   * escalation out for good.
   */
  @Column({ type: 'uuid', array: true, name: 'declined_extension_ids', default: () => "'{}'" })
  declinedExtensionIds!: string[];

  @Field(() => EscalationResolution, { nullable: true, description: 'Set once it is RESOLVED: handed back to the assistant, or marked handled.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  resolution!: EscalationResolution | null;

  /** Counts the escalation's changes; every event carries it, so a console keeps the newest state whatever order events arrive in. */
  @Field(() => Int, { description: 'Increases with every change; a live event with a lower version than the one shown is stale.' })
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'clock_timestamp()' })
  updatedAt!: Date;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;
}

/** Why each routing choice was made: the audit trail behind "who got this escalation". */
@Entity({ name: 'escalation_routing_log' })
@ObjectType()
export class RoutingDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'escalation_id' })
  escalationId!: string;

  @Column({ type: 'uuid', name: 'extension_id', nullable: true })
  extensionId!: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  explanation!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

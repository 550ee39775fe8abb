import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLJSON } from 'graphql-scalars';
import { toGlobalId } from '../../shared/graphql/global-id';

export enum WebhookProvider {
  RINGCENTRAL = 'ringcentral',
  /** RingCentral AI's answers to the speech-to-text jobs we start (call transcripts). */
  RINGCENTRAL_AI = 'ringcentral-ai',
  META = 'meta',
  /** Stripe Checkout: deposits paid, sessions expired, refunds. */
  STRIPE = 'stripe',
  /** The Plaid bank feed: new transactions to sync, a bank login to repair. */
  PLAID = 'plaid',
  /** Google Business Profile notifications through Pub/Sub push: new and edited reviews. */
  GOOGLE = 'google',
}
registerEnumType(WebhookProvider, { name: 'WebhookProvider' });

export enum WebhookEventStatus {
  /** Stored and acknowledged; waiting for the queue. */
  PENDING = 'PENDING',
  /** Failed at least once; the queue tries again with backoff. */
  RETRYING = 'RETRYING',
  APPLIED = 'APPLIED',
  /** Out of retries: an admin looks at it and retries it from the console. */
  DEAD = 'DEAD',
}
registerEnumType(WebhookEventStatus, { name: 'WebhookEventStatus' });

/** One provider event as delivered, kept until applied (and after, as the record of what came in). */
@ObjectType({ description: 'A provider event from a webhook: stored when it arrived, applied by the queue.' })
@Entity({ name: 'webhook_event' })
export class WebhookEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('WebhookEvent', this.id);
  }

  @Field(() => WebhookProvider)
  @Column({ type: 'varchar', length: 20 })
  provider!: WebhookProvider;

  @Field(() => String, { description: 'The provider’s id for the event; a redelivery with the same id is ignored.' })
  @Column({ type: 'varchar', length: 200, name: 'event_id' })
  eventId!: string;

  @Field(() => String, { description: 'What kind of event, e.g. inbound-sms, whatsapp-message.' })
  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  // A whole provider body (kilobytes, a call transcript more): priced as ten plain fields by the query cost limit.
  @Field(() => GraphQLJSON, { description: 'The event as the provider sent it.', complexity: 10 })
  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Field(() => WebhookEventStatus)
  @Column({ type: 'varchar', length: 12 })
  status!: WebhookEventStatus;

  @Field(() => Int)
  @Column({ type: 'integer' })
  attempts!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'applied_at', nullable: true })
  appliedAt!: Date | null;
}

/** Webhook requests refused before they were stored, counted per provider, reason and minute. */
@Entity({ name: 'webhook_rejection_tally' })
export class WebhookRejectionTally {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  provider!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  reason!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  minute!: Date;

  @Column({ type: 'integer' })
  count!: number;
}

/** One refused webhook request kept to diagnose a wrong secret or a scanner: who sent it and how its body began. */
@Entity({ name: 'webhook_rejection_sample' })
export class WebhookRejectionSample {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  provider!: string;

  @Column({ type: 'varchar', length: 40 })
  reason!: string;

  @Column({ type: 'varchar', length: 64, name: 'client_address' })
  clientAddress!: string;

  @Column({ type: 'text', name: 'body_excerpt' })
  bodyExcerpt!: string;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}

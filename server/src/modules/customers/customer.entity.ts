import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/** One person, however many channels they write from. */
@Entity({ name: 'customer' })
@ObjectType()
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Customer', this.id);
  }

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** Set once this record was merged into another (the same person): reads follow it there. */
  @Column({ type: 'uuid', name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  @Field(() => ID, { name: 'mergedIntoId', nullable: true, description: 'The customer this record was merged into; null while it is a customer of its own.' })
  get mergedIntoGlobalId(): string | null {
    return this.mergedIntoId ? toGlobalId('Customer', this.mergedIntoId) : null;
  }

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'merged_at', nullable: true })
  mergedAt!: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

export enum IdentityKind {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEB_SESSION = 'WEB_SESSION',
  META_ID = 'META_ID',
}
registerEnumType(IdentityKind, {
  name: 'IdentityKind',
  valuesConfig: {
    WEB_SESSION: { description: 'A web chat visitor (the hash of their chat session; never the session key itself).' },
    META_ID: { description: 'A Messenger or Instagram account (its page-scoped id).' },
  },
});

/** A handle that identifies a customer: a phone, an email, a web-chat session, a Meta id. Unique per kind. */
@Entity({ name: 'customer_identity' })
@Index(['kind', 'value'], { unique: true })
@ObjectType({ description: 'A handle that identifies a customer on a channel.' })
export class CustomerIdentity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('CustomerIdentity', this.id);
  }

  @Field(() => IdentityKind)
  @Column({ type: 'varchar', length: 20 })
  kind!: IdentityKind;

  @Field(() => String, { description: 'The phone (E.164), email or Meta id; for WEB_SESSION a short reference, never the session key.' })
  get display(): string {
    return this.kind === IdentityKind.WEB_SESSION ? `Web chat visitor ${this.value.slice(0, 8)}` : this.value;
  }

  @Column({ type: 'varchar', length: 254 })
  value!: string;

  @Column({ type: 'uuid', name: 'customer_id' })
  customerId!: string;

  @Field(() => Date, { description: 'When the customer was first known by it.' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/** What a merge moved onto the surviving record: the audit entry keeps these ids and values. */
export interface MergeMoved {
  identities: Array<{ kind: IdentityKind; value: string }>;
  conversationIds: string[];
  bookingIds: string[];
  /** Fields the surviving record lacked and took from the merged one. */
  filledFields: Array<'name' | 'phone' | 'email'>;
}

/** The audit entry of one merge: who merged which record into which, when, and what moved. Never changed. */
@Entity({ name: 'customer_merge' })
export class CustomerMerge {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'surviving_customer_id' })
  survivingCustomerId!: string;

  @Column({ type: 'uuid', name: 'merged_customer_id' })
  mergedCustomerId!: string;

  @Column({ type: 'uuid', name: 'staff_user_id', nullable: true })
  staffUserId!: string | null;

  @Column({ type: 'uuid', name: 'api_key_id', nullable: true })
  apiKeyId!: string | null;

  /** The merged record as it was: its name, phone and email. */
  @Column({ type: 'jsonb', name: 'merged_customer' })
  mergedCustomer!: { name: string | null; phone: string | null; email: string | null };

  @Column({ type: 'jsonb' })
  moved!: MergeMoved;

  @CreateDateColumn({ type: 'timestamptz', name: 'merged_at' })
  mergedAt!: Date;
}

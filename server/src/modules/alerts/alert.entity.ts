import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/**
 * Something the owner must look at (a payment unmatched for days, a bank that needs
 * re-connecting). At most one open alert per kind and subject, enforced by the database, so a
 * check that runs every hour raises it once and texts once.
 */
@Entity({ name: 'alert' })
@ObjectType({ description: 'Something the owner must look at; open until what caused it is dealt with.' })
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Alert', this.id);
  }

  @Field(() => String, { description: 'What kind of problem it is, e.g. PAYMENT_UNMATCHED or BANK_NEEDS_RECONNECT.' })
  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  @Field(() => String, { description: 'The id of what it is about (a bank transaction, a bank connection), as the raising module names it.' })
  @Column({ type: 'varchar', length: 200, name: 'subject_id' })
  subjectId!: string;

  @Field(() => String)
  @Column({ type: 'text' })
  message!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'raised_at' })
  raisedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was dealt with; null while open.' })
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a staff member said they have seen it; null until then. An alert stays open until its cause is dealt with.' })
  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'uuid', name: 'acknowledged_by_staff_user_id', nullable: true })
  acknowledgedByStaffUserId!: string | null;
}

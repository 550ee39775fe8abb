import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/**
 * Something a person has to do, created by a policy (a review to look into) and, later, by
 * other alerts. Assigned to the staff member of the primary extension when it has one.
 */
@Entity({ name: 'task' })
@ObjectType({ description: 'Something a person has to do; open until someone completes it.' })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Task', this.id);
  }

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Field(() => String, { description: 'What kind of task, e.g. REVIEW_NO_RECORD or REVIEW_FOLLOW_UP.' })
  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  /** The type of what it is about (e.g. Review); with subjectId, its global id. */
  @Column({ type: 'varchar', length: 60, name: 'subject_type', nullable: true })
  subjectType!: string | null;

  @Column({ type: 'uuid', name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Field(() => ID, { name: 'subjectId', nullable: true, description: 'The global id of what it is about (a review...), if anything.' })
  get subjectGlobalId(): string | null {
    return this.subjectType && this.subjectId ? toGlobalId(this.subjectType, this.subjectId) : null;
  }

  @Column({ type: 'uuid', name: 'assigned_staff_user_id', nullable: true })
  assignedStaffUserId!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was done; null while open.' })
  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'uuid', name: 'completed_by_staff_user_id', nullable: true })
  completedByStaffUserId!: string | null;
}

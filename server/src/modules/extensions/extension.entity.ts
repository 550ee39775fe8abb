import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { Weekday, type WorkingHoursRangeValue } from './working-hours';

export enum ExtensionStatus {
  AVAILABLE = 'AVAILABLE',
  BUSY = 'BUSY',
  OFFLINE = 'OFFLINE',
}
registerEnumType(ExtensionStatus, { name: 'ExtensionStatus' });

@ObjectType({ description: 'A time range on one weekday, in the business time zone.' })
export class WorkingHoursRange implements WorkingHoursRangeValue {
  @Field(() => Weekday)
  day!: Weekday;

  @Field(() => String, { description: 'HH:MM, 24-hour clock.' })
  start!: string;

  @Field(() => String, { description: 'HH:MM after start; 24:00 means until midnight.' })
  end!: string;
}

/** A staff member's phone extension: who gets escalated chats and calls, and when. */
@Entity({ name: 'extension' })
// At most one primary at a time, enforced by the database as well as the service.
@Index('extension_one_primary', ['isPrimaryEscalation'], { unique: true, where: '"is_primary_escalation"' })
@ObjectType({ description: 'A staff phone extension that escalated chats and calls are routed to.' })
export class Extension {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Extension', this.id);
  }

  @Field(() => Int, { description: 'The dialable extension number, e.g. 101. Unique.' })
  @Column({ type: 'integer', unique: true })
  number!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100, name: 'employee_name' })
  employeeName!: string;

  @Field(() => String, { description: 'Role or department, e.g. "Bookings".' })
  @Column({ type: 'varchar', length: 100 })
  role!: string;

  @Field(() => String, { description: 'E.164 phone number that receives escalation alerts by SMS.' })
  @Column({ type: 'varchar', length: 16 })
  phone!: string;

  @Field(() => ExtensionStatus)
  @Column({ type: 'enum', enum: ExtensionStatus, enumName: 'extension_status', default: ExtensionStatus.OFFLINE })
  status!: ExtensionStatus;

  @Field(() => [WorkingHoursRange])
  @Column({ type: 'jsonb', name: 'working_hours', default: () => "'[]'" })
  workingHours!: WorkingHoursRange[];

  @Field(() => Boolean, { description: 'The first choice for escalations. Exactly one extension is primary.' })
  @Column({ type: 'boolean', name: 'is_primary_escalation', default: false })
  isPrimaryEscalation!: boolean;

  /** The staff member who works this extension and may set its status. */
  @Column({ type: 'uuid', name: 'staff_user_id', nullable: true })
  staffUserId!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

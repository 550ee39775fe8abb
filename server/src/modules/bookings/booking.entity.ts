import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { Channel } from '../conversations/channel';

export enum BookingStatus {
  INQUIRY = 'INQUIRY',
  PENDING_TERMS = 'PENDING_TERMS',
  CONFIRMED = 'CONFIRMED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(BookingStatus, { name: 'BookingStatus' });

/** A hibachi event at a customer's address. Pricing, terms and payments extend it in later modules. */
@Entity({ name: 'booking' })
@ObjectType()
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Booking', this.id);
  }

  @Column({ type: 'uuid', name: 'customer_id' })
  customerId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD in the business time zone.' })
  @Column({ type: 'date', name: 'event_date' })
  eventDate!: string;

  @Field(() => String, { description: 'HH:MM, 24-hour, business time zone.' })
  @Column({ type: 'varchar', length: 5, name: 'start_time' })
  startTime!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Field(() => Int)
  @Column({ type: 'integer', name: 'party_size' })
  partySize!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, name: 'dietary_notes', nullable: true })
  dietaryNotes!: string | null;

  @Field(() => Channel)
  @Column({ type: 'varchar', length: 20, name: 'source_channel' })
  sourceChannel!: Channel;

  @Field(() => BookingStatus)
  @Column({ type: 'varchar', length: 20, default: BookingStatus.INQUIRY })
  status!: BookingStatus;

  @Column({ type: 'uuid', name: 'conversation_id', nullable: true })
  conversationId!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

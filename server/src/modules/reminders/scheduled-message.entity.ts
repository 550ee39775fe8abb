import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ScheduledMessageKind } from './schedule';

/** What became of a scheduled message once its time came. */
export enum ScheduledMessageOutcome {
  SENT = 'SENT',
  SKIPPED = 'SKIPPED',
}

/**
 * A scheduled message that was handled: sent (queued for the provider under its key) or
 * skipped with the reason. Messages not handled yet are not stored: they follow from the
 * booking (see schedule.ts), so moving or cancelling a booking has nothing here to keep in step.
 * Unique per booking, kind, slot and event date: a retry or a second instance never sends one twice.
 */
@Entity({ name: 'scheduled_message' })
export class ScheduledMessageRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'booking_id' })
  bookingId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ScheduledMessageKind;

  @Column({ type: 'varchar', length: 12 })
  slot!: string;

  @Column({ type: 'date', name: 'event_date' })
  eventDate!: string;

  @Column({ type: 'varchar', length: 12 })
  outcome!: ScheduledMessageOutcome;

  @Column({ type: 'varchar', length: 300, nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', name: 'handled_at' })
  handledAt!: Date;

  @Column({ type: 'varchar', length: 64, name: 'time_zone' })
  timeZone!: string;

  @Column({ type: 'varchar', length: 12, name: 'time_zone_source' })
  timeZoneSource!: string;
}

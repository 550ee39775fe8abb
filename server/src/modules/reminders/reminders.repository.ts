import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { ScheduledMessageRecord } from './scheduled-message.entity';

/** Handled scheduled messages: the only code that knows how they are stored. */
export class RemindersRepository extends RepositoryBase {
  /** Records a handled message unless it was handled already; says whether this call recorded it. */
  async recordOnce(tx: Tx, record: Omit<ScheduledMessageRecord, 'id' | 'handledAt'>): Promise<boolean> {
    const inserted: unknown[] = await this.manager(tx).query(
      `INSERT INTO scheduled_message (booking_id, kind, slot, event_date, outcome, reason, due_at, handled_at, time_zone, time_zone_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9)
       ON CONFLICT (booking_id, kind, slot, event_date) DO NOTHING RETURNING id`,
      [record.bookingId, record.kind, record.slot, record.eventDate, record.outcome, record.reason, record.dueAt, record.timeZone, record.timeZoneSource],
    );
    return inserted.length > 0;
  }

  /** Every handled message of these bookings, oldest first. */
  handledFor(bookingIds: readonly string[]): Promise<ScheduledMessageRecord[]> {
    if (bookingIds.length === 0) return Promise.resolve([]);
    return this.manager()
      .createQueryBuilder(ScheduledMessageRecord, 'message')
      .where('message.booking_id = ANY(:ids)', { ids: [...bookingIds] })
      .orderBy('message.due_at', 'ASC')
      .getMany();
  }
}

import { In, type DataSource } from 'typeorm';
import { flatColumns, readFlat, readFlatSql } from '../../shared/db/plain-rows';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import type { FigureWindow } from '../../shared/figure-window';
import { decodeCursor, pageSize, toConnection, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import type { Channel } from '../conversations/channel';
import { Booking, BookingStatus } from './booking.entity';

export type NewBookingRow = Omit<Booking, 'id' | 'createdAt' | 'updatedAt' | 'globalId' | 'partySize' | 'confirmedAt' | 'completedAt' | 'cancelledAt' | 'cancellationReason' | 'paidCents' | 'version' | 'customerGlobalId' | 'priceBreakdown' | 'termsAskedAgainAt'>;

export interface BookingFilter {
  status?: BookingStatus[];
  eventDateFrom?: string;
  eventDateTo?: string;
  customerId?: string;
  sourceChannel?: Channel;
  /** Part of the customer's name, or digits of their phone. */
  search?: string;
}

/** Bookings created in a window: how many, how many confirmed, the booked value of the confirmed. */
export interface BookingFigureRow {
  channel?: Channel;
  bookings: number;
  confirmed: number;
  revenueCents: number;
}

/** The only code that knows how bookings are stored. */
export class BookingsRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** Bookings made in [from, to) with their total price, and bookings cancelled in it (the weekly summary). */
  async weekFigures(range: { from: Date; to: Date }): Promise<{ made: number; madeValueCents: number; cancelled: number }> {
    const [row] = (await this.manager().query(
      `SELECT count(*) FILTER (WHERE created_at >= $1 AND created_at < $2)::int AS made,
              coalesce(sum(greatest(adults * price_per_adult_cents + kids * price_per_kid_cents, minimum_spend_cents) + travel_fee_cents)
                FILTER (WHERE created_at >= $1 AND created_at < $2), 0)::bigint AS made_value,
              count(*) FILTER (WHERE cancelled_at >= $1 AND cancelled_at < $2)::int AS cancelled
       FROM booking WHERE (created_at >= $1 AND created_at < $2) OR (cancelled_at >= $1 AND cancelled_at < $2)`,
      [range.from, range.to],
    )) as Array<{ made: number; made_value: string; cancelled: number }>;
    return { made: row.made, madeValueCents: Number(row.made_value), cancelled: row.cancelled };
  }

  insert(tx: Tx, fields: NewBookingRow): Promise<Booking> {
    const manager = this.manager(tx);
    return manager.save(manager.create(Booking, { ...fields, paidCents: 0 }));
  }

  async save(tx: Tx, booking: Booking): Promise<Booking> {
    return this.manager(tx).save(booking);
  }

  async findByIds(ids: readonly string[]): Promise<Booking[]> {
    return ids.length === 0 ? [] : this.manager().findBy(Booking, { id: In([...ids]) });
  }

  findById(id: string): Promise<Booking | null> {
    return this.manager().findOneBy(Booking, { id });
  }

  /** Every booking of these customers, soonest event first. */
  async findByCustomers(customerIds: readonly string[]): Promise<Booking[]> {
    if (customerIds.length === 0) return [];
    const query = this.manager().createQueryBuilder(Booking, 'booking').where('booking.customer_id IN (:...ids)', { ids: [...customerIds] }).orderBy('booking.starts_at', 'ASC').addOrderBy('booking.id', 'ASC');
    return readFlat(this.dataSource, query, 'booking');
  }

  /** Every booking of one customer record, row-locked: a merge moves them all. */
  lockByCustomer(tx: Tx, customerId: string): Promise<Booking[]> {
    return this.manager(tx).createQueryBuilder(Booking, 'booking').setLock('pessimistic_write').where('booking.customer_id = :customerId', { customerId }).orderBy('booking.id').getMany();
  }

  /** The booking, its row locked until the transaction ends: every change to a booking takes this first. */
  lockById(tx: Tx, id: string): Promise<Booking | null> {
    return this.manager(tx).createQueryBuilder(Booking, 'booking').setLock('pessimistic_write').where('booking.id = :id', { id }).getOne();
  }

  /** The newest booking of this customer that waits for the terms, locked; null when none does. */
  lockAwaitingTerms(tx: Tx, where: { customerId: string; bookingId: string | null }): Promise<Booking | null> {
    return this.manager(tx)
      .createQueryBuilder(Booking, 'booking')
      .setLock('pessimistic_write')
      .where('booking.status = :status', { status: BookingStatus.PENDING_TERMS })
      .andWhere('(booking.customer_id = :customerId OR booking.id = :bookingId)', { customerId: where.customerId, bookingId: where.bookingId ?? '00000000-0000-0000-0000-000000000000' })
      .orderBy('booking.created_at', 'DESC')
      .limit(1)
      .getOne();
  }

  /**
   * Soonest event first (then start time): the order staff plan by. Hand-written SQL: this page
   * is what the console reads most, and building its statements cost more than running them.
   */
  async list(filter: BookingFilter, args: ConnectionArgs): Promise<Connection<Booking>> {
    const first = pageSize(args.first, this.maxPageSize);
    const parameters: unknown[] = [];
    const parameter = (value: unknown) => `$${parameters.push(value)}`;
    const conditions: string[] = [];
    if (filter.status && filter.status.length > 0) conditions.push(`status = ANY(${parameter(filter.status)})`);
    if (filter.eventDateFrom) conditions.push(`event_date >= ${parameter(filter.eventDateFrom)}`);
    if (filter.eventDateTo) conditions.push(`event_date <= ${parameter(filter.eventDateTo)}`);
    if (filter.customerId) conditions.push(`customer_id = ${parameter(filter.customerId)}`);
    if (filter.sourceChannel) conditions.push(`source_channel = ${parameter(filter.sourceChannel)}`);
    if (filter.search) {
      const digits = filter.search.replace(/\D/g, '');
      const words = parameter(`%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const byPhone = digits.length >= 3 ? ` OR c.phone LIKE ${parameter(`%${digits}%`)}` : '';
      conditions.push(`EXISTS (SELECT 1 FROM customer c WHERE c.id = booking.customer_id AND (c.name ILIKE ${words}${byPhone}))`);
    }
    const manager = this.manager();
    const matching = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM booking${matching}`, parameters)) as Array<{ count: number }>;
    if (args.after) {
      const [afterStartsAt, afterId] = decodeCursor(args.after);
      conditions.push(`(starts_at, id) > (${parameter(afterStartsAt)}, ${parameter(afterId)})`);
    }
    const pageConditions = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const rows = await readFlatSql(
      manager,
      Booking,
      `SELECT ${flatColumns(this.dataSource, Booking)} FROM booking${pageConditions} ORDER BY starts_at ASC, id ASC LIMIT ${first + 1}`,
      parameters,
    );
    return toConnection(rows, first, count, 'startsAt');
  }

  /** Confirmed bookings whose event day is before `today`, locked (those another instance holds are skipped). */
  lockConfirmedBefore(tx: Tx, today: string, limit: number): Promise<Booking[]> {
    return this.manager(tx)
      .createQueryBuilder(Booking, 'booking')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('booking.status = :status AND booking.event_date < :today', { status: BookingStatus.CONFIRMED, today })
      .orderBy('booking.event_date', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Confirmed and completed bookings whose event falls between the two dates (inclusive): the ones a scheduled message may be due for. */
  withEventsBetween(from: string, to: string): Promise<Booking[]> {
    return this.manager()
      .createQueryBuilder(Booking, 'booking')
      .where('booking.status IN (:...statuses) AND booking.event_date BETWEEN :from AND :to', { statuses: [BookingStatus.CONFIRMED, BookingStatus.COMPLETED], from, to })
      .orderBy('booking.event_date', 'ASC')
      .getMany();
  }

  /** A customer's bookings from `today` on that are not cancelled or completed, soonest first. */
  openOfCustomer(customerId: string, today: string, tx?: Tx): Promise<Booking[]> {
    return this.manager(tx)
      .createQueryBuilder(Booking, 'booking')
      .where('booking.customer_id = :customerId', { customerId })
      .andWhere('booking.status IN (:...statuses)', { statuses: [BookingStatus.INQUIRY, BookingStatus.PENDING_TERMS, BookingStatus.CONFIRMED] })
      .andWhere('booking.event_date >= :today', { today })
      .orderBy('booking.starts_at', 'ASC')
      .addOrderBy('booking.id', 'ASC')
      .getMany();
  }

  /** Events of one day that hold a chef (waiting for terms or confirmed), one booking left out. */
  countHoldingChefOn(date: string, exceptBookingId: string | null, tx?: Tx): Promise<number> {
    return this.manager(tx)
      .createQueryBuilder(Booking, 'booking')
      .where('booking.event_date = :date', { date })
      .andWhere('booking.status IN (:...statuses)', { statuses: [BookingStatus.PENDING_TERMS, BookingStatus.CONFIRMED] })
      .andWhere('booking.id <> :except', { except: exceptBookingId ?? '00000000-0000-0000-0000-000000000000' })
      .getCount();
  }

  /** Confirmed bookings of one day, for its route. */
  confirmedOn(date: string): Promise<Booking[]> {
    return this.manager().find(Booking, { where: { eventDate: date, status: BookingStatus.CONFIRMED }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  // --- the owner's figures (metrics) ------------------------------------------------------------

  /**
   * Bookings created in the window, per source channel and per day of the window's zone (one
   * statement, two grouping sets): how many, how many were confirmed (the customer accepted the
   * terms: the only way to CONFIRMED), and the booked value of those confirmed and not cancelled
   * (food or the minimum spend, plus travel: pricing.ts in SQL).
   */
  async createdFigures(window: FigureWindow): Promise<{ byChannel: BookingFigureRow[]; byDay: Array<BookingFigureRow & { day: string }> }> {
    const rows = (await this.manager().query(
      `SELECT source_channel AS channel,
              to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day,
              count(*)::int AS bookings,
              count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS confirmed,
              coalesce(sum(GREATEST(adults * price_per_adult_cents + kids * price_per_kid_cents, minimum_spend_cents) + travel_fee_cents)
                FILTER (WHERE confirmed_at IS NOT NULL AND status <> 'CANCELLED'), 0)::float8 AS "revenueCents"
       FROM booking
       WHERE created_at >= $1 AND created_at < $2
       GROUP BY GROUPING SETS ((source_channel), (to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD')))
       ORDER BY 1, 2`,
      [window.from, window.to, window.timeZone],
    )) as Array<BookingFigureRow & { channel: string | null; day: string | null }>;
    const figure = (row: BookingFigureRow) => ({ bookings: row.bookings, confirmed: row.confirmed, revenueCents: row.revenueCents });
    return {
      byChannel: rows.filter((row) => row.channel !== null).map((row) => ({ channel: row.channel as Channel, ...figure(row) })),
      byDay: rows.filter((row) => row.day !== null).map((row) => ({ day: row.day as string, ...figure(row) })),
    };
  }

  /**
   * Bookings created in the window that were sent the terms (now waiting for them, confirmed or
   * completed, or cancelled after confirming), and how many of those accepted them (confirmed_at
   * set). A booking cancelled while still an inquiry was never asked and is not counted.
   */
  async termsFigures(window: FigureWindow): Promise<{ asked: number; accepted: number }> {
    const [row] = (await this.manager().query(
      `SELECT count(*) FILTER (WHERE status IN ('PENDING_TERMS', 'CONFIRMED', 'COMPLETED') OR confirmed_at IS NOT NULL)::int AS asked,
              count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS accepted
       FROM booking WHERE created_at >= $1 AND created_at < $2`,
      [window.from, window.to],
    )) as Array<{ asked: number; accepted: number }>;
    return row;
  }
}

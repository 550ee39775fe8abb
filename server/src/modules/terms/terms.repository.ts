import { randomBytes } from 'node:crypto';
import { In, QueryFailedError, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import type { DayCount, FigureWindow } from '../../shared/figure-window';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { TermsAcknowledgment } from './terms-acknowledgment.entity';
import { TermsInvalidReply } from './terms-invalid-reply.entity';
import { TermsVersion } from './terms-version.entity';

const UNIQUE_VIOLATION = '23505';

/** Terms versions, the acknowledgment chain and invalid replies: the only code that knows how they are stored. */
export class TermsRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  // --- versions -------------------------------------------------------------------------------

  /** Serialises publishing, so version numbers and the current flag move one at a time. */
  async lockVersions(tx: Tx): Promise<void> {
    await this.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('terms_version'))`);
  }

  currentVersion(tx?: Tx): Promise<TermsVersion | null> {
    return this.manager(tx).findOneBy(TermsVersion, { isCurrent: true });
  }

  async lastVersionNumber(tx: Tx): Promise<number> {
    const [row] = await this.manager(tx).query(`SELECT coalesce(max(version), 0)::int AS last FROM terms_version`);
    return (row as { last: number }).last;
  }

  async clearCurrent(tx: Tx): Promise<void> {
    await this.manager(tx).update(TermsVersion, { isCurrent: true }, { isCurrent: false });
  }

  async insertVersion(tx: Tx, fields: Omit<TermsVersion, 'id' | 'globalId' | 'publishedAt'>): Promise<TermsVersion> {
    const manager = this.manager(tx);
    const saved = await manager.save(manager.create(TermsVersion, fields));
    // Read back as stored: published_at is the database's clock, which save() does not return.
    return manager.findOneByOrFail(TermsVersion, { id: saved.id });
  }

  findVersion(id: string, tx?: Tx): Promise<TermsVersion | null> {
    return this.manager(tx).findOneBy(TermsVersion, { id });
  }

  findVersionByNumber(version: number): Promise<TermsVersion | null> {
    return this.manager().findOneBy(TermsVersion, { version });
  }

  async findVersions(ids: readonly string[]): Promise<TermsVersion[]> {
    return ids.length === 0 ? [] : this.manager().findBy(TermsVersion, { id: In([...ids]) });
  }

  versions(args: ConnectionArgs): Promise<Connection<TermsVersion>> {
    const query = this.manager().createQueryBuilder(TermsVersion, 'version');
    return paginate({ query, alias: 'version', sortKey: 'version', sortColumn: 'version', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }

  /** Every version with whether its stored hash still is the SHA-256 of its stored text (computed by PostgreSQL). */
  async versionFacts(): Promise<Array<{ id: string; label: string; sha256: string; textMatches: boolean }>> {
    return this.manager().query(
      `SELECT id, label, sha256, sha256 = encode(sha256(convert_to(text, 'UTF8')), 'hex') AS "textMatches" FROM terms_version`,
    );
  }

  // --- the acknowledgment chain ----------------------------------------------------------------

  /**
   * Serialises appends to the chain across instances until the transaction ends, so two
   * acknowledgments never read the same head (the unique index on previous_sha256 would refuse
   * the second anyway).
   */
  async lockChain(tx: Tx): Promise<void> {
    await this.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('terms_acknowledgment_chain'))`);
  }

  async chainHead(tx?: Tx): Promise<{ sequence: number; contentSha256: string } | null> {
    const [row] = await this.manager(tx).query(`SELECT sequence, content_sha256 FROM terms_acknowledgment ORDER BY sequence DESC LIMIT 1`);
    return row ? { sequence: Number((row as { sequence: string }).sequence), contentSha256: (row as { content_sha256: string }).content_sha256 } : null;
  }

  async insertAcknowledgment(tx: Tx, record: Omit<TermsAcknowledgment, 'globalId'>): Promise<TermsAcknowledgment> {
    const manager = this.manager(tx);
    await manager.insert(TermsAcknowledgment, record);
    return manager.create(TermsAcknowledgment, record);
  }

  acknowledgmentsOfBookings(bookingIds: readonly string[]): Promise<TermsAcknowledgment[]> {
    return bookingIds.length === 0 ? Promise.resolve([]) : this.manager().findBy(TermsAcknowledgment, { bookingId: In([...bookingIds]) });
  }

  /** The booking's latest acceptance: a change that asked for the terms again is accepted anew. */
  acknowledgmentOfBooking(bookingId: string, tx?: Tx): Promise<TermsAcknowledgment | null> {
    return this.manager(tx).findOne(TermsAcknowledgment, { where: { bookingId }, order: { sequence: 'DESC' } });
  }

  acknowledgments(filter: { bookingId?: string }, args: ConnectionArgs): Promise<Connection<TermsAcknowledgment>> {
    const query = this.manager().createQueryBuilder(TermsAcknowledgment, 'ack');
    if (filter.bookingId) query.where('ack.booking_id = :bookingId', { bookingId: filter.bookingId });
    return paginate({ query, alias: 'ack', sortKey: 'sequence', sortColumn: 'sequence', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }

  /** Up to `limit` records after `afterSequence`, in chain order: what verification reads, a run at a time. */
  chainRun(afterSequence: number, limit: number): Promise<TermsAcknowledgment[]> {
    return this.manager()
      .createQueryBuilder(TermsAcknowledgment, 'ack')
      .where('ack.sequence > :afterSequence', { afterSequence })
      .orderBy('ack.sequence', 'ASC')
      .take(limit)
      .getMany();
  }

  /** The records just before and after `sequence` in the chain. */
  async neighbours(sequence: number): Promise<{ previous: TermsAcknowledgment | null; next: TermsAcknowledgment | null }> {
    const manager = this.manager();
    const [previous, next] = await Promise.all([
      manager.createQueryBuilder(TermsAcknowledgment, 'ack').where('ack.sequence < :sequence', { sequence }).orderBy('ack.sequence', 'DESC').getOne(),
      manager.createQueryBuilder(TermsAcknowledgment, 'ack').where('ack.sequence > :sequence', { sequence }).orderBy('ack.sequence', 'ASC').getOne(),
    ]);
    return { previous, next };
  }

  // --- invalid replies -------------------------------------------------------------------------

  async insertInvalidReply(tx: Tx, fields: { bookingId: string; text: string; receivedAt: Date }): Promise<void> {
    await this.manager(tx).insert(TermsInvalidReply, fields);
  }

  countInvalidReplies(tx: Tx, bookingId: string): Promise<number> {
    return this.manager(tx).countBy(TermsInvalidReply, { bookingId });
  }

  invalidRepliesOf(bookingId: string): Promise<TermsInvalidReply[]> {
    return this.manager().find(TermsInvalidReply, { where: { bookingId }, order: { receivedAt: 'ASC' } });
  }

  // --- link signing key ------------------------------------------------------------------------

  /** The key printable links are signed with, made once and shared by every instance. */
  async linkKey(): Promise<string> {
    const manager = this.manager();
    await manager.query(`INSERT INTO terms_link_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [randomBytes(32).toString('hex')]);
    const [row] = await manager.query(`SELECT secret FROM terms_link_key WHERE id = 1`);
    return (row as { secret: string }).secret;
  }

  /** Replies to the terms request that were neither yes nor no, per day of the window's zone (metrics). */
  invalidRepliesPerDay(window: FigureWindow): Promise<DayCount[]> {
    return this.manager().query(
      `SELECT to_char((received_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*)::int AS count
       FROM terms_invalid_reply WHERE received_at >= $1 AND received_at < $2
       GROUP BY 1 ORDER BY 1`,
      [window.from, window.to, window.timeZone],
    );
  }
}

/** A unique index refused the write: for acknowledgments, a second acceptance of one booking. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && (constraint === undefined || driverError.constraint === constraint);
}

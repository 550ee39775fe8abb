import type { DataSource } from 'typeorm';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import type { FigureWindow } from '../../shared/figure-window';
import { ReplyState, Review } from './review.entity';
import type { ReviewSource } from './review-source.port';

export interface ReviewFilter {
  rating: number | null;
  /** A draft to approve, a reply that failed, or a flagged review. */
  needsAttention: boolean | null;
  replyState: ReplyState | null;
  flagged: boolean | null;
}

export interface PeriodAverage {
  period: string;
  averageRating: number;
  reviews: number;
  averageSentiment: number;
}

export interface ReviewTotals {
  reviews: number;
  averageRating: number | null;
  replied: number;
  medianResponseSeconds: number | null;
}

/** How many reviews and their average stars (null without reviews). */
export interface RatingRow {
  count: number;
  averageRating: number | null;
}

/** Reviews and their replies: the only code that knows how they are stored. */
export class ReviewsRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  findBySourceNames(names: readonly string[]): Promise<Review[]> {
    if (names.length === 0) return Promise.resolve([]);
    return this.manager().createQueryBuilder(Review, 'review').where('review.source_name = ANY(:names)', { names }).getMany();
  }

  lockBySourceName(tx: Tx, sourceName: string): Promise<Review | null> {
    return this.manager(tx).createQueryBuilder(Review, 'review').setLock('pessimistic_write').where('review.source_name = :sourceName', { sourceName }).getOne();
  }

  lockById(tx: Tx, id: string): Promise<Review | null> {
    return this.manager(tx).createQueryBuilder(Review, 'review').setLock('pessimistic_write').where('review.id = :id', { id }).getOne();
  }

  findById(id: string): Promise<Review | null> {
    return this.manager().findOneBy(Review, { id });
  }

  findByIds(ids: readonly string[]): Promise<Review[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager().createQueryBuilder(Review, 'review').where('review.id = ANY(:ids)', { ids }).getMany();
  }

  /** Inserts the review unless one of that source name exists (another instance got there first): the new row, or null. */
  async insertNew(tx: Tx, fields: Partial<Review>): Promise<Review | null> {
    const result = await this.manager(tx).createQueryBuilder().insert().into(Review).values(fields).orIgnore().returning('id').execute();
    const id = (result.raw as Array<{ id: string }>)[0]?.id;
    return id ? this.manager(tx).findOneByOrFail(Review, { id }) : null;
  }

  save(tx: Tx, review: Review): Promise<Review> {
    return this.manager(tx).save(review);
  }

  /**
   * The variant to use for a reply kind, remembering it: the kind's row is locked, so two
   * reviews written at once still get different variants.
   */
  async takeVariant(tx: Tx, kind: string, choose: (last: number | null) => number): Promise<number> {
    const manager = this.manager(tx);
    await manager.query(`INSERT INTO review_reply_rotation (kind, last_variant) VALUES ($1, NULL) ON CONFLICT (kind) DO NOTHING`, [kind]);
    const [row] = (await manager.query(`SELECT last_variant FROM review_reply_rotation WHERE kind = $1 FOR UPDATE`, [kind])) as Array<{ last_variant: number | null }>;
    const next = choose(row?.last_variant ?? null);
    await manager.query(`UPDATE review_reply_rotation SET last_variant = $2, used_at = now() WHERE kind = $1`, [kind, next]);
    return next;
  }

  /** Takes a due reply for posting (one instance wins); null when it is not due, gone, or taken. */
  async claimForPosting(id: string): Promise<Review | null> {
    // An UPDATE answers [rows, count].
    const rows = (await this.manager().query(
      `UPDATE review SET reply_state = $2, reply_claimed_at = now()
       WHERE id = $1 AND reply_state = $3 AND deleted_at IS NULL AND reply_posts_at <= now()
       RETURNING id`,
      [id, ReplyState.POSTING, ReplyState.SCHEDULED],
    )) as [Array<{ id: string }>, number];
    const claimed = rows[0][0]?.id;
    return claimed ? this.findById(claimed) : null;
  }

  /** Replies due and waiting (a source that was away), and those an instance began posting and never finished. */
  async dueForRetry(staleClaimSeconds: number, limit: number): Promise<string[]> {
    const rows = (await this.manager().query(
      `SELECT id FROM review
       WHERE deleted_at IS NULL AND ((reply_state = $1 AND reply_posts_at <= now())
          OR (reply_state = $2 AND reply_claimed_at < now() - make_interval(secs => $3)))
       ORDER BY reply_posts_at LIMIT $4`,
      [ReplyState.SCHEDULED, ReplyState.POSTING, staleClaimSeconds, limit],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** A POSTING reply whose instance died goes back to SCHEDULED (posting is idempotent at the source). */
  async releaseStaleClaim(tx: Tx, id: string, staleClaimSeconds: number): Promise<void> {
    await this.manager(tx).query(
      `UPDATE review SET reply_state = $2 WHERE id = $1 AND reply_state = $3 AND reply_claimed_at < now() - make_interval(secs => $4)`,
      [id, ReplyState.SCHEDULED, ReplyState.POSTING, staleClaimSeconds],
    );
  }

  /** The source's stored, not yet deleted reviews under the prefix, locked. */
  lockLiveUnderPrefix(tx: Tx, source: ReviewSource, namePrefix: string): Promise<Review[]> {
    const escaped = namePrefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.manager(tx)
      .createQueryBuilder(Review, 'review')
      .setLock('pessimistic_write')
      .where('review.source = :source AND review.deleted_at IS NULL AND review.source_name LIKE :prefix', { source, prefix: `${escaped}%` })
      .getMany();
  }

  list(filter: ReviewFilter, args: ConnectionArgs): Promise<Connection<Review>> {
    const query = this.manager().createQueryBuilder(Review, 'review').where('review.deleted_at IS NULL');
    if (filter.rating !== null) query.andWhere('review.rating = :rating', { rating: filter.rating });
    if (filter.flagged !== null) query.andWhere('review.flagged = :flagged', { flagged: filter.flagged });
    if (filter.replyState !== null) query.andWhere('review.reply_state = :replyState', { replyState: filter.replyState });
    const attention = `(review.flagged OR review.reply_state IN (:...attentionStates))`;
    if (filter.needsAttention === true) query.andWhere(attention, { attentionStates: [ReplyState.DRAFT, ReplyState.FAILED] });
    if (filter.needsAttention === false) query.andWhere(`NOT ${attention}`, { attentionStates: [ReplyState.DRAFT, ReplyState.FAILED] });
    return paginate({ query, alias: 'review', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }

  /** Average rating and sentiment per week (Monday) or month, in the business's time zone. */
  async averages(params: { from: Date; to: Date; unit: 'week' | 'month'; timeZone: string }): Promise<PeriodAverage[]> {
    const rows = (await this.manager().query(
      `SELECT to_char(date_trunc($3, created_at AT TIME ZONE $4), 'YYYY-MM-DD') AS period,
              round(avg(rating)::numeric, 2)::float AS average_rating,
              count(*)::int AS reviews,
              round(avg(sentiment)::numeric, 3)::float AS average_sentiment
       FROM review WHERE deleted_at IS NULL AND created_at >= $1 AND created_at < $2
       GROUP BY 1 ORDER BY 1`,
      [params.from, params.to, params.unit, params.timeZone],
    )) as Array<{ period: string; average_rating: number; reviews: number; average_sentiment: number }>;
    return rows.map((row) => ({ period: row.period, averageRating: row.average_rating, reviews: row.reviews, averageSentiment: row.average_sentiment }));
  }

  async totals(params: { from: Date; to: Date }): Promise<ReviewTotals> {
    const [row] = (await this.manager().query(
      `SELECT count(*)::int AS reviews,
              round(avg(rating)::numeric, 2)::float AS average_rating,
              count(*) FILTER (WHERE reply_state = $3)::int AS replied,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM replied_at - created_at))
                FILTER (WHERE reply_state = $3 AND replied_at IS NOT NULL) AS median_seconds
       FROM review WHERE deleted_at IS NULL AND created_at >= $1 AND created_at < $2`,
      [params.from, params.to, ReplyState.POSTED],
    )) as Array<{ reviews: number; average_rating: number | null; replied: number; median_seconds: number | null }>;
    return {
      reviews: row.reviews,
      averageRating: row.average_rating,
      replied: row.replied,
      medianResponseSeconds: row.median_seconds === null ? null : Math.round(Number(row.median_seconds)),
    };
  }

  /** The words reviewers use most, stop words left out (the list is passed in). */
  async keywordCounts(params: { from: Date; to: Date; stopWords: readonly string[]; limit: number }): Promise<Array<{ word: string; count: number }>> {
    const rows = (await this.manager().query(
      `SELECT word, count(*)::int AS count
       FROM review, regexp_split_to_table(lower(coalesce(comment, '')), '[^[:alpha:]'']+') AS word
       WHERE deleted_at IS NULL AND created_at >= $1 AND created_at < $2
         AND length(word) > 2 AND NOT (word = ANY($3))
       GROUP BY word ORDER BY count DESC, word ASC LIMIT $4`,
      [params.from, params.to, params.stopWords, params.limit],
    )) as Array<{ word: string; count: number }>;
    return rows;
  }

  /**
   * Ratings of reviews written in the window (not deleted): per day of the window's zone, and
   * over the whole window (the row with a null day), in one statement (metrics).
   */
  async ratingFigures(window: FigureWindow): Promise<{ total: RatingRow; byDay: Array<RatingRow & { day: string }> }> {
    const rows = (await this.manager().query(
      `SELECT to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*)::int AS count, avg(rating)::float8 AS "averageRating"
       FROM review WHERE deleted_at IS NULL AND created_at >= $1 AND created_at < $2
       GROUP BY GROUPING SETS ((to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD')), ())
       ORDER BY 1 NULLS FIRST`,
      [window.from, window.to, window.timeZone],
    )) as Array<RatingRow & { day: string | null }>;
    const total = rows.find((row) => row.day === null) ?? { count: 0, averageRating: null };
    return {
      total: { count: total.count, averageRating: total.averageRating },
      byDay: rows.filter((row) => row.day !== null).map((row) => ({ day: row.day as string, count: row.count, averageRating: row.averageRating })),
    };
  }
}

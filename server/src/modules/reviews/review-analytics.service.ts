import { eng } from 'stopword';
import type { ReviewsRepository } from './reviews.repository';
import type { ReviewAnalytics } from './reviews.types';

/**
 * Words no keyword chart needs: the maintained English stop-word list (the `stopword`
 * package), its forms without apostrophes as reviewers type them, and words every review of
 * a hibachi party uses.
 */
const STOP_WORDS: readonly string[] = [
  ...new Set([...eng, ...eng.map((word) => word.replace(/'/g, '')), 'hibachi', 'party', 'star', 'stars', 'review', 'really', 'would', 'also', 'got']),
];

const KEYWORDS = 20;

/** The figures of reviewAnalytics (SPEC §7), each computed by the database. */
export class ReviewAnalyticsService {
  constructor(private readonly deps: { repository: ReviewsRepository; timeZone: string }) {}

  async analytics(params: { from: Date; to: Date }): Promise<ReviewAnalytics> {
    const { repository, timeZone } = this.deps;
    const [totals, byWeek, byMonth, keywords] = await Promise.all([
      repository.totals(params),
      repository.averages({ ...params, unit: 'week', timeZone }),
      repository.averages({ ...params, unit: 'month', timeZone }),
      repository.keywordCounts({ ...params, stopWords: STOP_WORDS, limit: KEYWORDS }),
    ]);
    const period = (row: (typeof byWeek)[number]) => ({ periodStart: row.period, averageRating: row.averageRating, averageSentiment: row.averageSentiment, reviews: row.reviews });
    return {
      from: params.from,
      to: params.to,
      reviews: totals.reviews,
      averageRating: totals.averageRating,
      responseRate: totals.reviews === 0 ? null : Math.round((totals.replied / totals.reviews) * 1000) / 1000,
      medianResponseSeconds: totals.medianResponseSeconds,
      byWeek: byWeek.map(period),
      byMonth: byMonth.map(period),
      keywords,
    };
  }
}

import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LoadFailed, Loading } from '../../components/query-status';
import { reviewAnalyticsQuery } from './reviews-operations';

const PERIODS = [
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
  { days: 730, label: 'Last 2 years' },
] as const;

function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 2 * 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

/** Review analytics (SPEC §7): rating by week and month, response rate and time, keywords, sentiment trend. Drawn without animation: the figures are read, not watched. */
export function ReviewAnalyticsView() {
  const [days, setDays] = useState<number>(90);
  // Whole days, so the variables stay the same across renders (and the query is not repeated).
  const range = useMemo(() => {
    const to = new Date();
    to.setUTCHours(0, 0, 0, 0);
    to.setUTCDate(to.getUTCDate() + 1);
    return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
  }, [days]);
  const { data, error, refetch } = useQuery(reviewAnalyticsQuery, { variables: range, fetchPolicy: 'cache-and-network' });

  return (
    <div className="review-analytics">
      <label>
        Period{' '}
        <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
          {PERIODS.map((period) => (
            <option key={period.days} value={period.days}>
              {period.label}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <LoadFailed what="review analytics" error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading what="review analytics" />
      ) : (
        <>
          <dl className="facts review-analytics__figures">
            <div className="facts__row">
              <dt>Reviews</dt>
              <dd>{data.reviewAnalytics.reviews}</dd>
            </div>
            <div className="facts__row">
              <dt>Average rating</dt>
              <dd>{data.reviewAnalytics.averageRating?.toFixed(2) ?? '—'}</dd>
            </div>
            <div className="facts__row">
              <dt>Response rate (target 100%)</dt>
              <dd>{data.reviewAnalytics.responseRate === null ? '—' : `${Math.round(data.reviewAnalytics.responseRate * 100)}%`}</dd>
            </div>
            <div className="facts__row">
              <dt>Median time to respond</dt>
              <dd>{duration(data.reviewAnalytics.medianResponseSeconds)}</dd>
            </div>
          </dl>
          <h2>Rating and sentiment by week</h2>
          <div className="review-analytics__chart">
            <ResponsiveContainer width="100%" height={260}>
              <LineChart data={[...data.reviewAnalytics.byWeek]}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="periodStart" />
                <YAxis yAxisId="rating" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
                <YAxis yAxisId="sentiment" orientation="right" domain={[-1, 1]} />
                <Tooltip />
                <Legend />
                <Line yAxisId="rating" type="monotone" dataKey="averageRating" name="Average rating" stroke="#c2410c" isAnimationActive={false} />
                <Line yAxisId="sentiment" type="monotone" dataKey="averageSentiment" name="Sentiment" stroke="#2563eb" isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <h2>Average rating by month</h2>
          <div className="review-analytics__chart">
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={[...data.reviewAnalytics.byMonth]}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="periodStart" />
                <YAxis domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} />
                <Tooltip />
                <Bar dataKey="averageRating" name="Average rating" fill="#c2410c" maxBarSize={80} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <h2>What reviewers talk about</h2>
          {data.reviewAnalytics.keywords.length === 0 ? (
            <p className="muted">No words yet.</p>
          ) : (
            <div className="review-analytics__chart">
              <ResponsiveContainer width="100%" height={Math.max(160, data.reviewAnalytics.keywords.length * 26 + 40)}>
                <BarChart data={[...data.reviewAnalytics.keywords]} layout="vertical" margin={{ left: 40 }}>
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="word" interval={0} width={110} />
                  <Tooltip />
                  <Bar dataKey="count" name="Reviews using it" fill="#2563eb" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </>
      )}
    </div>
  );
}

import { useId, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHANNEL_LABELS, dollars } from '../../components/labels';
import type { DashboardFiguresFragment, DashboardMetricsQuery } from '../../graphql/generated/graphql';
import { duration } from './dashboard-format';

type Daily = DashboardMetricsQuery['month']['daily'];

const BOOKINGS_COLOUR = '#1f5fbf';
const REVENUE_COLOUR = '#c2410c';
const STAFF_COLOUR = '#6b7280';

/** "Dec 1" for 2026-12-01 (the date is a calendar day, read in UTC so it never shifts). */
function shortDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/**
 * One chart: its heading, a sentence that says what it shows (read by screen readers instead of
 * the drawing, which is hidden from them), the drawing, and the same figures as a table on demand.
 */
function ChartCard({ title, summary, table, children, testId }: { title: string; summary: string; table: ReactNode; children: ReactNode; testId: string }) {
  const headingId = useId();
  return (
    <section className="card dashboard-chart" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>{title}</h3>
      <p className="muted dashboard-chart__summary">{summary}</p>
      <div className="dashboard-chart__drawing" aria-hidden="true">
        {children}
      </div>
      <details>
        <summary>Show as a table</summary>
        <div className="dashboard-chart__table">{table}</div>
      </details>
    </section>
  );
}

export function BookingsPerDayChart({ daily }: { daily: Daily }) {
  const rows = daily.map((day) => ({ day: shortDay(day.date), bookings: day.bookings, confirmed: day.confirmed, revenue: day.revenueCents / 100 }));
  const bookings = daily.reduce((sum, day) => sum + day.bookings, 0);
  const revenue = daily.reduce((sum, day) => sum + day.revenueCents, 0);
  const busiest = daily.reduce<Daily[number] | null>((best, day) => (day.bookings > (best?.bookings ?? 0) ? day : best), null);
  const summary = `${bookings} bookings and ${dollars(revenue)} booked in the last 30 days${busiest ? `; the busiest day was ${shortDay(busiest.date)} with ${busiest.bookings}` : ''}.`;
  return (
    <ChartCard
      title="Bookings and revenue per day"
      testId="chart-per-day"
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Bookings</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Revenue</th>
            </tr>
          </thead>
          <tbody>
            {daily.map((day) => (
              <tr key={day.date}>
                <th scope="row">{shortDay(day.date)}</th>
                <td>{day.bookings}</td>
                <td>{day.confirmed}</td>
                <td>{dollars(day.revenueCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" minTickGap={16} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="bookings" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="revenue" orientation="right" tick={{ fontSize: 12 }} tickFormatter={(value: number) => `$${value.toLocaleString()}`} width={64} />
          <Tooltip formatter={(value, name) => (name === 'Revenue' ? dollars(Number(value) * 100) : value)} />
          <Legend />
          <Bar yAxisId="bookings" dataKey="bookings" name="Bookings" fill={BOOKINGS_COLOUR} isAnimationActive={false} />
          <Line yAxisId="revenue" type="linear" dataKey="revenue" name="Revenue" stroke={REVENUE_COLOUR} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function ChannelsChart({ channels }: { channels: DashboardFiguresFragment['channels'] }) {
  const rows = channels.map((row) => ({ channel: CHANNEL_LABELS[row.channel], bookings: row.bookings, revenue: row.revenueCents / 100 }));
  const top = [...channels].sort((a, b) => b.revenueCents - a.revenueCents || b.bookings - a.bookings)[0];
  const summary =
    channels.length === 0
      ? 'No bookings in the last 30 days.'
      : `${channels.length} channel${channels.length === 1 ? '' : 's'} brought bookings in the last 30 days; ${CHANNEL_LABELS[top.channel]} brought the most (${top.bookings} bookings, ${dollars(top.revenueCents)}).`;
  return (
    <ChartCard
      title="Bookings and revenue per channel"
      testId="chart-channels"
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Bookings</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Revenue</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((row) => (
              <tr key={row.channel}>
                <th scope="row">{CHANNEL_LABELS[row.channel]}</th>
                <td>{row.bookings}</td>
                <td>{row.confirmed}</td>
                <td>{dollars(row.revenueCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="channel" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="bookings" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="revenue" orientation="right" tick={{ fontSize: 12 }} tickFormatter={(value: number) => `$${value.toLocaleString()}`} width={64} />
          <Tooltip formatter={(value, name) => (name === 'Revenue' ? dollars(Number(value) * 100) : value)} />
          <Legend />
          <Bar yAxisId="bookings" dataKey="bookings" name="Bookings" fill={BOOKINGS_COLOUR} isAnimationActive={false} />
          <Bar yAxisId="revenue" dataKey="revenue" name="Revenue" fill={REVENUE_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function RatingTrendChart({ daily, reviews, averageRating }: { daily: Daily; reviews: number; averageRating: number | null }) {
  const rows = daily.map((day) => ({ day: shortDay(day.date), rating: day.averageRating }));
  const rated = daily.filter((day) => day.averageRating !== null);
  const summary =
    reviews === 0
      ? 'No reviews in the last 30 days.'
      : `${reviews} review${reviews === 1 ? '' : 's'} in the last 30 days, ${averageRating?.toFixed(1)} stars on average; the latest day with reviews (${shortDay(rated[rated.length - 1].date)}) averaged ${rated[rated.length - 1].averageRating?.toFixed(1)}.`;
  return (
    <ChartCard
      title="Review rating trend"
      testId="chart-rating"
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Reviews</th>
              <th scope="col">Average stars</th>
            </tr>
          </thead>
          <tbody>
            {rated.map((day) => (
              <tr key={day.date}>
                <th scope="row">{shortDay(day.date)}</th>
                <td>{day.reviews}</td>
                <td>{day.averageRating?.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" minTickGap={16} tick={{ fontSize: 12 }} padding={{ left: 8, right: 8 }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => `${Number(value).toFixed(1)} stars`} />
          <Line type="linear" dataKey="rating" name="Average stars" stroke={REVENUE_COLOUR} strokeWidth={2} dot={{ r: 4, fill: REVENUE_COLOUR }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function ResponseTimesChart({ ai, staff }: { ai: DashboardFiguresFragment['aiResponse']; staff: DashboardFiguresFragment['staffResponse'] }) {
  const rows = [
    { measure: 'Median', assistant: ai.medianSeconds, staff: staff.medianSeconds },
    { measure: '90th percentile', assistant: ai.p90Seconds, staff: staff.p90Seconds },
  ];
  const said = (who: string, figure: typeof ai) =>
    figure.replies === 0
      ? `${who} did not answer anyone`
      : `${who} answered ${figure.replies} time${figure.replies === 1 ? '' : 's'}, in ${duration(figure.medianSeconds)} at the median and ${duration(figure.p90Seconds)} at the 90th percentile`;
  const summary = `Over the last 30 days ${said('the assistant', ai)}; ${said('staff', staff)}.`;
  return (
    <ChartCard
      title="Response times, assistant and staff"
      testId="chart-response-times"
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Answers</th>
              <th scope="col">Median</th>
              <th scope="col">90th percentile</th>
            </tr>
          </thead>
          <tbody>
            {[
              ['Assistant', ai],
              ['Staff', staff],
            ].map(([who, figure]) => (
              <tr key={who as string}>
                <th scope="row">{who as string}</th>
                <td>{(figure as typeof ai).replies}</td>
                <td>{duration((figure as typeof ai).medianSeconds)}</td>
                <td>{duration((figure as typeof ai).p90Seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="measure" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(value: number) => duration(value)} width={56} domain={[0, (highest: number) => Math.max(highest, 1)]} />
          <Tooltip formatter={(value) => duration(value === null || value === undefined ? null : Number(value))} />
          <Legend />
          <Bar dataKey="assistant" name="Assistant" fill={BOOKINGS_COLOUR} isAnimationActive={false} />
          <Bar dataKey="staff" name="Staff" fill={STAFF_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

import './dashboard.css';
import { skipToken, useApolloClient, useQuery } from '@apollo/client/react';
import { useId, useState, type ReactNode } from 'react';
import { dollars, timeAgo, useNow } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import type { AlertFieldsFragment, DashboardFiguresFragment } from '../../graphql/generated/graphql';
import { escalationsQuery } from '../../graphql/operations';
import { AlertItem } from '../alerts/alerts-page';
import { useOpenAlerts } from '../alerts/use-open-alerts';
import { ESCALATIONS_VARIABLES, isWaiting } from '../escalations/escalations-cache';
import { BookingsPerDayChart, ChannelsChart, RatingTrendChart, ResponseTimesChart } from './dashboard-charts';
import { duration, mondayOf, percent } from './dashboard-format';
import { dashboardMetricsQuery, dashboardUnmatchedQuery, dashboardWeekQuery } from './dashboard-operations';
import { useLiveRefresh } from './use-live-refresh';

type Period = 'today' | 'week';

/** One figure in a card: its name as the heading, the number, and a line that explains it. */
function Figure({ title, value, detail, testId, href }: { title: string; value: string; detail?: ReactNode; testId: string; href?: string }) {
  const headingId = useId();
  return (
    <section className="card dashboard-figure" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId} className="dashboard-figure__title">
        {href ? <a href={href}>{title}</a> : title}
      </h3>
      <p className="dashboard-figure__value">{value}</p>
      {detail && <p className="muted dashboard-figure__detail">{detail}</p>}
    </section>
  );
}

/** Whether anyone has seen the open alerts. */
function alertsDetail(alerts: readonly AlertFieldsFragment[]): string {
  if (alerts.length === 0) return 'Nothing needs attention';
  const unseen = alerts.filter((alert) => !alert.acknowledgedAt).length;
  return unseen === 0 ? 'All seen by staff' : `${unseen} not yet seen`;
}

/** "4 s median, 9 s p90", or that there were none. */
function answerTimes(figure: DashboardFiguresFragment['aiResponse']): string {
  if (figure.replies === 0) return 'no answers';
  return `${duration(figure.medianSeconds)} median, ${duration(figure.p90Seconds)} p90`;
}

function PeriodFigures({ figures }: { figures: DashboardFiguresFragment }) {
  const { aiResponse: ai, staffResponse: staff } = figures;
  const answers = ai.replies + staff.replies;
  return (
    <div className="dashboard-grid">
      <Figure testId="figure-bookings" title="Bookings" value={String(figures.inquiries)} detail={`${figures.convertedInquiries} confirmed`} />
      <Figure testId="figure-revenue" title="Revenue" value={dollars(figures.revenueCents)} detail="Booked value of confirmed bookings" />
      <Figure testId="figure-deposits" title="Deposits received" value={dollars(figures.depositsCents)} detail="Card and bank, when the money came in" />
      <Figure
        testId="figure-conversion"
        title="Conversion"
        value={percent(figures.conversionRate)}
        detail={`${figures.convertedInquiries} of ${figures.inquiries} inquiries became bookings`}
      />
      <Figure
        testId="figure-ai-share"
        title="Assistant’s share of answers"
        value={percent(answers > 0 ? ai.replies / answers : null)}
        detail={
          <>
            <span className="dashboard-figure__line">Assistant: {answerTimes(ai)}</span>
            <span className="dashboard-figure__line">Staff: {answerTimes(staff)}</span>
          </>
        }
      />
      <Figure
        testId="figure-reviews"
        title="Reviews"
        value={String(figures.reviews)}
        detail={figures.averageRating === null ? 'No rating yet' : `${figures.averageRating.toFixed(1)} stars on average`}
      />
    </div>
  );
}

/** Escalations nobody has picked up yet, from the queue the console keeps live on every page. */
function EscalationsWaiting({ now }: { now: number }) {
  const { data, error, refetch } = useQuery(escalationsQuery, { variables: ESCALATIONS_VARIABLES });
  if (error) return <LoadFailed what="the escalations" error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading what="the escalations" />;
  const waiting = data.escalations.edges.map((edge) => edge.node).filter(isWaiting);
  const oldest = waiting.reduce<string | null>((first, escalation) => (first === null || escalation.createdAt < first ? escalation.createdAt : first), null);
  return (
    <Figure
      testId="figure-escalations-waiting"
      href="#/escalations"
      title="Escalations waiting"
      value={String(waiting.length)}
      detail={oldest ? `Oldest raised ${timeAgo(oldest, now)}` : 'Nobody is waiting for a person'}
    />
  );
}

/** Bank credits nobody has matched to a booking yet. */
function UnmatchedPayments({ staleCount, staleDays }: { staleCount: number | null; staleDays: number | null }) {
  // Read again with the figures (see DashboardPage): the same query, so the same cache entry.
  const { data, error, refetch } = useQuery(dashboardUnmatchedQuery, { fetchPolicy: 'cache-and-network' });
  if (error) return <LoadFailed what="the unmatched payments" error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading what="the unmatched payments" />;
  const credits = data.unmatchedTransactions.edges.map((edge) => edge.node);
  const total = data.unmatchedTransactions.totalCount;
  const amount = credits.reduce((sum, credit) => sum + credit.amountCents, 0);
  const oldest = credits.reduce<string | null>((first, credit) => (first === null || credit.postedOn < first ? credit.postedOn : first), null);
  const parts = [
    total === 0 ? 'Every credit is matched' : `${dollars(amount)}${total > credits.length ? ` in the latest ${credits.length}` : ''}`,
    oldest && `oldest posted ${new Date(`${oldest}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })}`,
    staleCount ? `${staleCount} waiting over ${staleDays} days` : null,
  ].filter(Boolean);
  return <Figure testId="figure-unmatched" href="#/payments" title="Unmatched payments" value={String(total)} detail={parts.join(' · ')} />;
}

/**
 * The owner's dashboard: today's or this week's figures, what needs a person now, and the last
 * 30 days in charts. Everything comes from the metrics query (figures computed in SQL by each
 * module) and the live queues; events from any console or channel read the figures again, at
 * most every few seconds, and nothing is read while nothing happens.
 */
export function DashboardPage() {
  const headingId = useId();
  const now = useNow(30_000);
  const [period, setPeriod] = useState<Period>('today');
  const metrics = useQuery(dashboardMetricsQuery, { fetchPolicy: 'cache-and-network' });
  const today = metrics.data?.today.to;
  const week = useQuery(dashboardWeekQuery, today ? { variables: { from: mondayOf(today), to: today }, fetchPolicy: 'cache-and-network' } : skipToken);
  const { alerts } = useOpenAlerts();
  const client = useApolloClient();

  useLiveRefresh(() => {
    void metrics.refetch().catch(() => undefined);
    if (today) void week.refetch().catch(() => undefined);
    void client.refetchQueries({ include: [dashboardUnmatchedQuery] }).catch(() => undefined);
  });

  const shown = period === 'today' ? metrics.data?.today : week.data?.metrics;
  const shownError = period === 'today' ? metrics.error : (metrics.error ?? week.error);
  const month = metrics.data?.month;

  return (
    <section className="page dashboard" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Dashboard</h1>
          <p className="muted">
            The business at a glance{metrics.data ? `, in ${metrics.data.today.timeZone.replaceAll('_', ' ')} time` : ''}. Figures update as bookings, payments, escalations, reviews and alerts come in.
          </p>
        </div>
      </header>

      <section aria-labelledby={`${headingId}-period`} className="dashboard-section">
        <div className="dashboard-section__header">
          <h2 id={`${headingId}-period`}>{period === 'today' ? 'Today' : 'This week'}</h2>
          <div className="segmented dashboard-period" role="group" aria-label="Period">
            <button type="button" aria-pressed={period === 'today'} onClick={() => setPeriod('today')}>
              Today
            </button>
            <button type="button" aria-pressed={period === 'week'} onClick={() => setPeriod('week')}>
              This week
            </button>
          </div>
        </div>
        {shownError ? (
          <LoadFailed
            what="the figures"
            error={shownError}
            onRetry={() => {
              void metrics.refetch().catch(() => undefined);
              if (today) void week.refetch().catch(() => undefined);
            }}
          />
        ) : !shown ? (
          <Loading what="the figures" />
        ) : (
          <>
            {period === 'week' && (
              <p className="muted dashboard-section__range">
                From Monday {new Date(`${shown.from}T00:00:00Z`).toLocaleDateString(undefined, { month: 'long', day: 'numeric', timeZone: 'UTC' })} to today
              </p>
            )}
            <PeriodFigures figures={shown} />
          </>
        )}
      </section>

      <section aria-labelledby={`${headingId}-now`} className="dashboard-section">
        <h2 id={`${headingId}-now`}>Needs a person now</h2>
        <div className="dashboard-grid">
          <EscalationsWaiting now={now} />
          <UnmatchedPayments staleCount={month?.unmatchedPayments.count ?? null} staleDays={month?.unmatchedPayments.olderThanDays ?? null} />
          <Figure testId="figure-open-alerts" href="#/alerts" title="Open alerts" value={String(alerts.length)} detail={alertsDetail(alerts)} />
        </div>
        {alerts.length > 0 && (
          <ul className="card-list dashboard-alerts" aria-label="Open alerts">
            {alerts.map((alert) => (
              <AlertItem key={alert.id} alert={alert} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${headingId}-charts`} className="dashboard-section">
        <h2 id={`${headingId}-charts`}>Last 30 days</h2>
        {metrics.error ? (
          <LoadFailed what="the charts" error={metrics.error} onRetry={() => void metrics.refetch().catch(() => undefined)} />
        ) : !month ? (
          <Loading what="the charts" />
        ) : (
          <div className="dashboard-charts">
            <BookingsPerDayChart daily={month.daily} />
            <ChannelsChart channels={month.channels} />
            <RatingTrendChart daily={month.daily} reviews={month.reviews} averageRating={month.averageRating} />
            <ResponseTimesChart ai={month.aiResponse} staff={month.staffResponse} />
          </div>
        )}
      </section>
    </section>
  );
}

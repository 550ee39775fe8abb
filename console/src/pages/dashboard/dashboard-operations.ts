import { graphql } from '../../graphql/generated';

export const dashboardFiguresFragment = graphql(`
  fragment DashboardFigures on Metrics {
    from
    to
    timeZone
    inquiries
    convertedInquiries
    conversionRate
    revenueCents
    depositsCents
    conversations
    aiAnsweredConversations
    escalatedConversations
    aiResponse {
      responder
      replies
      medianSeconds
      p90Seconds
    }
    staffResponse {
      responder
      replies
      medianSeconds
      p90Seconds
    }
    reviews
    averageRating
    channels {
      channel
      bookings
      confirmed
      revenueCents
    }
  }
`);

/**
 * Today and the last 30 days (the charts' series), both ending today in the business time zone;
 * the answer says which day today is there, so the week can start on its Monday.
 */
export const dashboardMetricsQuery = graphql(`
  query DashboardMetrics {
    today: metrics(days: 1) {
      ...DashboardFigures
    }
    month: metrics(days: 30) {
      ...DashboardFigures
      daily {
        date
        bookings
        confirmed
        revenueCents
        reviews
        averageRating
      }
      unmatchedPayments {
        count
        amountCents
        olderThanDays
      }
    }
  }
`);

/** The week so far: Monday to today. */
export const dashboardWeekQuery = graphql(`
  query DashboardWeek($from: String!, $to: String!) {
    metrics(from: $from, to: $to) {
      ...DashboardFigures
    }
  }
`);

/** The bank credits waiting for a person: how many, how much, since when. */
export const dashboardUnmatchedQuery = graphql(`
  query DashboardUnmatched {
    unmatchedTransactions(first: 100) {
      totalCount
      edges {
        node {
          id
          amountCents
          postedOn
        }
      }
    }
  }
`);

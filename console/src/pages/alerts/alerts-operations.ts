import { graphql } from '../../graphql/generated';

export const alertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    kind
    subjectId
    message
    raisedAt
    resolvedAt
  }
`);

export const openAlertsQuery = graphql(`
  query OpenAlerts {
    alerts(open: true, first: 100) {
      totalCount
      edges {
        node {
          ...AlertFields
        }
      }
    }
  }
`);

export const closedAlertsQuery = graphql(`
  query ClosedAlerts {
    alerts(open: false, first: 20) {
      edges {
        node {
          ...AlertFields
        }
      }
    }
  }
`);

export const alertRaisedSubscription = graphql(`
  subscription AlertRaised {
    alertRaised {
      ...AlertFields
    }
  }
`);

export const alertResolvedSubscription = graphql(`
  subscription AlertResolved {
    alertResolved {
      ...AlertFields
    }
  }
`);

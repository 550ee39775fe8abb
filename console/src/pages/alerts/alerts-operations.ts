import { graphql } from '../../graphql/generated';

export const alertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    kind
    subjectId
    message
    raisedAt
    resolvedAt
    acknowledgedAt
    acknowledgedBy {
      id
      displayName
    }
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

export const acknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      alert {
        ...AlertFields
      }
      userErrors {
        field
        message
      }
    }
  }
`);

export const alertAcknowledgedSubscription = graphql(`
  subscription AlertAcknowledged {
    alertAcknowledged {
      ...AlertFields
    }
  }
`);

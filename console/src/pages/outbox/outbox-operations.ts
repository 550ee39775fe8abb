import { graphql } from '../../graphql/generated';

export const outboxQuery = graphql(`
  query Outbox {
    emailUsesOutbox
    emails(first: 50) {
      totalCount
      edges {
        node {
          id
          kind
          to
          from
          subject
          text
          status
          attempts
          lastError
          sentAt
          createdAt
          attachmentList {
            filename
            size
          }
        }
      }
    }
  }
`);

export const sendWeeklyReportsMutation = graphql(`
  mutation SendWeeklyReports($input: SendWeeklyReportsInput) {
    sendWeeklyReports(input: $input) {
      queued
      emails {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

import { graphql } from './generated';

/* Payments: the review queue, unmatched credits, matching by hand, the weekly report, statement uploads and a booking's payments. */

export const paymentMatchFieldsFragment = graphql(`
  fragment PaymentMatchFields on PaymentMatch {
    id
    status
    type
    confidence
    reason
    origin
    bookingReference
    createdAt
    booking {
      id
      eventDate
      status
      customer {
        id
        name
        phone
      }
      price {
        totalCents
        depositCents
        paidCents
        balanceCents
      }
    }
  }
`);

export const bankTransactionFieldsFragment = graphql(`
  fragment BankTransactionFields on BankTransaction {
    id
    amountCents
    postedOn
    description
    source
  }
`);

export const paymentReviewQuery = graphql(`
  query PaymentReview {
    paymentMatches(status: SUGGESTED, first: 100) {
      totalCount
      edges {
        node {
          ...PaymentMatchFields
          bankTransaction {
            ...BankTransactionFields
          }
        }
      }
    }
    unmatchedTransactions(first: 100) {
      totalCount
      edges {
        node {
          ...BankTransactionFields
          suggestions {
            id
          }
        }
      }
    }
  }
`);

export const verifyPaymentMatchMutation = graphql(`
  mutation VerifyPaymentMatch($id: ID!) {
    verifyPaymentMatch(input: { id: $id }) {
      paymentMatch {
        id
        status
        bookingReference
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const rejectPaymentMatchMutation = graphql(`
  mutation RejectPaymentMatch($id: ID!) {
    rejectPaymentMatch(input: { id: $id }) {
      paymentMatch {
        id
        status
        bookingReference
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const matchPaymentMutation = graphql(`
  mutation MatchPayment($input: MatchPaymentInput!) {
    matchPayment(input: $input) {
      paymentMatch {
        id
        status
        bookingReference
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const bookingsToMatchQuery = graphql(`
  query BookingsToMatch($search: String) {
    bookings(first: 8, search: $search) {
      edges {
        node {
          id
          eventDate
          status
          customer {
            id
            name
            phone
          }
          price {
            totalCents
            paidCents
            balanceCents
          }
        }
      }
    }
  }
`);

export const uploadBankStatementMutation = graphql(`
  mutation UploadBankStatement($input: UploadBankStatementInput!) {
    uploadBankStatement(input: $input) {
      format
      lines
      added
      credits
      applied
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const rematchUnmatchedMutation = graphql(`
  mutation RematchUnmatched {
    rematchUnmatchedTransactions {
      examined
      applied
      suggested
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const reconciliationReportQuery = graphql(`
  query ReconciliationReport($weekOf: String!) {
    reconciliationReport(weekOf: $weekOf) {
      weekStart
      weekEnd
      creditCents
      matchedCents
      unmatchedCents
      csvPath
      lines {
        state
        bookingReference
        explanation
        transaction {
          ...BankTransactionFields
        }
        match {
          id
          booking {
            id
          }
        }
      }
    }
  }
`);

export const unmatchedPaymentAddedSubscription = graphql(`
  subscription UnmatchedPaymentAdded {
    unmatchedPaymentAdded {
      id
    }
  }
`);

export const paymentMatchedSubscription = graphql(`
  subscription PaymentMatched {
    paymentMatched {
      id
    }
  }
`);

export const bookingPaymentsQuery = graphql(`
  query BookingPayments($id: ID!) {
    booking(id: $id) {
      id
      payments {
        id
        source
        kind
        amountCents
        externalId
        occurredAt
      }
    }
  }
`);

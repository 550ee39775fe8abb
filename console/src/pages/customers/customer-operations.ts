import { graphql } from '../../graphql/generated';

/* Customers: the panel beside a thread, the customer page, renaming, merging and the live updates. */

/** What every view of a customer shows: kept current by customerUpdated events. */
export const customerNameFieldsFragment = graphql(`
  fragment CustomerNameFields on Customer {
    id
    name
    phone
    email
    mergedIntoId
  }
`);

export const customerPanelFieldsFragment = graphql(`
  fragment CustomerPanelFields on Customer {
    ...CustomerNameFields
    createdAt
    mergedAt
    mergedInto {
      ...CustomerNameFields
    }
    identities {
      id
      kind
      display
      createdAt
    }
    conversations {
      id
      channel
      stage
      lastMessageAt
      lastMessage {
        id
        text
        author
        createdAt
      }
    }
    bookings {
      id
      status
      eventDate
      startTime
      adults
      kids
    }
    merges {
      id
      mergedCustomerId
      mergedName
      mergedPhone
      mergedEmail
      mergedAt
      byApiKey
      mergedBy {
        id
        displayName
      }
      movedIdentities {
        kind
        display
      }
      movedConversationIds
      movedBookingIds
      filledFields
    }
  }
`);

export const customerPanelQuery = graphql(`
  query CustomerPanel($id: ID!) {
    customer(id: $id) {
      ...CustomerPanelFields
    }
  }
`);

export const updateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer {
        ...CustomerNameFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const mergeCustomersMutation = graphql(`
  mutation MergeCustomers($input: MergeCustomersInput!) {
    mergeCustomers(input: $input) {
      customer {
        ...CustomerPanelFields
      }
      merge {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const customerUpdatedSubscription = graphql(`
  subscription CustomerUpdated {
    customerUpdated {
      customer {
        ...CustomerNameFields
      }
      conversationIds
      mergedCustomers {
        ...CustomerNameFields
      }
    }
  }
`);

import { graphql } from './generated';

/* The bank feed page: Plaid connections, Link tokens, and "Sync now". */

export const bankConnectionFieldsFragment = graphql(`
  fragment BankConnectionFields on BankConnection {
    id
    institutionName
    status
    statusMessage
    lastSyncedAt
    lastSyncError
    lastSync {
      added
      modified
      removed
    }
    accounts {
      id
      name
      mask
      type
      subtype
    }
  }
`);

export const bankFeedQuery = graphql(`
  query BankFeed {
    bankFeed {
      plaidConfigured
      plaidEnvironment
      connections {
        ...BankConnectionFields
      }
    }
  }
`);

export const createPlaidLinkTokenMutation = graphql(`
  mutation CreatePlaidLinkToken($connectionId: ID) {
    createPlaidLinkToken(connectionId: $connectionId) {
      linkToken
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const exchangePlaidPublicTokenMutation = graphql(`
  mutation ExchangePlaidPublicToken($publicToken: String!) {
    exchangePlaidPublicToken(publicToken: $publicToken) {
      connection {
        ...BankConnectionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const syncBankTransactionsMutation = graphql(`
  mutation SyncBankTransactions($connectionId: ID!) {
    syncBankTransactions(connectionId: $connectionId) {
      connection {
        ...BankConnectionFields
      }
      synced {
        added
        modified
        removed
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

import { graphql } from './generated';

/**
 * Every operation the console sends. `pnpm codegen` reads these (and schema/schema.graphql)
 * and writes typed documents to ./generated, so results and variables are checked by tsc.
 */

export const userErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

export const staffUserFieldsFragment = graphql(`
  fragment StaffUserFields on StaffUser {
    id
    email
    displayName
    role
  }
`);

/** Every field the extensions table and forms show; the subscription asks for the same. */
export const extensionFieldsFragment = graphql(`
  fragment ExtensionFields on Extension {
    id
    number
    employeeName
    role
    phone
    status
    availableNow
    isPrimaryEscalation
    staffUserId
    workingHours {
      day
      start
      end
    }
    updatedAt
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      ...StaffUserFields
    }
  }
`);

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      staffUser {
        ...StaffUserFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const extensionsQuery = graphql(`
  query Extensions($first: Int!) {
    extensions(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...ExtensionFields
        }
      }
    }
  }
`);

export const createExtensionMutation = graphql(`
  mutation CreateExtension($input: CreateExtensionInput!) {
    createExtension(input: $input) {
      extension {
        ...ExtensionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateExtensionMutation = graphql(`
  mutation UpdateExtension($input: UpdateExtensionInput!) {
    updateExtension(input: $input) {
      extension {
        ...ExtensionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const deleteExtensionMutation = graphql(`
  mutation DeleteExtension($id: ID!) {
    deleteExtension(id: $id) {
      deletedExtensionId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setExtensionStatusMutation = graphql(`
  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {
    setExtensionStatus(id: $id, status: $status) {
      extension {
        ...ExtensionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setPrimaryEscalationExtensionMutation = graphql(`
  mutation SetPrimaryEscalationExtension($id: ID!) {
    setPrimaryEscalationExtension(id: $id) {
      extension {
        ...ExtensionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const extensionUpdatedSubscription = graphql(`
  subscription ExtensionUpdated {
    extensionUpdated {
      change
      occurredAt
      extension {
        ...ExtensionFields
      }
    }
  }
`);

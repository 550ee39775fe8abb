import { graphql } from '../../graphql/generated';

/** What the Staff page shows of a person. */
export const staffMemberFieldsFragment = graphql(`
  fragment StaffMemberFields on StaffUser {
    id
    email
    displayName
    role
    hasPassword
    deactivatedAt
    extension {
      id
      number
      employeeName
      status
      staffUserId
    }
  }
`);

export const staffUsersQuery = graphql(`
  query StaffUsers($first: Int!) {
    staffUsers(first: $first) {
      totalCount
      edges {
        node {
          ...StaffMemberFields
        }
      }
    }
  }
`);

export const createStaffUserMutation = graphql(`
  mutation CreateStaffUser($input: CreateStaffUserInput!) {
    createStaffUser(input: $input) {
      staffUser {
        ...StaffMemberFields
      }
      passwordLink {
        path
        expiresAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateStaffUserMutation = graphql(`
  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {
    updateStaffUser(input: $input) {
      staffUser {
        ...StaffMemberFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setStaffUserActiveMutation = graphql(`
  mutation SetStaffUserActive($id: ID!, $active: Boolean!) {
    setStaffUserActive(id: $id, active: $active) {
      staffUser {
        ...StaffMemberFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const createStaffPasswordLinkMutation = graphql(`
  mutation CreateStaffPasswordLink($id: ID!) {
    createStaffPasswordLink(id: $id) {
      passwordLink {
        path
        expiresAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setPasswordWithLinkMutation = graphql(`
  mutation SetPasswordWithLink($input: SetPasswordWithLinkInput!) {
    setPasswordWithLink(input: $input) {
      email
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The signed-in person's extension, for the away toggle in the top bar. */
export const myPresenceQuery = graphql(`
  query MyPresence {
    me {
      id
      extension {
        id
        number
        status
      }
    }
  }
`);

export const setAwayMutation = graphql(`
  mutation SetAway($away: Boolean!) {
    setAway(away: $away) {
      extension {
        id
        number
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

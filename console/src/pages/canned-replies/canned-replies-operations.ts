import { graphql } from '../../graphql/generated';

/** The admin page's operations for canned replies (the list itself is cannedRepliesQuery). */

export const cannedReplyPlaceholdersQuery = graphql(`
  query CannedReplyPlaceholders {
    cannedReplyPlaceholders {
      token
      description
    }
  }
`);

export const createCannedReplyMutation = graphql(`
  mutation CreateCannedReply($input: CannedReplyInput!) {
    createCannedReply(input: $input) {
      cannedReply {
        ...CannedReplyFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const updateCannedReplyMutation = graphql(`
  mutation UpdateCannedReply($id: ID!, $input: CannedReplyInput!) {
    updateCannedReply(id: $id, input: $input) {
      cannedReply {
        ...CannedReplyFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const deleteCannedReplyMutation = graphql(`
  mutation DeleteCannedReply($id: ID!) {
    deleteCannedReply(id: $id) {
      deletedCannedReplyId
      userErrors {
        field
        message
        code
      }
    }
  }
`);

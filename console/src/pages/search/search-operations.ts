import { graphql } from '../../graphql/generated';

/** The search page (and the merge picker): customers, threads and messages, grouped. */
export const searchQuery = graphql(`
  query Search($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      query
      customers {
        ...CustomerNameFields
        identities {
          id
          kind
          display
        }
      }
      conversations {
        id
        channel
        stage
        lastMessageAt
        customer {
          ...CustomerNameFields
        }
        lastMessage {
          id
          text
          author
        }
      }
      messages {
        snippet
        message {
          id
          author
          createdAt
        }
        conversation {
          id
          channel
          customer {
            ...CustomerNameFields
          }
        }
      }
    }
  }
`);

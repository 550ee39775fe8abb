import { graphql } from './generated';

/* The live inbox: unread counts, read markers, every thread's new messages, and catching a thread up. */

/** What a thread shows of its unread state and its customer's newest words, wherever it is listed. */
export const conversationInboxFieldsFragment = graphql(`
  fragment ConversationInboxFields on Conversation {
    unreadCount
    lastCustomerMessage {
      id
      text
      createdAt
    }
  }
`);

/**
 * A thread as a new message in it leaves it: what the lists show. Nothing in it depends on who
 * asks, so one rendering serves every console; the console counts the message as unread itself.
 */
export const conversationActivityFieldsFragment = graphql(`
  fragment ConversationActivityFields on Conversation {
    ...ConversationSummaryFields
    lastCustomerMessage {
      id
      text
      createdAt
    }
  }
`);

export const unreadInHeldThreadsQuery = graphql(`
  query UnreadInHeldThreads {
    unreadInHeldThreads
  }
`);

/** The messages after the last one a view holds: how a thread catches up after being away or offline. */
export const conversationMessagesAfterQuery = graphql(`
  query ConversationMessagesAfter($id: ID!, $afterMessage: ID!, $after: String) {
    conversation(id: $id) {
      id
      messages(first: 100, afterMessage: $afterMessage, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...MessageFields
          }
        }
      }
    }
  }
`);

export const markConversationReadMutation = graphql(`
  mutation MarkConversationRead($conversationId: ID!, $upToMessageId: ID) {
    markConversationRead(conversationId: $conversationId, upToMessageId: $upToMessageId) {
      conversation {
        id
        unreadCount
      }
      userErrors {
        message
      }
    }
  }
`);

export const conversationActivitySubscription = graphql(`
  subscription ConversationActivity {
    conversationActivity {
      conversationId
      message {
        ...MessageFields
      }
      conversation {
        ...ConversationActivityFields
      }
    }
  }
`);

export const conversationReadSubscription = graphql(`
  subscription ConversationRead {
    conversationRead {
      conversationId
      unreadInHeldThreads
      conversation {
        id
        unreadCount
      }
    }
  }
`);

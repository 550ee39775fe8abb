import { graphql } from '../../graphql/generated';

/** The thread's tools for staff: canned replies, private notes and typing indicators. */

export const cannedReplyFieldsFragment = graphql(`
  fragment CannedReplyFields on CannedReply {
    id
    shortcut
    title
    body
    updatedAt
  }
`);

export const cannedRepliesQuery = graphql(`
  query CannedReplies {
    cannedReplies {
      ...CannedReplyFields
    }
  }
`);

export const fillCannedReplyQuery = graphql(`
  query FillCannedReply($cannedReplyId: ID!, $conversationId: ID!) {
    fillCannedReply(cannedReplyId: $cannedReplyId, conversationId: $conversationId) {
      text
      unfilled
    }
  }
`);

export const noteFieldsFragment = graphql(`
  fragment NoteFields on ConversationNote {
    id
    text
    createdAt
    author {
      id
      displayName
    }
  }
`);

export const conversationNotesQuery = graphql(`
  query ConversationNotes($id: ID!) {
    conversation(id: $id) {
      id
      notes {
        ...NoteFields
      }
    }
  }
`);

export const conversationNoteAddedSubscription = graphql(`
  subscription ConversationNoteAdded($conversationId: ID!) {
    conversationNoteAdded(conversationId: $conversationId) {
      ...NoteFields
    }
  }
`);

export const addConversationNoteMutation = graphql(`
  mutation AddConversationNote($conversationId: ID!, $text: String!) {
    addConversationNote(conversationId: $conversationId, text: $text) {
      note {
        ...NoteFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const conversationTypingSubscription = graphql(`
  subscription ConversationTyping($conversationId: ID!) {
    conversationTyping(conversationId: $conversationId) {
      conversationId
      typing
      expiresInSeconds
    }
  }
`);

export const setStaffTypingMutation = graphql(`
  mutation SetStaffTyping($conversationId: ID!, $typing: Boolean!) {
    setStaffTyping(conversationId: $conversationId, typing: $typing) {
      ok
      userErrors {
        code
      }
    }
  }
`);

import { graphql } from '../graphql/generated';

/** The customer web chat's operations: public, keyed by the anonymous session token. */

export const chatMessageFieldsFragment = graphql(`
  fragment ChatMessageFields on Message {
    id
    author
    senderName
    text
    createdAt
  }
`);

export const startWebChatSessionMutation = graphql(`
  mutation StartWebChatSession {
    startWebChatSession {
      sessionToken
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const sendWebChatMessageMutation = graphql(`
  mutation SendWebChatMessage($sessionToken: String!, $text: String!) {
    sendWebChatMessage(sessionToken: $sessionToken, text: $text) {
      message {
        ...ChatMessageFields
      }
      reply {
        ...ChatMessageFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const webChatReplySubscription = graphql(`
  subscription WebChatReply($sessionToken: String!) {
    webChatReply(sessionToken: $sessionToken) {
      ...ChatMessageFields
    }
  }
`);

export const webChatHistoryQuery = graphql(`
  query WebChatHistory($sessionToken: String!) {
    webChatHistory(sessionToken: $sessionToken) {
      ...ChatMessageFields
    }
  }
`);

export const webChatWelcomeQuery = graphql(`
  query WebChatWelcome {
    webChatWelcome {
      businessName
      open
      opensAt
      afterHoursNotice
    }
  }
`);

export const setWebChatTypingMutation = graphql(`
  mutation SetWebChatTyping($sessionToken: String!, $typing: Boolean!) {
    setWebChatTyping(sessionToken: $sessionToken, typing: $typing) {
      ok
    }
  }
`);

export const webChatTypingSubscription = graphql(`
  subscription WebChatTyping($sessionToken: String!) {
    webChatTyping(sessionToken: $sessionToken) {
      typing
      name
      expiresInSeconds
    }
  }
`);

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { graphqlHttpUrl, graphqlWebSocketUrl } from '../app/api-urls';
import type { ChatMessageFieldsFragment } from '../graphql/generated/graphql';
import type { WebChatTypingSubscription, WebChatWelcomeQuery } from '../graphql/generated/graphql';
import {
  sendWebChatMessageMutation,
  setWebChatTypingMutation,
  startWebChatSessionMutation,
  webChatHistoryQuery,
  webChatReplySubscription,
  webChatTypingSubscription,
  webChatWelcomeQuery,
} from './operations';

/**
 * The customer side of the web chat, with no login and no Apollo: public mutations and the
 * chat's history over HTTP and the `webChatReply` subscription over graphql-ws, all keyed by
 * the session token the server hands out.
 */

export class ChatError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  let response: Response;
  try {
    response = await fetch(graphqlHttpUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new ChatError('We could not reach the chat. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => null)) as { data?: Result; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  const error = body?.errors?.[0];
  if (error?.extensions?.code === 'RATE_LIMITED' || response.status === 429) {
    throw new ChatError('You are sending messages very quickly. Please wait a moment and try again.', 'RATE_LIMITED');
  }
  if (error || !body?.data) throw new ChatError('Something went wrong on our side. Please try again in a moment.');
  return body.data;
}

export async function startSession(): Promise<string> {
  const { startWebChatSession } = await request(startWebChatSessionMutation, {});
  const [failure] = startWebChatSession.userErrors;
  if (failure || !startWebChatSession.sessionToken) throw new ChatError(failure?.message ?? 'We could not start a chat. Please try again.');
  return startWebChatSession.sessionToken;
}

export interface Sent {
  message: ChatMessageFieldsFragment;
  reply: ChatMessageFieldsFragment | null;
}

export async function sendMessage(sessionToken: string, text: string): Promise<Sent> {
  const { sendWebChatMessage } = await request(sendWebChatMessageMutation, { sessionToken, text });
  const [failure] = sendWebChatMessage.userErrors;
  if (failure || !sendWebChatMessage.message) throw new ChatError(failure?.message ?? 'Your message was not sent. Please try again.', failure?.code);
  return { message: sendWebChatMessage.message, reply: sendWebChatMessage.reply };
}

/** The chat so far, from the server: replies written while this window was closed or offline included. */
export async function loadHistory(sessionToken: string): Promise<ChatMessageFieldsFragment[]> {
  const { webChatHistory } = await request(webChatHistoryQuery, { sessionToken });
  return webChatHistory;
}

export type Welcome = WebChatWelcomeQuery['webChatWelcome'];

/** The business name, and whether someone is there now (else when they will be). */
export async function loadWelcome(): Promise<Welcome> {
  return (await request(webChatWelcomeQuery, {})).webChatWelcome;
}

/** Tells the team the customer started or stopped typing; only a hint, so failures are ignored. */
export function sendTyping(sessionToken: string, typing: boolean): void {
  void request(setWebChatTypingMutation, { sessionToken, typing }).catch(() => undefined);
}

export type TeamTyping = WebChatTypingSubscription['webChatTyping'];

export type ReplyStatus = 'connecting' | 'connected' | 'reconnecting';

/** Replies from the assistant and staff, pushed as they are written. Returns a function that stops listening. */
export function listenForReplies(params: {
  sessionToken: string;
  onReply: (message: ChatMessageFieldsFragment) => void;
  onTyping: (typing: TeamTyping) => void;
  onStatus: (status: ReplyStatus) => void;
}): () => void {
  const client: Client = createClient({
    url: graphqlWebSocketUrl(),
    connectionParams: { webChatSession: params.sessionToken },
    retryAttempts: Infinity,
    // 4403: the server does not know this session; the next message starts a new one.
    shouldRetry: (event) => !(typeof event === 'object' && event !== null && 'code' in event && event.code === 4403),
    keepAlive: 15_000,
    on: {
      connecting: (isRetry) => params.onStatus(isRetry ? 'reconnecting' : 'connecting'),
      connected: () => params.onStatus('connected'),
      closed: () => params.onStatus('reconnecting'),
    },
  });
  const stop = client.subscribe<{ webChatReply: ChatMessageFieldsFragment }>(
    { query: print(webChatReplySubscription), variables: { sessionToken: params.sessionToken } },
    {
      next: (result) => {
        if (result.data?.webChatReply) params.onReply(result.data.webChatReply);
      },
      error: () => params.onStatus('reconnecting'),
      complete: () => undefined,
    },
  );
  // Someone on the team typing: on the same socket, nothing to catch up on a reconnection.
  const stopTyping = client.subscribe<{ webChatTyping: TeamTyping }>(
    { query: print(webChatTypingSubscription), variables: { sessionToken: params.sessionToken } },
    {
      next: (result) => {
        if (result.data?.webChatTyping) params.onTyping(result.data.webChatTyping);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return () => {
    stop();
    stopTyping();
    void client.dispose();
  };
}

import type { ApolloClient } from '@apollo/client';
import { conversationMessagesAfterQuery } from '../../graphql/inbox-operations';
import { conversationQuery } from '../../graphql/operations';
import { appendMessage } from './conversation-cache';

/**
 * Brings a cached thread up to date from the API: the messages after the newest one it holds,
 * page by page, each joined to the thread once. A thread not cached yet is left alone (its page
 * fetches it whole). Safe to run at any time: what is already shown is never shown twice.
 */
export async function catchUpThread(client: ApolloClient, conversationId: string): Promise<void> {
  const cached = client.cache.readQuery({ query: conversationQuery, variables: { id: conversationId } });
  const edges = cached?.conversation?.messages.edges;
  if (!edges?.length) return;
  const newest = edges.reduce((last, edge) => (edge.node.createdAt >= last.node.createdAt ? edge : last)).node;
  let after: string | undefined;
  for (;;) {
    const { data } = await client.query({
      query: conversationMessagesAfterQuery,
      variables: { id: conversationId, afterMessage: newest.id, after },
      fetchPolicy: 'no-cache',
    });
    const page = data?.conversation?.messages;
    if (!page) return;
    for (const edge of page.edges) appendMessage(client.cache, conversationId, edge.node);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

import type { ApolloCache, FieldFunctionOptions, Reference } from '@apollo/client';
import type { MessageFieldsFragment } from '../../graphql/generated/graphql';
import { messageFieldsFragment } from '../../graphql/operations';

interface MessageEdgeRef {
  __typename: 'MessageEdge';
  cursor: string;
  node: Reference;
}
interface MessagePage {
  __typename: 'MessageConnection';
  totalCount: number;
  pageInfo: unknown;
  edges: MessageEdgeRef[];
}

function byCreatedAt(readField: FieldFunctionOptions['readField']) {
  const createdAt = (edge: MessageEdgeRef) => readField<string>('createdAt', edge.node) ?? '';
  return (a: MessageEdgeRef, b: MessageEdgeRef) => createdAt(a).localeCompare(createdAt(b));
}

/**
 * Type policy for Conversation.messages: the pages of one thread's history (and messages
 * that arrived live) are one list, oldest first, each message once. A refetch of the first
 * page after a reconnect adds what was missed without dropping what is shown.
 */
export function mergeMessagePages(existing: MessagePage | undefined, incoming: MessagePage, { readField }: FieldFunctionOptions): MessagePage {
  if (!existing) return incoming;
  const seen = new Set(existing.edges.map((edge) => readField<string>('id', edge.node)));
  const added = incoming.edges.filter((edge) => !seen.has(readField<string>('id', edge.node)));
  return { ...incoming, totalCount: Math.max(incoming.totalCount, existing.edges.length + added.length), edges: [...existing.edges, ...added].sort(byCreatedAt(readField)) };
}

/** A message that arrived on `conversationMessageAdded` (or as a mutation's result) joins its thread. */
export function appendMessage(cache: ApolloCache, conversationId: string, message: MessageFieldsFragment): void {
  const node = cache.writeFragment({ fragment: messageFieldsFragment, data: message });
  if (!node) return;
  cache.modify<{ messages: MessagePage; lastMessageAt: string }>({
    id: cache.identify({ __typename: 'Conversation', id: conversationId }),
    fields: {
      messages(existing, { readField }) {
        const page = existing as MessagePage | undefined;
        if (!page || page.edges.some((edge) => readField('id', edge.node) === message.id)) return existing;
        const edge: MessageEdgeRef = { __typename: 'MessageEdge', cursor: message.id, node };
        return { ...page, totalCount: page.totalCount + 1, edges: [...page.edges, edge].sort(byCreatedAt(readField)) } as typeof existing;
      },
      lastMessageAt: (existing) => (message.createdAt > existing ? message.createdAt : existing),
    },
  });
}

import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useCatchUpOnReconnect } from '../../app/catch-up';
import { conversationMessageAddedSubscription, conversationMessageUpdatedSubscription, conversationQuery, messageFieldsFragment } from '../../graphql/operations';
import { appendMessage } from './conversation-cache';
import { catchUpThread } from './thread-catch-up';

/**
 * One thread and its whole history, kept live: new messages join it and delivery statuses move as
 * they happen, and whatever arrived while it was closed or offline is caught up from the API.
 * The conversation page and a booking's page share it (and one cached copy).
 */
export function useLiveThread(conversationId: string, options: { fetchPolicy?: 'cache-first' | 'cache-and-network' } = {}) {
  const result = useQuery(conversationQuery, { variables: { id: conversationId }, ...(options.fetchPolicy ? { fetchPolicy: options.fetchPolicy } : {}) });
  const { data, fetchMore } = result;
  const messages = data?.conversation?.messages;

  useSubscription(conversationMessageAddedSubscription, {
    variables: { conversationId },
    fetchPolicy: 'no-cache',
    onData: ({ client, data: event }) => {
      const added = event.data?.conversationMessageAdded;
      if (added) appendMessage(client.cache, added.conversationId, added.message);
    },
  });
  useSubscription(conversationMessageUpdatedSubscription, {
    variables: { conversationId },
    fetchPolicy: 'no-cache',
    onData: ({ client, data: event }) => {
      const updated = event.data?.conversationMessageUpdated;
      if (updated) client.cache.writeFragment({ fragment: messageFieldsFragment, data: updated.message });
    },
  });

  // Opened again from the cache (after another page, back/forward): what arrived meanwhile is
  // fetched once, from the newest message held; and again after every reconnect.
  const client = useApolloClient();
  useEffect(() => {
    void catchUpThread(client, conversationId).catch(() => undefined);
  }, [client, conversationId]);
  useCatchUpOnReconnect(() => void catchUpThread(client, conversationId).catch(() => undefined));

  // The whole history: read on past the first page (rare: threads over 100 messages).
  const endCursor = messages?.pageInfo.hasNextPage ? messages.pageInfo.endCursor : null;
  const fetchingFrom = useRef<string | null>(null);
  useEffect(() => {
    if (!endCursor || fetchingFrom.current === endCursor) return;
    fetchingFrom.current = endCursor;
    void fetchMore({ variables: { messagesAfter: endCursor } }).catch(() => {
      fetchingFrom.current = null;
    });
  }, [endCursor, fetchMore]);

  return result;
}

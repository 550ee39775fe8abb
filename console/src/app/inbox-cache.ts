import type { ApolloCache } from '@apollo/client';
import type { ConversationActivitySubscription } from '../graphql/generated/graphql';
import { conversationActivityFieldsFragment, conversationInboxFieldsFragment, unreadInHeldThreadsQuery } from '../graphql/inbox-operations';
import { appendMessage } from '../pages/conversations/conversation-cache';

type Activity = ConversationActivitySubscription['conversationActivity'];

/**
 * A new message from `conversationActivity` in this console's cache: the thread as the lists
 * show it, the message in the thread, and the customer's message counted unread. The event is
 * the same for every console, so each counts for itself: the thread's count (an open thread's
 * too: being looked at, it is marked read and the server's answer clears it), and the held total
 * when the viewer holds the thread and is not looking at it. A query that read the thread after
 * the message (a reconnect's catch-up) counted it already, and so does nothing twice.
 * Answers whether the viewer should be alerted: a customer writing in a thread they hold, out of view.
 */
export function applyActivity(cache: ApolloCache, activity: Activity, viewer: { meId: string; inView: boolean }): { alert: boolean } {
  const { conversation, message } = activity;
  const threadId = cache.identify(conversation);
  const cached = cache.readFragment({ fragment: conversationInboxFieldsFragment, fragmentName: 'ConversationInboxFields', id: threadId });
  const counted = cached?.lastCustomerMessage?.id === message.id;
  cache.writeFragment({ fragment: conversationActivityFieldsFragment, fragmentName: 'ConversationActivityFields', data: conversation });
  appendMessage(cache, conversation.id, message);
  // The lists' preview of the thread is its newest message: this one (no read per console).
  cache.modify({ id: threadId, fields: { lastMessage: (_, { toReference }) => toReference({ __typename: 'Message', id: message.id }) } });
  if (message.author !== 'CUSTOMER') return { alert: false };
  const mine = conversation.heldBy?.id === viewer.meId;
  if (!counted) {
    cache.modify<{ unreadCount: number }>({ id: threadId, fields: { unreadCount: (count) => count + 1 } });
    if (mine && !viewer.inView) cache.updateQuery({ query: unreadInHeldThreadsQuery }, (held) => (held ? { unreadInHeldThreads: held.unreadInHeldThreads + 1 } : held));
  }
  return { alert: mine && !viewer.inView };
}

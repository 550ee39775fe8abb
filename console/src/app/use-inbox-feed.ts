import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect } from 'react';
import { conversationActivitySubscription, conversationReadSubscription, unreadInHeldThreadsQuery } from '../graphql/inbox-operations';
import { escalationUpdatedSubscription } from '../graphql/operations';
import { customerLabel } from '../components/labels';
import { isThreadInView } from '../pages/conversations/use-mark-thread-read';
import { playAlertChime } from './alert-sound';
import { desktopAlerts } from './desktop-alerts';
import { applyActivity } from './inbox-cache';
import { conversationHref } from './routes';

const BASE_TITLE = 'Hibachi staff console';

/**
 * Mounted once for the signed-in console, whatever page is open: every thread's new messages
 * (`conversationActivity`, one rendering shared by every console) keep each cached thread and the
 * lists current, so a thread opened again shows what arrived meanwhile, and the console counts a
 * customer's message unread itself; the exact counts come from queries (on load, on reconnect,
 * when a thread changes hands) and `conversationRead`, which also clears counts read in another
 * console of yours. A customer writing in a thread you hold chimes (unless you are
 * looking at it), shows a desktop notification while the tab is hidden, and counts in the
 * navigation and the tab title with the escalations waiting ("(3) Hibachi ...").
 */
export function useInboxFeed(params: { meId: string; waiting: number }): { unreadInHeldThreads: number } {
  const { meId, waiting } = params;
  const { data, refetch } = useQuery(unreadInHeldThreadsQuery);
  const unreadInHeldThreads = data?.unreadInHeldThreads ?? 0;

  useSubscription(conversationActivitySubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data: event }) => {
      const activity = event.data?.conversationActivity;
      if (!activity) return;
      const { conversation, message } = activity;
      if (!applyActivity(client.cache, activity, { meId, inView: isThreadInView(conversation.id) }).alert) return;
      playAlertChime();
      desktopAlerts.show({
        title: `New message from ${customerLabel(conversation.customer, conversation.channel)}`,
        body: message.text,
        tag: conversation.id,
        onClick: () => {
          window.location.hash = conversationHref(conversation.id);
        },
      });
    },
  });
  useSubscription(conversationReadSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data: event }) => {
      const read = event.data?.conversationRead;
      if (!read) return;
      client.cache.modify({ id: client.cache.identify(read.conversation), fields: { unreadCount: () => read.conversation.unreadCount } });
      client.cache.writeQuery({ query: unreadInHeldThreadsQuery, data: { unreadInHeldThreads: read.unreadInHeldThreads } });
    },
  });

  // Taking a thread over, handing it on or releasing it changes which threads are yours.
  useSubscription(escalationUpdatedSubscription, { fetchPolicy: 'no-cache', onData: () => void refetch().catch(() => undefined) });

  const attention = waiting + unreadInHeldThreads;
  useEffect(() => {
    document.title = attention > 0 ? `(${attention}) ${BASE_TITLE}` : BASE_TITLE;
    return () => {
      document.title = BASE_TITLE;
    };
  }, [attention]);

  return { unreadInHeldThreads };
}

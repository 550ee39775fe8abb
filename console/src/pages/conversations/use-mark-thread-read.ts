import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { markConversationReadMutation } from '../../graphql/inbox-operations';

/** Threads open on this console's page right now: a message in one of them needs no alert while the tab is visible. */
const open = new Set<string>();

function subscribeVisibility(listener: () => void): () => void {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}
const isVisible = () => document.visibilityState === 'visible';

/** Whether someone is looking at this thread now (open, and the tab visible). */
export function isThreadInView(conversationId: string): boolean {
  return open.has(conversationId) && isVisible();
}

/**
 * While the thread is open and the tab visible, what it shows is read: its unread count is
 * cleared up to the newest message shown, at once and as new messages arrive. A hidden tab
 * marks nothing until it is looked at again.
 */
export function useMarkThreadRead(conversationId: string, thread: { unreadCount: number; newestMessageId: string | null } | null): void {
  const visible = useSyncExternalStore(subscribeVisibility, isVisible);
  const [markRead] = useMutation(markConversationReadMutation);
  const markedUpTo = useRef<string | null>(null);

  useEffect(() => {
    open.add(conversationId);
    return () => {
      open.delete(conversationId);
    };
  }, [conversationId]);

  const unreadCount = thread?.unreadCount ?? 0;
  const newestMessageId = thread?.newestMessageId ?? null;
  useEffect(() => {
    if (!visible || unreadCount === 0 || !newestMessageId || markedUpTo.current === newestMessageId) return;
    markedUpTo.current = newestMessageId;
    markRead({ variables: { conversationId, upToMessageId: newestMessageId } }).catch(() => {
      markedUpTo.current = null; // tried again with the next message or visit
    });
  }, [visible, unreadCount, newestMessageId, conversationId, markRead]);
}

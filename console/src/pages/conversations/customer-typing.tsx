import { useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { conversationTypingSubscription } from './agent-tools-operations';

/**
 * "The customer is typing…" under the thread, for the staff member holding it (the server sends
 * it to them alone; to everyone watching while nobody holds the thread). Each event says how
 * long it holds, so a lost "stopped" only leaves it up until it expires.
 */
export function CustomerTyping({ conversationId, lastMessageId }: { conversationId: string; lastMessageId: string | undefined }) {
  const [until, setUntil] = useState<number | null>(null);
  useSubscription(conversationTypingSubscription, {
    variables: { conversationId },
    fetchPolicy: 'no-cache',
    onData: ({ data: event }) => {
      const typing = event.data?.conversationTyping;
      if (typing) setUntil(typing.typing ? Date.now() + typing.expiresInSeconds * 1000 : null);
    },
  });
  // Their message has arrived: they are no longer typing it.
  useEffect(() => setUntil(null), [lastMessageId]);
  useEffect(() => {
    if (until === null) return;
    const timer = window.setTimeout(() => setUntil(null), Math.max(0, until - Date.now()));
    return () => window.clearTimeout(timer);
  }, [until]);

  return (
    <p className="typing" role="status" data-testid="customer-typing">
      {until !== null ? 'The customer is typing…' : ''}
    </p>
  );
}

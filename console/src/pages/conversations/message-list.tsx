import { useEffect, useRef } from 'react';
import { AUTHOR_LABELS, CHANNEL_LABELS, dateTime, DELIVERY_LABELS } from '../../components/labels';
import type { MessageFieldsFragment } from '../../graphql/generated/graphql';

/** The thread oldest first, following new messages to the bottom as they arrive. */
export function MessageList({ messages }: { messages: readonly MessageFieldsFragment[] }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length]);

  if (messages.length === 0) return <p className="muted">No messages yet.</p>;
  return (
    <ol className="messages" aria-label="Messages" data-testid="messages">
      {messages.map((message) => (
        <li key={message.id} className={`message message--${message.direction.toLowerCase()} message--${message.author.toLowerCase()}`} data-testid="message">
          <div className="message__meta">
            <strong>{AUTHOR_LABELS[message.author]}</strong> <time dateTime={message.createdAt}>{dateTime(message.createdAt)}</time>
            {/* Per message, not per thread: a reply to a phone call goes out as SMS. */}
            {' · '}
            <span className="message__channel" data-testid="message-channel">
              {CHANNEL_LABELS[message.channel]}
            </span>
            {message.direction === 'OUTBOUND' && (
              <span className={`message__status message__status--${message.deliveryStatus.toLowerCase()}`}> · {DELIVERY_LABELS[message.deliveryStatus]}</span>
            )}
          </div>
          <p className="message__text">{message.text}</p>
        </li>
      ))}
      <li ref={end} aria-hidden="true" className="messages__end" />
    </ol>
  );
}

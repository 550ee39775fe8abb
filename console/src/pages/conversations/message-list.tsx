import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { AUTHOR_LABELS, CHANNEL_LABELS, dateTime, DELIVERY_LABELS, VIA_LABELS } from '../../components/labels';
import { describeError } from '../../components/user-errors';
import type { MessageFieldsFragment, NoteFieldsFragment } from '../../graphql/generated/graphql';
import { resendMessageMutation } from '../../graphql/operations';
import { NoteItem } from './thread-notes';

/**
 * The thread oldest first, following new messages to the bottom as they arrive (`follow`; off
 * where the list is one part of a longer page, which must not scroll under the reader).
 */
export function MessageList({ messages, notes = [], follow = true }: { messages: readonly MessageFieldsFragment[]; notes?: readonly NoteFieldsFragment[]; follow?: boolean }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (follow) end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length, notes.length, follow]);

  if (messages.length === 0 && notes.length === 0) return <p className="muted">No messages yet.</p>;
  // Private notes sit in the history where they were written, marked as staff-only.
  const entries: Array<{ at: string; message?: MessageFieldsFragment; note?: NoteFieldsFragment }> = [...messages.map((message) => ({ at: message.createdAt, message })), ...notes.map((note) => ({ at: note.createdAt, note }))].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="messages" aria-label="Messages" data-testid="messages">
      {entries.map(({ message, note }) => note ? <NoteItem key={note.id} note={note} /> : message && (
        <li key={message.id} className={`message message--${message.direction.toLowerCase()} message--${message.author.toLowerCase()}`} data-testid="message">
          <div className="message__meta">
            <strong>{AUTHOR_LABELS[message.author]}</strong>
            {/* The name the customer saw on it. */}
            {message.senderName && <span data-testid="message-sender"> · {message.senderName}</span>} <time dateTime={message.createdAt}>{dateTime(message.createdAt)}</time>
            {/* Per message, not per thread: a reply to a phone call goes out as SMS. */}
            {' · '}
            <span className="message__channel" data-testid="message-channel">
              {CHANNEL_LABELS[message.channel]}
            </span>
            {/* Written by a person in Meta's own inbox, not here: it reached the customer without us. */}
            {message.via && (
              <span className="message__via" data-testid="message-via">
                {' · '}
                {VIA_LABELS[message.via]}
              </span>
            )}
            {message.direction === 'OUTBOUND' && (
              <span className={`message__status message__status--${message.deliveryStatus.toLowerCase()}`}> · {DELIVERY_LABELS[message.deliveryStatus]}</span>
            )}
          </div>
          <p className="message__text">{message.text}</p>
          {message.direction === 'OUTBOUND' && message.deliveryStatus === 'UNCONFIRMED' && <ResendUnconfirmed messageId={message.id} />}
        </li>
      ))}
      <li ref={end} aria-hidden="true" className="messages__end" />
    </ol>
  );
}

/**
 * A message the provider may or may not have delivered (its answer was lost and it cannot be
 * asked): staff check with the customer first, then send it again from here.
 */
function ResendUnconfirmed({ messageId }: { messageId: string }) {
  const [resend, { loading }] = useMutation(resendMessageMutation);
  const [problem, setProblem] = useState<string | null>(null);
  async function sendAgain() {
    setProblem(null);
    try {
      const { data } = await resend({ variables: { messageId } });
      const userErrors = data?.resendMessage.userErrors ?? [];
      if (userErrors.length) setProblem(userErrors.map((e) => e.message).join(' '));
    } catch (failure) {
      setProblem(describeError(failure));
    }
  }
  return (
    <div className="message__unconfirmed">
      <span className="muted">The provider did not confirm this message. Check with the customer that it did not arrive, then:</span>{' '}
      <button type="button" onClick={() => void sendAgain()} disabled={loading}>
        Send again
      </button>
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}

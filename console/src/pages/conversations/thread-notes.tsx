import './agent-tools.css';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { dateTime } from '../../components/labels';
import { describeError } from '../../components/user-errors';
import type { NoteFieldsFragment } from '../../graphql/generated/graphql';
import { addConversationNoteMutation } from './agent-tools-operations';
import { addNote } from './use-thread-notes';

const NOTE_MAX = 2000;

/** A private note in the thread's history: marked as staff-only so nobody mistakes it for something the customer read. */
export function NoteItem({ note }: { note: NoteFieldsFragment }) {
  return (
    <li className="message message--note" data-testid="note">
      <div className="message__meta">
        <strong>Private note</strong> · {note.author?.displayName ?? 'Staff'} · <time dateTime={note.createdAt}>{dateTime(note.createdAt)}</time>
        <span className="message__note-tag"> · only staff see this</span>
      </div>
      <p className="message__text">{note.text}</p>
    </li>
  );
}

/** Leave a private note in the thread. Anyone on staff may, holding the thread or not; Ctrl+Enter saves. */
export function NoteComposer({ conversationId }: { conversationId: string }) {
  const id = useId();
  const client = useApolloClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(addConversationNoteMutation);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (loading || !text.trim()) return;
    setError(null);
    try {
      const payload = (await save({ variables: { conversationId, text } })).data?.addConversationNote;
      if (payload?.userErrors.length) {
        setError(payload.userErrors.map((e) => e.message).join(' '));
        return;
      }
      if (payload?.note) addNote(client.cache, conversationId, payload.note);
      setText('');
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
  }

  return (
    <form className="composer composer--note" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-note`}>Private note (only staff see it; never sent to the customer)</label>
      <textarea
        id={`${id}-note`}
        value={text}
        rows={2}
        maxLength={NOTE_MAX}
        placeholder="Write a note for your colleagues. Ctrl+Enter saves."
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer__bar">
        <span className="hint">
          {text.length} / {NOTE_MAX}
        </span>
        <button type="submit" className="button" disabled={loading || !text.trim()}>
          {loading ? 'Saving…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}

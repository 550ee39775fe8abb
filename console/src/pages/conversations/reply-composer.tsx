import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError } from '../../components/user-errors';
import { sendStaffReplyMutation } from '../../graphql/operations';
import { useCannedReplyMenu } from './canned-reply-menu';
import { appendMessage } from './conversation-cache';
import { useStaffTyping } from './use-staff-typing';

/** The same limit the server applies to every message. */
const MAX_LENGTH = 2000;

/**
 * Staff reply box. Enter sends, Shift+Enter starts a new line. The text is kept until the
 * server has accepted it, so a refused or failed send loses nothing.
 */
export function ReplyComposer({ conversationId, disabledReason }: { conversationId: string; disabledReason: string | null }) {
  const id = useId();
  const client = useApolloClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [send, { loading }] = useMutation(sendStaffReplyMutation);
  const disabled = disabledReason !== null;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedReplyMenu({ conversationId, text, setText, textarea, disabled });
  const typing = useStaffTyping(conversationId, !disabled);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (disabled || loading || !text.trim()) return;
    setError(null);
    try {
      const result = await send({ variables: { conversationId, text } });
      const payload = result.data?.sendStaffReply;
      if (payload?.userErrors.length) {
        setError(payload.userErrors.map((e) => e.message).join(' '));
        return;
      }
      if (payload?.message) appendMessage(client.cache, conversationId, payload.message);
      setText('');
      typing.stopped();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (canned.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void submit(event);
  }

  return (
    <form className="composer" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        Reply to the customer
      </label>
      {canned.menu}
      <textarea
        ref={textarea}
        {...canned.comboboxProps}
        id={`${id}-text`}
        value={text}
        rows={3}
        maxLength={MAX_LENGTH}
        placeholder={disabledReason ?? 'Write a reply, or type / for canned replies. Enter sends; Shift+Enter for a new line.'}
        disabled={disabled}
        onChange={(event) => {
          setText(event.target.value);
          typing.typed(event.target.value);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {canned.hint}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer__bar">
        <span className="hint">{disabledReason ?? `${text.length} / ${MAX_LENGTH}`}</span>
        <button type="submit" className="button button--primary" disabled={disabled || loading || !text.trim()}>
          {loading ? 'Sending…' : 'Send reply'}
        </button>
      </div>
    </form>
  );
}

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { describeError, FormAlert } from '../../components/user-errors';
import { resolveEscalationMutation } from '../../graphql/operations';
import { applyEscalation } from '../escalations/escalations-cache';

/** The server's limit on one message. */
const MAX_LENGTH = 2000;
const DEFAULT_CLOSING = 'Thanks for chatting with us! If anything else comes up, just message us here.';

/**
 * Resolving is final for the escalation, so it asks first, and offers to send the customer a
 * last message (as the staff member's reply, on the thread's channel) before the thread closes.
 */
export function ResolveDialog(props: { escalationId: string; onClose: (resolved: boolean) => void }) {
  const id = useId();
  const client = useApolloClient();
  const [resolve, { loading }] = useMutation(resolveEscalationMutation);
  const [sendClosing, setSendClosing] = useState(true);
  const [closing, setClosing] = useState(DEFAULT_CLOSING);
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    try {
      const { data } = await resolve({ variables: { escalationId: props.escalationId, closingMessage: sendClosing ? closing.trim() || null : null } });
      const payload = data?.resolveEscalation;
      if (payload?.escalation) applyEscalation(client.cache, payload.escalation);
      if (payload?.userErrors.length) return setErrors(payload.userErrors.map((e) => e.message));
      props.onClose(true);
    } catch (failure) {
      setErrors([describeError(failure)]);
    }
  }

  return (
    <ModalDialog titleId={`${id}-title`} wide busy={loading} onDismiss={() => props.onClose(false)}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>Resolve this escalation?</h2>
        <p className="muted">The escalation leaves the queue and the thread closes (a booked thread stays booked). If the customer writes again, the assistant answers.</p>
        {errors.length > 0 && <FormAlert messages={errors} title="Could not resolve" />}
        <label className="choice__option">
          <input type="checkbox" checked={sendClosing} onChange={(event) => setSendClosing(event.target.checked)} disabled={loading} /> Send the customer a closing message
        </label>
        {sendClosing && (
          <>
            <label htmlFor={`${id}-closing`}>Closing message</label>
            <textarea id={`${id}-closing`} rows={3} maxLength={MAX_LENGTH} value={closing} onChange={(event) => setClosing(event.target.value)} disabled={loading} />
            <p className="hint">Sent with your first name, like your other replies. {closing.length} / {MAX_LENGTH}</p>
          </>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={loading || (sendClosing && !closing.trim())}>
            {loading ? 'Resolving…' : sendClosing ? 'Send and resolve' : 'Resolve'}
          </button>
          <button type="button" className="button" disabled={loading} onClick={() => props.onClose(false)}>
            Back
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

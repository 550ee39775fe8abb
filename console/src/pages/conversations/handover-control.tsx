import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../app/session-store';
import { describeError } from '../../components/user-errors';
import { handOverConversationMutation, handoverColleaguesQuery } from '../../graphql/operations';
import { applyEscalation } from '../escalations/escalations-cache';

type Outcome = { kind: 'success' | 'error'; text: string };

/**
 * Handing a thread on: the holder picks a named colleague, who holds it from then on (and is
 * alerted live); an admin may also hand out a thread nobody holds yet, or take one from someone
 * who has gone. The server checks the same rules.
 */
export function HandoverControl(props: {
  conversationId: string;
  holder: { id: string; displayName: string } | null;
  me: SessionUser;
  onDone: (outcome: Outcome) => void;
}) {
  const id = useId();
  const client = useApolloClient();
  const { conversationId, holder, me } = props;
  const isHolder = holder?.id === me.id;
  const isAdmin = me.role === 'ADMIN';
  const colleagues = useQuery(handoverColleaguesQuery, { skip: !isHolder && !isAdmin, fetchPolicy: 'cache-and-network' });
  const [handOver, { loading }] = useMutation(handOverConversationMutation);
  const [to, setTo] = useState('');

  async function run(toStaffUserId: string, success: string) {
    try {
      const { data } = await handOver({ variables: { conversationId, toStaffUserId } });
      const payload = data?.handOverConversation;
      if (payload?.escalation) applyEscalation(client.cache, payload.escalation);
      if (payload?.userErrors.length) return props.onDone({ kind: 'error', text: payload.userErrors.map((e) => e.message).join(' ') });
      setTo('');
      props.onDone({ kind: 'success', text: success });
    } catch (failure) {
      props.onDone({ kind: 'error', text: describeError(failure) });
    }
  }

  if (holder && !isHolder) {
    // Someone else holds it: only an admin may take it (say, they went home with it open).
    if (!isAdmin) return null;
    return (
      <button type="button" className="button" disabled={loading} onClick={() => void run(me.id, `You hold this thread now; ${holder.displayName} no longer does.`)}>
        Take from {holder.displayName}
      </button>
    );
  }
  // Nobody holds it yet: an admin may hand it to someone.
  if (!isHolder && !isAdmin) return null;

  const choices = (colleagues.data?.handoverColleagues ?? []).filter((person) => person.id !== me.id);
  const chosen = choices.find((person) => person.id === to);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) void run(chosen.id, `Handed to ${chosen.displayName}. They hold this thread now.`);
  }
  return (
    <form className="handover" aria-label="Hand over to a colleague" onSubmit={submit}>
      <label htmlFor={`${id}-to`} className="visually-hidden">
        Colleague
      </label>
      <select id={`${id}-to`} value={to} onChange={(event) => setTo(event.target.value)} disabled={loading || choices.length === 0}>
        <option value="">{choices.length === 0 ? 'No colleague to hand to' : 'Hand to a colleague…'}</option>
        {choices.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={loading || !chosen}>
        {loading ? 'Handing over…' : 'Hand over'}
      </button>
    </form>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../components/user-errors';
import { useExtensionUpdates } from '../pages/extensions/use-extension-updates';
import { myPresenceQuery, setAwayMutation } from '../pages/staff/staff-operations';
import './presence-toggle.css';

/**
 * The signed-in person's availability in the top bar: signing in made their extension
 * available; "Step away" takes it out of routing (nothing is sent to them) and "I'm back" puts
 * it back. Hidden for a login that answers no extension. It follows extensionUpdated, so a
 * change made elsewhere (an admin, the grace period of another tab) shows here too.
 */
export function PresenceToggle() {
  const { data } = useQuery(myPresenceQuery);
  const [setAway, { loading }] = useMutation(setAwayMutation);
  const [problem, setProblem] = useState<string | null>(null);
  useExtensionUpdates();
  const extension = data?.me?.extension;
  if (!extension) return null;
  const available = extension.status === 'AVAILABLE';

  async function toggle() {
    setProblem(null);
    try {
      const { data: result } = await setAway({ variables: { away: available } });
      const errors = result?.setAway.userErrors ?? [];
      if (errors.length) setProblem(errors.map((e) => e.message).join(' '));
    } catch (error) {
      setProblem(describeError(error));
    }
  }

  return (
    <div className="presence" data-testid="presence" data-status={extension.status}>
      <span className={`presence__dot presence__dot--${available ? 'in' : 'out'}`} aria-hidden="true" />
      <span className="presence__label">
        {available ? 'Available' : extension.status === 'BUSY' ? 'Busy' : 'Away'} <span className="muted">· ext. {extension.number}</span>
      </span>
      <button type="button" className="button button--small" disabled={loading} onClick={() => void toggle()}>
        {available ? 'Step away' : "I'm back"}
      </button>
      {problem && (
        <span role="alert" className="presence__problem">
          {problem}
        </span>
      )}
    </div>
  );
}

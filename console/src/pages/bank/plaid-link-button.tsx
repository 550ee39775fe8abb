import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { usePlaidLink } from 'react-plaid-link';
import { describeError } from '../../components/user-errors';
import { createPlaidLinkTokenMutation } from '../../graphql/bank-operations';

/** Opens Plaid Link with `token` as soon as its script is ready; reports the public token or the exit. */
function OpenLink({ token, onSuccess, onExit }: { token: string; onSuccess: (publicToken: string | null) => void; onExit: () => void }) {
  const { open, ready } = usePlaidLink({ token, onSuccess: (publicToken) => onSuccess(publicToken), onExit: () => onExit() });
  useEffect(() => {
    if (ready) open();
  }, [ready, open]);
  return null;
}

/**
 * A button that asks the server for a Link token (for `connectionId`: Link's update mode, to
 * re-connect that bank) and opens Plaid Link with it. `onLinked` gets Link's public token.
 */
export function PlaidLinkButton({
  label,
  connectionId,
  primary,
  onLinked,
  onProblem,
}: {
  label: string;
  connectionId?: string;
  primary?: boolean;
  /** Link's public token; null in update mode, where there is nothing to exchange. */
  onLinked: (publicToken: string | null) => Promise<void>;
  onProblem: (message: string) => void;
}) {
  const [createLinkToken, { loading }] = useMutation(createPlaidLinkTokenMutation);
  const [token, setToken] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);

  async function start() {
    try {
      const { data } = await createLinkToken({ variables: { connectionId: connectionId ?? null } });
      const payload = data?.createPlaidLinkToken;
      if (!payload || payload.userErrors.length > 0 || !payload.linkToken) {
        onProblem(payload?.userErrors.map((error) => error.message).join(' ') || 'Plaid Link could not be opened.');
        return;
      }
      setToken(payload.linkToken);
    } catch (failure) {
      onProblem(describeError(failure));
    }
  }

  async function linked(publicToken: string | null) {
    setToken(null);
    setFinishing(true);
    try {
      await onLinked(publicToken);
    } finally {
      setFinishing(false);
    }
  }

  const busy = loading || finishing || token !== null;
  return (
    <>
      <button type="button" className={primary ? 'button button--primary' : 'button'} disabled={busy} onClick={() => void start()}>
        {finishing ? 'Connecting…' : token || loading ? 'Opening Plaid…' : label}
      </button>
      {token && <OpenLink token={token} onSuccess={(publicToken) => void linked(publicToken)} onExit={() => setToken(null)} />}
    </>
  );
}

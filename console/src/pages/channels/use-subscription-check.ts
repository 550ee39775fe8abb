import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../../components/user-errors';
import { syncChannelSubscriptionsMutation } from '../../graphql/operations';

export type SubscriptionCheckResult = { kind: 'success'; text: string } | { kind: 'error'; messages: string[] };

/**
 * The admin's "Check subscriptions now": asks the server to renew or re-create the provider
 * webhook subscriptions, then reads the connections back whatever the outcome, since a
 * refusal is recorded on the connection too (status ERROR and the provider's message).
 */
export function useSubscriptionCheck(readConnectionsBack: () => Promise<unknown>) {
  const [sync, { loading: checking }] = useMutation(syncChannelSubscriptionsMutation);
  const [result, setResult] = useState<SubscriptionCheckResult | null>(null);

  async function checkNow() {
    setResult(null);
    try {
      const { data } = await sync();
      const userErrors = data?.syncChannelSubscriptions.userErrors ?? [];
      setResult(
        userErrors.length > 0
          ? { kind: 'error', messages: userErrors.map((error) => error.message) }
          : { kind: 'success', text: 'Subscriptions checked: renewed or re-created where needed. The table shows the new expiry.' },
      );
    } catch (error) {
      setResult({ kind: 'error', messages: [describeError(error)] });
    }
    // A failed read-back keeps the table as it was; the next poll tries again.
    await readConnectionsBack().catch(() => undefined);
  }

  return { checkNow, checking, result, dismissResult: () => setResult(null) };
}

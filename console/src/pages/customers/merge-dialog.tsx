import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { customerLabel } from '../../components/labels';
import { ModalDialog } from '../../components/modal-dialog';
import { describeError, FormAlert } from '../../components/user-errors';
import type { CustomerPanelFieldsFragment } from '../../graphql/generated/graphql';
import { countOf, identityLine } from './customer-panel';
import { customerPanelQuery, mergeCustomersMutation } from './customer-operations';

/**
 * Confirms a merge before it is made: what moves from the duplicate (each identity, the number
 * of threads and bookings), what the surviving record takes from it, and that it cannot be
 * undone. A refusal (the same record, two Messenger accounts, both awaiting terms...) is shown
 * here in the server's words.
 */
export function MergeDialog({ surviving, mergedId, onClose }: { surviving: CustomerPanelFieldsFragment; mergedId: string; onClose: (merged: string | null) => void }) {
  const id = useId();
  const duplicate = useQuery(customerPanelQuery, { variables: { id: mergedId }, fetchPolicy: 'network-only' });
  const [merge, { loading }] = useMutation(mergeCustomersMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const other = duplicate.data?.customer;

  async function confirm() {
    setErrors([]);
    try {
      const payload = (await merge({ variables: { input: { survivingCustomerId: surviving.id, mergedCustomerId: mergedId } } })).data?.mergeCustomers;
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length > 0) setErrors(userErrors.map((e) => e.message));
      else onClose(other ? `${customerLabel(other)} (${whichRecord(other)})` : 'The other record');
    } catch (failure) {
      setErrors([describeError(failure)]);
    }
  }

  const filled = other ? (['name', 'phone', 'email'] as const).filter((field) => !surviving[field] && other[field]) : [];
  return (
    <ModalDialog titleId={`${id}-title`} wide busy={loading} onDismiss={() => onClose(null)}>
      <h2 id={`${id}-title`}>Merge these two records?</h2>
      {!other ? (
        <p className="muted" role="status">
          {duplicate.error ? `Could not load the other record: ${describeError(duplicate.error)}` : 'Loading the other record…'}
        </p>
      ) : (
        <div data-testid="merge-summary">
          <p>
            <strong>{customerLabel(other)}</strong> ({whichRecord(other)}) will be merged into <strong>{customerLabel(surviving)}</strong> ({whichRecord(surviving)}), who keeps their name, phone and email
            {filled.length > 0 && ` and takes the ${filled.join(' and ')} they lack (${filled.map((field) => other[field]).join(', ')})`}.
          </p>
          <p>Moving to {customerLabel(surviving)}:</p>
          <ul>
            {other.identities.map((identity) => (
              <li key={identity.id}>
                {identityLine(identity)}
              </li>
            ))}
            <li>{countOf(other.conversations.length, 'thread', 'threads')}</li>
            <li>{countOf(other.bookings.length, 'booking', 'bookings')}</li>
          </ul>
          <p className="notice notice--warning dialog__warning">A merge cannot be undone. It is recorded with your name; the merged record stays only as a pointer to this customer.</p>
        </div>
      )}
      <FormAlert messages={errors} title="These records cannot be merged" />
      <div className="actions actions--end">
        <button type="button" className="button" disabled={loading} onClick={() => onClose(null)}>
          Back
        </button>
        <button type="button" className="button button--primary" disabled={loading || !other} onClick={() => void confirm()}>
          {loading ? 'Merging…' : 'Merge records'}
        </button>
      </div>
    </ModalDialog>
  );
}

/** What tells two records of one name apart: their first identity. */
function whichRecord(customer: CustomerPanelFieldsFragment): string {
  const first = customer.identities[0];
  return first ? identityLine(first) : 'no identity';
}

import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ExtensionFieldsFragment, ExtensionStatus } from '../../graphql/generated/graphql';
import {
  deleteExtensionMutation,
  setExtensionStatusMutation,
  setPrimaryEscalationExtensionMutation,
} from '../../graphql/operations';
import { describeError } from '../../components/user-errors';
import { markOnlyPrimary, removeExtension } from './extensions-cache';
import { STATUS_LABELS, STATUSES } from './status';
import { summariseWorkingHours } from './working-hours';

export interface RowPermissions {
  /** Create, edit, delete and make primary: admins only. */
  manage: boolean;
  /** Admins, and the staff member who works this extension. */
  setStatus: boolean;
}

/** One extension in the table, with its status buttons and admin actions. */
export function ExtensionRow(props: {
  extension: ExtensionFieldsFragment;
  can: RowPermissions;
  isEditing: boolean;
  onEdit: () => void;
  onMessage: (message: { kind: 'success' | 'error'; text: string }) => void;
}) {
  const { extension, can, isEditing, onEdit, onMessage } = props;
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [setStatus, statusState] = useMutation(setExtensionStatusMutation);
  const [setPrimary, primaryState] = useMutation(setPrimaryEscalationExtensionMutation);
  const [deleteExtension, deleteState] = useMutation(deleteExtensionMutation);
  const busy = statusState.loading || primaryState.loading || deleteState.loading;
  const label = `extension ${extension.number}`;

  /** Runs a row mutation and reports userErrors or failures above the table, naming the extension. */
  async function run(action: () => Promise<readonly { message: string }[] | undefined>, success?: string) {
    try {
      const userErrors = await action();
      if (userErrors?.length) onMessage({ kind: 'error', text: `Extension ${extension.number}: ${userErrors.map((e) => e.message).join(' ')}` });
      else if (success) onMessage({ kind: 'success', text: success });
    } catch (error) {
      onMessage({ kind: 'error', text: `Extension ${extension.number}: ${describeError(error)}` });
    }
  }

  const changeStatus = (status: ExtensionStatus) =>
    status !== extension.status &&
    run(async () => (await setStatus({ variables: { id: extension.id, status } })).data?.setExtensionStatus.userErrors);

  const makePrimary = () =>
    run(
      async () =>
        (
          await setPrimary({
            variables: { id: extension.id },
            update: (cache, { data }) => {
              const saved = data?.setPrimaryEscalationExtension.extension;
              if (saved) markOnlyPrimary(cache, saved.id);
            },
          })
        ).data?.setPrimaryEscalationExtension.userErrors,
      `Extension ${extension.number} is now the primary escalation extension.`,
    );

  const remove = () =>
    run(async () => {
      setConfirmingDelete(false);
      const { data } = await deleteExtension({
        variables: { id: extension.id },
        update: (cache, { data: result }) => {
          const deletedId = result?.deleteExtension.deletedExtensionId;
          if (deletedId) removeExtension(cache, deletedId);
        },
      });
      return data?.deleteExtension.userErrors;
    }, `Extension ${extension.number} deleted.`);

  return (
    <tr data-testid={`extension-row-${extension.number}`} className={isEditing ? 'is-editing' : undefined} aria-busy={busy || undefined}>
      <th scope="row">{extension.number}</th>
      <td>{extension.employeeName}</td>
      <td>{extension.role}</td>
      <td className="nowrap">{extension.phone}</td>
      <td>
        <span className={`badge badge--${extension.status.toLowerCase()}`} data-testid="extension-status">
          {STATUS_LABELS[extension.status]}
        </span>
        {can.setStatus && (
          <div className="segmented" role="group" aria-label={`Set status of ${label}`}>
            {STATUSES.map((status) => (
              <button
                key={status}
                type="button"
                aria-pressed={extension.status === status}
                disabled={busy}
                onClick={() => void changeStatus(status)}
              >
                {STATUS_LABELS[status]}
              </button>
            ))}
          </div>
        )}
      </td>
      <td data-testid="extension-available-now" title="Available and inside its working hours right now">
        {extension.availableNow ? 'Yes' : 'No'}
      </td>
      <td>
        {extension.isPrimaryEscalation ? (
          <span className="badge badge--primary" data-testid="extension-primary">
            Primary
          </span>
        ) : can.manage ? (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void makePrimary()}>
            Make primary
          </button>
        ) : (
          <span className="muted" aria-label="Not primary">
            —
          </span>
        )}
      </td>
      <td className="hours-summary">{summariseWorkingHours(extension.workingHours)}</td>
      <td className="row-actions">
        {can.manage &&
          (confirmingDelete ? (
            <span className="confirm" role="group" aria-label={`Confirm deleting ${label}`}>
              <span>Delete {label}?</span>
              <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => void remove()}>
                Yes, delete
              </button>
              <button type="button" className="button button--small" onClick={() => setConfirmingDelete(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <>
              <button type="button" className="button button--small" disabled={busy || isEditing} onClick={onEdit}>
                Edit
              </button>
              <button type="button" className="button button--small button--danger-quiet" disabled={busy} onClick={() => setConfirmingDelete(true)}>
                Delete
              </button>
            </>
          ))}
      </td>
    </tr>
  );
}

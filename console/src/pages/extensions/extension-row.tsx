import { useMutation } from '@apollo/client/react';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { listColumns, type RowAttributes } from '../../components/data-table';
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

/** What the extensions page tells each row: who may do what, which row is being edited, where messages go. */
export interface ExtensionsTable {
  permissionsFor: (extension: ExtensionFieldsFragment) => RowPermissions;
  editingId: string | null;
  onEdit: (extension: ExtensionFieldsFragment) => void;
  onMessage: (message: { kind: 'success' | 'error'; text: string }) => void;
}

export const ExtensionsTableContext = createContext<ExtensionsTable | null>(null);

type ExtensionRowState = ReturnType<typeof useExtensionRowState>;
const ExtensionRowContext = createContext<ExtensionRowState | null>(null);

function useExtensionRow(): ExtensionRowState {
  const row = useContext(ExtensionRowContext);
  if (!row) throw new Error('an extension cell needs its <ExtensionRow>');
  return row;
}

/** A row's actions and their state, shared by its cells (status buttons, primary, edit and delete). */
function useExtensionRowState(extension: ExtensionFieldsFragment) {
  const table = useContext(ExtensionsTableContext);
  if (!table) throw new Error('<ExtensionRow> needs <ExtensionsTableContext.Provider>');
  const { onMessage } = table;
  const can = table.permissionsFor(extension);
  const isEditing = table.editingId === extension.id;
  const onEdit = () => table.onEdit(extension);
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

  return { extension, can, isEditing, onEdit, label, busy, confirmingDelete, setConfirmingDelete, changeStatus, makePrimary, remove };
}

/** One extension in the table: its <tr>, with the state its cells share. */
export function ExtensionRow({ item: extension, attributes, children }: { item: ExtensionFieldsFragment; attributes: RowAttributes; children: ReactNode }) {
  const row = useExtensionRowState(extension);
  return (
    <ExtensionRowContext.Provider value={row}>
      <tr {...attributes} data-testid={`extension-row-${extension.number}`} className={row.isEditing ? 'is-editing' : undefined} aria-busy={row.busy || undefined}>
        {children}
      </tr>
    </ExtensionRowContext.Provider>
  );
}

function StatusCell() {
  const { extension, can, label, busy, changeStatus } = useExtensionRow();
  return (
    <>
      <span className={`badge badge--${extension.status.toLowerCase()}`} data-testid="extension-status">
        {STATUS_LABELS[extension.status]}
      </span>
      {can.setStatus && (
        <div className="segmented" role="group" aria-label={`Set status of ${label}`}>
          {STATUSES.map((status) => (
            <button key={status} type="button" aria-pressed={extension.status === status} disabled={busy} onClick={() => void changeStatus(status)}>
              {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

function PrimaryCell() {
  const { extension, can, busy, makePrimary } = useExtensionRow();
  if (extension.isPrimaryEscalation) {
    return (
      <span className="badge badge--primary" data-testid="extension-primary">
        Primary
      </span>
    );
  }
  return can.manage ? (
    <button type="button" className="button button--small" disabled={busy} onClick={() => void makePrimary()}>
      Make primary
    </button>
  ) : (
    <span className="muted" aria-label="Not primary">
      —
    </span>
  );
}

function ActionsCell() {
  const { can, label, busy, isEditing, onEdit, confirmingDelete, setConfirmingDelete, remove } = useExtensionRow();
  if (!can.manage) return null;
  return confirmingDelete ? (
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
  );
}

const column = listColumns<ExtensionFieldsFragment>();
/** The extensions table's columns; the cells with actions read their row's state (ExtensionRow). */
export const EXTENSION_COLUMNS = column.columns([
  column.accessor('number', { header: 'Number', meta: { rowHeader: true } }),
  column.accessor('employeeName', { header: 'Employee' }),
  column.accessor('role', { header: 'Role' }),
  column.accessor('phone', { header: 'Phone', meta: { className: 'nowrap' } }),
  column.display({ id: 'status', header: 'Status', cell: StatusCell }),
  column.accessor('availableNow', {
    header: 'Available now',
    meta: { testId: 'extension-available-now', title: () => 'Available and inside its working hours right now' },
    cell: ({ getValue }) => (getValue() ? 'Yes' : 'No'),
  }),
  column.display({ id: 'primary', header: 'Primary', cell: PrimaryCell }),
  column.accessor('workingHours', { header: 'Working hours', meta: { className: 'hours-summary' }, cell: ({ getValue }) => summariseWorkingHours(getValue()) }),
  column.display({ id: 'actions', header: 'Actions', meta: { headerHidden: true, className: 'row-actions' }, cell: ActionsCell }),
]);

import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useState } from 'react';
import type { SessionUser } from '../../app/session-store';
import { extensionsQuery } from '../../graphql/operations';
import { LoadFailed, Loading } from '../../components/query-status';
import { ExtensionForm } from './extension-form';
import { EXTENSION_COLUMNS, ExtensionRow, ExtensionsTableContext, type ExtensionsTable } from './extension-row';
import { DataTable } from '../../components/data-table';
import { EXTENSIONS_VARIABLES } from './extensions-cache';
import { useExtensionUpdates } from './use-extension-updates';

type Message = { kind: 'success' | 'error'; text: string };

/**
 * The soonest re-read after a boundary: the server's clock may be a little behind this one, and
 * a boundary it has not reached yet must not be asked about in a tight loop.
 */
const MIN_BOUNDARY_WAIT_MS = 5_000;

/** The extensions table: live via `extensionUpdated`, with create, edit, delete, status and primary. */
export function ExtensionsPage({ me }: { me: SessionUser }) {
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(extensionsQuery, {
    variables: EXTENSIONS_VARIABLES,
  });
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const isAdmin = me.role === 'ADMIN';

  const connection = data?.extensions;
  const extensions = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const editing = editingId ? extensions.find((extension) => extension.id === editingId) : undefined;
  const editingNumber = editing?.number;

  useExtensionUpdates();
  useRereadAtNextBoundary(extensions, refetch);

  const table = useMemo<ExtensionsTable>(
    () => ({
      permissionsFor: (extension) => ({ manage: isAdmin, setStatus: isAdmin || extension.staffUserId === me.id }),
      editingId,
      onEdit: (extension) => {
        setCreating(false);
        setEditingId(extension.id);
      },
      onMessage: setMessage,
    }),
    [isAdmin, me.id, editingId],
  );

  // Someone else deleted the extension being edited: close the form and say why.
  useEffect(() => {
    if (editingId && connection && !editing) {
      setEditingId(null);
      setMessage({ kind: 'error', text: 'The extension you were editing was deleted by someone else.' });
    }
  }, [editingId, connection, editing]);

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Extensions</h1>
          <p className="muted">
            Staff phone extensions that escalated chats and calls are routed to.
            {connection && ` ${connection.totalCount} in total.`}
          </p>
        </div>
        {isAdmin && !creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setEditingId(null);
              setCreating(true);
            }}
          >
            New extension
          </button>
        )}
      </header>

      {!isAdmin && (
        <p className="notice notice--info">Only admins can add or change extensions. You can set the status of your own extension.</p>
      )}

      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={`notice notice--${message.kind}`}>
          <span>{message.text}</span>
          <button type="button" className="button button--quiet button--small" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      )}

      {creating && (
        <ExtensionForm
          mode="create"
          onCancel={() => setCreating(false)}
          onSaved={(extension) => {
            setCreating(false);
            setMessage({ kind: 'success', text: `Extension ${extension.number} created.` });
          }}
        />
      )}

      {editing && (
        <ExtensionForm
          key={editing.id}
          mode="edit"
          extension={editing}
          onCancel={() => setEditingId(null)}
          onSaved={(extension) => {
            setEditingId(null);
            setMessage({ kind: 'success', text: extension ? `Extension ${extension.number} saved.` : `No changes to extension ${editingNumber}.` });
          }}
        />
      )}

      {error && !connection ? (
        <LoadFailed what="extensions" error={error} onRetry={() => void refetch()} />
      ) : loading && !connection ? (
        <Loading what="extensions" />
      ) : extensions.length === 0 ? (
        <p className="empty">No extensions yet.{isAdmin && ' The first one you create becomes the primary escalation extension.'}</p>
      ) : (
        <ExtensionsTableContext.Provider value={table}>
          <DataTable columns={EXTENSION_COLUMNS} data={extensions} getRowId={(extension) => extension.id} Row={ExtensionRow} label={{ labelledBy: headingId }} />
        </ExtensionsTableContext.Provider>
      )}
      {connection?.pageInfo.hasNextPage && (
        <p className="muted">
          Showing the first {extensions.length} of {connection.totalCount} extensions.
        </p>
      )}
    </section>
  );
}

/**
 * `availableNow` also changes by the clock at a working-hours boundary, which raises no event:
 * the list is read again when the soonest boundary of the extensions shown comes
 * (`availabilityChangesAt`), not on a poll.
 */
function useRereadAtNextBoundary(extensions: ReadonlyArray<{ availabilityChangesAt?: string | null }>, reread: () => Promise<unknown>): void {
  const soonest = extensions.reduce<string | null>((min, { availabilityChangesAt: at }) => (at && (!min || at < min) ? at : min), null);
  useEffect(() => {
    if (!soonest) return;
    const wait = Math.max(Date.parse(soonest) - Date.now() + 1_000, MIN_BOUNDARY_WAIT_MS);
    const timer = setTimeout(() => void reread().catch(() => undefined), wait);
    return () => clearTimeout(timer);
  }, [soonest, reread]);
}

import './canned-replies.css';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../app/session-store';
import { FormField } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
import { LoadFailed, Loading } from '../../components/query-status';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { CannedReplyFieldsFragment } from '../../graphql/generated/graphql';
import { cannedRepliesQuery } from '../conversations/agent-tools-operations';
import { cannedReplyPlaceholdersQuery, createCannedReplyMutation, deleteCannedReplyMutation, updateCannedReplyMutation } from './canned-replies-operations';

const OWN_FIELDS = new Set(['shortcut', 'title', 'body']);
const SHORTCUT_MAX = 30;
const TITLE_MAX = 80;
const BODY_MAX = 2000;

/**
 * Canned replies: every staff member sees them (and inserts them in a thread by typing "/" and the
 * shortcut); admins add, change and delete them here. The server checks everything and answers
 * all of a form's problems at once, each under its field.
 */
export function CannedRepliesPage({ me }: { me: SessionUser }) {
  const headingId = useId();
  const isAdmin = me.role === 'ADMIN';
  const { data, loading, error, refetch } = useQuery(cannedRepliesQuery, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<CannedReplyFieldsFragment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedReplyFieldsFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const replies = data?.cannedReplies ?? [];

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Canned replies</h1>
          <p className="muted">In a thread, type / in the reply box to insert one. Placeholders are filled from the thread’s customer and booking.</p>
        </div>
        {isAdmin && editing === null && (
          <div className="actions actions--header">
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
              New canned reply
            </button>
          </div>
        )}
      </header>
      {notice && (
        <div role="status" className="notice notice--success">
          <span>{notice}</span>
          <button type="button" className="button button--quiet button--small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {isAdmin && editing !== null && (
        <CannedReplyForm
          key={editing === 'new' ? 'new' : editing.id}
          reply={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(`Saved /${saved.shortcut}.`);
              void refetch();
            }
          }}
        />
      )}
      {error && !data ? (
        <LoadFailed what="the canned replies" error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading what="the canned replies" />
      ) : replies.length === 0 ? (
        <p className="empty">No canned replies yet.{isAdmin ? ' Add the answers you type most, such as /deposit and /menu.' : ' An admin can add them.'}</p>
      ) : (
        <ul className="canned-list" aria-label="Canned replies">
          {replies.map((reply) => (
            <li key={reply.id} className="card canned-list__item" data-testid="canned-reply">
              <div className="canned-list__head">
                <strong className="canned-list__shortcut">/{reply.shortcut}</strong> <span>{reply.title}</span>
                {isAdmin && (
                  <span className="actions">
                    <button type="button" className="button button--small" onClick={() => setEditing(reply)} aria-label={`Edit /${reply.shortcut}`}>
                      Edit
                    </button>
                    <button type="button" className="button button--small button--danger" onClick={() => setDeleting(reply)} aria-label={`Delete /${reply.shortcut}`}>
                      Delete
                    </button>
                  </span>
                )}
              </div>
              <p className="canned-list__body">{reply.body}</p>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDelete
          reply={deleting}
          onClose={(deleted) => {
            setDeleting(null);
            if (deleted) {
              setNotice(`Deleted /${deleting.shortcut}.`);
              void refetch();
            }
          }}
        />
      )}
    </section>
  );
}

function CannedReplyForm({ reply, onDone }: { reply: CannedReplyFieldsFragment | null; onDone: (saved: CannedReplyFieldsFragment | null) => void }) {
  const id = useId();
  const [shortcut, setShortcut] = useState(reply ? `/${reply.shortcut}` : '/');
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const { data: placeholders } = useQuery(cannedReplyPlaceholdersQuery);
  const [create, createState] = useMutation(createCannedReplyMutation);
  const [update, updateState] = useMutation(updateCannedReplyMutation);
  const busy = createState.loading || updateState.loading;
  const { byField, general } = indexUserErrors(errors, (field) => (OWN_FIELDS.has(field) ? field : undefined));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    const input = { shortcut, title, body };
    try {
      const payload = reply ? (await update({ variables: { id: reply.id, input } })).data?.updateCannedReply : (await create({ variables: { input } })).data?.createCannedReply;
      if (!payload) return;
      if (payload.userErrors.length) setErrors(payload.userErrors);
      else if (payload.cannedReply) onDone(payload.cannedReply);
    } catch (failure) {
      setErrors([{ field: null, message: describeError(failure) }]);
    }
  }

  return (
    <form className="card canned-form" aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void submit(event)}>
      <h2 id={`${id}-title`}>{reply ? `Edit /${reply.shortcut}` : 'New canned reply'}</h2>
      <FormAlert messages={general} />
      <FormField id={`${id}-shortcut`} label="Shortcut" messages={byField.get('shortcut')} hint="What staff type after the slash, e.g. /deposit. Letters, digits and dashes.">
        {(control) => <input {...control} value={shortcut} maxLength={SHORTCUT_MAX + 1} autoComplete="off" onChange={(e) => setShortcut(e.target.value)} />}
      </FormField>
      <FormField id={`${id}-name`} label="Title" messages={byField.get('title')} hint="Shown beside the shortcut in the reply box.">
        {(control) => <input {...control} value={title} maxLength={TITLE_MAX} autoComplete="off" onChange={(e) => setTitle(e.target.value)} />}
      </FormField>
      <FormField
        id={`${id}-body`}
        label="Reply text"
        messages={byField.get('body')}
        hint={
          <>
            {body.length} / {BODY_MAX}. Placeholders:{' '}
            {(placeholders?.cannedReplyPlaceholders ?? []).map((placeholder, index) => (
              <span key={placeholder.token} title={placeholder.description}>
                {index > 0 && ', '}
                <code>{placeholder.token}</code>
              </span>
            ))}
          </>
        }
      >
        {(control) => <textarea {...control} rows={5} value={body} maxLength={BODY_MAX} onChange={(e) => setBody(e.target.value)} />}
      </FormField>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save canned reply'}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ConfirmDelete({ reply, onClose }: { reply: CannedReplyFieldsFragment; onClose: (deleted: boolean) => void }) {
  const titleId = useId();
  const [remove, { loading }] = useMutation(deleteCannedReplyMutation);
  const [problem, setProblem] = useState<string | null>(null);
  async function confirm() {
    setProblem(null);
    try {
      const payload = (await remove({ variables: { id: reply.id } })).data?.deleteCannedReply;
      if (payload?.userErrors.length) setProblem(payload.userErrors.map((e) => e.message).join(' '));
      else onClose(true);
    } catch (failure) {
      setProblem(describeError(failure));
    }
  }
  return (
    <ModalDialog titleId={titleId} busy={loading} onDismiss={() => onClose(false)}>
      <h2 id={titleId}>Delete /{reply.shortcut}?</h2>
      <p>Staff will no longer find “{reply.title}” in the reply box. Replies already sent stay as they are.</p>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--danger" disabled={loading} onClick={() => void confirm()}>
          {loading ? 'Deleting…' : 'Delete'}
        </button>
        <button type="button" className="button" disabled={loading} onClick={() => onClose(false)}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { SessionUser } from '../../app/session-store';
import { LoadFailed, Loading } from '../../components/query-status';
import { TableHead } from '../../components/table-head';
import { extensionsQuery } from '../../graphql/operations';
import { EXTENSIONS_VARIABLES } from '../extensions/extensions-cache';
import { useExtensionUpdates } from '../extensions/use-extension-updates';
import { InviteStaffForm } from './invite-staff-form';
import { PasswordLinkNotice } from './password-link-notice';
import { STAFF_PAGE_VARIABLES } from './staff-labels';
import { staffUsersQuery } from './staff-operations';
import { StaffRow } from './staff-row';
import './staff.css';

type Message = { kind: 'success' | 'error'; text: string };

/**
 * Admins manage who can sign in: invite (a one-time set-password link, or a password), role,
 * the extension each person answers (their presence sets its availability), deactivate and
 * restore. Nobody is deleted: threads keep who acted on them.
 */
export function StaffPage({ me }: { me: SessionUser }) {
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(staffUsersQuery, { variables: STAFF_PAGE_VARIABLES });
  const extensionsResult = useQuery(extensionsQuery, { variables: EXTENSIONS_VARIABLES });
  useExtensionUpdates();
  const [inviting, setInviting] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [link, setLink] = useState<{ who: string; path: string; expiresAt: string } | null>(null);

  const members = data?.staffUsers.edges.map((edge) => edge.node) ?? [];
  const extensions = extensionsResult.data?.extensions.edges.map((edge) => edge.node) ?? [];

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Staff</h1>
          <p className="muted">
            Who can sign in to the console, and the extension each person answers.
            {data && ` ${data.staffUsers.totalCount} in total.`}
          </p>
        </div>
        {!inviting && (
          <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
            Invite someone
          </button>
        )}
      </header>

      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={`notice notice--${message.kind}`}>
          <span>{message.text}</span>
          <button type="button" className="button button--quiet button--small" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      )}
      {link && <PasswordLinkNotice {...link} onDismiss={() => setLink(null)} />}

      {inviting && (
        <InviteStaffForm
          extensions={extensions}
          onCancel={() => setInviting(false)}
          onSaved={({ staffUser, passwordLink }) => {
            setInviting(false);
            void extensionsResult.refetch();
            if (passwordLink) {
              setMessage(null);
              setLink({ who: staffUser.displayName, ...passwordLink });
            } else setMessage({ kind: 'success', text: `${staffUser.displayName} can sign in now with the password you set.` });
          }}
        />
      )}

      {error && !data ? (
        <LoadFailed what="staff" error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading what="staff" />
      ) : (
        <div className="table-wrap">
          <table className="table table--staff table--stack">
            <TableHead columns={['Name', 'Email', 'Role', 'Extension', 'Account']} actions="Actions" />
            <tbody>
              {members.map((member) => (
                <StaffRow
                  key={member.id}
                  member={member}
                  isMe={member.id === me.id}
                  extensions={extensions}
                  onMessage={(next) => {
                    setLink(null);
                    setMessage(next);
                  }}
                  onPasswordLink={setLink}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

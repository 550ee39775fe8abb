import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { LoadFailed, Loading } from '../../components/query-status';
import { describeError } from '../../components/user-errors';
import type { OutboxQuery } from '../../graphql/generated/graphql';
import { outboxQuery, sendWeeklyReportsMutation } from './outbox-operations';

type OutboxEmail = OutboxQuery['emails']['edges'][number]['node'];

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const WAITING_POLL_MS = 2000;

const STATUS_LABELS: Record<OutboxEmail['status'], string> = {
  QUEUED: 'Waiting to send',
  SENDING: 'Sending',
  SENT: 'Sent',
  OUTBOX: 'In the outbox',
  FAILED: 'Not sent',
};

function EmailItem({ email }: { email: OutboxEmail }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="card" data-testid="outbox-email">
      <div>
        <strong>{email.subject}</strong>{' '}
        <span className="muted">
          · to {email.to} · {when.format(new Date(email.sentAt ?? email.createdAt))} · {STATUS_LABELS[email.status]}
          {email.attempts > 1 && ` after ${email.attempts} attempts`}
        </span>
      </div>
      {email.lastError && email.status !== 'SENT' && <p className="muted">Last error: {email.lastError}</p>}
      {email.attachmentList.length > 0 && (
        <p className="muted">Attached: {email.attachmentList.map((file) => `${file.filename} (${Math.max(1, Math.round(file.size / 1024))} KB)`).join(', ')}</p>
      )}
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide message' : 'Show message'}
      </button>
      {/* Plain text, shown as text: nothing in an email body is ever rendered as HTML here. */}
      {open && <pre className="email-body">{email.text}</pre>}
    </li>
  );
}

/**
 * The emails the business sends (the weekly reconciliation report and business summary to the
 * owner): without an SMTP server they wait here, the outbox; with one, this is what went.
 * Admins send the week's reports at once with "Send this week's reports now".
 */
export function OutboxPage() {
  const headingId = useId();
  const outbox = useQuery(outboxQuery, { fetchPolicy: 'cache-and-network' });
  // While an email waits for its send job, look again every few seconds, so "Queued" turns into what became of it.
  const { startPolling, stopPolling } = outbox;
  const waiting = outbox.data?.emails.edges.some(({ node }) => node.status === 'QUEUED' || node.status === 'SENDING') ?? false;
  useEffect(() => {
    if (!waiting) return;
    startPolling(WAITING_POLL_MS);
    return () => stopPolling();
  }, [waiting, startPolling, stopPolling]);
  const [send, { loading: sending }] = useMutation(sendWeeklyReportsMutation);
  const [notice, setNotice] = useState<string | null>(null);

  async function sendNow() {
    setNotice(null);
    try {
      const result = await send({ variables: { input: {} } });
      const payload = result.data?.sendWeeklyReports;
      if (payload && payload.userErrors.length > 0) setNotice(payload.userErrors.map((e) => e.message).join(' '));
      else setNotice(payload?.queued ? 'The reports are on their way.' : 'This week’s reports were made already: they are not sent twice.');
      await outbox.refetch();
    } catch (error) {
      setNotice(describeError(error));
    }
  }

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Outbox</h1>
          <p className="muted">
            {outbox.data?.emailUsesOutbox
              ? 'No SMTP server is configured: emails wait here instead of being sent.'
              : 'Emails sent to the owner, and whether the mail server took them.'}
          </p>
        </div>
        <button type="button" className="button button--primary" disabled={sending} onClick={() => void sendNow()}>
          Send this week’s reports now
        </button>
      </header>
      {notice && (
        <p role="status" data-testid="outbox-notice">
          {notice}
        </p>
      )}
      {outbox.error ? (
        <LoadFailed what="emails" error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : !outbox.data ? (
        <Loading what="emails" />
      ) : outbox.data.emails.edges.length === 0 ? (
        <p className="muted">No emails yet. The weekly reports go every week, or now with the button above.</p>
      ) : (
        <ul className="card-list" aria-label="Emails">
          {outbox.data.emails.edges.map(({ node }) => (
            <EmailItem key={node.id} email={node} />
          ))}
        </ul>
      )}
    </section>
  );
}

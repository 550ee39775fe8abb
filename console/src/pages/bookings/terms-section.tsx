import { useApolloClient } from '@apollo/client/react';
import { useId, useState, type ReactNode } from 'react';
import { HashValue } from '../../components/copy-button';
import { dateTime, phoneNumber, TERMS_CHANNEL_LABELS } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { describeError } from '../../components/user-errors';
import type { BookingDetailFieldsFragment, TermsAcknowledgmentFieldsFragment } from '../../graphql/generated/graphql';
import { printableEvidenceQuery } from '../../graphql/operations';
import { RecordAcceptanceDialog } from './record-acceptance-dialog';

type Acknowledgment = TermsAcknowledgmentFieldsFragment;

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** Where the acceptance stands, in a word and a sentence. */
function TermsStatus({ booking }: { booking: BookingDetailFieldsFragment }) {
  const acknowledgment = booking.termsAcknowledgment;
  if (acknowledgment) {
    return (
      <p data-testid="terms-status" data-state="ACCEPTED">
        <span className="badge chip chip--confirmed">Accepted</span> {TERMS_CHANNEL_LABELS[acknowledgment.channel]}, {dateTime(acknowledgment.receivedAt)}.
      </p>
    );
  }
  switch (booking.status) {
    case 'PENDING_TERMS':
      return (
        <p data-testid="terms-status" data-state="WAITING">
          <span className="badge chip chip--pending_terms">Waiting for the customer</span> They were asked to accept the terms and have not yet. If they accept in person or on the phone, record it here.
        </p>
      );
    case 'INQUIRY':
      return (
        <p data-testid="terms-status" data-state="NOT_SENT">
          <span className="badge chip chip--inquiry">Not sent</span> The terms have not been sent yet: use “Send terms” when the customer is ready to book.
        </p>
      );
    default:
      return (
        <p data-testid="terms-status" data-state="NEVER_ACCEPTED">
          <span className="badge chip chip--completed">Never accepted</span> This booking was {booking.status === 'CANCELLED' ? 'cancelled' : 'closed'} without an acceptance of the terms.
        </p>
      );
  }
}

/** The acceptance as the evidence chain holds it: what a lawyer would ask for, field by field. */
function Evidence({ acknowledgment }: { acknowledgment: Acknowledgment }) {
  const web = acknowledgment.channel === 'WEB';
  return (
    <dl className="facts evidence" data-testid="terms-evidence">
      <Fact label="Channel" testId="evidence-channel">
        {TERMS_CHANNEL_LABELS[acknowledgment.channel]}
      </Fact>
      <Fact label="Reply" testId="evidence-reply">
        {acknowledgment.replyText ? <blockquote className="quote evidence__reply">{acknowledgment.replyText}</blockquote> : <span className="muted">No words recorded</span>}
      </Fact>
      {(acknowledgment.fromAddress || !web) && (
        <Fact label="From" testId="evidence-from">
          {acknowledgment.fromAddress ? phoneNumber(acknowledgment.fromAddress) : <span className="muted">Not recorded (accepted {acknowledgment.channel === 'IN_PERSON' ? 'in person' : 'by voice'})</span>}
        </Fact>
      )}
      <Fact label="Received at" testId="evidence-received">
        <time dateTime={acknowledgment.receivedAt}>{dateTime(acknowledgment.receivedAt)}</time>
      </Fact>
      <Fact label="Verified delivery" testId="evidence-verified">
        {acknowledgment.signatureVerified ? (
          'Yes: the provider’s signature on the delivery was checked'
        ) : (
          <>
            No
            <span className="hint facts__detail">{acknowledgment.recordedBy ? `Recorded by ${acknowledgment.recordedBy.displayName}` : 'No signed delivery carried it'}</span>
          </>
        )}
      </Fact>
      {acknowledgment.providerMessageId && (
        <Fact label="Provider message id">
          <code className="identifier">{acknowledgment.providerMessageId}</code>
        </Fact>
      )}
      {(web || acknowledgment.ip) && (
        <Fact label="IP address" testId="evidence-ip">
          {acknowledgment.ip ?? <span className="muted">Not recorded</span>}
        </Fact>
      )}
      {(web || acknowledgment.userAgent) && (
        <Fact label="Browser" testId="evidence-user-agent">
          {acknowledgment.userAgent ? <span className="identifier">{acknowledgment.userAgent}</span> : <span className="muted">Not recorded</span>}
        </Fact>
      )}
      <Fact label="Terms accepted" testId="evidence-version">
        {acknowledgment.termsVersion ? `${acknowledgment.termsVersion.label}, “${acknowledgment.termsVersion.title}”` : 'A version no longer listed'}
        <span className="facts__detail">
          <HashValue value={acknowledgment.termsSha256} label="terms text hash" />
        </span>
      </Fact>
      <Fact label="Chain position" testId="evidence-sequence">
        Record #{acknowledgment.sequence}
      </Fact>
      <Fact label="Record hash">
        <HashValue value={acknowledgment.contentSha256} label="record hash" testId="evidence-hash" />
      </Fact>
      <Fact label="Previous hash">
        <HashValue value={acknowledgment.previousSha256} label="previous record’s hash" />
      </Fact>
    </dl>
  );
}

/**
 * Opens the printable evidence page in a new tab. The link is signed and short-lived, so it is
 * asked for on each click; the tab is opened at once (inside the click, so the browser allows
 * it) and sent to the link when it arrives.
 */
function PrintableEvidenceButton({ bookingId }: { bookingId: string }) {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<NoticeMessage | null>(null);
  const [blockedUrl, setBlockedUrl] = useState<string | null>(null);

  async function open() {
    setProblem(null);
    setBlockedUrl(null);
    setBusy(true);
    const tab = window.open('', '_blank');
    try {
      const { data } = await client.query({ query: printableEvidenceQuery, variables: { bookingId }, fetchPolicy: 'no-cache' });
      const url = data?.termsEvidence?.printableUrl;
      if (!url) throw new Error('The evidence for this booking could not be found.');
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
      } else {
        setBlockedUrl(url);
      }
    } catch (failure) {
      tab?.close();
      setProblem({ kind: 'error', text: `Could not open the evidence: ${describeError(failure)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void open()}>
          {busy ? 'Opening…' : 'Open printable evidence'}
        </button>
        <span className="hint actions__note">A page to print or save for a lawyer, in a new tab.</span>
      </div>
      {blockedUrl && (
        <p role="status" className="notice notice--info">
          <span>
            The browser kept the new tab from opening.{' '}
            <a href={blockedUrl} target="_blank" rel="noopener noreferrer">
              Open the printable evidence
            </a>{' '}
            (the link works for a few minutes).
          </span>
        </p>
      )}
      {problem && <Notice notice={problem} onDismiss={() => setProblem(null)} />}
    </>
  );
}

/**
 * The booking's terms: waiting for the customer or accepted; once accepted, the evidence record
 * and its printable page; while waiting, a way for staff to record an acceptance given in person
 * or on the phone.
 */
export function TermsSection({ booking }: { booking: BookingDetailFieldsFragment }) {
  const id = useId();
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const acknowledgment = booking.termsAcknowledgment;

  return (
    <section className="card booking-section" aria-labelledby={`${id}-title`} data-testid="terms-section">
      <h2 id={`${id}-title`}>Terms</h2>
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <TermsStatus booking={booking} />
      {acknowledgment && (
        <>
          <Evidence acknowledgment={acknowledgment} />
          <PrintableEvidenceButton bookingId={booking.id} />
        </>
      )}
      {!acknowledgment && booking.status === 'PENDING_TERMS' && (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => setRecording(true)}>
            Record acceptance
          </button>
        </div>
      )}
      {recording && (
        <RecordAcceptanceDialog
          booking={booking}
          onClose={(recorded) => {
            setRecording(false);
            if (recorded) setNotice({ kind: 'success', text: 'Acceptance recorded. The booking is confirmed.' });
          }}
        />
      )}
    </section>
  );
}

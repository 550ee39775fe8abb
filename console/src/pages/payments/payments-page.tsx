import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useId, useState, type ChangeEvent } from 'react';
import { useSessionStore } from '../../app/console-context';
import { bookingHref } from '../../app/routes';
import type { SessionUser } from '../../app/session-store';
import { customerLabel, dollars, eventDay, localToday } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import { TableHead } from '../../components/table-head';
import { describeError } from '../../components/user-errors';
import type { BankTransactionFieldsFragment, PaymentMatchFieldsFragment } from '../../graphql/generated/graphql';
import {
  bookingsToMatchQuery,
  matchPaymentMutation,
  paymentMatchedSubscription,
  paymentReviewQuery,
  reconciliationReportQuery,
  rejectPaymentMatchMutation,
  rematchUnmatchedMutation,
  unmatchedPaymentAddedSubscription,
  uploadBankStatementMutation,
  verifyPaymentMatchMutation,
} from '../../graphql/payments-operations';
import './payments.css';

const TYPE_LABELS: Record<string, string> = { DEPOSIT: 'Deposit', FULL: 'Full price', BALANCE: 'Balance', BALANCE_WITH_TIP: 'Balance with tip' };
const STATE_LABELS: Record<string, string> = { MATCHED: 'Matched', SUGGESTED: 'Waiting for review', UNMATCHED: 'Unmatched', PENDING: 'Pending at the bank', REMOVED: 'Withdrawn by the bank' };

function BankLine({ line }: { line: BankTransactionFieldsFragment }) {
  return (
    <div className="bank-line">
      <strong className="bank-line__amount">{dollars(line.amountCents)}</strong> <span className="muted">{eventDay(line.postedOn)}</span>
      <div className="bank-line__description">{line.description}</div>
    </div>
  );
}

function BookingSide({ match }: { match: PaymentMatchFieldsFragment }) {
  const booking = match.booking;
  if (!booking) return <span className="muted">{match.bookingReference}</span>;
  return (
    <div>
      <a href={bookingHref(booking.id)}>
        <strong>{match.bookingReference}</strong> {customerLabel({ name: booking.customer.name, phone: booking.customer.phone, email: null })}
      </a>
      <div className="muted">
        {eventDay(booking.eventDate)} · {booking.status === 'CANCELLED' ? 'Cancelled · ' : ''}total {dollars(booking.price.totalCents)}, paid {dollars(booking.price.paidCents)}, due {dollars(booking.price.balanceCents)}
      </div>
    </div>
  );
}

/** Picks a booking by the customer's name or phone and applies the credit to it. */
function MatchByHand({ transaction, onDone }: { transaction: BankTransactionFieldsFragment; onDone: (notice: NoticeMessage) => void }) {
  const inputId = useId();
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery(bookingsToMatchQuery, { variables: { search }, skip: search.trim().length < 2, fetchPolicy: 'network-only' });
  const [matchPayment, { loading: saving }] = useMutation(matchPaymentMutation);
  const [errors, setErrors] = useState<string[]>([]);

  async function choose(bookingId: string) {
    setErrors([]);
    try {
      const { data: result } = await matchPayment({ variables: { input: { bankTransactionId: transaction.id, bookingId } } });
      const payload = result?.matchPayment;
      if (payload?.userErrors.length) return setErrors(payload.userErrors.map((e) => e.message));
      onDone({ kind: 'success', text: `${dollars(transaction.amountCents)} is applied to ${payload?.paymentMatch?.bookingReference}.` });
    } catch (failure) {
      setErrors([describeError(failure)]);
    }
  }

  return (
    <div className="match-by-hand">
      <label htmlFor={inputId}>Find the booking (customer name or phone)</label>
      <input id={inputId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoFocus />
      {errors.length > 0 && (
        <div role="alert" className="field-error">
          {errors.join(' ')}
        </div>
      )}
      {loading && <p className="muted">Searching…</p>}
      {data && data.bookings.edges.length === 0 && <p className="muted">No booking matches “{search}”.</p>}
      <ul className="match-by-hand__results">
        {data?.bookings.edges.map(({ node }) => (
          <li key={node.id}>
            <button type="button" className="button button--small" disabled={saving} onClick={() => void choose(node.id)}>
              Apply to {customerLabel({ name: node.customer.name, phone: node.customer.phone, email: null })}, {eventDay(node.eventDate)} (due {dollars(node.price.balanceCents)})
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A statement file (CSV or OFX) read in the browser and sent as text. */
function StatementUpload({ onDone }: { onDone: (notice: NoticeMessage) => void }) {
  const inputId = useId();
  const [upload, { loading }] = useMutation(uploadBankStatementMutation);
  const [errors, setErrors] = useState<string[]>([]);

  async function send(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setErrors([]);
    try {
      const { data } = await upload({ variables: { input: { fileName: file.name, text: await file.text() } } });
      const payload = data?.uploadBankStatement;
      if (!payload) return;
      if (payload.userErrors.length) return setErrors(payload.userErrors.map((e) => e.message));
      const repeated = (payload.lines ?? 0) - (payload.added ?? 0);
      onDone({
        kind: 'success',
        text: `${file.name}: ${payload.added} new line${payload.added === 1 ? '' : 's'}${repeated ? ` (${repeated} imported before)` : ''}, ${payload.credits} credit${payload.credits === 1 ? '' : 's'}, ${payload.applied} applied to bookings at once.`,
      });
    } catch (failure) {
      setErrors([describeError(failure)]);
    }
  }

  return (
    <section className="card payments__upload" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Bank statement</h2>
      <p className="muted">Without a bank connection, upload the account’s export from your bank’s website: CSV (Chase, Bank of America, Wells Fargo and others) or OFX/QFX. Lines imported before are skipped.</p>
      <p className="muted">The bank connection through Plaid is on the <a href="#/bank">Bank page</a>.</p>
      <label className="button" htmlFor={inputId} aria-disabled={loading}>
        {loading ? 'Importing…' : 'Upload statement'}
      </label>
      <input id={inputId} className="visually-hidden" type="file" accept=".csv,.ofx,.qfx,text/csv" onChange={(event) => void send(event)} disabled={loading} data-testid="statement-file" />
      {errors.length > 0 && (
        <div role="alert" className="form-alert">
          <strong>Could not import this file</strong>
          {errors.map((message, index) => (
            <p key={index}>{message}</p>
          ))}
        </div>
      )}
    </section>
  );
}

/** The week's credits with their match or why none, and the same as CSV. */
function Reconciliation() {
  const id = useId();
  const store = useSessionStore();
  const [weekOf, setWeekOf] = useState(localToday());
  const { data, loading, error, refetch } = useQuery(reconciliationReportQuery, { variables: { weekOf }, fetchPolicy: 'cache-and-network' });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const report = data?.reconciliationReport;

  async function download() {
    if (!report) return;
    setDownloadError(null);
    try {
      const response = await fetch(report.csvPath, { headers: { authorization: `Bearer ${store.get().session?.token ?? ''}` } });
      if (!response.ok) throw new Error(`The server answered with an error (HTTP ${response.status}). Try again in a moment.`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `reconciliation-${report.weekStart}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setDownloadError(describeError(failure));
    }
  }

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <div className="section__header">
        <h2 id={`${id}-title`}>Weekly reconciliation</h2>
        <label>
          Week of <input type="date" value={weekOf} onChange={(event) => event.target.value && setWeekOf(event.target.value)} />
        </label>
        <button type="button" className="button" onClick={() => void download()} disabled={!report}>
          Download CSV
        </button>
      </div>
      {downloadError && (
        <p role="alert" className="field-error">
          Could not download: {downloadError}
        </p>
      )}
      {error && !data ? (
        <LoadFailed what="the report" error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading what="the report" />
      ) : report ? (
        <>
          <p className="muted" data-testid="reconciliation-totals">
            {eventDay(report.weekStart)} to {eventDay(report.weekEnd)}: credits {dollars(report.creditCents)}, matched {dollars(report.matchedCents)}, unmatched {dollars(report.unmatchedCents)}
          </p>
          {report.lines.length === 0 ? (
            <p className="muted">No credits were posted this week.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--stack">
                <TableHead columns={['Credit', 'State', 'Booking', 'Why']} />
                <tbody>
                  {report.lines.map((line) => (
                    <tr key={line.transaction.id} data-testid="reconciliation-line">
                      <td data-label="Credit">
                        <BankLine line={line.transaction} />
                      </td>
                      <td data-label="State">{STATE_LABELS[line.state] ?? line.state}</td>
                      <td data-label="Booking">{line.match?.booking ? <a href={bookingHref(line.match.booking.id)}>{line.bookingReference}</a> : (line.bookingReference ?? '—')}</td>
                      <td data-label="Why">{line.explanation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

/**
 * Payments: bank credits the matcher was not sure of, each beside the booking it may pay with
 * the reason and confidence (verify or reject in one click), credits nobody matched (live, from
 * every console and the bank feed) with a search to match by hand, statement uploads and the
 * weekly reconciliation.
 */
export function PaymentsPage({ me }: { me: SessionUser }) {
  const headingId = useId();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(paymentReviewQuery, { fetchPolicy: 'cache-and-network' });
  const [verify] = useMutation(verifyPaymentMatchMutation);
  const [reject] = useMutation(rejectPaymentMatchMutation);
  const [rematch, { loading: rematching }] = useMutation(rematchUnmatchedMutation);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [matchingId, setMatchingId] = useState<string | null>(null);
  const refresh = () => {
    void refetch().catch(() => undefined);
    void client.refetchQueries({ include: ['ReconciliationReport'] }).catch(() => undefined);
  };
  useSubscription(unmatchedPaymentAddedSubscription, { fetchPolicy: 'no-cache', onData: refresh });
  useSubscription(paymentMatchedSubscription, { fetchPolicy: 'no-cache', onData: refresh });

  async function decide(matchId: string, action: 'verify' | 'reject') {
    setBusy(matchId);
    setNotice(null);
    try {
      const result = action === 'verify' ? (await verify({ variables: { id: matchId } })).data?.verifyPaymentMatch : (await reject({ variables: { id: matchId } })).data?.rejectPaymentMatch;
      if (result?.userErrors.length) setNotice({ kind: 'error', text: result.userErrors.map((e) => e.message).join(' ') });
      else if (result?.paymentMatch) setNotice({ kind: 'success', text: action === 'verify' ? `Applied to ${result.paymentMatch.bookingReference}.` : `Rejected: ${result.paymentMatch.bookingReference} will not be proposed for this credit again.` });
      refresh();
    } catch (failure) {
      setNotice({ kind: 'error', text: describeError(failure) });
    } finally {
      setBusy(null);
    }
  }

  async function matchAgain() {
    setNotice(null);
    try {
      const result = (await rematch()).data?.rematchUnmatchedTransactions;
      if (result) setNotice({ kind: 'success', text: `${result.examined} unmatched credit${result.examined === 1 ? '' : 's'} matched again: ${result.applied} applied, ${result.suggested} with suggestions.` });
      refresh();
    } catch (failure) {
      setNotice({ kind: 'error', text: describeError(failure) });
    }
  }

  const queue = data?.paymentMatches;
  const unmatched = data?.unmatchedTransactions;
  return (
    <section className="page payments" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Payments</h1>
          <p className="muted">Bank credits matched to bookings. Sure matches are applied at once; the others wait here for a person.</p>
        </div>
        {me.role === 'ADMIN' && (
          <button type="button" className="button" onClick={() => void matchAgain()} disabled={rematching}>
            {rematching ? 'Matching…' : 'Match unmatched again'}
          </button>
        )}
      </header>

      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      {me.role === 'ADMIN' && (
        <StatementUpload
          onDone={(done) => {
            setNotice(done);
            refresh();
          }}
        />
      )}

      {error && !data ? (
        <LoadFailed what="payments" error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading what="payments" />
      ) : (
        <>
          <section className="section" aria-labelledby={`${headingId}-review`}>
            <div className="section__header">
              <h2 id={`${headingId}-review`}>To review</h2>
              <span className="muted">{queue?.totalCount === 1 ? '1 suggestion' : `${queue?.totalCount ?? 0} suggestions`}</span>
            </div>
            {queue && queue.edges.length === 0 ? (
              <p className="muted">Nothing to review.</p>
            ) : (
              <div className="table-wrap">
                <table className="table table--stack">
                  <TableHead columns={['Bank credit', 'Booking', 'Why', '']} />
                  <tbody>
                    {queue?.edges.map(({ node: match }) => (
                      <tr key={match.id} data-testid="payment-suggestion">
                        <td data-label="Bank credit">
                          <BankLine line={match.bankTransaction} />
                        </td>
                        <td data-label="Booking">
                          <BookingSide match={match} />
                        </td>
                        <td data-label="Why">
                          <span>
                            <span className="badge">{Math.round(match.confidence * 100)}%</span> {TYPE_LABELS[match.type]}: {match.reason}
                          </span>
                        </td>
                        <td className="nowrap actions">
                          <button type="button" className="button button--primary button--small" disabled={busy === match.id} onClick={() => void decide(match.id, 'verify')}>
                            Verify
                          </button>{' '}
                          <button type="button" className="button button--small" disabled={busy === match.id} onClick={() => void decide(match.id, 'reject')}>
                            Reject
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="section" aria-labelledby={`${headingId}-unmatched`}>
            <div className="section__header">
              <h2 id={`${headingId}-unmatched`}>Unmatched credits</h2>
              <span className="muted">{unmatched?.totalCount === 1 ? '1 credit' : `${unmatched?.totalCount ?? 0} credits`}, live</span>
            </div>
            {unmatched && unmatched.edges.length === 0 ? (
              <p className="muted">Every credit is matched.</p>
            ) : (
              <ul className="unmatched-list">
                {unmatched?.edges.map(({ node }) => (
                  <li key={node.id} className="card" data-testid="unmatched-credit">
                    <BankLine line={node} />
                    <div className="muted">{node.suggestions.length > 0 ? `${node.suggestions.length} suggestion${node.suggestions.length === 1 ? '' : 's'} above` : 'No booking fits'}</div>
                    {matchingId === node.id ? (
                      <MatchByHand
                        transaction={node}
                        onDone={(done) => {
                          setMatchingId(null);
                          setNotice(done);
                          refresh();
                        }}
                      />
                    ) : (
                      <button type="button" className="button button--small" onClick={() => setMatchingId(node.id)}>
                        Match by hand
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}

      <Reconciliation />
    </section>
  );
}

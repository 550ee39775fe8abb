import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { HashValue } from '../../components/copy-button';
import { dateTime } from '../../components/labels';
import { describeError } from '../../components/user-errors';
import type { VerifyTermsEvidenceQuery } from '../../graphql/generated/graphql';
import { verifyTermsEvidenceQuery } from '../../graphql/operations';

type Verification = VerifyTermsEvidenceQuery['verifyTermsEvidence'];

function Result({ verification }: { verification: Verification }) {
  const records = verification.checkedCount === 1 ? '1 record' : `${verification.checkedCount} records`;
  if (verification.ok) {
    return (
      <div role="status" className="notice notice--success verify-result" data-testid="verify-result" data-ok="true">
        <div>
          <strong>The chain is intact.</strong> {verification.checkedCount === 0 ? 'No acceptance has been recorded yet.' : `${records} checked: every hash and link matches.`}
          {verification.headSequence !== null && verification.headSha256 && (
            <p>
              Newest record #{verification.headSequence}, hash <HashValue value={verification.headSha256} label="newest record’s hash" />
            </p>
          )}
          <p className="hint">Checked {dateTime(verification.verifiedAt)}. Note the newest hash somewhere outside this system now and then: a chain cut back before it would then show.</p>
        </div>
      </div>
    );
  }
  const first = verification.firstMismatch;
  return (
    <div role="alert" className="notice notice--error verify-result" data-testid="verify-result" data-ok="false">
      <div>
        <strong>The chain is broken.</strong> {verification.mismatchCount === 1 ? '1 record fails' : `${verification.mismatchCount} records fail`} of {records} checked.
        {first && (
          <p data-testid="verify-first-mismatch">
            First: record #{first.sequence}: {first.reason}
          </p>
        )}
        <p className="hint">Checked {dateTime(verification.verifiedAt)}. Records are only appended; a broken link means the database was changed outside the product.</p>
      </div>
    </div>
  );
}

/** Recomputes every acceptance record's hash and link on request, and says what it found. */
export function VerifyChain() {
  const id = useId();
  const client = useApolloClient();
  const [verification, setVerification] = useState<Verification | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setProblem(null);
    try {
      const { data } = await client.query({ query: verifyTermsEvidenceQuery, fetchPolicy: 'no-cache' });
      setVerification(data?.verifyTermsEvidence ?? null);
    } catch (failure) {
      setProblem(describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card terms__verify" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Evidence chain</h2>
      <p className="muted">Every acceptance is a record whose hash covers its content and the record before it. Verifying recomputes them all.</p>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void verify()}>
          {busy ? 'Verifying…' : 'Verify evidence chain'}
        </button>
      </div>
      {problem && (
        <p role="alert" className="notice notice--error">
          Could not verify: {problem}
        </p>
      )}
      {verification && <Result verification={verification} />}
    </section>
  );
}

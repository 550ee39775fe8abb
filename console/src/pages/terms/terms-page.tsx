import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { SessionUser } from '../../app/session-store';
import { HashValue } from '../../components/copy-button';
import { dateTime } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import { TableHead } from '../../components/table-head';
import { describeError } from '../../components/user-errors';
import type { TermsVersionFieldsFragment, TermsVersionsQuery } from '../../graphql/generated/graphql';
import { termsVersionsQuery } from '../../graphql/operations';
import { PublishTermsForm } from './publish-terms-form';
import { VerifyChain } from './verify-chain';

/** Versions the list shows at a time. */
export const TERMS_VERSIONS_PAGE = { first: 20 } as const;

function appendVersions(previous: TermsVersionsQuery, next: TermsVersionsQuery): TermsVersionsQuery {
  const seen = new Set(previous.termsVersions.edges.map((edge) => edge.node.id));
  return { ...next, termsVersions: { ...next.termsVersions, edges: [...previous.termsVersions.edges, ...next.termsVersions.edges.filter((edge) => !seen.has(edge.node.id))] } };
}

function publishedLine(version: TermsVersionFieldsFragment): string {
  return `Published ${dateTime(version.publishedAt)}${version.publishedBy ? ` by ${version.publishedBy.displayName}` : ' (the text the first install starts with)'}`;
}

/** A version's full text, exactly as published, in a box that scrolls on its own. */
function TermsText({ version }: { version: TermsVersionFieldsFragment }) {
  return (
    <div className="terms-text" tabIndex={0} role="region" aria-label={`Text of ${version.label}`} data-testid="terms-text">
      {version.text}
    </div>
  );
}

/**
 * The booking terms: the current version in full (what customers are asked to accept), every
 * earlier one, and the check of the acceptance evidence chain. Admins publish new versions here.
 */
export function TermsPage({ me }: { me: SessionUser }) {
  const headingId = useId();
  const isAdmin = me.role === 'ADMIN';
  const { data, loading, error, refetch, fetchMore } = useQuery(termsVersionsQuery, { variables: TERMS_VERSIONS_PAGE, fetchPolicy: 'cache-and-network' });
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const current = data?.currentTermsVersion;
  const versions = data?.termsVersions;

  async function loadMore() {
    const after = versions?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after }, updateQuery: (previous, { fetchMoreResult }) => appendVersions(previous, fetchMoreResult) });
    } catch (failure) {
      setLoadMoreError(describeError(failure));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section className="page terms" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Terms</h1>
          <p className="muted">What customers accept before a booking is confirmed. Published versions never change; each acceptance keeps the version it accepted.</p>
        </div>
        {isAdmin && !publishing && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(null);
              setPublishing(true);
            }}
          >
            Publish new version
          </button>
        )}
      </header>

      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}

      {isAdmin && publishing && (
        <PublishTermsForm
          current={current ?? null}
          onDone={(published) => {
            setPublishing(false);
            if (published) setNotice({ kind: 'success', text: `${published.label} “${published.title}” is published: it is now the current terms.` });
          }}
        />
      )}

      {error && !data ? (
        <LoadFailed what="the terms" error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading what="the terms" />
      ) : (
        <div className="terms__layout">
          <section className="card terms__current" aria-labelledby={`${headingId}-current`} data-testid="current-terms">
            {current ? (
              <>
                <h2 id={`${headingId}-current`}>
                  Current terms: {current.label} <span className="terms__title">“{current.title}”</span>
                </h2>
                <p className="muted">{publishedLine(current)}</p>
                <p className="terms__meta">
                  <span className="muted">SHA-256</span> <HashValue value={current.sha256} label="terms text hash" testId="current-terms-hash" />{' '}
                  <a href={current.url} target="_blank" rel="noopener noreferrer">
                    Public page
                  </a>
                </p>
                <TermsText version={current} />
              </>
            ) : (
              <>
                <h2 id={`${headingId}-current`}>Current terms</h2>
                <p className="muted">No terms are published yet. {isAdmin ? 'Publish them before taking bookings.' : 'An admin must publish them before bookings can be confirmed.'}</p>
              </>
            )}
          </section>
          <VerifyChain />
        </div>
      )}

      {versions && (
        <section className="section" aria-labelledby={`${headingId}-versions`}>
          <div className="section__header">
            <h2 id={`${headingId}-versions`}>All versions</h2>
            <span className="muted">{versions.totalCount === 1 ? '1 version' : `${versions.totalCount} versions`}, newest first</span>
          </div>
          <div className="table-wrap">
            <table className="table table--versions table--stack">
              <TableHead columns={['Version', 'Title', 'Published', 'SHA-256', 'Text']} />
              <tbody>
                {versions.edges.map(({ node: version }) => (
                  <tr key={version.id} data-testid="terms-version-row">
                    <td data-label="Version" className="nowrap">
                      <span>
                        <strong>{version.label}</strong> {version.isCurrent && <span className="badge badge--primary">Current</span>}
                      </span>
                    </td>
                    <th scope="row" data-label="Title">
                      {version.title}
                    </th>
                    <td data-label="Published">
                      {dateTime(version.publishedAt)}
                      <div className="hint">{version.publishedBy ? version.publishedBy.displayName : 'First install'}</div>
                    </td>
                    <td data-label="SHA-256" className="nowrap">
                      <HashValue value={version.sha256} label={`${version.label} text hash`} />
                    </td>
                    <td data-label="Text" className="terms__version-text">
                      <details>
                        <summary>Show text</summary>
                        <TermsText version={version} />
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {versions.pageInfo.hasNextPage && (
            <div className="load-more">
              <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
              <span className="muted">
                {versions.edges.length} of {versions.totalCount} shown
              </span>
              {loadMoreError && (
                <span role="alert" className="field-error">
                  Could not load more: {loadMoreError}
                </span>
              )}
            </div>
          )}
        </section>
      )}
    </section>
  );
}

import { useQuery } from '@apollo/client/react';
import { useId, type ReactNode } from 'react';
import { conversationHref, customerHref, useHashQuery } from '../../app/routes';
import { AUTHOR_LABELS, CHANNEL_LABELS, customerLabel, STAGE_LABELS, timeAgo, useNow } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import { identityLine, previewLine } from '../customers/customer-panel';
import { searchQuery } from './search-operations';

const PER_GROUP = 20;

/**
 * The words of the query marked in a text (plain React text, never HTML from the server). The
 * server matches stemmed words ("vegetarians" finds "vegetarian"), so a word is marked where a
 * word starts with the query word less its last letters.
 */
function Highlighted({ text, query }: { text: string; query: string }): ReactNode {
  const stems = (query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).map((word) => (word.length > 4 ? word.slice(0, Math.max(4, word.length - 3)) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (stems.length === 0) return text;
  const pattern = new RegExp(`((?:${stems.join('|')})[\\p{L}\\p{N}]*)`, 'giu');
  return text.split(pattern).map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part));
}

/** Search results for the words in the URL (#/search?q=...), grouped: customers, threads, messages; each linked. */
export function SearchPage() {
  const headingId = useId();
  const now = useNow();
  const query = (new URLSearchParams(useHashQuery()).get('q') ?? '').trim();
  const { data, loading, error, refetch } = useQuery(searchQuery, { variables: { query, first: PER_GROUP }, skip: query === '', fetchPolicy: 'network-only' });
  const results = data?.search;

  return (
    <section className="page search-page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Search</h1>
          <p className="muted">{query ? `Results for “${query}”.` : 'Type a name, a phone number or words from a message in the search box above.'}</p>
        </div>
      </header>
      {query === '' ? null : error && !results ? (
        <LoadFailed what="the results" error={error} onRetry={() => void refetch()} />
      ) : loading && !results ? (
        <Loading what="the results" />
      ) : results ? (
        <div className="search-results">
          <section className="card" aria-labelledby={`${headingId}-customers`} data-testid="search-customers">
            <h2 id={`${headingId}-customers`}>Customers ({results.customers.length})</h2>
            {results.customers.length === 0 ? (
              <p className="muted">No customer matches.</p>
            ) : (
              <ul className="result-list">
                {results.customers.map((customer) => (
                  <li key={customer.id}>
                    <a href={customerHref(customer.id)}>
                      <Highlighted text={customerLabel(customer)} query={query} />
                    </a>
                    <div className="muted">{customer.identities.map((identity) => identityLine(identity)).join(' · ') || 'No identity'}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby={`${headingId}-threads`} data-testid="search-threads">
            <h2 id={`${headingId}-threads`}>Threads ({results.conversations.length})</h2>
            {results.conversations.length === 0 ? (
              <p className="muted">No thread matches.</p>
            ) : (
              <ul className="result-list">
                {results.conversations.map((conversation) => (
                  <li key={conversation.id}>
                    <a href={conversationHref(conversation.id)}>{customerLabel(conversation.customer, conversation.channel)}</a> · {CHANNEL_LABELS[conversation.channel]}{' '}
                    <span className="badge">{STAGE_LABELS[conversation.stage]}</span> <span className="muted">{timeAgo(conversation.lastMessageAt, now)}</span>
                    <div className="preview">{previewLine(conversation.lastMessage)}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby={`${headingId}-messages`} data-testid="search-messages">
            <h2 id={`${headingId}-messages`}>Messages ({results.messages.length})</h2>
            {results.messages.length === 0 ? (
              <p className="muted">No message matches.</p>
            ) : (
              <ul className="result-list">
                {results.messages.map((hit) => (
                  <li key={hit.message.id}>
                    <a href={conversationHref(hit.conversation.id)}>{customerLabel(hit.conversation.customer, hit.conversation.channel)}</a> · {CHANNEL_LABELS[hit.conversation.channel]} ·{' '}
                    <span className="muted">
                      {AUTHOR_LABELS[hit.message.author]}, {timeAgo(hit.message.createdAt, now)}
                    </span>
                    <div className="preview">
                      …<Highlighted text={hit.snippet} query={query} />…
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </section>
  );
}

import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { customerHref } from '../../app/routes';
import { customerLabel, phoneNumber } from '../../components/labels';
import { Notice, type NoticeMessage } from '../../components/notice';
import { LoadFailed, Loading } from '../../components/query-status';
import type { CustomerPanelFieldsFragment } from '../../graphql/generated/graphql';
import { searchQuery } from '../search/search-operations';
import { CustomerPanel, identityLine } from './customer-panel';
import { customerPanelQuery } from './customer-operations';
import { MergeDialog } from './merge-dialog';

/** A customer's own page: the panel in full, and merging a duplicate record of the same person into it. */
export function CustomerPage({ customerId }: { customerId: string }) {
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(customerPanelQuery, { variables: { id: customerId } });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const customer = data?.customer;
  if (error && !customer) return <LoadFailed what="the customer" error={error} onRetry={() => void refetch()} />;
  if (loading && !customer) return <Loading what="the customer" />;
  if (!customer) {
    return (
      <div className="empty">
        <p>This customer does not exist.</p>
        <a href="#/search">Search customers</a>
      </div>
    );
  }
  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>{customerLabel(customer)}</h1>
          <p className="muted">Customer {[customer.phone && phoneNumber(customer.phone), customer.email].filter(Boolean).join(' · ')}</p>
        </div>
      </header>
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <div className="customer-page">
        <CustomerPanel customerId={customer.id} variant="page" />
        {!customer.mergedIntoId && <MergeSection customer={customer} onMerged={(name) => setNotice({ kind: 'success', text: `${name} was merged into this customer. Its threads and bookings are listed here now.` })} />}
      </div>
    </section>
  );
}

/** Finds the other record of this person (by name, phone or email) and merges it in, after a confirmation. */
function MergeSection({ customer, onMerged }: { customer: CustomerPanelFieldsFragment; onMerged: (name: string) => void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const found = useQuery(searchQuery, { variables: { query, first: 10 }, skip: query === '' });
  const candidates = (found.data?.search.customers ?? []).filter((candidate) => candidate.id !== customer.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    setQuery(typed.trim());
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="merge-section">
      <h2 id={`${id}-title`}>Merge a duplicate</h2>
      <p className="muted">When this person also has another record (another number, a web chat before they gave their name), merge it into this one: its identities, threads and bookings move here.</p>
      <form className="search-form" role="search" onSubmit={submit}>
        <label htmlFor={`${id}-query`}>Find the other record</label>
        <div className="search-form__row">
          <input id={`${id}-query`} type="search" maxLength={200} placeholder="Name, phone or email" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="button">
            Find
          </button>
        </div>
      </form>
      {query !== '' &&
        (found.loading && !found.data ? (
          <Loading what="customers" />
        ) : candidates.length === 0 ? (
          <p className="muted">No other customer matches “{query}”.</p>
        ) : (
          <ul className="customer-panel__list" data-testid="merge-candidates">
            {candidates.map((candidate) => (
              <li key={candidate.id} className="merge-candidate">
                <div>
                  <a href={customerHref(candidate.id)}>{customerLabel(candidate)}</a>
                  <div className="muted">{candidate.identities.map((identity) => identityLine(identity)).join(' · ')}</div>
                </div>
                <button type="button" className="button button--small" onClick={() => setChosen(candidate.id)}>
                  Merge into this customer…
                </button>
              </li>
            ))}
          </ul>
        ))}
      {chosen && (
        <MergeDialog
          surviving={customer}
          mergedId={chosen}
          onClose={(merged) => {
            setChosen(null);
            if (merged) {
              setQuery('');
              setTyped('');
              onMerged(merged);
            }
          }}
        />
      )}
    </section>
  );
}

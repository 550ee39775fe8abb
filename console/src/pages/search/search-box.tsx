import './search.css';
import { useState, type FormEvent } from 'react';
import { searchHref, useHashQuery, useRoute } from '../../app/routes';

/** The top bar's search: Enter opens the search page with the words (customers, threads, messages). */
export function SearchBox() {
  const route = useRoute();
  const hashQuery = useHashQuery();
  const onSearchPage = route.area === 'search';
  const current = onSearchPage ? (new URLSearchParams(hashQuery).get('q') ?? '') : '';
  const [typed, setTyped] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const query = (typed ?? current).trim();
    setTyped(null);
    window.location.hash = searchHref(query);
  }

  return (
    <form className="topbar__search" role="search" aria-label="Search customers, threads and messages" onSubmit={submit}>
      <input
        type="search"
        aria-label="Search customers, threads and messages"
        placeholder="Search name, phone, words…"
        maxLength={200}
        value={typed ?? current}
        onChange={(e) => setTyped(e.target.value)}
        data-testid="search-box"
      />
    </form>
  );
}

import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field';
import { clockTime, dateTime, dollars, driveTime, eventDay, miles, TRAVEL_BAND_LABELS } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import { TableHead } from '../../components/table-head';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { TravelQuoteFieldsFragment, TravelQuotesQuery } from '../../graphql/generated/graphql';
import { quoteTravelMutation, travelQuotesQuery } from '../../graphql/operations';
import { EstimateMarker, TravelQuoteFacts } from './travel-quote-facts';
import { FORM_LIMITS } from '../../components/form-limits';

/** Quotes the history shows at a time; "Load more" asks for as many again. */
const QUOTES_PAGE = { first: 20 } as const;
const OWN_FIELDS = new Set(['address', 'eventDate', 'startTime']);

/** A new quote tops the history (newest first), once, whoever's answer arrives first. */
function addToHistory(cache: ApolloCache, quote: TravelQuoteFieldsFragment): void {
  cache.updateQuery({ query: travelQuotesQuery, variables: QUOTES_PAGE }, (data) => {
    if (!data || data.travelQuotes.edges.some((edge) => edge.node.id === quote.id)) return undefined;
    const edge = { __typename: 'TravelQuoteEdge' as const, node: quote };
    return { ...data, travelQuotes: { ...data.travelQuotes, totalCount: data.travelQuotes.totalCount + 1, edges: [edge, ...data.travelQuotes.edges] } };
  });
}

function appendQuotes(previous: TravelQuotesQuery, next: TravelQuotesQuery): TravelQuotesQuery {
  const seen = new Set(previous.travelQuotes.edges.map((edge) => edge.node.id));
  return { ...next, travelQuotes: { ...next.travelQuotes, edges: [...previous.travelQuotes.edges, ...next.travelQuotes.edges.filter((edge) => !seen.has(edge.node.id))] } };
}

/**
 * The travel quote calculator: an address (and, for traffic, the event's day and time) gives the
 * drive from the base, its service area and fee, or the sentence a customer past the area is
 * told. Every quote is kept; the latest are listed below.
 */
export function TravelPage() {
  const id = useId();
  const headingId = `${id}-title`;
  const [address, setAddress] = useState('');
  const [eventDate, setEventDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  // The quote shown, with the day and time it was asked for (the quote holds the instant only).
  const [result, setResult] = useState<{ quote: TravelQuoteFieldsFragment; eventDate: string; startTime: string } | null>(null);
  const [quoteTravel, { loading }] = useMutation(quoteTravelMutation);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const { byField, general } = indexUserErrors(errors, (field) => (OWN_FIELDS.has(field) ? field : undefined));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!address.trim()) return setErrors([{ field: 'address', message: 'Enter the event address: street, city and state, or a ZIP code.' }]);
    setErrors([]);
    try {
      const { data } = await quoteTravel({
        variables: { input: { address: address.trim(), eventDate: eventDate || undefined, startTime: startTime || undefined } },
        update: (cache, { data: answer }) => {
          if (answer?.quoteTravel.quote) addToHistory(cache, answer.quoteTravel.quote);
        },
      });
      const payload = data?.quoteTravel;
      if (payload?.userErrors.length) return setErrors(payload.userErrors);
      if (payload?.quote) {
        setResult({ quote: payload.quote, eventDate, startTime });
        // The answer is read out from its heading, as a person's eyes would go there.
        requestAnimationFrame(() => resultHeading.current?.focus());
      }
    } catch (failure) {
      setErrors([{ field: null, message: describeError(failure) }]);
    }
  }

  return (
    <section className="page travel" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Travel quotes</h1>
          <p className="muted">The drive from our base to an event, its service area and travel fee. Every quote is kept with what it was worked out from.</p>
        </div>
      </header>

      <div className="travel__layout">
        <form className="card travel__form" aria-label="Quote travel" noValidate onSubmit={submit}>
          <h2>Quote an address</h2>
          <FormAlert messages={general} title="Could not quote this address" />
          <FormField id={`${id}-address`} label="Event address" messages={byField.get('address')} hint="Street, city and state, or a ZIP code.">
            {(control) => <input {...control} value={address} maxLength={FORM_LIMITS.travel.address.maxLength} autoComplete="off" onChange={(e) => setAddress(e.target.value)} />}
          </FormField>
          <div className="travel__when">
            <FormField id={`${id}-eventDate`} label="Event date (optional)" messages={byField.get('eventDate')}>
              {(control) => <input {...control} type="date" value={eventDate} onChange={(e) => setEventDate(e.target.value)} />}
            </FormField>
            <FormField id={`${id}-startTime`} label="Start time (optional)" messages={byField.get('startTime')}>
              {(control) => <input {...control} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />}
            </FormField>
          </div>
          <p className="hint">With a date, the drive is timed for traffic at the event’s start (5:00 PM when no time is given).</p>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={loading}>
              {loading ? 'Quoting…' : 'Quote'}
            </button>
          </div>
        </form>

        <section className="card travel__result" aria-labelledby={`${id}-result`} data-testid="travel-result">
          {result ? (
            <>
              <h2 id={`${id}-result`} ref={resultHeading} tabIndex={-1}>
                {result.quote.declined ? 'Outside our service area' : result.quote.feeCents === 0 ? 'No travel fee' : `Travel fee ${dollars(result.quote.feeCents)}`}
              </h2>
              <p className="muted">
                For “{result.quote.address}”
                {result.eventDate && `, an event on ${eventDay(result.eventDate)} at ${clockTime(result.startTime || '17:00')}`}
              </p>
              <TravelQuoteFacts quote={result.quote} />
            </>
          ) : (
            <>
              <h2 id={`${id}-result`}>Quote</h2>
              <p className="muted">The distance, drive time, service area and fee show here.</p>
            </>
          )}
        </section>
      </div>

      <QuoteHistory />
    </section>
  );
}

/** The latest quotes, newest first, from here, from bookings and from the assistant. */
function QuoteHistory() {
  const id = useId();
  const { data, loading, error, refetch, fetchMore } = useQuery(travelQuotesQuery, { variables: QUOTES_PAGE, fetchPolicy: 'cache-and-network' });
  const connection = data?.travelQuotes;
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);

  async function loadMore() {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after }, updateQuery: (previous, { fetchMoreResult }) => appendQuotes(previous, fetchMoreResult) });
    } catch (failure) {
      setLoadMoreError(describeError(failure));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <div className="section__header">
        <h2 id={`${id}-title`}>Recent quotes</h2>
        {connection && <span className="muted">{connection.totalCount === 1 ? '1 quote' : `${connection.totalCount} quotes`}, newest first</span>}
      </div>
      {error && !connection ? (
        <LoadFailed what="recent quotes" error={error} onRetry={() => void refetch()} />
      ) : loading && !connection ? (
        <Loading what="recent quotes" />
      ) : !connection || connection.edges.length === 0 ? (
        <div className="empty">
          <p>No quotes yet. Quotes made here, for bookings and by the assistant are listed here.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table table--quotes table--stack">
            <TableHead columns={['Quoted', 'Address', 'Distance', 'Drive', 'Area', 'Fee']} />
            <tbody>
              {connection.edges.map(({ node: quote }) => (
                <tr key={quote.id} data-testid="quote-row">
                  <td data-label="Quoted" className="nowrap numeric">
                    {dateTime(quote.createdAt)}
                  </td>
                  <th scope="row" data-label="Address" className="quote-address">
                    <span>{quote.address}</span>
                    {quote.formattedAddress !== quote.address && <div className="hint">Placed at {quote.formattedAddress}</div>}
                  </th>
                  <td data-label="Distance" className="nowrap numeric">
                    <span>
                      {miles(quote.miles)} {quote.estimate && <EstimateMarker />}
                    </span>
                  </td>
                  <td data-label="Drive" className="nowrap numeric">
                    {driveTime(quote.driveMinutes)}
                  </td>
                  <td data-label="Area" title={quote.bandLabel}>
                    {TRAVEL_BAND_LABELS[quote.band]}
                  </td>
                  <td data-label="Fee" className="numeric money">
                    {quote.declined ? <span className="declined">Declined</span> : quote.feeCents === 0 ? 'Free' : dollars(quote.feeCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {connection?.pageInfo.hasNextPage && (
        <div className="load-more">
          <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
          <span className="muted">
            {connection.edges.length} of {connection.totalCount} shown
          </span>
          {loadMoreError && (
            <span role="alert" className="field-error">
              Could not load more: {loadMoreError}
            </span>
          )}
        </div>
      )}
    </section>
  );
}

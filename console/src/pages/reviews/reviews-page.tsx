import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useCatchUpOnReconnect } from '../../app/catch-up';
import { customerHref, replaceHashQuery, useHashQuery } from '../../app/routes';
import { FormField } from '../../components/form-field';
import { LoadFailed, Loading } from '../../components/query-status';
import { describeError, FormAlert, indexUserErrors, type UserErrorLike } from '../../components/user-errors';
import type { ReviewFieldsFragment, ReviewsQuery } from '../../graphql/generated/graphql';
import { addReviewMutation, approveReviewReplyMutation, reviewAddedSubscription, reviewUpdatedSubscription, reviewsQuery } from './reviews-operations';
import './reviews.css';

/** The charts library is large: it loads only when someone opens the analytics. */
const ReviewAnalyticsView = lazy(() => import('./review-analytics').then((module) => ({ default: module.ReviewAnalyticsView })));

/** Google's limit on a reply (the server refuses longer ones too). */
const MAX_REPLY_CHARS = 4096;

type Show = 'all' | 'attention' | 'flagged';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const REPLY_STATE_LABELS: Record<ReviewFieldsFragment['replyState'], string> = {
  NONE: 'No reply',
  DRAFT: 'Draft: waiting for approval',
  SCHEDULED: 'Scheduled',
  POSTING: 'Posting',
  POSTED: 'Posted',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled: review deleted',
};

function Stars({ rating }: { rating: number }) {
  return (
    <span className="stars" role="img" aria-label={`${rating} out of 5 stars`}>
      {'★'.repeat(rating)}
      <span className="stars__empty">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}

function sentimentLabel(sentiment: number): { text: string; tone: string } {
  if (sentiment >= 0.3) return { text: 'Positive', tone: 'positive' };
  if (sentiment <= -0.3) return { text: 'Negative', tone: 'negative' };
  return { text: 'Mixed', tone: 'mixed' };
}

function Evidence({ review }: { review: ReviewFieldsFragment }) {
  const evidence = review.verificationEvidence;
  if (!review.verification || !evidence) return null;
  return (
    <div className="review__evidence" data-testid="review-evidence">
      {review.verification === 'CUSTOMER' ? (
        <p>
          <strong>A customer:</strong>{' '}
          {evidence.customer ? <a href={customerHref(evidence.customer.id)}>{evidence.customerName ?? 'customer'}</a> : evidence.customerName}, event on {evidence.eventDate} ·{' '}
          {Math.round(evidence.confidence * 100)}% sure ({evidence.matchedOn.join(', ').toLowerCase().replaceAll('_', ' ')})
        </p>
      ) : (
        <p>
          <strong>No record of serving them:</strong> no customer with an event in the {evidence.windowDays} days before the review matched by name, phone or email (
          {evidence.eventsChecked} events checked).
        </p>
      )}
    </div>
  );
}

/** The reply: read-only once posted; editable and approvable while it waits. */
function Reply({ review }: { review: ReviewFieldsFragment }) {
  const textId = useId();
  const [text, setText] = useState(review.replyText ?? '');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [approve, { loading }] = useMutation(approveReviewReplyMutation);
  const editable = review.replyState === 'DRAFT' || review.replyState === 'FAILED' || review.replyState === 'SCHEDULED';
  const { byField, general } = indexUserErrors(errors, (field) => (field === 'text' ? 'text' : undefined));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    try {
      const payload = (await approve({ variables: { input: { id: review.id, text } } })).data?.approveReviewReply;
      if (payload?.userErrors.length) setErrors(payload.userErrors);
    } catch (failure) {
      setErrors([{ field: null, message: describeError(failure) }]);
    }
  }

  if (!editable) {
    return review.replyText ? (
      <blockquote className="quote review__reply">
        {review.replyText}
        {review.repliedAt && <footer className="muted">Posted {when.format(new Date(review.repliedAt))}</footer>}
      </blockquote>
    ) : null;
  }
  const tooLong = text.length > MAX_REPLY_CHARS;
  return (
    <form className="review__reply-form" onSubmit={(event) => void submit(event)}>
      <FormAlert messages={general} title="Could not approve" />
      <FormField
        id={textId}
        label={review.replyState === 'SCHEDULED' ? 'Reply (posts by itself; edit to change it)' : 'Reply draft'}
        messages={byField.get('text')}
        hint={
          <span className={tooLong ? 'field-error' : undefined}>
            {text.length.toLocaleString()} / {MAX_REPLY_CHARS.toLocaleString()} characters
          </span>
        }
      >
        {(control) => <textarea {...control} rows={4} value={text} onChange={(event) => setText(event.target.value)} />}
      </FormField>
      {review.replyFailure && <p className="notice notice--warning">{review.replyFailure}</p>}
      {review.replyState === 'SCHEDULED' && review.replyPostsAt && <p className="muted">Posts {when.format(new Date(review.replyPostsAt))}</p>}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={loading || tooLong || text.trim() === ''}>
          {text.trim() === (review.replyText ?? '').trim() ? 'Approve and post' : 'Post edited reply'}
        </button>
      </div>
    </form>
  );
}

function ReviewItem({ review }: { review: ReviewFieldsFragment }) {
  const sentiment = sentimentLabel(review.sentiment);
  return (
    <li className={`card review${review.flagged ? ' review--flagged' : ''}`} data-testid="review-item">
      <header className="review__header">
        <Stars rating={review.rating} />
        <strong>{review.reviewerName}</strong>
        <span className="muted">{when.format(new Date(review.createdAt))}</span>
        {review.source === 'LOCAL' && <span className="badge">Entered by staff</span>}
        <span className={`badge review__sentiment review__sentiment--${sentiment.tone}`} title={`Sentiment ${review.sentiment.toFixed(2)}`}>
          {sentiment.text}
        </span>
        {review.flagged && <span className="badge badge--alert">Flagged</span>}
        <span className={`chip review__state review__state--${review.replyState.toLowerCase()}`}>{REPLY_STATE_LABELS[review.replyState]}</span>
      </header>
      {review.comment && <p className="review__comment">{review.comment}</p>}
      {(review.praised.length > 0 || review.raised.length > 0) && (
        <p className="muted">
          {review.praised.length > 0 && <>Praised: {review.praised.join(', ')}. </>}
          {review.raised.length > 0 && <>Raised: {review.raised.join(', ')}.</>}
        </p>
      )}
      <Evidence review={review} />
      <Reply key={`${review.replyState}:${review.replyText ?? ''}`} review={review} />
    </li>
  );
}

const ADD_FIELDS = new Set(['reviewerName', 'rating', 'comment', 'reviewerPhone', 'reviewerEmail']);

/** A review left somewhere staff saw it (or with no Google connection): the same policy replies. */
function AddReviewForm({ onAdded }: { onAdded: () => void }) {
  const id = useId();
  const [reviewerName, setReviewerName] = useState('');
  const [rating, setRating] = useState('5');
  const [comment, setComment] = useState('');
  const [reviewerPhone, setReviewerPhone] = useState('');
  const [reviewerEmail, setReviewerEmail] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [add, { loading }] = useMutation(addReviewMutation);
  const { byField, general } = indexUserErrors(errors, (field) => (ADD_FIELDS.has(field) ? field : undefined));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    try {
      const payload = (
        await add({
          variables: { input: { reviewerName, rating: Number(rating), comment: comment || null, reviewerPhone: reviewerPhone || null, reviewerEmail: reviewerEmail || null } },
        })
      ).data?.addReview;
      if (!payload) return;
      if (payload.userErrors.length) {
        setErrors(payload.userErrors);
        return;
      }
      setReviewerName('');
      setComment('');
      setReviewerPhone('');
      setReviewerEmail('');
      onAdded();
    } catch (failure) {
      setErrors([{ field: null, message: describeError(failure) }]);
    }
  }

  return (
    <details className="card review-add">
      <summary>Add a review</summary>
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        <FormAlert messages={general} title="Could not add the review" />
        <FormField id={`${id}-name`} label="Reviewer's name" messages={byField.get('reviewerName')}>
          {(control) => <input {...control} value={reviewerName} onChange={(event) => setReviewerName(event.target.value)} maxLength={200} required />}
        </FormField>
        <FormField id={`${id}-rating`} label="Rating" messages={byField.get('rating')}>
          {(control) => (
            <select {...control} value={rating} onChange={(event) => setRating(event.target.value)}>
              {[5, 4, 3, 2, 1].map((stars) => (
                <option key={stars} value={stars}>
                  {stars} {stars === 1 ? 'star' : 'stars'}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${id}-comment`} label="What they wrote" messages={byField.get('comment')} className="form-grid__wide">
          {(control) => <textarea {...control} rows={3} value={comment} onChange={(event) => setComment(event.target.value)} maxLength={4000} />}
        </FormField>
        <FormField id={`${id}-phone`} label="Reviewer's phone (if known)" messages={byField.get('reviewerPhone')}>
          {(control) => <input {...control} type="tel" value={reviewerPhone} onChange={(event) => setReviewerPhone(event.target.value)} />}
        </FormField>
        <FormField id={`${id}-email`} label="Reviewer's email (if known)" messages={byField.get('reviewerEmail')}>
          {(control) => <input {...control} type="email" value={reviewerEmail} onChange={(event) => setReviewerEmail(event.target.value)} />}
        </FormField>
        <div className="actions form-grid__wide">
          <button type="submit" className="button button--primary" disabled={loading}>
            Add review
          </button>
        </div>
      </form>
    </details>
  );
}

/** The next page after the ones shown, without a review twice (one may have arrived between pages). */
function appendPage(previous: ReviewsQuery, next: ReviewsQuery): ReviewsQuery {
  const seen = new Set(previous.reviews.edges.map((edge) => edge.node.id));
  return { ...next, reviews: { ...next.reviews, edges: [...previous.reviews.edges, ...next.reviews.edges.filter((edge) => !seen.has(edge.node.id))] } };
}

function filtersOf(query: string): { show: Show; rating: number | null; view: 'inbox' | 'analytics' } {
  const params = new URLSearchParams(query);
  const show = params.get('show');
  const rating = Number(params.get('rating'));
  return {
    show: show === 'attention' || show === 'flagged' ? show : 'all',
    rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
    view: params.get('view') === 'analytics' ? 'analytics' : 'inbox',
  };
}

function withFilters(filters: ReturnType<typeof filtersOf>): string {
  const params = new URLSearchParams();
  if (filters.view !== 'inbox') params.set('view', filters.view);
  if (filters.show !== 'all') params.set('show', filters.show);
  if (filters.rating !== null) params.set('rating', String(filters.rating));
  return params.toString();
}

/** Reviews and their replies (SPEC §7): drafts to approve, flagged reviewers, live as reviews arrive; and their analytics. */
export function ReviewsPage() {
  const headingId = useId();
  const filters = filtersOf(useHashQuery());
  const variables = {
    first: 50,
    rating: filters.rating,
    needsAttention: filters.show === 'attention' ? true : null,
    flagged: filters.show === 'flagged' ? true : null,
  };
  const reviews = useQuery(reviewsQuery, { variables, fetchPolicy: 'cache-and-network', skip: filters.view !== 'inbox' });
  const again = () => void reviews.refetch().catch(() => undefined);
  useSubscription(reviewAddedSubscription, { fetchPolicy: 'no-cache', onData: again });
  // Written into the cache by id: the review's card changes in place, no page read again.
  useSubscription(reviewUpdatedSubscription);
  useCatchUpOnReconnect(again);
  const set = (change: Partial<ReturnType<typeof filtersOf>>) => replaceHashQuery(withFilters({ ...filters, ...change }));
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  async function loadMore() {
    const after = reviews.data?.reviews.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await reviews.fetchMore({ variables: { after }, updateQuery: (previous, { fetchMoreResult }) => appendPage(previous, fetchMoreResult) });
    } catch (failure) {
      setLoadMoreError(describeError(failure));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Reviews</h1>
          <p className="muted">4-5 star replies post by themselves; 1-3 star replies wait here for approval. Reviewers under 3 stars are checked against customers.</p>
        </div>
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={filters.view === 'inbox'} onClick={() => set({ view: 'inbox' })}>
            Reviews
          </button>
          <button type="button" aria-pressed={filters.view === 'analytics'} onClick={() => set({ view: 'analytics' })}>
            Analytics
          </button>
        </div>
      </header>
      {filters.view === 'analytics' ? (
        <Suspense fallback={<Loading what="review analytics" />}>
          <ReviewAnalyticsView />
        </Suspense>
      ) : (
        <>
          <AddReviewForm onAdded={again} />
          <div className="filters">
            <div className="segmented" role="group" aria-label="Show">
              {(
                [
                  ['all', 'All'],
                  ['attention', 'Needs attention'],
                  ['flagged', 'Flagged'],
                ] as const
              ).map(([value, label]) => (
                <button key={value} type="button" aria-pressed={filters.show === value} onClick={() => set({ show: value })}>
                  {label}
                </button>
              ))}
            </div>
            <label>
              Rating{' '}
              <select value={filters.rating ?? ''} onChange={(event) => set({ rating: event.target.value ? Number(event.target.value) : null })}>
                <option value="">Any</option>
                {[5, 4, 3, 2, 1].map((stars) => (
                  <option key={stars} value={stars}>
                    {stars} {stars === 1 ? 'star' : 'stars'}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {reviews.error ? (
            <LoadFailed what="reviews" error={reviews.error} onRetry={again} />
          ) : !reviews.data ? (
            <Loading what="reviews" />
          ) : reviews.data.reviews.edges.length === 0 ? (
            <p className="muted">No reviews here.</p>
          ) : (
            <>
              <ul className="card-list" aria-label="Reviews">
                {reviews.data.reviews.edges.map(({ node }) => (
                  <ReviewItem key={node.id} review={node} />
                ))}
              </ul>
              {reviews.data.reviews.pageInfo.hasNextPage && (
                <div className="load-more">
                  <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
                    {loadingMore ? 'Loading…' : 'Load more'}
                  </button>
                  <span className="muted">
                    {reviews.data.reviews.edges.length} of {reviews.data.reviews.totalCount} shown
                  </span>
                  {loadMoreError && (
                    <span role="alert" className="field-error">
                      Could not load more: {loadMoreError}
                    </span>
                  )}
                </div>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

import './customers.css';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { bookingHref, conversationHref, customerHref } from '../../app/routes';
import { AUTHOR_LABELS, CHANNEL_LABELS, clockTime, customerLabel, dateTime, eventDay, partyMakeup, phoneNumber, STAGE_LABELS, timeAgo, useNow } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import { describeError, FormAlert } from '../../components/user-errors';
import { FormField } from '../../components/form-field';
import type { Channel, CustomerPanelFieldsFragment, IdentityKind } from '../../graphql/generated/graphql';
import { StatusChip } from '../bookings/status-chip';
import { customerPanelQuery, updateCustomerMutation } from './customer-operations';

export const IDENTITY_LABELS: Record<IdentityKind, string> = {
  PHONE: 'Phone',
  EMAIL: 'Email',
  META_ID: 'Messenger or Instagram',
  WEB_SESSION: 'Web chat',
};

/** An identity as staff read it: a phone number formatted, the rest as the server gives them. */
export function identityText(identity: { kind: IdentityKind; display: string }): string {
  return identity.kind === 'PHONE' ? phoneNumber(identity.display) : identity.display;
}

/** An identity on one line with its kind ("Phone (916) 555-0100"); a web chat visitor already says what it is. */
export function identityLine(identity: { kind: IdentityKind; display: string }): string {
  return identity.kind === 'WEB_SESSION' ? identity.display : `${IDENTITY_LABELS[identity.kind]} ${identityText(identity)}`;
}

/** A message as one line of a list: who wrote it and the start of what they wrote. */
export function previewLine(message: { author: keyof typeof AUTHOR_LABELS; text: string } | null): string {
  if (!message) return 'No messages yet';
  const text = message.text.replace(/\s+/g, ' ').trim();
  return `${AUTHOR_LABELS[message.author]}: ${text.length > 120 ? `${text.slice(0, 119)}…` : text}`;
}

/**
 * Who the customer of a thread is: every identity across channels, every thread and booking of
 * theirs, the records merged into them, and their name, which staff can correct. Beside a
 * thread (`side`) and on the customer's own page.
 */
export function CustomerPanel(props: {
  customerId: string;
  /** The thread the panel sits beside, and its latest message as the live thread holds it (newer than the panel's read). */
  currentConversationId?: string;
  currentLastMessage?: { author: keyof typeof AUTHOR_LABELS; text: string } | null;
  variant?: 'side' | 'page';
  fallbackChannel?: Channel;
}) {
  const { customerId, currentConversationId, currentLastMessage, variant = 'side', fallbackChannel } = props;
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(customerPanelQuery, { variables: { id: customerId } });
  const customer = data?.customer;
  if (error && !customer) return <LoadFailed what="the customer" error={error} onRetry={() => void refetch()} />;
  if (loading && !customer) return <Loading what="the customer" />;
  if (!customer) return <p className="empty">This customer does not exist.</p>;
  return (
    <section className="card customer-panel" aria-labelledby={headingId} data-testid="customer-panel">
      <header className="customer-panel__header">
        {variant === 'side' ? (
          <h2 id={headingId}>Customer</h2>
        ) : (
          <h2 id={headingId}>Who they are</h2>
        )}
        {variant === 'side' && <a href={customerHref(customer.id)}>Open customer page</a>}
      </header>
      <CustomerName customer={customer} fallbackChannel={fallbackChannel} />
      {customer.mergedInto && (
        <p className="notice notice--info" data-testid="merged-into">
          This record was merged into <a href={customerHref(customer.mergedInto.id)}>{customerLabel(customer.mergedInto)}</a>
          {customer.mergedAt && ` on ${dateTime(customer.mergedAt)}`}. Their threads and bookings are there now.
        </p>
      )}
      <CustomerLists customer={customer} currentConversationId={currentConversationId} currentLastMessage={currentLastMessage} />
    </section>
  );
}

function CustomerName({ customer, fallbackChannel }: { customer: CustomerPanelFieldsFragment; fallbackChannel?: Channel }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ name: string[]; general: string[] }>({ name: [], general: [] });
  const [update, { loading }] = useMutation(updateCustomerMutation);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const payload = (await update({ variables: { input: { customerId: customer.id, name } } })).data?.updateCustomer;
      const userErrors = payload?.userErrors ?? [];
      setErrors({ name: userErrors.filter((e) => e.field === 'name').map((e) => e.message), general: userErrors.filter((e) => e.field !== 'name').map((e) => e.message) });
      if (userErrors.length === 0) setEditing(false);
    } catch (failure) {
      setErrors({ name: [], general: [describeError(failure)] });
    }
  }

  if (!editing) {
    return (
      <div className="customer-panel__name">
        <p>
          <strong data-testid="customer-name">{customerLabel(customer, fallbackChannel)}</strong>
          {!customer.name && <span className="muted"> · name not known yet</span>}
        </p>
        {!customer.mergedIntoId && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              setName(customer.name ?? '');
              setErrors({ name: [], general: [] });
              setEditing(true);
            }}
          >
            {customer.name ? 'Edit name' : 'Add name'}
          </button>
        )}
      </div>
    );
  }
  return (
    <form className="customer-panel__rename" noValidate onSubmit={(event) => void save(event)}>
      <FormAlert messages={errors.general} title="Could not save the name" />
      <FormField id={`${id}-name`} label="Name" messages={errors.name} hint="As the customer gave it, for example Dana Reyes.">
        {(control) => <input {...control} type="text" autoComplete="off" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </FormField>
      <div className="actions">
        <button type="submit" className="button button--primary button--small" disabled={loading}>
          {loading ? 'Saving…' : 'Save name'}
        </button>
        <button type="button" className="button button--small" disabled={loading} onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CustomerLists({ customer, currentConversationId, currentLastMessage }: { customer: CustomerPanelFieldsFragment; currentConversationId?: string; currentLastMessage?: { author: keyof typeof AUTHOR_LABELS; text: string } | null }) {
  const now = useNow();
  return (
    <>
      <h3>Identities</h3>
      {customer.identities.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="customer-panel__list" data-testid="customer-identities">
          {customer.identities.map((identity) => (
            <li key={identity.id}>
              {identity.kind !== 'WEB_SESSION' && <span className="muted">{IDENTITY_LABELS[identity.kind]}</span>} {identityText(identity)}
            </li>
          ))}
        </ul>
      )}

      <h3>Threads ({customer.conversations.length})</h3>
      {customer.conversations.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="customer-panel__list" data-testid="customer-threads">
          {customer.conversations.map((conversation) => (
            <li key={conversation.id}>
              <div>
                {conversation.id === currentConversationId ? (
                  <strong>{CHANNEL_LABELS[conversation.channel]} (this thread)</strong>
                ) : (
                  <a href={conversationHref(conversation.id)}>{CHANNEL_LABELS[conversation.channel]}</a>
                )}{' '}
                <span className="badge">{STAGE_LABELS[conversation.stage]}</span>{' '}
                <span className="muted" title={conversation.lastMessageAt}>
                  {timeAgo(conversation.lastMessageAt, now)}
                </span>
              </div>
              <div className="preview">{previewLine(conversation.id === currentConversationId && currentLastMessage !== undefined ? currentLastMessage : conversation.lastMessage)}</div>
            </li>
          ))}
        </ul>
      )}

      <h3>Bookings ({customer.bookings.length})</h3>
      {customer.bookings.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="customer-panel__list" data-testid="customer-bookings">
          {customer.bookings.map((booking) => (
            <li key={booking.id}>
              <a href={bookingHref(booking.id)}>
                {eventDay(booking.eventDate)} at {clockTime(booking.startTime)}
              </a>{' '}
              · {partyMakeup(booking.adults, booking.kids)} <StatusChip status={booking.status} />
            </li>
          ))}
        </ul>
      )}

      {customer.merges.length > 0 && (
        <>
          <h3>Merged records</h3>
          <ul className="customer-panel__list" data-testid="customer-merges">
            {customer.merges.map((merge) => (
              <li key={merge.id}>
                <a href={customerHref(merge.mergedCustomerId)}>{merge.mergedName ?? merge.mergedPhone ?? merge.mergedEmail ?? 'A record without a name'}</a> merged in on {dateTime(merge.mergedAt)} by{' '}
                {merge.mergedBy?.displayName ?? (merge.byApiKey ? 'an API key' : 'the assistant (a phone or email already known)')}: {countOf(merge.movedIdentities.length, 'identity', 'identities')},{' '}
                {countOf(merge.movedConversationIds.length, 'thread', 'threads')} and {countOf(merge.movedBookingIds.length, 'booking', 'bookings')} moved
                {merge.filledFields.length > 0 && `; took their ${merge.filledFields.join(' and ')}`}.
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

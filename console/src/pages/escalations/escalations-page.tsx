import { useQuery } from '@apollo/client/react';
import { useId, useState, useSyncExternalStore } from 'react';
import { soundPreference } from '../../app/alert-sound';
import { conversationHref } from '../../app/routes';
import type { SessionUser } from '../../app/session-store';
import { CHANNEL_LABELS, customerLabel, ESCALATION_STATUS_LABELS, outsideHolder, REASON_LABELS, timeAgo, useNow } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import { escalationsQuery } from '../../graphql/operations';
import { ESCALATIONS_VARIABLES, isWaiting } from './escalations-cache';
import { TableHead } from '../../components/table-head';
import { UnreadBadge } from '../../components/unread-badge';

type QueueOrder = 'oldest' | 'upset';

/** Oldest first (the order the server hands them out); or upset customers first, each group oldest first. */
function ordered<T extends { upset: boolean; createdAt: string }>(escalations: readonly T[], order: QueueOrder): T[] {
  const byAge = [...escalations].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return order === 'upset' ? [...byAge.filter((e) => e.upset), ...byAge.filter((e) => !e.upset)] : byAge;
}

/**
 * The open escalation queue, oldest first (or upset customers first). It is kept live by useEscalationFeed (mounted by
 * the shell), so this page only reads the shared cache.
 */
export function EscalationsPage({ me }: { me: SessionUser }) {
  const headingId = useId();
  const now = useNow();
  const { data, loading, error, refetch } = useQuery(escalationsQuery, { variables: ESCALATIONS_VARIABLES });
  const soundOn = useSyncExternalStore(soundPreference.subscribe, soundPreference.get);
  // A page read before an escalation was resolved can arrive after the event said so: the cache keeps it resolved, and the queue leaves it out.
  const open = data?.escalations.edges.map((edge) => edge.node).filter((escalation) => escalation.status !== 'RESOLVED') ?? [];
  const [order, setOrder] = useState<QueueOrder>('oldest');
  const escalations = ordered(open, order);
  const waiting = escalations.filter(isWaiting).length;
  const upset = escalations.filter((escalation) => escalation.upset).length;

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Escalations</h1>
          <p className="muted">
            Chats the assistant handed to staff, oldest first. New ones appear here and in the tab title as they arrive.
            {data && ` ${waiting} waiting, ${escalations.length - waiting} taken over${upset ? `, ${upset} upset` : ''}.`}
          </p>
        </div>
        <label className="queue-order">
          <span>Order</span>
          <select value={order} onChange={(event) => setOrder(event.target.value as QueueOrder)}>
            <option value="oldest">Oldest first</option>
            <option value="upset">Upset customers first</option>
          </select>
        </label>
        <button type="button" className="button button--small" aria-pressed={soundOn} onClick={() => soundPreference.set(!soundOn)}>
          {soundOn ? 'Sound alerts on' : 'Sound alerts off'}
        </button>
      </header>

      {error && !data ? (
        <LoadFailed what="escalations" error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading what="escalations" />
      ) : escalations.length === 0 ? (
        <p className="empty">No open escalations. The assistant is handling every chat.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards" data-testid="escalation-queue">
            <TableHead columns={['Waiting since', 'Customer', 'Why', 'Last message', 'Status', 'Held by']} actions="Open" />
            <tbody>
              {escalations.map((escalation) => {
                const conversation = escalation.conversation;
                const holder = conversation.heldBy;
                const extension = escalation.assignedExtension;
                return (
                  <tr
                    key={escalation.id}
                    data-testid="escalation-row"
                    data-upset={escalation.upset || undefined}
                    className={[isWaiting(escalation) && 'is-waiting', escalation.upset && 'is-upset'].filter(Boolean).join(' ') || undefined}
                  >
                    <td className="nowrap" title={escalation.createdAt} data-label="Waiting since">
                      {timeAgo(escalation.createdAt, now)}
                    </td>
                    <th scope="row" data-label="Customer">
                      {customerLabel(conversation.customer, conversation.channel)} <UnreadBadge count={conversation.unreadCount} />
                      {escalation.upset && (
                        <span className="badge badge--upset" data-testid="upset" title="The customer sounded upset when the thread was escalated">
                          Upset
                        </span>
                      )}
                      <div className="hint">{CHANNEL_LABELS[conversation.channel]}</div>
                    </th>
                    <td data-label="Why">
                      {REASON_LABELS[escalation.reason]}
                      <div className="hint">{escalation.handoff.reasonText}</div>
                    </td>
                    <td className="quote" data-testid="last-message" data-label="Last message">
                      {/* The customer's newest words, kept current live; the escalation's own snapshot until they write again. */}
                      {conversation.lastCustomerMessage?.text ?? escalation.handoff.lastCustomerMessage}
                    </td>
                    <td data-label="Status">
                      <span className={`badge badge--${escalation.status.toLowerCase()}`}>{ESCALATION_STATUS_LABELS[escalation.status]}</span>
                      {extension && (
                        <div className="hint">
                          Ext. {extension.number} {extension.employeeName}
                        </div>
                      )}
                    </td>
                    <td data-testid="held-by" data-label="Held by">
                      {holder ? (
                        holder.id === me.id ? 'You' : holder.displayName
                      ) : escalation.reason === 'PAGE_INBOX_REPLY' ? (
                        outsideHolder(conversation.channel)
                      ) : (
                        <span className="muted">Nobody</span>
                      )}
                    </td>
                    <td className="row-actions">
                      <a className="button button--small button--primary" href={conversationHref(conversation.id)}>
                        Open chat
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

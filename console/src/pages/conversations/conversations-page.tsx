import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { conversationHref } from '../../app/routes';
import type { SessionUser } from '../../app/session-store';
import { FilterSelect } from '../../components/filter-select';
import { CHANNEL_LABELS, customerLabel, REASON_LABELS, STAGE_LABELS, timeAgo, useNow } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import type { Channel, ConversationStage } from '../../graphql/generated/graphql';
import { conversationsQuery } from '../../graphql/operations';
import { TableHead } from '../../components/table-head';
import { previewLine } from '../customers/customer-panel';

const PAGE_SIZE = 50;
/**
 * Holders and stages arrive live with escalation events; a new message in a thread nobody
 * has open has no console-wide event, so the list also refreshes in the background.
 */
const LIST_REFRESH_MS = 15_000;

type EscalatedFilter = 'any' | 'yes' | 'no';

/** Every thread on every channel, newest activity first, filterable by stage, channel and escalation. */
export function ConversationsPage({ me }: { me: SessionUser }) {
  const headingId = useId();
  const now = useNow();
  const [stage, setStage] = useState<ConversationStage | ''>('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [escalated, setEscalated] = useState<EscalatedFilter>('any');
  const variables = {
    first: PAGE_SIZE,
    stage: stage || undefined,
    channel: channel || undefined,
    escalated: escalated === 'any' ? undefined : escalated === 'yes',
  };
  const [loadingMore, setLoadingMore] = useState(false);
  // A background refresh re-reads the first page only, which would drop the pages shown by
  // "Show more"; once someone has paged on, the list holds still until the filters change.
  const [pagedFilters, setPagedFilters] = useState<string | null>(null);
  const filterKey = JSON.stringify(variables);
  const pollInterval = pagedFilters === filterKey ? 0 : LIST_REFRESH_MS;
  const { data, loading, error, refetch, fetchMore } = useQuery(conversationsQuery, { variables, pollInterval });
  const connection = data?.conversations;
  const conversations = connection?.edges.map((edge) => edge.node) ?? [];

  async function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    setPagedFilters(filterKey);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          conversations: {
            ...fetchMoreResult.conversations,
            edges: [...previous.conversations.edges, ...fetchMoreResult.conversations.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page__header">
        <div>
          <h1 id={headingId}>Conversations</h1>
          <p className="muted">Every chat on every channel, most recent activity first.{connection && ` ${connection.totalCount} match.`}</p>
        </div>
      </header>

      <form className="filters" aria-label="Filter conversations" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect label="Stage" value={stage} onChange={setStage} options={[['', 'Any stage'], ...Object.entries(STAGE_LABELS)] as Array<[ConversationStage | '', string]>} />
        <FilterSelect label="Channel" value={channel} onChange={setChannel} options={[['', 'Any channel'], ...Object.entries(CHANNEL_LABELS)] as Array<[Channel | '', string]>} />
        <FilterSelect
          label="Escalation"
          value={escalated}
          onChange={setEscalated}
          options={[
            ['any', 'Any'],
            ['yes', 'Open escalation'],
            ['no', 'No open escalation'],
          ]}
        />
      </form>

      {error && !connection ? (
        <LoadFailed what="conversations" error={error} onRetry={() => void refetch()} />
      ) : loading && !connection ? (
        <Loading what="conversations" />
      ) : conversations.length === 0 ? (
        <p className="empty">No conversations match these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <TableHead columns={['Customer', 'Channel', 'Stage', 'Last activity', 'Escalation', 'Held by']} />
            <tbody>
              {conversations.map((conversation) => (
                <tr key={conversation.id} data-testid="conversation-row">
                  <th scope="row">
                    <a href={conversationHref(conversation.id)}>{customerLabel(conversation.customer, conversation.channel)}</a>
                    <div className="preview" data-testid="last-message">{previewLine(conversation.lastMessage)}</div>
                  </th>
                  <td>{CHANNEL_LABELS[conversation.channel]}</td>
                  <td>
                    <span className="badge">{STAGE_LABELS[conversation.stage]}</span>
                    {conversation.aiPaused && <div className="hint">Assistant paused</div>}
                  </td>
                  <td className="nowrap" title={conversation.lastMessageAt}>
                    {timeAgo(conversation.lastMessageAt, now)}
                  </td>
                  <td>{conversation.openEscalation ? REASON_LABELS[conversation.openEscalation.reason] : <span className="muted">None</span>}</td>
                  <td>{conversation.heldBy ? (conversation.heldBy.id === me.id ? 'You' : conversation.heldBy.displayName) : <span className="muted">Nobody</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {connection?.pageInfo.hasNextPage && (
        <p>
          <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : `Show more (${conversations.length} of ${connection.totalCount} shown)`}
          </button>
        </p>
      )}
    </section>
  );
}

import { useQuery, useSubscription } from '@apollo/client/react';
import { useId, useMemo, useRef, useState } from 'react';
import { conversationHref } from '../../app/routes';
import type { SessionUser } from '../../app/session-store';
import { FilterSelect } from '../../components/filter-select';
import { CHANNEL_LABELS, customerLabel, REASON_LABELS, STAGE_LABELS, timeAgo, useNow } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import { DataTable, listColumns } from '../../components/data-table';
import type { Channel, ConversationsQuery, ConversationStage } from '../../graphql/generated/graphql';
import { conversationActivitySubscription } from '../../graphql/inbox-operations';
import { conversationsQuery } from '../../graphql/operations';
import { UnreadBadge } from '../../components/unread-badge';
import { previewLine } from '../customers/customer-panel';

const PAGE_SIZE = 50;

type ConversationRow = ConversationsQuery['conversations']['edges'][number]['node'];

/** The list's columns; "Last activity" reads the clock and "Held by" says "You" to the holder. */
function conversationColumns(me: SessionUser, now: number) {
  const column = listColumns<ConversationRow>();
  return column.columns([
    column.display({
      id: 'customer',
      header: 'Customer',
      meta: { rowHeader: true },
      cell: ({ row: { original: conversation } }) => (
        <>
          <a href={conversationHref(conversation.id)}>{customerLabel(conversation.customer, conversation.channel)}</a> <UnreadBadge count={conversation.unreadCount} />
          <div className="preview" data-testid="last-message">
            {previewLine(conversation.lastMessage)}
          </div>
        </>
      ),
    }),
    column.accessor('channel', { header: 'Channel', cell: ({ getValue }) => CHANNEL_LABELS[getValue()] }),
    column.display({
      id: 'stage',
      header: 'Stage',
      cell: ({ row: { original: conversation } }) => (
        <>
          <span className="badge">{STAGE_LABELS[conversation.stage]}</span>
          {conversation.aiPaused && <div className="hint">Assistant paused</div>}
        </>
      ),
    }),
    column.accessor('lastMessageAt', {
      header: 'Last activity',
      meta: { className: 'nowrap', title: (value) => String(value) },
      cell: ({ getValue }) => timeAgo(getValue(), now),
    }),
    column.accessor('openEscalation', {
      header: 'Escalation',
      cell: ({ getValue }) => {
        const escalation = getValue();
        return escalation ? REASON_LABELS[escalation.reason] : <span className="muted">None</span>;
      },
    }),
    column.accessor('heldBy', {
      header: 'Held by',
      cell: ({ getValue }) => {
        const holder = getValue();
        return holder ? (holder.id === me.id ? 'You' : holder.displayName) : <span className="muted">Nobody</span>;
      },
    }),
  ]);
}

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
  // Re-reading the first page would drop the pages shown by "Show more"; once someone has paged
  // on, the list only re-sorts what it shows until the filters change.
  const [pagedFilters, setPagedFilters] = useState<string | null>(null);
  const filterKey = JSON.stringify(variables);
  // Live, not polled: opened (again) it shows the cached page at once and reads the current one;
  // a reconnect refetches it (session-client); new messages move threads as they arrive.
  const { data, loading, error, refetch, fetchMore } = useQuery(conversationsQuery, { variables, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const connection = data?.conversations;
  // Each thread's activity time and unread count are updated in the cache by useInboxFeed: newest activity first.
  const conversations = useMemo(
    () => [...(connection?.edges.map((edge) => edge.node) ?? [])].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt)),
    [connection],
  );
  const columns = useMemo(() => conversationColumns(me, now), [me, now]);

  // A thread this page does not list yet (new, or beyond it), or any thread while a filter may
  // now take it in or leave it out: the first page is read again.
  const listed = useRef(new Set<string>());
  listed.current = new Set(conversations.map((conversation) => conversation.id));
  const filtered = Boolean(variables.stage || variables.channel || variables.escalated !== undefined);
  useSubscription(conversationActivitySubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ data: event }) => {
      const id = event.data?.conversationActivity.conversation.id;
      if (!id || pagedFilters === filterKey || (listed.current.has(id) && !filtered)) return;
      void refetch().catch(() => undefined);
    },
  });

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
        <DataTable
          columns={columns}
          data={conversations}
          getRowId={(conversation) => conversation.id}
          rowAttributes={() => ({ 'data-testid': 'conversation-row' })}
          label={{ labelledBy: headingId }}
        />
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

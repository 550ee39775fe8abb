import { useId } from 'react';
import { conversationHref } from '../../app/routes';
import { CHANNEL_LABELS } from '../../components/labels';
import { LoadFailed, Loading } from '../../components/query-status';
import type { Channel } from '../../graphql/generated/graphql';
import { MessageList } from '../conversations/message-list';
import { useLiveThread } from '../conversations/use-live-thread';

/** How many of the latest messages the booking's page shows; the thread's own page has them all. */
export const RECENT_MESSAGES = 10;

/**
 * The booking's thread as it stands: its latest messages (who wrote each, and when), live, and a
 * way to the whole thread to reply or take it over.
 */
export function BookingMessages({ conversation }: { conversation: { id: string; channel: Channel } | null }) {
  const id = useId();
  return (
    <section className="card booking-section" aria-labelledby={`${id}-title`} data-testid="booking-messages">
      <h2 id={`${id}-title`}>Messages</h2>
      {conversation ? (
        <Thread conversationId={conversation.id} channel={conversation.channel} />
      ) : (
        <p className="muted">No conversation is linked to this booking yet. One is opened when the customer is texted about it.</p>
      )}
    </section>
  );
}

function Thread({ conversationId, channel }: { conversationId: string; channel: Channel }) {
  const { data, loading, error, refetch } = useLiveThread(conversationId, { fetchPolicy: 'cache-and-network' });
  const thread = data?.conversation;
  const link = (
    <a href={conversationHref(conversationId)} className="section-link">
      Open the {CHANNEL_LABELS[channel]} conversation
    </a>
  );
  if (error && !thread) return <LoadFailed what="the messages" error={error} onRetry={() => void refetch()} />;
  if (loading && !thread) return <Loading what="the messages" />;
  const all = thread?.messages.edges.map((edge) => edge.node) ?? [];
  const total = Math.max(thread?.messages.totalCount ?? 0, all.length);
  const recent = all.slice(-RECENT_MESSAGES);
  return (
    <>
      <p className="muted">
        {total === 0 ? 'Nothing has been written in this thread yet.' : total > recent.length ? `The latest ${recent.length} of ${total} messages.` : total === 1 ? '1 message.' : `All ${total} messages.`}{' '}
        {link}
      </p>
      {recent.length > 0 && <MessageList messages={recent} follow={false} />}
    </>
  );
}

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { SessionUser } from '../../app/session-store';
import { CHANNEL_LABELS, customerLabel, STAGE_LABELS } from '../../components/labels';
import { describeError } from '../../components/user-errors';
import { LoadFailed, Loading } from '../../components/query-status';
import { releaseConversationMutation, takeOverConversationMutation } from '../../graphql/operations';
import { applyEscalation } from '../escalations/escalations-cache';
import { CustomerPanel } from '../customers/customer-panel';
import { CustomerTyping } from './customer-typing';
import { HandoffPanel } from './handoff-panel';
import { HandoverControl } from './handover-control';
import { MessageList } from './message-list';
import { ReplyComposer } from './reply-composer';
import { ResolveDialog } from './resolve-dialog';
import { ThreadStatus } from './thread-status';
import { useLiveThread } from './use-live-thread';
import { useMarkThreadRead } from './use-mark-thread-read';
import { NoteComposer } from './thread-notes';
import { useThreadNotes } from './use-thread-notes';

type Notice = { kind: 'success' | 'error'; text: string };

/**
 * One thread, live: the whole history, the handoff packet, who holds it, and the takeover
 * actions. Only the holder can reply; the server enforces the same rules, this page only
 * explains them before anyone tries.
 */
export function ConversationPage({ conversationId, me }: { conversationId: string; me: SessionUser }) {
  const headingId = useId();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useLiveThread(conversationId);
  const notes = useThreadNotes(conversationId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const conversation = data?.conversation;
  const messages = conversation?.messages;
  useMarkThreadRead(conversationId, conversation ? { unreadCount: conversation.unreadCount, newestMessageId: messages?.edges.at(-1)?.node.id ?? null } : null);

  const [takeOver, takeOverState] = useMutation(takeOverConversationMutation);
  const [release, releaseState] = useMutation(releaseConversationMutation);
  const [resolving, setResolving] = useState(false);
  const busy = takeOverState.loading || releaseState.loading;

  /** Runs an action and reports its userErrors (or failure) in one place. */
  async function act(run: () => Promise<readonly { message: string }[] | undefined>, success: string) {
    setNotice(null);
    try {
      const userErrors = (await run()) ?? [];
      setNotice(userErrors.length ? { kind: 'error', text: userErrors.map((e) => e.message).join(' ') } : { kind: 'success', text: success });
    } catch (failure) {
      setNotice({ kind: 'error', text: describeError(failure) });
    }
  }

  if (error && !conversation) {
    return (
      <LoadFailed what="the conversation" error={error} onRetry={() => void refetch()} />
    );
  }
  if (loading && !conversation) {
    return (
      <Loading what="the conversation" />
    );
  }
  if (!conversation) {
    return (
      <div className="empty">
        <p>This conversation does not exist.</p>
        <a href="#/conversations">Back to conversations</a>
      </div>
    );
  }

  const escalation = conversation.openEscalation;
  const holder = conversation.heldBy;
  const isHolder = holder?.id === me.id;
  const isAdmin = me.role === 'ADMIN';
  const heldByOther = holder !== null && !isHolder;
  // Releasing or resolving someone else's thread is for admins; the server checks the same.
  const mayHandBack = isHolder || isAdmin || !holder;
  const replyBlockedBecause = heldByOther
    ? `${holder.displayName} holds this thread; only they can reply.`
    : !isHolder || !escalation
      ? 'Take over the thread to reply.'
      : null;
  const customer = conversation.customer;

  const takeOverThread = async () => {
    const payload = (await takeOver({ variables: { conversationId: conversation.id } })).data?.takeOverConversation;
    if (payload?.escalation) applyEscalation(client.cache, payload.escalation);
    return payload?.userErrors;
  };
  const releaseThread = async () => (await release({ variables: { conversationId: conversation.id } })).data?.releaseConversation.userErrors;

  return (
    <section className="page conversation" aria-labelledby={headingId}>
      <p>
        <a href="#/escalations">← Escalations</a> · <a href="#/conversations">All conversations</a>
      </p>
      <header className="page__header">
        <div>
          <h1 id={headingId}>{customerLabel(customer, conversation.channel)}</h1>
          <p className="muted">
            {CHANNEL_LABELS[conversation.channel]} · <span className="badge">{STAGE_LABELS[conversation.stage]}</span>
            {customer.phone && ` · ${customer.phone}`}
            {customer.email && ` · ${customer.email}`}
          </p>
          <ThreadStatus conversation={conversation} me={me} handedOverBy={escalation?.handedOverBy} />
        </div>
        <div className="actions actions--header">
          {!isHolder && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy || heldByOther}
              title={heldByOther ? `${holder?.displayName} holds this thread` : undefined}
              onClick={() => void act(takeOverThread, 'You hold this thread now. Reply below; the assistant stays silent.')}
            >
              Take over
            </button>
          )}
          {mayHandBack && (conversation.aiPaused || escalation) && (
            <button type="button" className="button" disabled={busy} onClick={() => void act(releaseThread, 'Handed back to the assistant.')}>
              Release to assistant
            </button>
          )}
          {mayHandBack && escalation && (
            <button type="button" className="button" disabled={busy} onClick={() => setResolving(true)}>
              Resolve escalation
            </button>
          )}
          {escalation && <HandoverControl conversationId={conversation.id} holder={holder} me={me} onDone={setNotice} />}
        </div>
      </header>
      {resolving && escalation && (
        <ResolveDialog
          escalationId={escalation.id}
          onClose={(resolved) => {
            setResolving(false);
            if (resolved) setNotice({ kind: 'success', text: 'Escalation resolved.' });
          }}
        />
      )}

      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`notice notice--${notice.kind}`}>
          <span>{notice.text}</span>
          <button type="button" className="button button--quiet button--small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}

      <div className="conversation__layout">
        <div className="conversation__thread card">
          <h2>History</h2>
          <MessageList messages={messages?.edges.map((edge) => edge.node) ?? []} notes={notes} />
          {conversation.channel === 'WEB_CHAT' && <CustomerTyping conversationId={conversation.id} lastMessageId={messages?.edges.at(-1)?.node.id} />}
          <ReplyComposer
            conversationId={conversation.id}
            disabledReason={replyBlockedBecause}
          />
          <NoteComposer conversationId={conversation.id} />
        </div>
        <aside className="conversation__side">
          <HandoffPanel escalation={escalation} draft={conversation.bookingDraft} />
          <CustomerPanel customerId={customer.id} currentConversationId={conversation.id} currentLastMessage={messages?.edges.at(-1)?.node ?? null} fallbackChannel={conversation.channel} />
        </aside>
      </div>
    </section>
  );
}

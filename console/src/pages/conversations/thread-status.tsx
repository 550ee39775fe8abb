import type { SessionUser } from '../../app/session-store';
import { outsideHolder } from '../../components/labels';
import type { ConversationSummaryFieldsFragment } from '../../graphql/generated/graphql';

type Thread = Pick<ConversationSummaryFieldsFragment, 'handoffStatus' | 'heldBy' | 'channel' | 'assignedExtension'>;

/**
 * The thread's status line: who answers it now, as the server says (`handoffStatus`), so it
 * never contradicts the thread. Each state has one sentence.
 */
export function ThreadStatus({ conversation, me, handedOverBy }: { conversation: Thread; me: SessionUser; handedOverBy?: { id: string; displayName: string } | null }) {
  const holder = conversation.heldBy;
  const extension = conversation.assignedExtension;
  const from = handedOverBy && handedOverBy.id !== holder?.id ? handedOverBy : null;
  return (
    <p data-testid="thread-holder" data-status={conversation.handoffStatus} className={`thread-status thread-status--${conversation.handoffStatus.toLowerCase()}`}>
      {conversation.handoffStatus === 'HELD' && holder ? (
        holder.id === me.id ? (
          <strong>You hold this thread. The assistant is silent until you release it.</strong>
        ) : (
          <strong>{holder.displayName} holds this thread.</strong>
        )
      ) : conversation.handoffStatus === 'WAITING_FOR_STAFF' ? (
        <strong>Waiting for staff: nobody holds this thread yet, and the assistant is silent.</strong>
      ) : conversation.handoffStatus === 'HELD_OUTSIDE' ? (
        `${outsideHolder(conversation.channel)} answered; the assistant is paused. Take over to reply here, or release it to the assistant.`
      ) : conversation.handoffStatus === 'CLOSED' ? (
        'Closed: the escalation was resolved. The assistant answers if the customer writes again.'
      ) : (
        'The assistant is answering this thread.'
      )}
      {from && conversation.handoffStatus === 'HELD' && <span className="muted"> Handed over by {from.id === me.id ? 'you' : from.displayName}.</span>}
      {extension && conversation.handoffStatus === 'WAITING_FOR_STAFF' && (
        <span className="muted">
          {' '}
          Assigned to ext. {extension.number} {extension.employeeName}.
        </span>
      )}
    </p>
  );
}

import { useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { playAlertChime } from '../../app/alert-sound';
import { conversationHref } from '../../app/routes';
import type { SessionUser } from '../../app/session-store';
import { customerLabel } from '../../components/labels';
import { escalationUpdatedSubscription } from '../../graphql/operations';

type Handed = { escalationId: string; conversationId: string; from: string; customer: string };

/**
 * Tells a staff member, on whatever page they are, that a colleague (or an admin) handed them a
 * thread: a chime and a notice with a link to it, until they dismiss it. Mounted once by the shell.
 */
export function HandoverAlerts({ me }: { me: SessionUser }) {
  const [handed, setHanded] = useState<Handed[]>([]);
  useSubscription(escalationUpdatedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ data: event }) => {
      const escalation = event.data?.escalationUpdated;
      const from = escalation?.handedOverBy;
      if (!escalation || escalation.status !== 'TAKEN_OVER' || escalation.takenOverBy?.id !== me.id || !from || from.id === me.id) return;
      const conversation = escalation.conversation;
      playAlertChime();
      setHanded((shown) => [
        ...shown.filter((item) => item.escalationId !== escalation.id),
        { escalationId: escalation.id, conversationId: conversation.id, from: from.displayName, customer: customerLabel(conversation.customer, conversation.channel) },
      ]);
    },
  });
  const dismiss = (escalationId: string) => setHanded((shown) => shown.filter((item) => item.escalationId !== escalationId));
  if (handed.length === 0) return null;
  return (
    <div className="handover-alerts">
      {handed.map((item) => (
        <div key={item.escalationId} role="alert" className="notice notice--info" data-testid="handover-alert">
          <span>
            {item.from} handed you the chat with {item.customer}. <a href={conversationHref(item.conversationId)} onClick={() => dismiss(item.escalationId)}>
              Open chat
            </a>
          </span>
          <button type="button" className="button button--quiet button--small" onClick={() => dismiss(item.escalationId)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

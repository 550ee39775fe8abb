import type { ApolloCache } from '@apollo/client';
import { keepNewerVersion } from '../../app/keep-newer';
import type { EscalationFieldsFragment } from '../../graphql/generated/graphql';
import { conversationInboxFieldsFragment } from '../../graphql/inbox-operations';
import { escalationFieldsFragment, escalationsQuery, escalationVersionFragment } from '../../graphql/operations';

/** The queue asks for one page this large; cache updates must use the same variables. */
export const ESCALATIONS_VARIABLES = { first: 100 } as const;

/** Not yet taken over by anyone: what the title badge counts. */
export function isWaiting(escalation: Pick<EscalationFieldsFragment, 'status'>): boolean {
  return escalation.status === 'QUEUED' || escalation.status === 'ASSIGNED';
}

/**
 * Keeps the cached open queue in step with an escalation event or a mutation's result:
 * a resolved escalation leaves the queue, any other is inserted or replaced, oldest first
 * (the order the server hands them out). Idempotent, since the event and the mutation
 * result may both arrive, in either order; and events from different server instances can
 * overtake each other, so a copy older than the one shown (a lower version) is ignored.
 */
export function applyEscalation(cache: ApolloCache, escalation: EscalationFieldsFragment): void {
  const shown = cache.readFragment({ fragment: escalationVersionFragment, id: cache.identify(escalation) });
  if (shown && shown.version > escalation.version) return;
  // The escalation and its thread (holder, stage), for every view that shows them.
  cache.writeFragment({ fragment: escalationFieldsFragment, fragmentName: 'EscalationFields', data: escalation });
  cache.updateQuery({ query: escalationsQuery, variables: ESCALATIONS_VARIABLES }, (data) => {
    if (!data) return undefined; // not loaded yet: it will be fetched whole
    const others = data.escalations.edges.filter((edge) => edge.node.id !== escalation.id);
    const wasListed = others.length !== data.escalations.edges.length;
    if (escalation.status === 'RESOLVED') {
      if (!wasListed) return undefined;
      return { ...data, escalations: { ...data.escalations, totalCount: Math.max(0, data.escalations.totalCount - 1), edges: others } };
    }
    const edges = [...others, { __typename: 'EscalationEdge' as const, node: withInboxFields(cache, escalation) }].sort((a, b) =>
      a.node.createdAt.localeCompare(b.node.createdAt),
    );
    return { ...data, escalations: { ...data.escalations, totalCount: data.escalations.totalCount + (wasListed ? 0 : 1), edges } };
  });
}

/**
 * The queue also shows each thread's unread count and newest customer message, which are the
 * viewer's own and so not in escalation events (those are rendered once for every console):
 * they come from the cache (kept by useInboxFeed), or start empty until the thread's next message.
 */
function withInboxFields(cache: ApolloCache, escalation: EscalationFieldsFragment) {
  const inbox = cache.readFragment({ fragment: conversationInboxFieldsFragment, id: cache.identify(escalation.conversation) });
  return { ...escalation, conversation: { ...escalation.conversation, unreadCount: inbox?.unreadCount ?? 0, lastCustomerMessage: inbox?.lastCustomerMessage ?? null } };
}

/** An older copy of an escalation (a lower version) never replaces a newer one; see keepNewerVersion. */
export const keepNewerEscalation = keepNewerVersion;

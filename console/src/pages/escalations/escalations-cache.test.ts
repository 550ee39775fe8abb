import { InMemoryCache } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import type { EscalationFieldsFragment } from '../../graphql/generated/graphql';
import { typePolicies } from '../../app/cache-policies';
import { conversationInboxFieldsFragment } from '../../graphql/inbox-operations';
import { escalationsQuery } from '../../graphql/operations';
import { applyEscalation, ESCALATIONS_VARIABLES } from './escalations-cache';

/** The console's queue cache, fed events in the orders two server instances can deliver them. */
function escalation(overrides: Partial<EscalationFieldsFragment>): EscalationFieldsFragment {
  return {
    __typename: 'Escalation',
    id: 'RXNjYWxhdGlvbjox',
    version: 1,
    status: 'ASSIGNED',
    reason: 'HUMAN_REQUEST',
    createdAt: '2026-11-30T10:00:00.000Z',
    assignedAt: '2026-11-30T10:00:00.000Z',
    resolvedAt: null,
    assignedExtension: { __typename: 'Extension', id: 'RXh0ZW5zaW9uOjE=', number: 101, employeeName: 'Avery' },
    takenOverBy: null,
    handedOverBy: null,
    upset: false,
    handoff: { __typename: 'HandoffPacketType', channel: 'WEB_CHAT', customerName: null, reasonText: 'The customer asked for a person.', lastCustomerMessage: 'a person please', quote: null, details: [] },
    routingLog: [],
    conversation: {
      __typename: 'Conversation',
      id: 'Q29udmVyc2F0aW9uOjE=',
      channel: 'WEB_CHAT',
      stage: 'ESCALATED',
      aiPaused: true,
      handoffStatus: 'WAITING_FOR_STAFF',
      lastMessageAt: '2026-11-30T10:00:00.000Z',
      customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6MQ==', name: null, phone: null, email: null },
      heldBy: null,
      assignedExtension: { __typename: 'Extension', id: 'RXh0ZW5zaW9uOjE=', number: 101, employeeName: 'Avery' },
      openEscalation: { __typename: 'Escalation', id: 'RXNjYWxhdGlvbjox', status: 'ASSIGNED', reason: 'HUMAN_REQUEST' },
    },
    ...overrides,
  };
}

function loadedQueue(): InMemoryCache {
  const cache = new InMemoryCache({ typePolicies });
  cache.writeQuery({ query: escalationsQuery, variables: ESCALATIONS_VARIABLES, data: { escalations: { __typename: 'EscalationConnection', totalCount: 0, edges: [] } } });
  return cache;
}

const queue = (cache: InMemoryCache) => cache.readQuery({ query: escalationsQuery, variables: ESCALATIONS_VARIABLES })!.escalations;

describe('the console’s escalation queue cache', () => {
  it('keeps the newest state when an older event arrives after a newer one', () => {
    const cache = loadedQueue();
    const holder = { __typename: 'StaffUser' as const, id: 'U3RhZmZVc2VyOjE=', displayName: 'Avery' };
    applyEscalation(cache, escalation({ version: 3, status: 'TAKEN_OVER', takenOverBy: holder }));
    applyEscalation(cache, escalation({ version: 2, status: 'ASSIGNED' }));
    expect(queue(cache).edges.map((edge) => [edge.node.status, edge.node.version, edge.node.takenOverBy?.displayName])).toEqual([['TAKEN_OVER', 3, 'Avery']]);
  });

  it('takes a resolved escalation out of the queue, and a late copy of it does not bring it back', () => {
    const cache = loadedQueue();
    applyEscalation(cache, escalation({ version: 1 }));
    applyEscalation(cache, escalation({ version: 2, status: 'RESOLVED', resolvedAt: '2026-11-30T10:05:00.000Z' }));
    applyEscalation(cache, escalation({ version: 1 }));
    expect(queue(cache)).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('keeps the newest state when a poll of the queue read before an event arrives after it', () => {
    const cache = loadedQueue();
    const holder = { __typename: 'StaffUser' as const, id: 'U3RhZmZVc2VyOjE=', displayName: 'Avery' };
    applyEscalation(cache, escalation({ version: 3, status: 'TAKEN_OVER', takenOverBy: holder }));
    // The queue's poll, answered from a read made before the takeover.
    cache.writeQuery({
      query: escalationsQuery,
      variables: ESCALATIONS_VARIABLES,
      data: { escalations: { __typename: 'EscalationConnection', totalCount: 1, edges: [{ __typename: 'EscalationEdge', node: escalation({ version: 2, status: 'ASSIGNED' }) }] } },
    });
    expect(queue(cache).edges.map((edge) => [edge.node.status, edge.node.version, edge.node.takenOverBy?.displayName])).toEqual([['TAKEN_OVER', 3, 'Avery']]);
  });

  it('shows the thread’s unread count and newest customer message, which escalation events do not carry, and follows them', () => {
    const cache = loadedQueue();
    const thread = { __typename: 'Conversation' as const, id: 'Q29udmVyc2F0aW9uOjE=' };
    const inbox = (unreadCount: number, text: string) => ({
      ...thread,
      unreadCount,
      lastCustomerMessage: { __typename: 'Message' as const, id: `TWVzc2FnZTo${unreadCount}`, text, createdAt: '2026-11-30T10:01:00.000Z' },
    });
    // A new message reached the cache first (useInboxFeed), then the escalation event.
    cache.writeFragment({ fragment: conversationInboxFieldsFragment, data: inbox(1, 'a person please') });
    applyEscalation(cache, escalation({ version: 1 }));
    expect(queue(cache).edges[0].node.conversation).toMatchObject({ unreadCount: 1, lastCustomerMessage: { text: 'a person please' } });
    // The customer writes again: the queue row follows.
    cache.writeFragment({ fragment: conversationInboxFieldsFragment, data: inbox(2, 'are you there?') });
    expect(queue(cache).edges[0].node.conversation).toMatchObject({ unreadCount: 2, lastCustomerMessage: { text: 'are you there?' } });
  });
});

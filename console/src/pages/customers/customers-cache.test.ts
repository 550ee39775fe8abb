import { InMemoryCache } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { typePolicies } from '../../app/cache-policies';
import type { CustomerUpdatedSubscription } from '../../graphql/generated/graphql';
import { conversationQuery } from '../../graphql/operations';
import { applyCustomerUpdate } from './customers-cache';

const VISITOR = { __typename: 'Customer' as const, id: 'Q3VzdG9tZXI6MQ==', name: null, phone: null, email: null, mergedIntoId: null };
const KNOWN = { __typename: 'Customer' as const, id: 'Q3VzdG9tZXI6Mg==', name: 'Dana Reyes', phone: '+19165550100', email: null, mergedIntoId: null };
const THREAD_ID = 'Q29udmVyc2F0aW9uOjE=';

/** A console holding one web-chat thread of a visitor, as the conversation page reads it. */
function consoleWithThread(): InMemoryCache {
  const cache = new InMemoryCache({ typePolicies });
  cache.writeQuery({
    query: conversationQuery,
    variables: { id: THREAD_ID },
    data: {
      conversation: {
        __typename: 'Conversation',
        id: THREAD_ID,
        channel: 'WEB_CHAT',
        stage: 'COLLECTING_DETAILS',
        aiPaused: false,
        handoffStatus: 'ASSISTANT',
        unreadCount: 0,
        lastCustomerMessage: null,
        lastMessageAt: '2026-11-30T10:00:00.000Z',
        customer: { __typename: 'Customer', id: VISITOR.id, name: null, phone: null, email: null },
        heldBy: null,
        assignedExtension: null,
        openEscalation: null,
        failedAttempts: 0,
        bookingDraft: [],
        messages: { __typename: 'MessageConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] },
      },
    },
  });
  return cache;
}

function threadCustomer(cache: InMemoryCache) {
  return cache.readQuery({ query: conversationQuery, variables: { id: THREAD_ID } })!.conversation!.customer;
}

function event(overrides: Partial<CustomerUpdatedSubscription['customerUpdated']>): CustomerUpdatedSubscription['customerUpdated'] {
  return { __typename: 'CustomerUpdatedEvent', customer: KNOWN, conversationIds: [], mergedCustomers: [], ...overrides };
}

describe('applyCustomerUpdate', () => {
  it('shows a name learned for the thread’s customer where the thread reads it, without reading panels again', () => {
    const cache = consoleWithThread();
    expect(applyCustomerUpdate(cache, event({ customer: { ...VISITOR, name: 'Dana Reyes' } }))).toBe(false);
    expect(threadCustomer(cache)).toMatchObject({ id: VISITOR.id, name: 'Dana Reyes' });
  });

  it('points a thread that moved at its new customer, and asks for the panels again', () => {
    const cache = consoleWithThread();
    const moved = applyCustomerUpdate(cache, event({ conversationIds: [THREAD_ID], mergedCustomers: [{ ...VISITOR, mergedIntoId: KNOWN.id }] }));
    expect(moved).toBe(true);
    expect(threadCustomer(cache)).toEqual({ __typename: 'Customer', id: KNOWN.id, name: 'Dana Reyes', phone: '+19165550100', email: null });
    expect(cache.extract()[`Customer:${VISITOR.id}`]).toMatchObject({ mergedIntoId: KNOWN.id });
  });

  it('leaves a thread of another customer as it was', () => {
    const cache = consoleWithThread();
    applyCustomerUpdate(cache, event({ customer: { ...KNOWN, id: 'Q3VzdG9tZXI6OQ==' } }));
    expect(threadCustomer(cache)).toMatchObject({ id: VISITOR.id, name: null });
  });
});

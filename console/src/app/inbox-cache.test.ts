import { InMemoryCache } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import type { ConversationActivitySubscription } from '../graphql/generated/graphql';
import { conversationInboxFieldsFragment, unreadInHeldThreadsQuery } from '../graphql/inbox-operations';
import { typePolicies } from './cache-policies';
import { applyActivity } from './inbox-cache';

/** The console's unread counts, kept from the shared activity event alone (it carries nobody's counts). */
const ME = 'U3RhZmZVc2VyOjE=';
const THREAD = 'Q29udmVyc2F0aW9uOjE=';
type Activity = ConversationActivitySubscription['conversationActivity'];

function activity(params: { messageId: string; author?: 'CUSTOMER' | 'STAFF'; heldBy?: string | null }): Activity {
  const message = {
    __typename: 'Message' as const,
    id: params.messageId,
    direction: params.author === 'STAFF' ? ('OUTBOUND' as const) : ('INBOUND' as const),
    author: params.author ?? 'CUSTOMER',
    channel: 'WEB_CHAT' as const,
    text: `message ${params.messageId}`,
    senderName: null,
    deliveryStatus: 'DELIVERED' as const,
    via: null,
    createdAt: '2026-11-30T10:00:00.000Z',
  };
  const holder = params.heldBy === undefined ? ME : params.heldBy;
  return {
    __typename: 'ConversationActivityEvent',
    conversationId: THREAD,
    message,
    conversation: {
      __typename: 'Conversation',
      id: THREAD,
      channel: 'WEB_CHAT',
      stage: 'ESCALATED',
      aiPaused: true,
      handoffStatus: holder ? 'HELD' : 'WAITING_FOR_STAFF',
      lastMessageAt: message.createdAt,
      lastCustomerMessage: { __typename: 'Message', id: params.author === 'STAFF' ? 'earlier' : message.id, text: message.text, createdAt: message.createdAt },
      customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6MQ==', name: null, phone: null, email: null },
      heldBy: holder ? { __typename: 'StaffUser', id: holder, displayName: 'Avery' } : null,
      assignedExtension: null,
      openEscalation: { __typename: 'Escalation', id: 'RXNjYWxhdGlvbjox', status: holder ? 'TAKEN_OVER' : 'ASSIGNED', reason: 'HUMAN_REQUEST' },
    },
  };
}

/** A console that loaded the thread (its count and newest customer message) and the held total. */
function loaded(counts: { unread: number; held: number; lastCustomerMessageId?: string }): InMemoryCache {
  const cache = new InMemoryCache({ typePolicies });
  cache.writeFragment({
    fragment: conversationInboxFieldsFragment,
    fragmentName: 'ConversationInboxFields',
    id: cache.identify({ __typename: 'Conversation', id: THREAD }),
    data: {
      __typename: 'Conversation',
      unreadCount: counts.unread,
      lastCustomerMessage: { __typename: 'Message', id: counts.lastCustomerMessageId ?? 'earlier', text: 'earlier', createdAt: '2026-11-30T09:00:00.000Z' },
    },
  });
  cache.writeQuery({ query: unreadInHeldThreadsQuery, data: { unreadInHeldThreads: counts.held } });
  return cache;
}

const unread = (cache: InMemoryCache) =>
  cache.readFragment({ fragment: conversationInboxFieldsFragment, fragmentName: 'ConversationInboxFields', id: cache.identify({ __typename: 'Conversation', id: THREAD }) })?.unreadCount;
const held = (cache: InMemoryCache) => cache.readQuery({ query: unreadInHeldThreadsQuery })?.unreadInHeldThreads;

describe('unread counts from the shared activity event', () => {
  it('counts a customer’s message in a thread I hold and am not looking at, on the thread and in the held total, and alerts me', () => {
    const cache = loaded({ unread: 1, held: 2 });
    expect(applyActivity(cache, activity({ messageId: 'm1' }), { meId: ME, inView: false })).toEqual({ alert: true });
    expect([unread(cache), held(cache)]).toEqual([2, 3]);
  });

  it('counts it on the thread only when a colleague holds it, without an alert', () => {
    const cache = loaded({ unread: 0, held: 2 });
    expect(applyActivity(cache, activity({ messageId: 'm1', heldBy: 'U3RhZmZVc2VyOjI=' }), { meId: ME, inView: false })).toEqual({ alert: false });
    expect([unread(cache), held(cache)]).toEqual([1, 2]);
  });

  it('counts it on a thread I am looking at (so it is marked read) but neither in the held total nor with an alert', () => {
    const cache = loaded({ unread: 0, held: 0 });
    expect(applyActivity(cache, activity({ messageId: 'm1' }), { meId: ME, inView: true })).toEqual({ alert: false });
    expect([unread(cache), held(cache)]).toEqual([1, 0]);
  });

  it('does not count staff messages', () => {
    const cache = loaded({ unread: 1, held: 1 });
    expect(applyActivity(cache, activity({ messageId: 'm1', author: 'STAFF' }), { meId: ME, inView: false })).toEqual({ alert: false });
    expect([unread(cache), held(cache)]).toEqual([1, 1]);
  });

  it('does not count a message twice: not when the event comes again, nor when a query read the thread after it came', () => {
    const cache = loaded({ unread: 0, held: 0 });
    applyActivity(cache, activity({ messageId: 'm1' }), { meId: ME, inView: false });
    applyActivity(cache, activity({ messageId: 'm1' }), { meId: ME, inView: false });
    expect([unread(cache), held(cache)]).toEqual([1, 1]);

    // A reconnect's catch-up read the exact counts, this message included, before its event arrived.
    const caughtUp = loaded({ unread: 4, held: 4, lastCustomerMessageId: 'm2' });
    applyActivity(caughtUp, activity({ messageId: 'm2' }), { meId: ME, inView: false });
    expect([unread(caughtUp), held(caughtUp)]).toEqual([4, 4]);
  });
});

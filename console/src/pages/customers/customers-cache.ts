import type { ApolloCache } from '@apollo/client';
import type { CustomerUpdatedSubscription } from '../../graphql/generated/graphql';
import { customerNameFieldsFragment } from './customer-operations';

/**
 * Applies a customerUpdated event to the cache. The customers are written where every view of
 * them reads them (their one normalized entry, so a name replaces "Web chat visitor" everywhere);
 * threads that now belong to the customer having belonged to another record are pointed at it. Answers whether customer panels must be read again (their
 * identities, threads and bookings moved).
 */
export function applyCustomerUpdate(cache: ApolloCache, event: CustomerUpdatedSubscription['customerUpdated']): boolean {
  for (const customer of [event.customer, ...event.mergedCustomers]) cache.writeFragment({ fragment: customerNameFieldsFragment, data: customer });
  const customerRef = cache.identify(event.customer);
  for (const conversationId of event.conversationIds) {
    cache.modify({
      id: cache.identify({ __typename: 'Conversation', id: conversationId }),
      fields: { customer: (existing, { toReference }) => (customerRef ? toReference(customerRef) : existing) },
    });
  }
  return event.conversationIds.length > 0 || event.mergedCustomers.length > 0;
}

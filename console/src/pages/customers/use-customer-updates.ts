import { useSubscription } from '@apollo/client/react';
import { customerUpdatedSubscription } from './customer-operations';

/**
 * Keeps every view of a customer current: a name the assistant or a colleague learned replaces
 * "Web chat visitor" in the queue, the lists and the thread at once (Apollo writes the customer
 * into its one cache entry), and a thread that moved to another customer (a merge, a phone
 * number already known) points at it. The panels of the customers involved are read again,
 * since their identities, threads and bookings moved.
 */
export function useCustomerUpdates(): void {
  useSubscription(customerUpdatedSubscription, {
    onData: ({ client, data }) => {
      const event = data.data?.customerUpdated;
      if (!event) return;
      const { cache } = client;
      const customerRef = cache.identify(event.customer);
      for (const conversationId of event.conversationIds) {
        cache.modify({
          id: cache.identify({ __typename: 'Conversation', id: conversationId }),
          fields: { customer: (existing, { toReference }) => (customerRef ? toReference(customerRef) : existing) },
        });
      }
      if (event.conversationIds.length > 0 || event.mergedCustomers.length > 0) {
        void client.refetchQueries({ include: ['CustomerPanel'] });
      }
    },
  });
}

import { useSubscription } from '@apollo/client/react';
import { customerUpdatedSubscription } from './customer-operations';
import { applyCustomerUpdate } from './customers-cache';

/**
 * Keeps every view of a customer current: a name the assistant or a colleague learned replaces
 * "Web chat visitor" in the queue, the lists and the thread at once, and a thread that moved to
 * another customer (a merge, a phone number already known) points at it. The panels of the
 * customers involved are read again, since their identities, threads and bookings moved. The
 * event is applied in one place ('no-cache' here), tested in customers-cache.test.ts.
 */
export function useCustomerUpdates(): void {
  useSubscription(customerUpdatedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data }) => {
      const event = data.data?.customerUpdated;
      if (event && applyCustomerUpdate(client.cache, event)) void client.refetchQueries({ include: ['CustomerPanel'] });
    },
  });
}

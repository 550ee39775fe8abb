import { useSubscription } from '@apollo/client/react';
import { extensionUpdatedSubscription } from '../../graphql/operations';
import { removeExtension, upsertExtension } from './extensions-cache';

/**
 * Applies `extensionUpdated` events to the cache, so a change made in any console (or by an
 * integrator) shows here without a reload. The result is not written to the cache by Apollo
 * itself ('no-cache'): a DELETED event carries the extension's last state, which must not be
 * written back after it has been removed.
 */
export function useExtensionUpdates(onRemoteDelete?: (id: string) => void): void {
  useSubscription(extensionUpdatedSubscription, {
    fetchPolicy: 'no-cache',
    onData: ({ client, data }) => {
      const event = data.data?.extensionUpdated;
      if (!event) return;
      if (event.change === 'DELETED') {
        removeExtension(client.cache, event.extension.id);
        onRemoteDelete?.(event.extension.id);
      } else {
        upsertExtension(client.cache, event.extension);
      }
    },
  });
}

import type { ApolloCache } from '@apollo/client';
import type { ExtensionFieldsFragment } from '../../graphql/generated/graphql';
import { extensionFieldsFragment, extensionsQuery } from '../../graphql/operations';

/** The table asks for one page this large; cache updates must use the same variables. */
export const EXTENSIONS_PAGE_SIZE = 100;
export const EXTENSIONS_VARIABLES = { first: EXTENSIONS_PAGE_SIZE } as const;

/**
 * Keeps the cached extensions list in step with a created or changed extension, whether
 * the change came from this console's own mutation or from the `extensionUpdated`
 * subscription. Idempotent: both may deliver the same change, in either order.
 */
export function upsertExtension(cache: ApolloCache, extension: ExtensionFieldsFragment): void {
  // The normalised Extension entity: every query showing it re-renders.
  cache.writeFragment({ fragment: extensionFieldsFragment, data: extension });
  cache.updateQuery({ query: extensionsQuery, variables: EXTENSIONS_VARIABLES }, (data) => {
    if (!data) return undefined; // the list has not been loaded: it will be fetched whole
    const others = data.extensions.edges.filter((edge) => edge.node.id !== extension.id);
    const isNew = others.length === data.extensions.edges.length;
    // The list is ordered by number, and an edit may change the number.
    const edges = [...others, { __typename: 'ExtensionEdge' as const, node: extension }].sort((a, b) => a.node.number - b.node.number);
    return {
      ...data,
      extensions: { ...data.extensions, totalCount: data.extensions.totalCount + (isNew ? 1 : 0), edges },
    };
  });
}

/** Drops a deleted extension from the list and the cache. Idempotent, like upsertExtension. */
export function removeExtension(cache: ApolloCache, id: string): void {
  cache.updateQuery({ query: extensionsQuery, variables: EXTENSIONS_VARIABLES }, (data) => {
    if (!data) return undefined;
    const edges = data.extensions.edges.filter((edge) => edge.node.id !== id);
    if (edges.length === data.extensions.edges.length) return undefined;
    return { ...data, extensions: { ...data.extensions, totalCount: Math.max(0, data.extensions.totalCount - 1), edges } };
  });
  // After the list stops pointing at it, so no query reads a dangling reference.
  cache.evict({ id: cache.identify({ __typename: 'Extension', id }) });
  cache.gc();
}

/**
 * setPrimaryEscalationExtension returns only the new primary; the previous one stops being
 * primary at the same moment, so clear the flag on every other cached extension now rather
 * than show two primaries until the subscription event for the old one arrives.
 */
export function markOnlyPrimary(cache: ApolloCache, primaryId: string): void {
  const data = cache.readQuery({ query: extensionsQuery, variables: EXTENSIONS_VARIABLES });
  for (const { node } of data?.extensions.edges ?? []) {
    if (node.id === primaryId || !node.isPrimaryEscalation) continue;
    cache.modify({ id: cache.identify(node), fields: { isPrimaryEscalation: () => false } });
  }
}

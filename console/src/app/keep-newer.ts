import type { FieldMergeFunction } from '@apollo/client';

/**
 * The cache's merge for an object that carries a `version` going up with every change (an
 * escalation, a booking), whatever brings it (an event, a poll, a mutation's result): a copy with
 * a lower version than the one held is older news and is dropped. Events from different server
 * instances can overtake each other, and a read answered before a change can arrive after it.
 * Copies without a version (a partial view of the object) merge as usual.
 */
export const keepNewerVersion: FieldMergeFunction = (existing, incoming, { readField, mergeObjects }) => {
  if (!existing) return incoming;
  const held = readField<number>('version', existing);
  const arriving = readField<number>('version', incoming);
  if (held !== undefined && arriving !== undefined && arriving < held) return existing;
  return mergeObjects(existing, incoming);
};

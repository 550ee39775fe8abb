import { useQuery, useSubscription } from '@apollo/client/react';
import type { ApolloCache, Reference } from '@apollo/client';
import type { NoteFieldsFragment } from '../../graphql/generated/graphql';
import { conversationNoteAddedSubscription, conversationNotesQuery, noteFieldsFragment } from './agent-tools-operations';

/** A note saved here or arriving live joins its thread's notes, once. */
export function addNote(cache: ApolloCache, conversationId: string, note: NoteFieldsFragment): void {
  const ref = cache.writeFragment({ fragment: noteFieldsFragment, fragmentName: 'NoteFields', data: note });
  if (!ref) return;
  cache.modify<{ notes: Reference[] }>({
    id: cache.identify({ __typename: 'Conversation', id: conversationId }),
    fields: {
      notes(existing, { readField }) {
        const list = (existing ?? []) as Reference[];
        return (list.some((item) => readField('id', item) === note.id) ? list : [...list, ref]) as typeof existing;
      },
    },
  });
}

/**
 * A thread's private notes, live: read with the thread, then each one saved by anyone joins as
 * it is saved. Staff only; the customer never receives them.
 */
export function useThreadNotes(conversationId: string): readonly NoteFieldsFragment[] {
  // Read again on every opening of the thread: notes saved while it was not on screen are shown too.
  const { data } = useQuery(conversationNotesQuery, { variables: { id: conversationId }, fetchPolicy: 'cache-and-network' });
  useSubscription(conversationNoteAddedSubscription, {
    variables: { conversationId },
    fetchPolicy: 'no-cache',
    onData: ({ client, data: event }) => {
      const note = event.data?.conversationNoteAdded;
      if (note) addNote(client.cache, conversationId, note);
    },
  });
  return data?.conversation?.notes ?? [];
}

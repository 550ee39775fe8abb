import type { TypePolicies } from '@apollo/client';
import { keepNewerVersion } from './keep-newer';
import { mergeMessagePages } from '../pages/conversations/conversation-cache';
import { keepNewerEscalation } from '../pages/escalations/escalations-cache';

/** How the console's cache merges what arrives; the app and the cache tests use the same. */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      // A booking already in the cache (from the list, an event) opens at once; the page still
      // asks the server, and one never cached is fetched as usual. A stored answer, null
      // included, is kept as it is.
      booking: {
        read: (existing, { args, toReference }) => (existing !== undefined || typeof args?.id !== 'string' ? existing : toReference({ __typename: 'Booking', id: args.id })),
      },
    },
  },
  // Working hours have no id: they belong to their extension and are replaced whole.
  Extension: { fields: { workingHours: { merge: false } } },
  // A booking's price has no id: it belongs to the booking and is replaced whole. Like an
  // escalation, an older copy of a booking (a lower version) never wins.
  Booking: { merge: keepNewerVersion, fields: { price: { merge: false } } },
  // One route per day: applying the cluster discounts answers with the day's route, which
  // replaces the one shown.
  DayRoute: { keyFields: ['date'], fields: { stops: { merge: false } } },
  Conversation: { fields: { messages: { keyArgs: false, merge: mergeMessagePages } } },
  // Events, polls and mutation results can arrive out of order: an older copy never wins.
  Escalation: { merge: keepNewerEscalation },
};

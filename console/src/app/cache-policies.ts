import type { TypePolicies } from '@apollo/client';
import { mergeMessagePages } from '../pages/conversations/conversation-cache';
import { keepNewerEscalation } from '../pages/escalations/escalations-cache';

/** How the console's cache merges what arrives; the app and the cache tests use the same. */
export const typePolicies: TypePolicies = {
  // Working hours have no id: they belong to their extension and are replaced whole.
  Extension: { fields: { workingHours: { merge: false } } },
  Conversation: { fields: { messages: { keyArgs: false, merge: mergeMessagePages } } },
  // Events, polls and mutation results can arrive out of order: an older copy never wins.
  Escalation: { merge: keepNewerEscalation },
};

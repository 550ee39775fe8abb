import { userFailure } from '../../shared/graphql/user-errors';

export enum EscalationErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  HELD_BY_SOMEONE_ELSE = 'HELD_BY_SOMEONE_ELSE',
  NOT_HOLDING = 'NOT_HOLDING',
  NOT_WITH_STAFF = 'NOT_WITH_STAFF',
  ALREADY_RESOLVED = 'ALREADY_RESOLVED',
  RECIPIENT_OPTED_OUT = 'RECIPIENT_OPTED_OUT',
  NO_SUCH_COLLEAGUE = 'NO_SUCH_COLLEAGUE',
  ALREADY_HOLDS = 'ALREADY_HOLDS',
}

export const escalationErrors = {
  escalationNotFound: () => userFailure(EscalationErrorCode.NOT_FOUND, 'No escalation has this id; reload the queue.', 'escalationId'),
  heldBySomeoneElse: (holder: string) =>
    userFailure(EscalationErrorCode.HELD_BY_SOMEONE_ELSE, `${holder} is handling this conversation. Ask them to release it first.`, 'conversationId'),
  notHolding: () =>
    userFailure(EscalationErrorCode.NOT_HOLDING, 'Take over this conversation before replying in it.', 'conversationId'),
  notWithStaff: () =>
    userFailure(EscalationErrorCode.NOT_WITH_STAFF, 'The assistant is already answering this conversation; there is nothing to hand back.', 'conversationId'),
  alreadyResolved: () =>
    userFailure(EscalationErrorCode.ALREADY_RESOLVED, 'This escalation is already resolved. Take the conversation over again to reply.', 'escalationId'),
  notHoldingToHandOver: () =>
    userFailure(
      EscalationErrorCode.NOT_HOLDING,
      'Only the staff member holding this conversation, or an admin, can hand it over. Take it over first.',
      'conversationId',
    ),
  nothingToHandOver: () =>
    userFailure(EscalationErrorCode.NOT_WITH_STAFF, 'The assistant is answering this conversation; take it over before handing it to a colleague.', 'conversationId'),
  noSuchColleague: () =>
    userFailure(EscalationErrorCode.NO_SUCH_COLLEAGUE, 'Choose a colleague from the list: this person cannot sign in to the console.', 'toStaffUserId'),
  alreadyHolds: (holder: string) => userFailure(EscalationErrorCode.ALREADY_HOLDS, `${holder} already holds this conversation. Choose someone else.`, 'toStaffUserId'),
  recipientOptedOut: () =>
    userFailure(
      EscalationErrorCode.RECIPIENT_OPTED_OUT,
      'This customer opted out of messages (they replied STOP), so nothing can be sent to them until they reply START. Call them instead.',
      'conversationId',
    ),
};

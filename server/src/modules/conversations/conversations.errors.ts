import { userFailure } from '../../shared/graphql/user-errors';

export enum ConversationErrorCode {
  NOT_FOUND = 'NOT_FOUND',
}

export const conversationErrors = {
  notFound: () => userFailure(ConversationErrorCode.NOT_FOUND, 'No conversation has this id; reload the list.', 'conversationId'),
};

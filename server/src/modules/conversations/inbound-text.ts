import { userFailure, type UserInputFailure } from '../../shared/graphql/user-errors';

export const MAX_MESSAGE_LENGTH = 2000;

/**
 * Checks a customer's message before anything is stored: empty, oversized and binary input
 * gets an error a person can act on. Emoji-only text is fine: the assistant answers it.
 */
export function checkInboundText(text: string, field = 'text'): { text: string } | { failure: UserInputFailure } {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { failure: userFailure('EMPTY_MESSAGE', 'Type a message before sending.', field) };
  const length = [...trimmed].length;
  if (length > MAX_MESSAGE_LENGTH) {
    return {
      failure: userFailure('MESSAGE_TOO_LONG', `Messages can be at most 2,000 characters; this one has ${length.toLocaleString('en-US')}. Please split it.`, field),
    };
  }
  // Control characters (other than line breaks and tabs) and replacement characters mean binary data, not text.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(trimmed)) {
    return { failure: userFailure('UNREADABLE_MESSAGE', "This message has characters we can't read. Please send plain text.", field) };
  }
  return { text: trimmed };
}

/** Provider text longer than we store (a long voicemail, a 4,096-character WhatsApp message) is cut, not refused. */
export function truncateToMessageLength(text: string): string {
  const characters = [...text];
  return characters.length > MAX_MESSAGE_LENGTH ? `${characters.slice(0, MAX_MESSAGE_LENGTH - 1).join('')}…` : text;
}

import { userFailure, type UserInputFailure } from '../../shared/graphql/user-errors';
import { BookingStatus } from '../bookings/booking.entity';

/** Every way a terms change can be refused, with the message a person acts on. */
export enum TermsErrorCode {
  TEXT_REQUIRED = 'TEXT_REQUIRED',
  TITLE_REQUIRED = 'TITLE_REQUIRED',
  BOOKING_NOT_FOUND = 'BOOKING_NOT_FOUND',
  NOT_PENDING_TERMS = 'NOT_PENDING_TERMS',
  ALREADY_ACCEPTED = 'ALREADY_ACCEPTED',
  NO_CURRENT_VERSION = 'NO_CURRENT_VERSION',
  REPLY_TEXT_REQUIRED = 'REPLY_TEXT_REQUIRED',
  REPLY_IS_REFUSAL = 'REPLY_IS_REFUSAL',
}

/** A booking's status as a person says it, after "it is". */
const STATUS_IN_WORDS: Record<BookingStatus, string> = {
  [BookingStatus.INQUIRY]: 'still an inquiry',
  [BookingStatus.PENDING_TERMS]: 'waiting for terms',
  [BookingStatus.CONFIRMED]: 'confirmed',
  [BookingStatus.COMPLETED]: 'completed',
  [BookingStatus.CANCELLED]: 'cancelled',
};

export const termsErrors = {
  textRequired: (): UserInputFailure => userFailure(TermsErrorCode.TEXT_REQUIRED, 'Text: paste or type the full terms the customer accepts.', 'text'),
  titleRequired: (): UserInputFailure => userFailure(TermsErrorCode.TITLE_REQUIRED, 'Title: enter what customers see above the text, for example Booking terms and conditions.', 'title'),
  bookingNotFound: (): UserInputFailure => userFailure(TermsErrorCode.BOOKING_NOT_FOUND, 'No booking has this id; check the booking and try again.', 'bookingId'),
  notPending: (status: BookingStatus): UserInputFailure =>
    userFailure(TermsErrorCode.NOT_PENDING_TERMS, `This booking is not waiting for terms (it is ${STATUS_IN_WORDS[status] ?? status.toLowerCase()}).`, 'bookingId'),
  alreadyAccepted: (acceptedOn: string): UserInputFailure =>
    userFailure(TermsErrorCode.ALREADY_ACCEPTED, `These terms were already accepted for this booking on ${acceptedOn}.`, 'bookingId'),
  noCurrentVersion: (): UserInputFailure =>
    userFailure(TermsErrorCode.NO_CURRENT_VERSION, 'No terms have been published yet: an admin must publish them first.'),
  replyTextRequired: (channel: string): UserInputFailure =>
    userFailure(TermsErrorCode.REPLY_TEXT_REQUIRED, `What the customer said: for an acceptance by ${channel}, paste the customer’s reply exactly as they wrote it.`, 'replyText'),
  replyIsRefusal: (): UserInputFailure =>
    userFailure(TermsErrorCode.REPLY_IS_REFUSAL, 'What the customer said: that reply reads as a refusal, so it cannot be recorded as acceptance. Check with the customer.', 'replyText'),
};

import { userFailure, type UserInputFailure } from '../../shared/graphql/user-errors';

/** Every way a travel quote can be refused, with the message a person acts on. */
export enum TravelErrorCode {
  ADDRESS_NOT_FOUND = 'ADDRESS_NOT_FOUND',
  INVALID_EVENT_TIME = 'INVALID_EVENT_TIME',
  /** The provider is rate-limiting us: try again in a minute. */
  TRAVEL_BUSY = 'TRAVEL_BUSY',
  /** The provider refused our key, timed out or is unreachable. */
  TRAVEL_UNAVAILABLE = 'TRAVEL_UNAVAILABLE',
}

export const ADDRESS_NOT_FOUND_MESSAGE = "We couldn't find that address. Please include the city or ZIP code.";

export const travelErrors = {
  addressNotFound: (field = 'address'): UserInputFailure => userFailure(TravelErrorCode.ADDRESS_NOT_FOUND, ADDRESS_NOT_FOUND_MESSAGE, field),
  invalidEventTime: (message: string, field: string): UserInputFailure => userFailure(TravelErrorCode.INVALID_EVENT_TIME, message, field),
  busy: (): UserInputFailure =>
    userFailure(TravelErrorCode.TRAVEL_BUSY, 'Travel quotes are busy right now. Please try again shortly.'),
  unavailable: (): UserInputFailure =>
    userFailure(TravelErrorCode.TRAVEL_UNAVAILABLE, 'Travel quotes are unavailable right now. Please try again later, or we can confirm the travel fee with you directly.'),
};

import { userFailure, type UserInputFailure } from '../../shared/graphql/user-errors';
import { CallStatus } from './call-status';

/** Every way a call transfer can be refused, with the message a person acts on. */
export enum TelephonyErrorCode {
  NOT_CONFIGURED = 'TELEPHONY_NOT_CONFIGURED',
  CALL_NOT_FOUND = 'CALL_NOT_FOUND',
  EXTENSION_NOT_FOUND = 'EXTENSION_NOT_FOUND',
  EXTENSION_HAS_NO_PHONE = 'EXTENSION_HAS_NO_PHONE',
  NOT_TRANSFERABLE = 'CALL_NOT_TRANSFERABLE',
  CALL_ENDED = 'CALL_ENDED',
  PROVIDER_UNAVAILABLE = 'TELEPHONY_UNAVAILABLE',
  TRANSFER_REFUSED = 'TRANSFER_REFUSED',
}

export const telephonyErrors = {
  notConfigured: (): UserInputFailure =>
    userFailure(TelephonyErrorCode.NOT_CONFIGURED, "Telephony isn't configured on this server (RingCentral credentials are not set), so calls can't be transferred."),
  callNotFound: () => ({ code: TelephonyErrorCode.CALL_NOT_FOUND, field: 'callId', message: 'No phone call has this id. Pick the call from the phoneCalls list.' }),
  extensionNotFound: () => ({ code: TelephonyErrorCode.EXTENSION_NOT_FOUND, field: 'extensionId', message: 'No extension has this id; it may have been deleted. Reload the list.' }),
  extensionHasNoPhone: (extension: { number: number; employeeName: string }) => ({
    code: TelephonyErrorCode.EXTENSION_HAS_NO_PHONE,
    field: 'extensionId',
    message: `Extension ${extension.number} (${extension.employeeName}) has no phone number to transfer to. Add one to the extension first.`,
  }),
  /** `status` is where the call stands; null when the provider refused because it no longer allows a transfer. */
  notTransferable: (status: CallStatus | null): UserInputFailure =>
    userFailure(
      TelephonyErrorCode.NOT_TRANSFERABLE,
      `The call can't be transferred now: ${whyNotTransferable(status)}; only answered or held calls can be transferred.`,
      'callId',
    ),
  callEnded: (): UserInputFailure => userFailure(TelephonyErrorCode.CALL_ENDED, "The call has ended, so it can't be transferred.", 'callId'),
  providerUnavailable: (): UserInputFailure =>
    userFailure(TelephonyErrorCode.PROVIDER_UNAVAILABLE, "RingCentral didn't answer in time. Try the transfer again in a moment."),
  transferRefused: (): UserInputFailure =>
    userFailure(TelephonyErrorCode.TRANSFER_REFUSED, "RingCentral refused the transfer. Check the extension's phone number and try again."),
};

function whyNotTransferable(status: CallStatus | null): string {
  switch (status) {
    case CallStatus.RINGING:
      return 'it is still ringing';
    case CallStatus.VOICEMAIL:
      return 'it went to voicemail';
    case CallStatus.ENDED:
      return 'it has ended';
    default:
      return 'it is no longer answered or on hold';
  }
}

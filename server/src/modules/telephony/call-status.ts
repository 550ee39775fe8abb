import { registerEnumType } from 'type-graphql';

/**
 * Where a call stands, in the words staff use. Providers have their own codes (RingCentral's
 * Setup, Proceeding, Hold…); their mappers translate, and the code itself is kept on the call
 * only for debugging.
 */
export enum CallStatus {
  RINGING = 'RINGING',
  ANSWERED = 'ANSWERED',
  ON_HOLD = 'ON_HOLD',
  /** The caller is in a voicemail box (leaving a message). */
  VOICEMAIL = 'VOICEMAIL',
  ENDED = 'ENDED',
}
registerEnumType(CallStatus, {
  name: 'CallStatus',
  description: 'Where a phone call stands.',
  valuesConfig: {
    RINGING: { description: 'Ringing, not answered yet.' },
    ANSWERED: { description: 'Someone picked up.' },
    ON_HOLD: { description: 'Answered and put on hold.' },
    VOICEMAIL: { description: 'The caller reached voicemail.' },
    ENDED: { description: 'The call is over (or left the business, once transferred).' },
  },
});

/** Whether the business received the call or placed it. */
export type CallDirection = 'INBOUND' | 'OUTBOUND';

/** A call party's state as the provider reports it now. */
export interface CallPartyState {
  /** Null for a provider state we do not act on (a parked call, a fax). */
  status: CallStatus | null;
  /** The provider's own code, for debugging; never shown to staff. */
  providerStatus: string;
}

/** One party's new state, from a provider's call notification. */
export interface CallStatusEvent {
  telephonySessionId: string;
  partyId: string;
  /** Orders one session's notifications, which may arrive out of order. */
  sequence: number;
  status: CallStatus;
  /** The provider's own code for the status, for debugging. */
  providerStatus: string;
  /** Null when the provider did not say. */
  direction: CallDirection | null;
  /** E.164, or null when withheld. */
  callerNumber: string | null;
  /** The business's provider extension on the call: its mailbox takes voicemail. */
  providerExtensionId: string | null;
  /** The call's recording, when it is recorded. */
  recordingId: string | null;
}

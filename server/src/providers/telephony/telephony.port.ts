/**
 * Live calls, voicemail and call recordings. Implementations:
 *   - ../ringcentral/ringcentral.telephony.ts  RingCentral Call Control, message store and AI speech-to-text (chosen when credentials are set).
 * There is no local implementation: without a phone provider there are no calls to route or
 * transfer, and the telephony service says so. Callers never see provider objects, nor the
 * provider's words: its call states come back as our CallStatus.
 */

import type { CallPartyState } from '../../modules/telephony/call-status';

/** One party of a live call, as the provider names it. */
export interface CallParty {
  telephonySessionId: string;
  partyId: string;
}

/** Where a ringing call goes: a phone number (E.164), or the mailbox of a provider extension. */
export type ForwardTarget = { phoneNumber: string } | { voicemailOf: string };

/**
 * Why a call-control request failed:
 *   wrong-state  the party is not in a state that allows it (a transfer before the call is answered, a forward after);
 *   gone         the call or party no longer exists;
 *   unavailable  the provider was unreachable, limited us or failed: worth trying again;
 *   rejected     anything else the provider refused: trying again will not help.
 */
export class CallControlError extends Error {
  constructor(
    message: string,
    readonly reason: 'wrong-state' | 'gone' | 'unavailable' | 'rejected',
  ) {
    super(message);
    this.name = 'CallControlError';
  }
}

export interface CallControl {
  /** Sends a call that is still ringing elsewhere. */
  forward(party: CallParty, target: ForwardTarget): Promise<void>;
  /** Blind-transfers an answered or held call to a phone number (E.164); returns the party's state after it, when the provider says. */
  transfer(party: CallParty, phoneNumber: string): Promise<CallPartyState | null>;
  /** The party's state now, or null when the call is over and forgotten. */
  partyStatus(party: CallParty): Promise<CallPartyState | null>;
}

/**
 * A voicemail and its transcript:
 *   READY        the transcript is there (possibly partial);
 *   PENDING      the provider is still transcribing: ask again later;
 *   UNAVAILABLE  there will be no transcript (feature off, failed, timed out).
 */
export interface Voicemail {
  providerMessageId: string;
  /** E.164, or null when the caller withheld their number. */
  callerNumber: string | null;
  transcription: 'READY' | 'PENDING' | 'UNAVAILABLE';
  transcript: string | null;
}

export interface VoicemailStore {
  /** The voicemail with this message id, or null when the message is not a voicemail or no longer exists. */
  voicemail(providerMessageId: string): Promise<Voicemail | null>;
}

/**
 * Why a transcription could not be started:
 *   not-ready    the recording is not available yet (it appears a little after the call ends): try again later;
 *   unavailable  the provider was unreachable, limited us or failed: try again later;
 *   rejected     the provider refused (no AI permission, recording gone): trying again will not help.
 */
export class TranscriptionError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-ready' | 'unavailable' | 'rejected',
  ) {
    super(message);
    this.name = 'TranscriptionError';
  }
}

export interface CallTranscriber {
  /**
   * Starts transcribing a call recording. The provider works asynchronously and POSTs the
   * result to `callbackUrl`; returns its job id. Throws TranscriptionError.
   */
  transcribe(recordingId: string, callbackUrl: string): Promise<{ jobId: string }>;
}

/** What a transcription job's callback reports. */
export type CallTranscriptResult = { jobId: string; outcome: 'TRANSCRIBED'; text: string } | { jobId: string; outcome: 'FAILED'; error: string };

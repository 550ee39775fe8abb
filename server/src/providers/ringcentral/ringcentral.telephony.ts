import {
  CallControlError,
  TranscriptionError,
  type CallControl,
  type CallParty,
  type CallTranscriber,
  type ForwardTarget,
  type Voicemail,
  type VoicemailStore,
} from '../telephony/telephony.port';
import type { CallPartyState } from '../../modules/telephony/call-status';
import { RingCentralClient } from './ringcentral.client';
import { callPartyStateOf, transcriptUriOf, voicemailOf, type CallPartyRecord, type MessageRecord } from './ringcentral.mapper';

const SESSIONS = '/restapi/v1.0/account/~/telephony/sessions';
const MESSAGE_STORE = '/restapi/v1.0/account/~/extension/~/message-store';
const RECORDINGS = '/restapi/v1.0/account/~/recording';
const SPEECH_TO_TEXT = '/ai/audio/v1/async/speech-to-text';

function partyPath(party: CallParty): string {
  return `${SESSIONS}/${encodeURIComponent(party.telephonySessionId)}/parties/${encodeURIComponent(party.partyId)}`;
}

/** RingCentral Call Control: forward a ringing call, transfer an answered one, read a party's status. */
export class RingCentralCallControl implements CallControl {
  constructor(private readonly client: RingCentralClient) {}

  async forward(party: CallParty, target: ForwardTarget): Promise<void> {
    // ForwardTarget takes exactly one of phoneNumber, voicemail (the mailbox owner's extension id) or extensionNumber.
    const body = 'phoneNumber' in target ? { phoneNumber: target.phoneNumber } : { voicemail: target.voicemailOf };
    await this.call('forward', () => this.client.request('post', `${partyPath(party)}/forward`, body));
  }

  async transfer(party: CallParty, phoneNumber: string): Promise<CallPartyState | null> {
    const after = await this.call('transfer', () => this.client.request<CallPartyRecord | null>('post', `${partyPath(party)}/transfer`, { phoneNumber }));
    return callPartyStateOf(after);
  }

  async partyStatus(party: CallParty): Promise<CallPartyState | null> {
    try {
      const record = await this.call('read', () => this.client.request<CallPartyRecord>('get', partyPath(party)));
      return callPartyStateOf(record);
    } catch (error) {
      if (error instanceof CallControlError && error.reason === 'gone') return null;
      throw error;
    }
  }

  private async call<T>(action: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const failure = await RingCentralClient.describeFailure(error);
      const detail = `RingCentral could not ${action} the call: ${failure.message}${failure.errorCode ? ` (${failure.errorCode})` : ''}`;
      throw new CallControlError(detail, classify(failure.status));
    }
  }
}

/** 409 is RingCentral's "Incorrect State" (TAS-102); 404 a session or party that has ended. */
function classify(status: number | null): CallControlError['reason'] {
  if (status === 409) return 'wrong-state';
  if (status === 404) return 'gone';
  if (status === null || status === 429 || status === 401 || status >= 500) return 'unavailable';
  return 'rejected';
}

/**
 * Voicemails in the business extension's message store. The transcript is the message's
 * AudioTranscription attachment (text/plain), there once vmTranscriptionStatus is Completed
 * (or CompletedPartially).
 */
export class RingCentralVoicemails implements VoicemailStore {
  constructor(private readonly client: RingCentralClient) {}

  async voicemail(providerMessageId: string): Promise<Voicemail | null> {
    let record: MessageRecord;
    try {
      record = await this.client.request<MessageRecord>('get', `${MESSAGE_STORE}/${encodeURIComponent(providerMessageId)}`);
    } catch (error) {
      const failure = await RingCentralClient.describeFailure(error);
      if (failure.status === 404) return null; // deleted before we read it
      throw new Error(`RingCentral could not read voicemail: ${failure.message}${failure.errorCode ? ` (${failure.errorCode})` : ''}`);
    }
    const voicemail = voicemailOf(record);
    if (!voicemail || voicemail.transcription !== 'READY') return voicemail;
    const uri = transcriptUriOf(record);
    if (!uri) return { ...voicemail, transcription: 'UNAVAILABLE' };
    try {
      // Only the path is followed, on the configured server, so our token never goes to another host.
      const transcript = await this.client.getText(new URL(uri, 'http://ringcentral.invalid').pathname);
      return { ...voicemail, transcript };
    } catch (error) {
      const failure = await RingCentralClient.describeFailure(error);
      throw new Error(`RingCentral could not read the voicemail transcript: ${failure.message}${failure.errorCode ? ` (${failure.errorCode})` : ''}`);
    }
  }
}

interface RecordingRecord {
  id: string | number;
  contentUri?: string;
  contentType?: string;
}

/**
 * Call recordings through RingCentral's AI speech-to-text, which fetches the audio itself and
 * POSTs the transcript to our callback. It cannot send headers, so the recording's content
 * address carries our access token as `access_token`, as RingCentral documents; the address
 * only ever goes to RingCentral.
 */
export class RingCentralCallTranscriber implements CallTranscriber {
  constructor(private readonly client: RingCentralClient) {}

  async transcribe(recordingId: string, callbackUrl: string): Promise<{ jobId: string }> {
    const recording = await this.call('read the recording', () => this.client.request<RecordingRecord>('get', `${RECORDINGS}/${encodeURIComponent(recordingId)}`), {
      notFound: 'not-ready', // a recording appears a little after the call ends
    });
    if (!recording.contentUri) throw new TranscriptionError('RingCentral gave the recording no content address', 'rejected');
    const content = new URL(recording.contentUri);
    content.searchParams.set('access_token', await this.client.accessToken());

    const job = await this.call(
      'start transcribing the recording',
      () =>
        this.client.request<{ jobId?: string }>(
          'post',
          SPEECH_TO_TEXT,
          {
            contentUri: content.toString(),
            encoding: /mpeg|mp3/i.test(recording.contentType ?? '') ? 'Mpeg' : 'Wav',
            languageCode: 'en-US',
            source: 'RingCentral',
            audioType: 'CallCenter',
            enablePunctuation: true,
            // Who said what: the caller and the person who answered.
            enableSpeakerDiarization: true,
            speakerCount: 2,
          },
          { webhook: callbackUrl },
        ),
      { notFound: 'rejected' },
    );
    if (!job?.jobId) throw new TranscriptionError('RingCentral accepted the transcription but gave no job id', 'unavailable');
    return { jobId: job.jobId };
  }

  private async call<T>(action: string, request: () => Promise<T>, options: { notFound: TranscriptionError['reason'] }): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const failure = await RingCentralClient.describeFailure(error);
      const detail = `RingCentral could not ${action}: ${failure.message}${failure.errorCode ? ` (${failure.errorCode})` : ''}`;
      const status = failure.status;
      const reason = status === 404 ? options.notFound : status === null || status === 429 || status === 401 || status >= 500 ? 'unavailable' : 'rejected';
      throw new TranscriptionError(detail, reason);
    }
  }
}

import type { Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import {
  CallControlError,
  TranscriptionError,
  type CallControl,
  type CallParty,
  type CallTranscriber,
  type CallTranscriptResult,
  type VoicemailStore,
} from '../../providers/telephony/telephony.port';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { Channel } from '../conversations/channel';
import type { InboundMessage } from '../inbound/inbound-message';
import { truncateToMessageLength } from '../conversations/inbound-text';
import { IdentityKind } from '../customers/customer.entity';
import type { RotationRepository } from '../escalations/escalations.repository';
import type { Extension } from '../extensions/extension.entity';
import type { ExtensionsService } from '../extensions/extensions.service';
import { routeInboundCall } from './call-routing';
import { CallStatus, type CallPartyState, type CallStatusEvent } from './call-status';
import { CallRoutedTo, CallTranscription, type PhoneCall } from './phone-call.entity';
import type { PhoneCallsRepository } from './telephony.repository';
import { telephonyErrors } from './telephony.errors';

/** A call still ringing can be forwarded; an answered or held one transferred. */
const TRANSFERABLE: ReadonlySet<CallStatus> = new Set([CallStatus.ANSWERED, CallStatus.ON_HOLD]);
/** Inbound calls rotate over extensions on their own row, apart from chat escalations. */
const CALL_ROTATION = 'calls';
const NO_TRANSCRIPT = 'Left a voicemail that could not be transcribed.';
const TRANSCRIBE_CALL = 'telephony.transcribe-call';

/**
 * Phone calls (SPEC §1, §3): a new inbound call is routed by business hours (to the free
 * extension's phone, or to voicemail); voicemail transcripts, and the transcripts of recorded
 * calls, enter the caller's PHONE thread as customer messages the assistant answers; staff
 * transfer an answered call to an extension after it is announced in the thread. Provider
 * calls go through the CallControl, VoicemailStore and CallTranscriber ports; without
 * RingCentral they are absent and a transfer says so.
 */
export class TelephonyService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      calls: PhoneCallsRepository;
      rotations: RotationRepository;
      extensions: ExtensionsService;
      logger: Logger;
      businessTimeZone: string;
      callControl?: CallControl;
      voicemails?: VoicemailStore;
      transcriber?: CallTranscriber;
      jobs: JobQueue;
      /** Where the transcriber posts the transcript of this call's recording. */
      transcriptCallbackUrl: (phoneCallId: string) => string;
      /** The one inbound path of customer messages (InboundService.receive). */
      receiveMessage: (message: InboundMessage) => Promise<unknown>;
      /** Tells the caller, in their PHONE thread (and by text), what is happening to the call. */
      announce: (callerNumber: string, text: string) => Promise<unknown>;
    },
  ) {}

  jobs(options: { retryLimit: number; retryDelaySeconds: number }): Array<JobDefinition<{ phoneCallId: string }>> {
    return [
      {
        name: TRANSCRIBE_CALL,
        ...options,
        expireInSeconds: 60,
        concurrency: 2,
        handle: (job) => this.requestTranscript(job.phoneCallId),
        onDeadLetter: (job, lastError) => this.transcriptionFailed(job.phoneCallId, lastError),
      },
    ];
  }

  /**
   * Records a call's new status and, the first time an inbound call is seen ringing, routes it.
   * The forward happens while the call's row is locked, so a second notification for the same
   * ringing call waits and then finds it routed; a forward RingCentral could not take now
   * rolls the decision back, so the queue's retry decides afresh.
   */
  async callStatusChanged(event: CallStatusEvent): Promise<void> {
    if (event.direction !== 'INBOUND') return; // calls the business places are not routed
    await this.deps.uow.run(async (tx) => {
      const call = await this.deps.calls.lockForEvent(tx, event);
      // An equal sequence is the same moment (or no sequence was sent): the later delivery wins.
      if (event.sequence >= call.lastSequence) {
        call.status = event.status;
        call.providerStatus = event.providerStatus;
        call.lastSequence = event.sequence;
      }
      call.callerNumber ??= event.callerNumber;
      call.providerExtensionId ??= event.providerExtensionId;
      call.recordingId ??= event.recordingId;
      if (call.routedAt === null && call.status === CallStatus.RINGING) await this.route(tx, call);
      if (call.recordingId && call.transcription === null && call.status === CallStatus.ENDED && this.deps.transcriber) {
        // The recording is complete: have it transcribed (committed with the status, or not at all).
        call.transcription = CallTranscription.PENDING;
        await this.deps.jobs.enqueue(tx, TRANSCRIBE_CALL, { phoneCallId: call.id });
      }
      await this.deps.calls.save(tx, call);
    });
  }

  private async route(tx: Tx, call: PhoneCall): Promise<void> {
    const { callControl, rotations } = this.deps;
    if (!callControl) return;
    await rotations.lock(tx, CALL_ROTATION);
    const extensions = await this.deps.extensions.allForRouting(tx);
    const now = new Date();
    const decision = routeInboundCall({ extensions, lastRotationNumber: await rotations.last(tx, CALL_ROTATION), now, timeZone: this.deps.businessTimeZone });

    call.routedTo = decision.to === 'EXTENSION' ? CallRoutedTo.EXTENSION : CallRoutedTo.VOICEMAIL;
    call.routedExtensionId = decision.to === 'EXTENSION' ? decision.extension.id : null;
    call.routingReason = decision.reason;
    call.routedAt = now;
    const target = decision.to === 'EXTENSION' ? { phoneNumber: decision.extension.phone } : call.providerExtensionId ? { voicemailOf: call.providerExtensionId } : null;
    try {
      if (!target) throw new CallControlError('no RingCentral extension is known for this call, so there is no mailbox to send it to', 'rejected');
      await callControl.forward(partyOf(call), target);
      if (decision.to === 'EXTENSION' && decision.nextRotationNumber !== null) await rotations.advance(tx, CALL_ROTATION, decision.nextRotationNumber);
    } catch (error) {
      // Unavailable: throw, roll back, and let the queue try again while the call may still ring.
      if (!(error instanceof CallControlError) || error.reason === 'unavailable') throw error;
      // Otherwise the call stopped ringing first (answered elsewhere, caller hung up) or cannot go there: record why.
      call.routingError = error.message;
    }
    this.deps.logger.info(
      { phoneCallId: call.id, routedTo: call.routedTo, extensionId: call.routedExtensionId, forwarded: call.routingError === null, reason: decision.reason },
      'inbound call routed',
    );
  }

  /**
   * A new voicemail: its transcript becomes the caller's message in their PHONE thread, which
   * the assistant reads and answers. Throws while RingCentral is still transcribing, so the
   * queue asks again later. ConversationsService.receive keeps one message per voicemail id.
   */
  async voicemailReceived(providerMessageId: string): Promise<void> {
    const voicemail = await this.deps.voicemails?.voicemail(providerMessageId);
    if (!voicemail) {
      this.deps.logger.info({ providerMessageId }, 'message-store entry is not a voicemail (or is gone): nothing to thread');
      return;
    }
    if (voicemail.transcription === 'PENDING') {
      throw new Error('The voicemail transcript is not ready yet (RingCentral is still transcribing it); trying again later.');
    }
    if (!voicemail.callerNumber) {
      this.deps.logger.info({ providerMessageId }, 'voicemail from a withheld number: there is no thread to put it in');
      return;
    }
    const transcript = voicemail.transcript?.trim() || NO_TRANSCRIPT;
    await this.deps.receiveMessage({
      channel: Channel.PHONE,
      address: voicemail.callerNumber,
      identity: { kind: IdentityKind.PHONE, value: voicemail.callerNumber },
      // A very long voicemail is cut rather than refused: the message limit is for typed text.
      text: truncateToMessageLength(transcript),
      providerMessageId: voicemail.providerMessageId,
    });
  }

  /**
   * Starts the transcription of an ended call's recording. RingCentral answers later, at the
   * call's callback address (callTranscribed). A recording not there yet, or a provider that
   * is briefly unavailable, throws so the queue tries again; a refusal is recorded on the call.
   */
  async requestTranscript(phoneCallId: string): Promise<void> {
    const call = await this.deps.calls.findById(phoneCallId);
    const transcriber = this.deps.transcriber;
    if (!call?.recordingId || call.transcription !== CallTranscription.PENDING || !transcriber) return;
    try {
      const { jobId } = await transcriber.transcribe(call.recordingId, this.deps.transcriptCallbackUrl(call.id));
      // Only if the transcript has not come back already.
      await this.deps.calls.markTranscriptionRequested(call.id, jobId);
      this.deps.logger.info({ phoneCallId, jobId }, 'call recording sent for transcription');
    } catch (error) {
      if (!(error instanceof TranscriptionError) || error.reason !== 'rejected') throw error;
      await this.transcriptionFailed(call.id, error.message);
    }
  }

  /**
   * RingCentral's answer for a call recording: the transcript becomes the caller's message in
   * their PHONE thread, which the assistant reads and answers, as it does a voicemail. Keyed by
   * the recording, so a second answer for the same call adds nothing.
   */
  async callTranscribed(phoneCallId: string, result: CallTranscriptResult): Promise<void> {
    const call = await this.deps.calls.findById(phoneCallId);
    if (!call || call.transcription === CallTranscription.TRANSCRIBED) return;
    if (result.outcome === 'FAILED') {
      await this.transcriptionFailed(call.id, result.error);
      return;
    }
    const transcript = result.text.trim();
    if (transcript && call.callerNumber) {
      await this.deps.receiveMessage({
        channel: Channel.PHONE,
        address: call.callerNumber,
        identity: { kind: IdentityKind.PHONE, value: call.callerNumber },
        // A long call is cut to the message length here; the call keeps the whole transcript.
        text: truncateToMessageLength(`Call transcript:\n${transcript}`),
        providerMessageId: `recording:${call.recordingId ?? result.jobId}`,
      });
    } else {
      this.deps.logger.info({ phoneCallId, reason: transcript ? 'withheld number' : 'no speech' }, 'call transcript not threaded');
    }
    await this.deps.calls.update(call.id, { transcription: CallTranscription.TRANSCRIBED, transcriptionJobId: result.jobId, transcriptionError: null, transcript: transcript || null });
  }

  private async transcriptionFailed(phoneCallId: string, reason: string): Promise<void> {
    await this.deps.calls.markTranscriptionFailed(phoneCallId, reason);
    this.deps.logger.warn({ phoneCallId, reason }, 'call recording could not be transcribed');
  }

  /**
   * Transfers an answered or held call to the extension's phone, announcing it in the caller's
   * thread first. The call's live status is checked before anything is said, so a call that
   * is still ringing (or over) is refused without an announcement.
   */
  async transfer(params: { callId: string; extensionId: string }): Promise<PhoneCall> {
    const callControl = this.deps.callControl;
    if (!callControl) throw telephonyErrors.notConfigured();
    const { call, extension } = await this.findTransferParties(params);
    const party = partyOf(call);

    const live = await askRingCentral(() => callControl.partyStatus(party));
    if (live === null || live.status === CallStatus.ENDED) throw telephonyErrors.callEnded();
    if (live.status === null || !TRANSFERABLE.has(live.status)) throw telephonyErrors.notTransferable(live.status);

    const who = `${extension.employeeName} (ext. ${extension.number})`;
    if (call.callerNumber) await this.deps.announce(call.callerNumber, `Transferring your call to ${who}.`);
    let after: CallPartyState | null;
    try {
      after = await askRingCentral(() => callControl.transfer(party, extension.phone));
    } catch (failure) {
      if (call.callerNumber) await this.deps.announce(call.callerNumber, `The transfer to ${who} did not go through.`);
      throw failure;
    }

    // Only these columns: notifications may have changed the row (an ended call's transcription) since it was read.
    await this.deps.calls.update(call.id, {
      transferredToExtensionId: extension.id,
      transferredAt: new Date(),
      // Later notifications carry higher sequence numbers and still apply over this status.
      ...(after?.status ? { status: after.status, providerStatus: after.providerStatus } : {}),
    });
    this.deps.logger.info({ phoneCallId: call.id, extensionId: extension.id }, 'call transferred');
    return (await this.deps.calls.findById(call.id))!;
  }

  private async findTransferParties(params: { callId: string; extensionId: string }): Promise<{ call: PhoneCall; extension: Extension }> {
    const callUuid = fromGlobalId('PhoneCall', params.callId);
    const extensionUuid = fromGlobalId('Extension', params.extensionId);
    const [call, extension] = await Promise.all([
      callUuid ? this.deps.calls.findById(callUuid) : null,
      extensionUuid ? this.deps.extensions.findById(extensionUuid) : null,
    ]);
    const problems = [
      ...(call ? [] : [telephonyErrors.callNotFound()]),
      ...(!extension ? [telephonyErrors.extensionNotFound()] : extension.phone.trim() === '' ? [telephonyErrors.extensionHasNoPhone(extension)] : []),
    ];
    if (problems.length > 0) throw new UserInputFailure(problems);
    return { call: call!, extension: extension! };
  }

  list(args: ConnectionArgs): Promise<Connection<PhoneCall>> {
    return this.deps.calls.list(args);
  }
}

function partyOf(call: PhoneCall): CallParty {
  return { telephonySessionId: call.telephonySessionId, partyId: call.partyId };
}

/** Runs a Call Control request, turning its failures into messages staff can act on. */
async function askRingCentral<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof CallControlError)) throw error;
    if (error.reason === 'wrong-state') throw telephonyErrors.notTransferable(null);
    if (error.reason === 'gone') throw telephonyErrors.callEnded();
    if (error.reason === 'unavailable') throw telephonyErrors.providerUnavailable();
    throw telephonyErrors.transferRefused();
  }
}

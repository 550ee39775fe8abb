import type { InboundSms } from '../../modules/channels/inbound-events';
import { CallStatus, type CallDirection, type CallPartyState, type CallStatusEvent } from '../../modules/telephony/call-status';
import type { SmsStatus } from '../sms/sms.port';
import type { CallTranscriptResult, Voicemail } from '../telephony/telephony.port';

/**
 * RingCentral's payloads turned into our values, as pure functions: RingCentral's words (call
 * and message statuses, directions, message types, transcription states) stop here. Payloads
 * are untrusted JSON, so every field is checked and no casing is relied on.
 */

/** A call party, in a telephony-session notification or a Call Control answer (the fields we use). */
export interface CallPartyRecord {
  id?: string | number;
  extensionId?: string | number;
  direction?: string;
  status?: { code?: string; reason?: string };
  from?: { phoneNumber?: string };
  to?: { phoneNumber?: string; extensionId?: string | number };
  /** The party's call recordings, when the call is recorded. */
  recordings?: Array<{ id?: string | number; active?: boolean }>;
}

/** A message-store record: an SMS or a voicemail (the fields we use). */
export interface MessageRecord {
  id?: string | number;
  type?: string;
  direction?: string;
  subject?: string;
  messageStatus?: string;
  from?: { phoneNumber?: string };
  to?: Array<{ phoneNumber?: string }>;
  vmTranscriptionStatus?: string;
  attachments?: Array<{ id?: string | number; uri?: string; type?: string; contentType?: string }>;
}

/** A notification's envelope (the fields we use); its body depends on the event. */
export interface Notification {
  uuid: string;
  event: string;
  timestamp?: string;
  /** The extension that owns the subscription. */
  ownerId?: string;
  body: MessageRecord & {
    /** Message-store events: what changed, per message type. */
    changes?: Array<{ type?: string; newCount?: number; updatedCount?: number; newMessageIds?: Array<string | number> }>;
    /** Telephony-session events. */
    telephonySessionId?: string;
    sequence?: number;
    parties?: CallPartyRecord[];
  };
}

/** RingCentral AI's POST when a speech-to-text job ends (the fields we use). */
export interface SpeechToTextCallback {
  jobId?: unknown;
  status?: unknown;
  response?: {
    transcript?: string;
    utterances?: Array<{ speakerId?: string; text?: string }>;
    message?: string;
    errors?: Array<{ message?: string }>;
  } | null;
  error?: { message?: string } | string | null;
}

/** RingCentral's words as a key: trimmed and lower-cased. */
function word(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : null;
}

/** An id RingCentral may send as a string or a number. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function phoneOf(value: { phoneNumber?: unknown } | undefined | null): string | null {
  const number = value?.phoneNumber;
  return typeof number === 'string' && number.trim() !== '' ? number : null;
}

/**
 * A party's status code. Parked, FaxReceive, Tds and codes RingCentral may add later mean
 * nothing we act on (null): a parked call waits for a pick-up, not for us, and only Answered
 * and Hold can be transferred.
 */
const CALL_STATUS = new Map<string, CallStatus>([
  ['setup', CallStatus.RINGING],
  ['proceeding', CallStatus.RINGING],
  ['answered', CallStatus.ANSWERED],
  ['hold', CallStatus.ON_HOLD],
  ['voicemail', CallStatus.VOICEMAIL],
  ['voicemailscreening', CallStatus.VOICEMAIL],
  ['disconnected', CallStatus.ENDED],
  ['gone', CallStatus.ENDED],
]);

export function callStatusOf(code: unknown): CallStatus | null {
  const key = word(code);
  return key === null ? null : (CALL_STATUS.get(key) ?? null);
}

export function directionOf(direction: unknown): CallDirection | null {
  const key = word(direction);
  return key === 'inbound' ? 'INBOUND' : key === 'outbound' ? 'OUTBOUND' : null;
}

/** A party's state as Call Control reports it; null when the answer names no status. */
export function callPartyStateOf(party: CallPartyRecord | null | undefined): CallPartyState | null {
  const code = party?.status?.code;
  if (typeof code !== 'string' || code.trim() === '') return null;
  return { status: callStatusOf(code), providerStatus: code.trim() };
}

/** Session notifications may leave the sequence out, or send nonsense: 0 orders first. */
function sequenceOf(value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : 0;
}

/**
 * The parties of a telephony-session notification, one event each; parties without an id or
 * with a status we do not act on are left out. Null when the body names no session.
 */
export function callStatusEventsOf(notification: Pick<Notification, 'body' | 'ownerId'>): CallStatusEvent[] | null {
  const { telephonySessionId, sequence, parties } = notification.body;
  const sessionId = idOf(telephonySessionId);
  if (sessionId === null) return null;
  const events: CallStatusEvent[] = [];
  for (const party of Array.isArray(parties) ? parties : []) {
    const partyId = idOf(party?.id);
    const state = callPartyStateOf(party);
    if (partyId === null || state?.status == null) continue;
    events.push({
      telephonySessionId: sessionId,
      partyId,
      sequence: sequenceOf(sequence),
      status: state.status,
      providerStatus: state.providerStatus,
      direction: directionOf(party.direction),
      callerNumber: phoneOf(party.from),
      providerExtensionId: idOf(party.extensionId) ?? idOf(party.to?.extensionId) ?? idOf(notification.ownerId),
      recordingId: recordingOf(party.recordings),
    });
  }
  return events;
}

function recordingOf(recordings: unknown): string | null {
  if (!Array.isArray(recordings)) return null;
  for (const recording of recordings) {
    const id = idOf(recording?.id);
    if (id !== null) return id;
  }
  return null;
}

/** Whether an instant message-store notification is a customer's text to us. */
export function isInboundSms(body: MessageRecord): boolean {
  return directionOf(body.direction) === 'INBOUND' && word(body.type) === 'sms';
}

/** The text in an instant SMS notification; null when it names no sender. */
export function inboundSmsOf(notification: Pick<Notification, 'uuid' | 'body'>): InboundSms | null {
  const from = phoneOf(notification.body.from);
  if (from === null) return null;
  const text = notification.body.subject;
  return { from, text: typeof text === 'string' ? text : '', attachments: mmsAttachmentsOf(notification.body.attachments), providerMessageId: idOf(notification.body.id) ?? notification.uuid };
}

/** The media of an MMS by kind; the text part RingCentral also lists as an attachment is the subject itself. */
function mmsAttachmentsOf(attachments: unknown): Array<{ type: string }> {
  if (!Array.isArray(attachments)) return [];
  return attachments
    .filter((attachment) => word(attachment?.type) === 'mmsattachment')
    .map((attachment) => {
      const contentType = typeof attachment.contentType === 'string' ? attachment.contentType.toLowerCase() : '';
      const kind = contentType.split('/')[0];
      return { type: ['image', 'video', 'audio'].includes(kind) ? kind : 'file' };
    });
}

/** What a message-store notification reports: new voicemails by id, and whether anything else (SMS statuses among it) changed. */
export function messageStoreChangesOf(body: Notification['body']): { voicemailIds: string[]; otherChanges: boolean } {
  const changes = Array.isArray(body.changes) ? body.changes : [];
  const isVoicemail = (change: { type?: unknown } | null) => word(change?.type) === 'voicemail';
  const voicemailIds = changes
    .filter(isVoicemail)
    .flatMap((change) => (Array.isArray(change.newMessageIds) ? change.newMessageIds : []))
    .map(idOf)
    .filter((id): id is string => id !== null);
  // A notification without a list of changes still means something changed.
  return { voicemailIds, otherChanges: changes.length === 0 || changes.some((change) => !isVoicemail(change)) };
}

/** The message id of an instant voicemail notification; null without one. */
export function voicemailIdOf(body: MessageRecord): string | null {
  return idOf(body.id);
}

const SMS_STATUS = new Map<string, SmsStatus>([
  ['queued', 'QUEUED'],
  ['sent', 'SENT'],
  ['delivered', 'DELIVERED'],
  ['deliveryfailed', 'FAILED'],
  ['sendingfailed', 'FAILED'],
  // A text we received is as far as it goes.
  ['received', 'DELIVERED'],
]);

/** A sent text's message status; null for one we do not know. */
export function smsStatusOf(messageStatus: unknown): SmsStatus | null {
  const key = word(messageStatus);
  return key === null ? null : (SMS_STATUS.get(key) ?? null);
}

/** vmTranscriptionStatus: still being written, there (possibly partial), or never coming. */
export function voicemailTranscriptionOf(status: unknown): Voicemail['transcription'] {
  const key = word(status);
  if (key === 'inprogress') return 'PENDING';
  if (key === 'completed' || key === 'completedpartially') return 'READY';
  return 'UNAVAILABLE'; // NotAvailable, TimedOut, Failed, Unknown, or not said
}

/** A message-store record as a voicemail (its transcript not read yet); null when it is not one. */
export function voicemailOf(record: MessageRecord): Voicemail | null {
  const id = idOf(record.id);
  if (id === null || word(record.type) !== 'voicemail') return null;
  return { providerMessageId: id, callerNumber: phoneOf(record.from), transcription: voicemailTranscriptionOf(record.vmTranscriptionStatus), transcript: null };
}

/** Where a voicemail's transcript is: its AudioTranscription attachment's address, if it has one. */
export function transcriptUriOf(record: MessageRecord): string | null {
  const attachment = (Array.isArray(record.attachments) ? record.attachments : []).find((a) => word(a?.type) === 'audiotranscription');
  return typeof attachment?.uri === 'string' && attachment.uri !== '' ? attachment.uri : null;
}

/** A speech-to-text job's result: the transcript, speaker by speaker when RingCentral told them apart, or why it failed. */
export function speechToTextResultOf(jobId: string, callback: SpeechToTextCallback): CallTranscriptResult {
  if (word(callback.status) !== 'success') return { jobId, outcome: 'FAILED', error: failureMessage(callback) };
  const response = callback.response ?? {};
  const utterances = Array.isArray(response.utterances) ? response.utterances : [];
  const transcript = typeof response.transcript === 'string' ? response.transcript.trim() : '';
  return { jobId, outcome: 'TRANSCRIBED', text: bySpeaker(utterances) ?? transcript };
}

/** "Speaker 1: …" lines, one per turn, when RingCentral told the speakers apart; null otherwise. */
function bySpeaker(utterances: Array<{ speakerId?: unknown; text?: unknown }>): string | null {
  const spoken = utterances.flatMap((u) => (typeof u?.text === 'string' && u.text.trim() !== '' ? [{ speakerId: idOf(u.speakerId), text: u.text.trim() }] : []));
  if (spoken.length === 0 || spoken.some((u) => u.speakerId === null)) return null;
  const turns: Array<{ speakerId: string; text: string }> = [];
  for (const utterance of spoken) {
    const last = turns.at(-1);
    if (last && last.speakerId === utterance.speakerId) last.text += ` ${utterance.text}`;
    else turns.push({ speakerId: utterance.speakerId!, text: utterance.text });
  }
  const label = (speakerId: string) => (/^\d+$/.test(speakerId) ? `Speaker ${Number(speakerId) + 1}` : `Speaker ${speakerId}`);
  return turns.map((turn) => `${label(turn.speakerId)}: ${turn.text}`).join('\n');
}

/** RingCentral does not document its failure body; take the first message it gives. */
function failureMessage(callback: SpeechToTextCallback): string {
  const response = callback.response;
  const message =
    (Array.isArray(response?.errors) ? response.errors : []).find((e) => typeof e?.message === 'string' && e.message)?.message ??
    (typeof response?.message === 'string' ? response.message : undefined) ??
    (typeof callback.error === 'string' ? callback.error : callback.error?.message);
  return `RingCentral could not transcribe the recording (${String(callback.status)})${message ? `: ${message}` : '.'}`;
}

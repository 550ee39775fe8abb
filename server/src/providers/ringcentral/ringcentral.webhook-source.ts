import type { IncomingHttpHeaders } from 'node:http';
import { WebhookProvider } from '../../modules/webhooks/webhook-event.entity';
import { sameSecret, UnknownPayload, type DirectAnswer, type InboundEvent, type WebhookSource } from '../../modules/webhooks/webhook-provider';

/** RingCentral's notification envelope (the fields we use). */
interface Envelope {
  uuid: string;
  event: string;
  timestamp?: string;
  /** The extension that owns the subscription. */
  ownerId?: string;
  body: {
    id?: string | number;
    type?: string;
    direction?: string;
    subject?: string;
    from?: { phoneNumber?: string };
    /** Message-store events: what changed, per message type. */
    changes?: Array<{ type?: string; newCount?: number; updatedCount?: number; newMessageIds?: Array<string | number> }>;
    /** Telephony-session events. */
    telephonySessionId?: string;
    sequence?: number;
    parties?: Array<{
      id?: string;
      extensionId?: string;
      direction?: string;
      status?: { code?: string; reason?: string };
      from?: { phoneNumber?: string };
      to?: { phoneNumber?: string; extensionId?: string };
      /** The party's call recordings, when the call is recorded. */
      recordings?: Array<{ id?: string | number; active?: boolean }>;
    }>;
  };
}

/** What a stored voicemail event carries: the message id, and the notification it came in. */
interface VoicemailPayload {
  voicemailMessageId: string;
  notification: Envelope;
}

export interface InboundSms {
  from: string;
  text: string;
  providerMessageId: string;
}

/** One party's state in a telephony-session notification. */
export interface CallStatusEvent {
  telephonySessionId: string;
  partyId: string;
  /** Orders one session's notifications, which may arrive out of order. */
  sequence: number;
  /** Setup, Proceeding, Answered, Hold, VoiceMail, Disconnected, Gone... */
  status: string;
  /** Inbound or Outbound, as seen from the business. */
  direction: string;
  /** E.164, or null when withheld. */
  callerNumber: string | null;
  /** The business's RingCentral extension on the call: its mailbox takes voicemail. */
  providerExtensionId: string | null;
  /** The call's recording, when it is recorded. */
  recordingId: string | null;
}

/** Our services as RingCentral events need them. */
export interface RingCentralHandlers {
  inboundSms(sms: InboundSms): Promise<unknown>;
  /** Something in the message store changed (outbound status among it): ask for the details. */
  messageStoreChanged(): Promise<void>;
  /** A call's status changed (a new inbound call rings, is answered, ends). */
  callStatus(event: CallStatusEvent): Promise<void>;
  /** A new voicemail: read it and its transcript from the message store. */
  voicemail(providerMessageId: string): Promise<void>;
}

const INSTANT_SMS = /\/message-store\/instant(\?|$)/;
const MESSAGE_STORE = /\/message-store(\?|$)/;
const TELEPHONY_SESSIONS = /\/telephony\/sessions(\?|$)/;
const INSTANT_VOICEMAIL = /\/extension\/[^/]+\/voicemail(\?|$)/;

/**
 * POST /webhooks/ringcentral. RingCentral does not sign deliveries: the subscription's
 * verification token comes back as the Verification-Token header on each, and a new
 * subscription is validated by echoing its Validation-Token header.
 */
export class RingCentralWebhookSource implements WebhookSource {
  readonly provider = WebhookProvider.RINGCENTRAL;

  constructor(
    private readonly verificationToken: string,
    private readonly handlers: RingCentralHandlers,
  ) {}

  answerDirectly(request: { method: string; headers: IncomingHttpHeaders }): DirectAnswer | null {
    const validation = request.headers['validation-token'];
    if (request.method !== 'POST' || typeof validation !== 'string') return null;
    return { status: 200, headers: { 'Validation-Token': validation, 'Content-Type': 'application/json' } };
  }

  verify(_raw: Buffer, headers: IncomingHttpHeaders): { ok: true } | { ok: false; reason: 'missing-signature' | 'bad-token' } {
    const token = headers['verification-token'];
    if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing-signature' };
    return sameSecret(token, this.verificationToken) ? { ok: true } : { ok: false, reason: 'bad-token' };
  }

  split(body: unknown): InboundEvent[] {
    const envelope = body as Partial<Envelope> | null;
    if (!envelope || typeof envelope.uuid !== 'string' || typeof envelope.event !== 'string' || typeof envelope.body !== 'object' || envelope.body === null) {
      throw new UnknownPayload('Not a RingCentral notification: uuid, event and body are required.');
    }
    if (INSTANT_SMS.test(envelope.event)) {
      const sms = envelope.body;
      if (sms.direction !== 'Inbound' || String(sms.type).toUpperCase() !== 'SMS') return [];
      return [{ eventId: envelope.uuid, kind: 'inbound-sms', payload: envelope }];
    }
    if (TELEPHONY_SESSIONS.test(envelope.event)) return [{ eventId: envelope.uuid, kind: 'call-status', payload: envelope }];
    if (INSTANT_VOICEMAIL.test(envelope.event)) {
      const id = envelope.body.id;
      return id === undefined || id === null || id === '' ? [] : [voicemailEvent(String(id), envelope as Envelope)];
    }
    if (MESSAGE_STORE.test(envelope.event)) {
      const changes = envelope.body.changes ?? [];
      const isVoicemail = (change: { type?: string }) => String(change.type).toLowerCase() === 'voicemail';
      const voicemails = changes.filter(isVoicemail).flatMap((change) => change.newMessageIds ?? []);
      // Voicemail changes have their own events; anything else (SMS status among it) refreshes the texts.
      const others = changes.length === 0 || changes.some((change) => !isVoicemail(change));
      return [
        ...(others ? [{ eventId: envelope.uuid, kind: 'message-store-change', payload: envelope }] : []),
        ...voicemails.map((id) => voicemailEvent(String(id), envelope as Envelope)),
      ];
    }
    return [];
  }

  async apply(kind: string, payload: unknown): Promise<void> {
    const envelope = payload as Envelope;
    if (kind === 'inbound-sms') {
      const from = envelope.body.from?.phoneNumber;
      if (!from) throw new Error('inbound SMS without a sender number');
      await this.handlers.inboundSms({
        from,
        text: envelope.body.subject ?? '',
        providerMessageId: String(envelope.body.id ?? envelope.uuid),
      });
    } else if (kind === 'message-store-change') {
      await this.handlers.messageStoreChanged();
    } else if (kind === 'call-status') {
      for (const event of callStatusEvents(envelope)) await this.handlers.callStatus(event);
    } else if (kind === 'voicemail') {
      await this.handlers.voicemail((payload as VoicemailPayload).voicemailMessageId);
    } else {
      throw new Error(`unknown RingCentral event kind ${kind}`);
    }
  }
}

/**
 * One voicemail, however it was announced (the instant voicemail event, or a message-store
 * change listing it): keyed by the message id, so the inbox keeps it once.
 */
function voicemailEvent(voicemailMessageId: string, notification: Envelope): InboundEvent {
  const payload: VoicemailPayload = { voicemailMessageId, notification };
  return { eventId: `voicemail:${voicemailMessageId}`, kind: 'voicemail', payload };
}

function callStatusEvents(envelope: Envelope): CallStatusEvent[] {
  const { telephonySessionId, sequence, parties } = envelope.body;
  if (!telephonySessionId) throw new Error('telephony-session event without a telephonySessionId');
  return (parties ?? [])
    .filter((party) => party.id && party.status?.code)
    .map((party) => ({
      telephonySessionId,
      partyId: party.id!,
      sequence: sequence ?? 0,
      status: party.status!.code!,
      direction: party.direction ?? '', // unknown: not routed
      callerNumber: party.from?.phoneNumber || null,
      providerExtensionId: party.extensionId ?? party.to?.extensionId ?? envelope.ownerId ?? null,
      recordingId: recordingOf(party.recordings),
    }));
}

function recordingOf(recordings: Array<{ id?: string | number }> | undefined): string | null {
  const id = recordings?.find((recording) => recording.id !== undefined && recording.id !== null && recording.id !== '')?.id;
  return id === undefined ? null : String(id);
}

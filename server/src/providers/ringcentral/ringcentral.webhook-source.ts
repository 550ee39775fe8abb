import type { IncomingHttpHeaders } from 'node:http';
import type { InboundSms } from '../../modules/channels/inbound-events';
import type { CallStatusEvent } from '../../modules/telephony/call-status';
import { WebhookProvider } from '../../modules/webhooks/webhook-event.entity';
import { sameSecret, UnknownPayload, type DirectAnswer, type InboundEvent, type WebhookSource } from '../../modules/webhooks/webhook-provider';
import { callStatusEventsOf, inboundSmsOf, isInboundSms, messageStoreChangesOf, voicemailIdOf, type Notification } from './ringcentral.mapper';

/** What a stored voicemail event carries: the message id, and the notification it came in. */
interface VoicemailPayload {
  voicemailMessageId: string;
  notification: Notification;
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
    const notification = body as Partial<Notification> | null;
    if (!notification || typeof notification.uuid !== 'string' || typeof notification.event !== 'string' || typeof notification.body !== 'object' || notification.body === null) {
      throw new UnknownPayload('Not a RingCentral notification: uuid, event and body are required.');
    }
    const envelope = notification as Notification;
    // Stored as RingCentral sent it, and mapped when applied.
    if (INSTANT_SMS.test(envelope.event)) return isInboundSms(envelope.body) ? [{ eventId: envelope.uuid, kind: 'inbound-sms', payload: envelope }] : [];
    if (TELEPHONY_SESSIONS.test(envelope.event)) return [{ eventId: envelope.uuid, kind: 'call-status', payload: envelope }];
    if (INSTANT_VOICEMAIL.test(envelope.event)) {
      const id = voicemailIdOf(envelope.body);
      return id === null ? [] : [voicemailEvent(id, envelope)];
    }
    if (MESSAGE_STORE.test(envelope.event)) {
      // Voicemail changes have their own events; anything else (SMS status among it) refreshes the texts.
      const { voicemailIds, otherChanges } = messageStoreChangesOf(envelope.body);
      return [
        ...(otherChanges ? [{ eventId: envelope.uuid, kind: 'message-store-change', payload: envelope }] : []),
        ...voicemailIds.map((id) => voicemailEvent(id, envelope)),
      ];
    }
    return [];
  }

  async apply(kind: string, payload: unknown): Promise<void> {
    if (kind === 'inbound-sms') {
      const sms = inboundSmsOf(payload as Notification);
      if (!sms) throw new Error('inbound SMS without a sender number');
      await this.handlers.inboundSms(sms);
    } else if (kind === 'message-store-change') {
      await this.handlers.messageStoreChanged();
    } else if (kind === 'call-status') {
      const events = callStatusEventsOf(payload as Notification);
      if (!events) throw new Error('telephony-session event without a telephonySessionId');
      for (const event of events) await this.handlers.callStatus(event);
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
function voicemailEvent(voicemailMessageId: string, notification: Notification): InboundEvent {
  const payload: VoicemailPayload = { voicemailMessageId, notification };
  return { eventId: `voicemail:${voicemailMessageId}`, kind: 'voicemail', payload };
}

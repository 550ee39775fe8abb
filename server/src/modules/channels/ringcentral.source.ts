import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { WebhookProvider } from '../webhooks/webhook-event.entity';
import { UnknownPayload, type DirectAnswer, type InboundEvent, type WebhookSource } from '../webhooks/webhook-provider';

/** RingCentral's notification envelope (the fields we use). */
interface Envelope {
  uuid: string;
  event: string;
  timestamp?: string;
  body: {
    id?: string | number;
    type?: string;
    direction?: string;
    subject?: string;
    from?: { phoneNumber?: string };
  };
}

export interface InboundSms {
  from: string;
  text: string;
  providerMessageId: string;
}

/** Our services as RingCentral events need them. */
export interface RingCentralHandlers {
  inboundSms(sms: InboundSms): Promise<unknown>;
  /** Something in the message store changed (outbound status among it): ask for the details. */
  messageStoreChanged(): Promise<void>;
}

const INSTANT_SMS = /\/message-store\/instant(\?|$)/;
const MESSAGE_STORE = /\/message-store(\?|$)/;

/** Hashes first, so the comparison takes the same time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

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
    if (MESSAGE_STORE.test(envelope.event)) return [{ eventId: envelope.uuid, kind: 'message-store-change', payload: envelope }];
    // Other events (calls, voicemail) are acknowledged but not handled yet.
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
    } else {
      throw new Error(`unknown RingCentral event kind ${kind}`);
    }
  }
}

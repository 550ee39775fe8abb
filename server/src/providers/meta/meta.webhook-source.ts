import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DeliveryReport, InboundComment, InboundDirectMessage, InboundEcho } from '../../modules/channels/inbound-events';
import type { DeliveryStatus } from '../../modules/conversations/message.entity';
import { WebhookProvider } from '../../modules/webhooks/webhook-event.entity';
import { sameSecret, UnknownPayload, type DirectAnswer, type InboundEvent, type WebhookSource } from '../../modules/webhooks/webhook-provider';
import { metaDeliveryOf } from './meta.mapper';

/** A WhatsApp delivery report for a message we sent, as stored in the inbox. */
interface StoredDeliveryStatus {
  providerMessageId: string;
  status: DeliveryStatus;
  /** When Meta recorded it. */
  at: string;
}

/** Our services as Meta events need them. */
export interface MetaHandlers {
  directMessage(message: InboundDirectMessage): Promise<unknown>;
  /** What the page or Instagram account sent: our own send, or a reply typed in Meta's inbox. */
  echo(echo: InboundEcho): Promise<unknown>;
  deliveryStatus(report: DeliveryReport): Promise<void>;
  comment(comment: InboundComment): Promise<void>;
}

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * GET|POST /webhooks/meta: one webhook for Messenger, Instagram and WhatsApp Cloud API. The GET
 * subscription check answers hub.challenge only for our verify token; every POST is verified
 * by X-Hub-Signature-256 (HMAC-SHA256 of the raw bytes with the app secret). Echoes of what the
 * page sent are never answered: those marked as our sends are dropped by the mapper, the rest
 * go to the handler that tells a reply typed in Meta's inbox from one of ours.
 */
export class MetaWebhookSource implements WebhookSource {
  readonly provider = WebhookProvider.META;

  constructor(
    private readonly secrets: { appSecret: string; verifyToken: string },
    private readonly handlers: MetaHandlers,
  ) {}

  answerDirectly(request: { method: string; query: Record<string, unknown> }): DirectAnswer | null {
    if (request.method !== 'GET') return null;
    const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = request.query;
    if (mode === 'subscribe' && typeof token === 'string' && typeof challenge === 'string' && sameSecret(token, this.secrets.verifyToken)) {
      return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: challenge };
    }
    return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: 'The verify token does not match.' };
  }

  verify(raw: Buffer, headers: IncomingHttpHeaders): { ok: true } | { ok: false; reason: 'missing-signature' | 'bad-signature' } {
    const header = headers['x-hub-signature-256'];
    if (typeof header !== 'string' || header === '') return { ok: false, reason: 'missing-signature' };
    const given = SIGNATURE.exec(header.trim())?.[1];
    if (!given) return { ok: false, reason: 'bad-signature' };
    const expected = createHmac('sha256', this.secrets.appSecret).update(raw).digest();
    return timingSafeEqual(Buffer.from(given, 'hex'), expected) ? { ok: true } : { ok: false, reason: 'bad-signature' };
  }

  split(body: unknown): InboundEvent[] {
    const mapped = metaDeliveryOf(body, new Date());
    if (!mapped.ok) throw new UnknownPayload(mapped.reason);
    const { directMessages, echoes, comments, statuses } = mapped.delivery;
    // Stored already mapped: each event is keyed by Meta's id for it.
    return [
      ...directMessages.map((message) => ({ eventId: `message:${message.providerMessageId}`, kind: 'direct-message', payload: message })),
      ...echoes.map((echo) => ({ eventId: `echo:${echo.providerMessageId}`, kind: 'echo', payload: echo })),
      ...comments.map((comment) => ({ eventId: `comment:${comment.commentId}`, kind: 'comment', payload: comment })),
      ...statuses.map(({ providerMessageId, status, at, providerStatus }) => {
        const payload: StoredDeliveryStatus = { providerMessageId, status, at };
        // One event per (message, status): a redelivered report is a duplicate, a newer one is not.
        return { eventId: `status:${providerMessageId}:${providerStatus}`, kind: 'delivery-status', payload };
      }),
    ];
  }

  async apply(kind: string, payload: unknown): Promise<void> {
    if (kind === 'direct-message') await this.handlers.directMessage(payload as InboundDirectMessage);
    else if (kind === 'echo') await this.handlers.echo(payload as InboundEcho);
    else if (kind === 'delivery-status') {
      const { providerMessageId, status, at } = payload as StoredDeliveryStatus;
      await this.handlers.deliveryStatus({ providerMessageId, status, reportedAt: new Date(at) });
    }
    else if (kind === 'comment') await this.handlers.comment(payload as InboundComment);
    else throw new Error(`unknown Meta event kind ${kind}`);
  }
}

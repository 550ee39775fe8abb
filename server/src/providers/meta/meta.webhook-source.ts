import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { DeliveryStatus } from '../../modules/conversations/message.entity';
import { WebhookProvider } from '../../modules/webhooks/webhook-event.entity';
import { sameSecret, UnknownPayload, type DirectAnswer, type InboundEvent, type WebhookSource } from '../../modules/webhooks/webhook-provider';

/** A direct message from Messenger, Instagram or WhatsApp, as our services need it. */
export interface MetaDirectMessage {
  channel: 'MESSENGER' | 'INSTAGRAM' | 'WHATSAPP';
  /** The page- or Instagram-scoped user id, or the WhatsApp sender's E.164 number. */
  from: string;
  /** Null when the message is only attachments. */
  text: string | null;
  attachments: Array<{ type: string; url?: string }>;
  providerMessageId: string;
}

/** A WhatsApp delivery report for a message we sent, as stored in the inbox. */
interface MetaDeliveryStatus {
  providerMessageId: string;
  status: DeliveryStatus;
  /** When Meta recorded it. */
  at: string;
}

/** WhatsApp reports "read" after "delivered"; we record both as delivered. */
const WHATSAPP_STATUS: Record<string, DeliveryStatus> = {
  sent: DeliveryStatus.SENT,
  delivered: DeliveryStatus.DELIVERED,
  read: DeliveryStatus.DELIVERED,
  failed: DeliveryStatus.FAILED,
};

export interface MetaComment {
  source: 'FACEBOOK' | 'INSTAGRAM';
  commentId: string;
  postId: string | null;
  authorId: string | null;
  authorName: string | null;
  text: string;
  at: string;
}

/** Our services as Meta events need them. */
export interface MetaHandlers {
  directMessage(message: MetaDirectMessage): Promise<unknown>;
  deliveryStatus(report: { providerMessageId: string; status: DeliveryStatus; reportedAt: Date }): Promise<void>;
  comment(comment: MetaComment): Promise<void>;
}

// Meta's deliveries are untyped JSON, read defensively field by field (every access is checked).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * GET|POST /webhooks/meta: one webhook for Messenger, Instagram and WhatsApp Cloud API. The GET
 * subscription check answers hub.challenge only for our verify token; every POST is verified
 * by X-Hub-Signature-256 (HMAC-SHA256 of the raw bytes with the app secret). Our own messages
 * echoed back (is_echo) are dropped here, so a reply never answers itself.
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
    const delivery = body as Json | null;
    if (!delivery || !Array.isArray(delivery.entry)) throw new UnknownPayload('Not a Meta webhook delivery: object and entry[] are required.');
    switch (delivery.object) {
      case 'page':
        return delivery.entry.flatMap((entry: Json) => [...directMessages(entry, 'MESSENGER'), ...pageComments(entry)]);
      case 'instagram':
        return delivery.entry.flatMap((entry: Json) => [...directMessages(entry, 'INSTAGRAM'), ...instagramComments(entry)]);
      case 'whatsapp_business_account':
        return delivery.entry.flatMap((entry: Json) => whatsappEvents(entry));
      default:
        throw new UnknownPayload(`Meta object "${String(delivery.object)}" is not one this server handles (page, instagram, whatsapp_business_account).`);
    }
  }

  async apply(kind: string, payload: unknown): Promise<void> {
    if (kind === 'direct-message') await this.handlers.directMessage(payload as MetaDirectMessage);
    else if (kind === 'delivery-status') {
      const { providerMessageId, status, at } = payload as MetaDeliveryStatus;
      await this.handlers.deliveryStatus({ providerMessageId, status, reportedAt: new Date(at) });
    }
    else if (kind === 'comment') await this.handlers.comment(payload as MetaComment);
    else throw new Error(`unknown Meta event kind ${kind}`);
  }
}

/** Messenger and Instagram `messaging[]`: customer messages only; echoes, reads and reactions are not ours to answer. */
function directMessages(entry: Json, channel: 'MESSENGER' | 'INSTAGRAM'): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (const item of asArray(entry.messaging)) {
    const message = item?.message;
    if (!message || message.is_echo || typeof message.mid !== 'string' || typeof item.sender?.id !== 'string') continue;
    const attachments = asArray(message.attachments).map((attachment: Json) => ({ type: String(attachment?.type ?? 'file'), url: attachment?.payload?.url }));
    const text = typeof message.text === 'string' && message.text.trim() !== '' ? message.text : null;
    if (text === null && attachments.length === 0) continue;
    const payload: MetaDirectMessage = { channel, from: item.sender.id, text, attachments, providerMessageId: message.mid };
    events.push({ eventId: `message:${message.mid}`, kind: 'direct-message', payload });
  }
  return events;
}

/** Facebook page feed changes: new comments (not likes, edits or our own replies' removal). */
function pageComments(entry: Json): InboundEvent[] {
  return asArray(entry.changes)
    .filter((change: Json) => change?.field === 'feed' && change.value?.item === 'comment' && change.value?.verb === 'add' && typeof change.value?.message === 'string')
    .filter((change: Json) => change.value.from?.id !== entry.id) // the page answering its own post
    .map((change: Json) => {
      const value = change.value;
      const payload: MetaComment = {
        source: 'FACEBOOK',
        commentId: String(value.comment_id),
        postId: value.post_id ?? null,
        authorId: value.from?.id ?? null,
        authorName: value.from?.name ?? null,
        text: value.message,
        at: instantOf(value.created_time),
      };
      return { eventId: `comment:${payload.commentId}`, kind: 'comment', payload };
    });
}

function instagramComments(entry: Json): InboundEvent[] {
  return asArray(entry.changes)
    .filter((change: Json) => change?.field === 'comments' && typeof change.value?.id === 'string' && typeof change.value?.text === 'string')
    .filter((change: Json) => change.value.from?.id !== entry.id)
    .map((change: Json) => {
      const value = change.value;
      const payload: MetaComment = {
        source: 'INSTAGRAM',
        commentId: value.id,
        postId: value.media?.id ?? null,
        authorId: value.from?.id ?? null,
        authorName: value.from?.username ?? null,
        text: value.text,
        at: instantOf(entry.time),
      };
      return { eventId: `comment:${payload.commentId}`, kind: 'comment', payload };
    });
}

/** WhatsApp Cloud API `messages` changes: customer messages and delivery reports for ours. */
function whatsappEvents(entry: Json): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (const change of asArray(entry.changes)) {
    if (change?.field !== 'messages') continue;
    const value = change.value ?? {};
    for (const message of asArray(value.messages)) {
      if (typeof message?.id !== 'string' || typeof message.from !== 'string') continue;
      const { text, attachments } = whatsappContent(message);
      if (text === null && attachments.length === 0) continue;
      const payload: MetaDirectMessage = { channel: 'WHATSAPP', from: `+${message.from.replace(/^\+/, '')}`, text, attachments, providerMessageId: message.id };
      events.push({ eventId: `message:${message.id}`, kind: 'direct-message', payload });
    }
    for (const status of asArray(value.statuses)) {
      const recorded = WHATSAPP_STATUS[String(status?.status)];
      if (typeof status?.id !== 'string' || !recorded) continue;
      const payload: MetaDeliveryStatus = { providerMessageId: status.id, status: recorded, at: instantOf(status.timestamp) };
      // One event per (message, status): a redelivered report is a duplicate, a newer one is not.
      events.push({ eventId: `status:${status.id}:${status.status}`, kind: 'delivery-status', payload });
    }
  }
  return events;
}

function whatsappContent(message: Json): { text: string | null; attachments: Array<{ type: string; url?: string }> } {
  switch (message.type) {
    case 'text':
      return { text: nonEmpty(message.text?.body), attachments: [] };
    case 'button':
      return { text: nonEmpty(message.button?.text), attachments: [] };
    case 'interactive':
      return { text: nonEmpty(message.interactive?.button_reply?.title ?? message.interactive?.list_reply?.title), attachments: [] };
    case 'image':
    case 'audio':
    case 'video':
    case 'document':
    case 'sticker':
      // WhatsApp gives a media id, not a URL; the caption is the customer's words, if any.
      return { text: nonEmpty(message[message.type]?.caption), attachments: [{ type: message.type }] };
    case 'location':
      return { text: null, attachments: [{ type: 'location' }] };
    default:
      return { text: null, attachments: [] };
  }
}

/** Meta sends unix time in seconds in some payloads and milliseconds in others. */
function instantOf(value: unknown): string {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) return new Date().toISOString();
  return new Date(number < 1e12 ? number * 1000 : number).toISOString();
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value : [];
}

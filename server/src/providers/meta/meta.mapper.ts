import type { InboundComment, InboundDirectMessage, InboundEcho } from '../../modules/channels/inbound-events';
import { DeliveryStatus } from '../../modules/conversations/message.entity';
import { OUR_SEND_METADATA } from './meta.send-api';

/**
 * Meta's webhook deliveries (Messenger, Instagram, WhatsApp Cloud API) turned into our values,
 * as pure functions: Meta's object names, fields and status words stop here.
 */

// Meta's deliveries are untyped JSON, read defensively field by field (every access is checked).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** A WhatsApp report on a message we sent. */
export interface WhatsAppStatus {
  providerMessageId: string;
  status: DeliveryStatus;
  /** When Meta recorded it (ISO). */
  at: string;
  /** Meta's word for it: "read" and "delivered" are both DELIVERED to us, but are two reports. */
  providerStatus: string;
}

/** Everything one delivery brings that we act on. */
export interface MetaDelivery {
  directMessages: InboundDirectMessage[];
  /** Messenger and Instagram echoes of what the page or account sent, less those marked as our own sends. */
  echoes: InboundEcho[];
  comments: InboundComment[];
  statuses: WhatsAppStatus[];
}

/**
 * One delivery's messages, echoes, comments and WhatsApp statuses; not ok when it is not a delivery
 * this server handles. `now` stands in for a time Meta left out.
 */
export function metaDeliveryOf(body: unknown, now: Date): { ok: true; delivery: MetaDelivery } | { ok: false; reason: string } {
  const delivery = body as Json | null;
  if (!delivery || typeof delivery !== 'object' || !Array.isArray(delivery.entry)) return { ok: false, reason: 'Not a Meta webhook delivery: object and entry[] are required.' };
  const entries: Json[] = delivery.entry.filter((entry: unknown) => entry !== null && typeof entry === 'object');
  switch (delivery.object) {
    case 'page':
      return ok({
        directMessages: entries.flatMap((entry) => directMessagesOf(entry, 'MESSENGER')),
        echoes: entries.flatMap((entry) => echoesOf(entry, 'MESSENGER')),
        comments: entries.flatMap((entry) => pageCommentsOf(entry, now)),
      });
    case 'instagram':
      return ok({
        directMessages: entries.flatMap((entry) => directMessagesOf(entry, 'INSTAGRAM')),
        echoes: entries.flatMap((entry) => echoesOf(entry, 'INSTAGRAM')),
        comments: entries.flatMap((entry) => instagramCommentsOf(entry, now)),
      });
    case 'whatsapp_business_account':
      return ok({ directMessages: entries.flatMap(whatsappMessagesOf), statuses: entries.flatMap((entry) => whatsappStatusesOf(entry, now)) });
    default:
      return { ok: false, reason: `Meta object "${String(delivery.object)}" is not one this server handles (page, instagram, whatsapp_business_account).` };
  }
}

function ok(found: Partial<MetaDelivery>): { ok: true; delivery: MetaDelivery } {
  return { ok: true, delivery: { directMessages: found.directMessages ?? [], echoes: found.echoes ?? [], comments: found.comments ?? [], statuses: found.statuses ?? [] } };
}

/** Messenger and Instagram `messaging[]`: customer messages only; echoes of what the page sent, reads and reactions are not ours to answer. */
export function directMessagesOf(entry: Json, channel: 'MESSENGER' | 'INSTAGRAM'): InboundDirectMessage[] {
  const messages: InboundDirectMessage[] = [];
  for (const item of asArray(entry.messaging)) {
    const message = item?.message;
    if (!message || message.is_echo || typeof message.mid !== 'string' || message.mid === '' || typeof item.sender?.id !== 'string') continue;
    const { text, attachments } = messagingContentOf(message);
    if (text === null && attachments.length === 0) continue;
    messages.push({ channel, from: item.sender.id, text, attachments, providerMessageId: message.mid });
  }
  return messages;
}

/**
 * Messenger and Instagram `messaging[]` echoes (`is_echo`): what the page or account sent, to
 * the customer in `recipient`. An echo carrying our Send API marker is ours for certain and left
 * out here; Instagram echoes carry none, so the rest are told apart from our sends by our records.
 */
export function echoesOf(entry: Json, channel: 'MESSENGER' | 'INSTAGRAM'): InboundEcho[] {
  const echoes: InboundEcho[] = [];
  for (const item of asArray(entry.messaging)) {
    const message = item?.message;
    if (!message?.is_echo || typeof message.mid !== 'string' || message.mid === '' || typeof item.recipient?.id !== 'string' || item.recipient.id === '') continue;
    if (message.metadata === OUR_SEND_METADATA) continue;
    const { text, attachments } = messagingContentOf(message);
    if (text === null && attachments.length === 0) continue;
    echoes.push({ channel, to: item.recipient.id, text, attachments, providerMessageId: message.mid });
  }
  return echoes;
}

/** A Messenger or Instagram message's words and attachments (with their address when Meta gives one). */
function messagingContentOf(message: Json): { text: string | null; attachments: Array<{ type: string; url?: string }> } {
  const attachments = asArray(message.attachments).map((attachment: Json) => ({
    type: String(attachment?.type ?? 'file'),
    ...(typeof attachment?.payload?.url === 'string' ? { url: attachment.payload.url } : {}),
  }));
  return { text: nonEmpty(message.text), attachments };
}

/** Facebook page feed changes: new comments (not likes, edits, removals, or the page answering its own post). */
export function pageCommentsOf(entry: Json, now: Date): InboundComment[] {
  return asArray(entry.changes)
    .filter((change: Json) => change?.field === 'feed' && change.value?.item === 'comment' && change.value?.verb === 'add' && typeof change.value?.message === 'string')
    .filter((change: Json) => idOf(change.value.comment_id) !== null && change.value.from?.id !== entry.id)
    .map((change: Json) => {
      const value = change.value;
      return {
        source: 'FACEBOOK' as const,
        commentId: idOf(value.comment_id)!,
        postId: idOf(value.post_id),
        authorId: idOf(value.from?.id),
        authorName: nonEmpty(value.from?.name),
        text: value.message,
        at: instantOf(value.created_time, now),
      };
    });
}

/** Instagram `comments` changes on the business's media (its own replies left out). */
export function instagramCommentsOf(entry: Json, now: Date): InboundComment[] {
  return asArray(entry.changes)
    .filter((change: Json) => change?.field === 'comments' && typeof change.value?.id === 'string' && change.value.id !== '' && typeof change.value?.text === 'string')
    .filter((change: Json) => change.value.from?.id !== entry.id)
    .map((change: Json) => {
      const value = change.value;
      return {
        source: 'INSTAGRAM' as const,
        commentId: value.id,
        postId: idOf(value.media?.id),
        authorId: idOf(value.from?.id),
        authorName: nonEmpty(value.from?.username),
        text: value.text,
        at: instantOf(entry.time, now),
      };
    });
}

/** WhatsApp Cloud API `messages` changes: the customers' messages. Senders are phone numbers, written E.164. */
export function whatsappMessagesOf(entry: Json): InboundDirectMessage[] {
  return whatsappValues(entry).flatMap((value) =>
    asArray(value.messages).flatMap((message: Json) => {
      if (typeof message?.id !== 'string' || message.id === '' || typeof message.from !== 'string' || message.from === '') return [];
      const { text, attachments } = whatsappContentOf(message);
      if (text === null && attachments.length === 0) return [];
      return [{ channel: 'WHATSAPP' as const, from: `+${message.from.replace(/^\+/, '')}`, text, attachments, providerMessageId: message.id }];
    }),
  );
}

/** WhatsApp Cloud API `messages` changes: delivery reports for the messages we sent. */
export function whatsappStatusesOf(entry: Json, now: Date): WhatsAppStatus[] {
  return whatsappValues(entry).flatMap((value) =>
    asArray(value.statuses).flatMap((report: Json) => {
      const status = deliveryStatusOf(report?.status);
      if (typeof report?.id !== 'string' || report.id === '' || status === null) return [];
      return [{ providerMessageId: report.id, status, at: instantOf(report.timestamp, now), providerStatus: String(report.status).trim().toLowerCase() }];
    }),
  );
}

function whatsappValues(entry: Json): Json[] {
  return asArray(entry.changes)
    .filter((change: Json) => change?.field === 'messages')
    .map((change: Json) => (change.value && typeof change.value === 'object' ? change.value : {}));
}

/** WhatsApp reports "read" after "delivered"; we record both as delivered. */
const WHATSAPP_STATUS = new Map<string, DeliveryStatus>([
  ['sent', DeliveryStatus.SENT],
  ['delivered', DeliveryStatus.DELIVERED],
  ['read', DeliveryStatus.DELIVERED],
  ['failed', DeliveryStatus.FAILED],
]);

/** A WhatsApp message status; null for one we do not record (deleted, warning, or unknown). */
export function deliveryStatusOf(whatsappStatus: unknown): DeliveryStatus | null {
  return typeof whatsappStatus === 'string' ? (WHATSAPP_STATUS.get(whatsappStatus.trim().toLowerCase()) ?? null) : null;
}

/** A WhatsApp message's words and attachments, by its type. */
export function whatsappContentOf(message: Json): { text: string | null; attachments: Array<{ type: string }> } {
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

/** Meta sends unix time in seconds in some payloads and milliseconds in others, as numbers or strings; `now` when it sends none. */
export function instantOf(value: unknown, now: Date): string {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return now.toISOString();
  const instant = new Date(number < 1e12 ? number * 1000 : number);
  return Number.isNaN(instant.getTime()) ? now.toISOString() : instant.toISOString();
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value : [];
}

import type { DeliveryStatus } from '../conversations/message.entity';

/**
 * What channel providers hand our services, once their mappers have read the vendor's
 * payloads (providers/<vendor>/<vendor>.mapper.ts). Nothing here carries a vendor's words.
 */

/** A text to the business number. */
export interface InboundSms {
  /** The sender's number, E.164. */
  from: string;
  text: string;
  /** Pictures and other media of an MMS, by kind (image, video, audio, file). */
  attachments: Array<{ type: string }>;
  providerMessageId: string;
}

/** A direct message from Messenger, Instagram or WhatsApp. */
export interface InboundDirectMessage {
  channel: 'MESSENGER' | 'INSTAGRAM' | 'WHATSAPP';
  /** The page- or Instagram-scoped user id, or the WhatsApp sender's E.164 number. */
  from: string;
  /** Null when the message is only attachments. */
  text: string | null;
  attachments: Array<{ type: string; url?: string }>;
  providerMessageId: string;
}

/**
 * A message the business's Messenger page or Instagram account sent, as Meta echoes it: one of
 * ours through the Send API, or a reply a person typed in Meta's own inbox.
 */
export interface InboundEcho {
  channel: 'MESSENGER' | 'INSTAGRAM';
  /** The page- or Instagram-scoped id of the customer it went to. */
  to: string;
  /** Null when the message is only attachments. */
  text: string | null;
  attachments: Array<{ type: string; url?: string }>;
  providerMessageId: string;
}

/** A public comment on one of the business's Facebook or Instagram posts. */
export interface InboundComment {
  source: 'FACEBOOK' | 'INSTAGRAM';
  commentId: string;
  postId: string | null;
  authorId: string | null;
  authorName: string | null;
  text: string;
  /** ISO instant. */
  at: string;
}

/** A provider's report on a message we sent. */
export interface DeliveryReport {
  providerMessageId: string;
  status: DeliveryStatus;
  reportedAt: Date;
}

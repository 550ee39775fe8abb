import type { InboundDirectMessage, InboundEcho, InboundSms } from '../channels/inbound-events';
import { Channel } from '../conversations/channel';
import { MessageVia } from '../conversations/message.entity';
import { IdentityKind } from '../customers/customer.entity';
import type { InboundMessage, PageEcho } from './inbound-message';

/**
 * Each channel decides what its messages mean before they take the one inbound path: who the
 * sender is (a phone number joins the customer's texts; a Meta id is scoped to the page), and
 * what an attachment is.
 */

/** A text to the business number; the sender's phone is both the thread's address and the customer's identity. */
export function fromSms(sms: InboundSms): InboundMessage {
  return {
    channel: Channel.SMS,
    address: sms.from,
    identity: { kind: IdentityKind.PHONE, value: sms.from },
    text: sms.text,
    // A picture's address at RingCentral opens only with our credentials, so staff see that one came.
    attachments: sms.attachments,
    providerMessageId: sms.providerMessageId,
  };
}

/**
 * A Messenger, Instagram or WhatsApp direct message. WhatsApp senders are phone numbers, so
 * they join the same customer as their texts; Messenger and Instagram ids are Meta-scoped.
 */
export function fromMeta(message: InboundDirectMessage): InboundMessage {
  return {
    channel: Channel[message.channel],
    address: message.from,
    identity: { kind: message.channel === 'WHATSAPP' ? IdentityKind.PHONE : IdentityKind.META_ID, value: message.from },
    text: message.text ?? '',
    attachments: message.attachments,
    providerMessageId: message.providerMessageId,
  };
}

/**
 * What the Messenger page or Instagram account sent, echoed by Meta. If a person typed it, they
 * did so in the Page inbox (Business Suite) or, for Instagram, in the Instagram app.
 */
export function fromMetaEcho(echo: InboundEcho): PageEcho {
  return {
    channel: echo.channel === 'INSTAGRAM' ? Channel.INSTAGRAM : Channel.MESSENGER,
    address: echo.to,
    identity: { kind: IdentityKind.META_ID, value: echo.to },
    text: echo.text ?? '',
    attachments: echo.attachments,
    providerMessageId: echo.providerMessageId,
    via: echo.channel === 'INSTAGRAM' ? MessageVia.INSTAGRAM_APP : MessageVia.PAGE_INBOX,
  };
}

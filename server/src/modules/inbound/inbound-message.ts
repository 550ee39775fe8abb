import type { Channel } from '../conversations/channel';
import type { ThreadAddress } from '../conversations/conversations.service';
import { truncateToMessageLength } from '../conversations/inbound-text';
import type { MessageVia } from '../conversations/message.entity';

/** One customer message from any channel, as the channel adapter hands it over. */
export interface InboundMessage extends ThreadAddress {
  /** What the customer wrote; empty when they sent only attachments (a photo, a voice note). */
  text: string;
  /** A picture, a voice note, a file. `url` only when staff can open it as it is. */
  attachments?: Array<{ type: string; url?: string }>;
  providerMessageId?: string | null;
}

/**
 * A message the business's own Messenger page or Instagram account sent, echoed by Meta to the
 * thread's address: one of our sends, or a reply a person typed outside this console.
 */
export interface PageEcho extends ThreadAddress {
  channel: Channel.MESSENGER | Channel.INSTAGRAM;
  /** Exactly as Meta echoed it (compared with what we sent); empty when only attachments. */
  text: string;
  attachments?: Array<{ type: string; url?: string }>;
  providerMessageId: string;
  /** Where a person would have typed it. */
  via: MessageVia;
}

/**
 * The text a message is stored with. Provider text is never refused: control characters are
 * dropped, a message longer than a thread holds is cut, and each attachment is named on a line
 * of its own so staff see what came. `attachmentsOnly` when there were no words at all.
 */
export function describeInbound(inbound: Pick<InboundMessage, 'text' | 'attachments'>): { text: string; attachmentsOnly: boolean } {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  const words = inbound.text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  const attachments = (inbound.attachments ?? []).map((attachment) => `[${attachment.type}${attachment.url ? `: ${attachment.url}` : ''}]`);
  const text = [words, ...attachments].filter(Boolean).join('\n');
  return { text: truncateToMessageLength(text), attachmentsOnly: words === '' && attachments.length > 0 };
}

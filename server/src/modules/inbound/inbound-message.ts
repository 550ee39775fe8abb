import { truncateToMessageLength } from '../conversations/inbound-text';
import type { ThreadAddress } from '../conversations/conversations.service';

/** One customer message from any channel, as the channel adapter hands it over. */
export interface InboundMessage extends ThreadAddress {
  /** What the customer wrote; empty when they sent only attachments (a photo, a voice note). */
  text: string;
  /** A picture, a voice note, a file. `url` only when staff can open it as it is. */
  attachments?: Array<{ type: string; url?: string }>;
  providerMessageId?: string | null;
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

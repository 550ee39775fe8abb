/**
 * Who words a draft reply. Without OPENAI_API_KEY nobody does: the template, filled locally, is
 * the draft. With it, ../../providers/openai/openai.reply-writer.ts rewrites the filled template
 * in a warmer voice from the same facts; `checkWrittenReply` refuses what strays from them (an
 * offer the policy did not make, a lost phone number, a reply over the source's limit), and the
 * template stands instead. To add another writer: implement `ReplyWriter`, answer null on any
 * failure, and choose it in reviews.module.ts from configuration.
 */
import { MAX_REPLY_CHARS } from './review-source.port';

export interface ReplyDraftRequest {
  /** The template reply, filled: what the policy decided to say. */
  templateReply: string;
  rating: number;
  reviewerFirstName: string;
  comment: string | null;
  /** The discount the policy offers (percent), or null: a reply must offer nothing else. */
  offerPercent: number | null;
  /** Contact details the template gives, which the reply must keep. */
  mustKeep: readonly string[];
}

export interface ReplyWriter {
  /** The reply as written, or null to keep the template (any failure, or nothing better). */
  write(request: ReplyDraftRequest): Promise<string | null>;
}

const OFFER_WORDS = /\b(discount|coupon|voucher|refund|free|complimentary|credit|gift card|on the house|comp(ed)?)\b/i;

/** Why a written reply cannot stand, or null when it can. */
export function checkWrittenReply(reply: string, request: ReplyDraftRequest): string | null {
  const text = reply.trim();
  if (text.length === 0) return 'empty';
  if (text.length > MAX_REPLY_CHARS) return `longer than ${MAX_REPLY_CHARS} characters`;
  const percents = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(%|percent)/gi)].map((match) => Number(match[1]));
  if (request.offerPercent === null) {
    if (percents.length > 0 || OFFER_WORDS.test(text)) return 'offers something the policy did not';
  } else if (percents.some((percent) => percent !== request.offerPercent) || !percents.includes(request.offerPercent)) {
    return `changes the ${request.offerPercent}% offer`;
  }
  const lost = request.mustKeep.find((value) => !text.includes(value));
  if (lost !== undefined) return 'drops the contact details';
  return null;
}

import type { Tx } from '../../shared/db/unit-of-work';
import type { ConsentRepository } from './consent.repository';

/**
 * SMS and WhatsApp consent (CTIA/TCPA, and the FCC's "any reasonable means" since April 2025):
 * an opt-out, whether the keyword STOP however typed or a request in plain words, gets one
 * confirmation and nothing after it, whoever asks for a send, until the address texts START or
 * UNSTOP. What a text means is read in consent-intent.ts.
 */
export { consentKeyword, readConsent, type ConsentIntent, type ConsentReading } from './consent-intent';

/** What is recorded and answered by the rules; an unclear opt-out goes to staff instead. */
export type ConsentKeyword = 'OPT_OUT' | 'OPT_IN' | 'HELP';

/** The channels where the keywords apply and an opted-out address gets nothing (SPEC §3). */
const CONSENT_CHANNELS: ReadonlySet<string> = new Set(['SMS', 'WHATSAPP']);

export function hasConsentKeywords(channel: string): boolean {
  return CONSENT_CHANNELS.has(channel);
}

/** Who may be messaged, and the one reply each keyword deserves. */
export class ConsentService {
  constructor(
    private readonly deps: { repository: ConsentRepository; businessName: string; helpContact: string },
  ) {}

  /** Whether a send to this address on this channel must be refused (only channels with consent keywords). */
  async refusesMessages(channel: string, address: string, tx?: Tx): Promise<boolean> {
    return hasConsentKeywords(channel) && (await this.deps.repository.isOptedOut(channel, address, tx));
  }

  /**
   * Applies a keyword and returns the one reply it deserves, or null when none is due (a
   * repeated STOP gets no second confirmation).
   */
  async apply(tx: Tx, params: { channel: string; address: string; keyword: ConsentKeyword }): Promise<string | null> {
    const { channel, address, keyword } = params;
    const { businessName } = this.deps;
    if (keyword === 'HELP') {
      return `${businessName}: hibachi catering at your home. For help, ${this.deps.helpContact}. Msg&data rates may apply. Reply STOP to opt out.`;
    }
    const wasOptedOut = await this.deps.repository.isOptedOut(channel, address, tx);
    const optedOut = keyword === 'OPT_OUT';
    await this.deps.repository.record(tx, { channel, address, optedOut, keyword });
    if (optedOut) {
      return wasOptedOut ? null : `You are unsubscribed from ${businessName} and will get no more messages. Reply START to resubscribe.`;
    }
    return `You are resubscribed to ${businessName} messages. Reply HELP for help, STOP to opt out.`;
  }

  /**
   * The holding reply to a text that may be an opt-out and may be about the booking: a person
   * will answer, and STOP is one word away. The FCC allows one text that asks what a request meant.
   */
  unclearOptOutReply(): string {
    return `Thanks for your message. A member of our team will reply here shortly. If you'd like no more texts from ${this.deps.businessName}, reply STOP.`;
  }
}

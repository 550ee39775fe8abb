import type { Tx } from '../../shared/db/unit-of-work';
import type { ConsentRepository } from './consent.repository';

/**
 * SMS and WhatsApp consent (CTIA/TCPA): the opt-out and opt-in keywords, alone in a message
 * in any casing, and HELP. An opted-out address gets one confirmation and nothing after it,
 * whoever asks for a send, until it texts START or UNSTOP.
 */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT']);
const OPT_IN = new Set(['START', 'UNSTOP']);

export type ConsentKeyword = 'OPT_OUT' | 'OPT_IN' | 'HELP';

/** The channels where the keywords apply and an opted-out address gets nothing (SPEC §3). */
const CONSENT_CHANNELS: ReadonlySet<string> = new Set(['SMS', 'WHATSAPP']);

export function hasConsentKeywords(channel: string): boolean {
  return CONSENT_CHANNELS.has(channel);
}

/** The keyword a message is, or null. Surrounding spaces and a final "." or "!" are allowed; any other word makes it a normal message. */
export function consentKeyword(text: string): ConsentKeyword | null {
  const word = text.trim().replace(/[.!]+$/, '').replace(/\s+/g, ' ').toUpperCase();
  if (OPT_OUT.has(word)) return 'OPT_OUT';
  if (OPT_IN.has(word)) return 'OPT_IN';
  if (word === 'HELP') return 'HELP';
  return null;
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
}

/**
 * The assistant's understanding of one customer message, behind one interface with two
 * implementations:
 *   - local.analyzer.ts                             rule-based, offline, the default;
 *   - ../../providers/openai/openai.analyzer.ts     OpenAI structured output, chosen when OPENAI_API_KEY is set.
 * Both return the same shape and are tested on the same cases. To add another (say a
 * different model vendor), implement `MessageAnalyzer`, validate whatever the vendor returns
 * before trusting it, fall back to the local analyzer on any failure, and choose it in
 * analyzer.factory.ts from configuration.
 *
 * The analyzer only reads; what to reply and whether to book or escalate is decided by the
 * conversation service from this analysis.
 */

export const INTENTS = ['NEW_BOOKING', 'PRICING', 'MODIFY_BOOKING', 'CANCEL_BOOKING', 'GENERAL_QUESTION', 'HUMAN_REQUEST'] as const;
export type Intent = (typeof INTENTS)[number];

export const FAQ_TOPICS = ['MINIMUM_SPEND', 'SERVICE_AREA', 'VEGETARIAN_OPTIONS', 'WHATS_INCLUDED'] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

/** A value read from the message, with how sure the analyzer is of it (0..1). */
export interface Extracted<T> {
  value: T;
  confidence: number;
}

/** Booking details found in one message. Absent means "not mentioned in this message". */
export interface BookingDetails {
  /** Total guests (adults + kids when both are given). */
  partySize?: Extracted<number>;
  /** Calendar date of the event, YYYY-MM-DD, resolved against `now` in the business time zone. */
  eventDate?: Extracted<string>;
  /** Start time, HH:MM 24-hour. "at 6" for a dinner means 18:00. */
  startTime?: Extracted<string>;
  /** Street address as written (number, street, optional city/state/ZIP). */
  address?: Extracted<string>;
  /** The customer's name when they give it ("I'm Dana Reyes", "this is Sam"). */
  name?: Extracted<string>;
  /** E.164, US numbers assumed when no country code: "+15555550123". */
  phone?: Extracted<string>;
  email?: Extracted<string>;
  /** Allergies and diet ("vegetarian", "no shellfish", "2 gluten free"). */
  dietaryNotes?: Extracted<string>;
}

export interface MessageAnalysis {
  intent: Intent;
  intentConfidence: number;
  details: BookingDetails;
  /** -1 (furious) .. 0 (neutral) .. 1 (delighted). */
  sentiment: number;
  /** 'es' for a Spanish or mixed English-Spanish message: the answer is in Spanish. */
  language?: 'en' | 'es';
  /** Set when the message asks a FAQ question the business answers from configuration. */
  faqTopic?: FaqTopic;
  /** "yes", "correct", "sounds good": an answer to a read-back or yes/no question. */
  confirmation?: 'YES' | 'NO';
}

export interface AnalysisContext {
  /** The moment the message arrived; relative dates ("tomorrow", "next Saturday") count from it. */
  now: Date;
  /** IANA zone the business (and relative dates) live in. */
  timeZone: string;
}

export interface MessageAnalyzer {
  readonly name: string;
  analyze(text: string, context: AnalysisContext): Promise<MessageAnalysis>;
}

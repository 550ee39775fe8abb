import type { BookingDraft, DraftField, ReplyLanguage } from '../conversations/conversation.entity';
import { ConversationStage } from '../conversations/conversation.entity';
import { EscalationReason } from '../escalations/escalation.entity';
import type { FaqTopic, MessageAnalysis } from './assistant.port';
import { formatDay, formatTime, phrasebook, type Phrasebook } from './phrasebook';

/**
 * What the assistant does with one analysed message: the reply, the next stage, the draft,
 * and whether to book or escalate. Pure, so every rule of SPEC §2 is table-tested here and
 * the conversation service only applies the decision.
 */
export interface PolicySettings {
  businessName: string;
  confidenceThreshold: number;
  maxAttempts: number;
  pricePerGuestCents: number;
  minimumSpendCents: number;
  faqAnswers: Record<FaqTopic, string>;
  /** The FAQ answers in Spanish, for a thread answered in Spanish; the English ones without them. */
  faqAnswersSpanish?: Record<FaqTopic, string>;
  /** Ask for a phone number (web chat: so terms can go out by SMS). */
  askForPhone: boolean;
  /**
   * Book as soon as every detail is known, without reading them back first: a call's transcript
   * cannot answer "shall I book it?", and the terms text that follows reads the booking back.
   */
  bookWithoutReadBack: boolean;
}

export interface ConversationState {
  stage: ConversationStage;
  draft: BookingDraft;
  failedAttempts: number;
  /** The customer's previous message, to notice them repeating themselves. */
  previousCustomerText: string | null;
  /** The language to answer in (the phrasebook's); English when absent. */
  language?: ReplyLanguage;
}

export interface Decision {
  reply: string;
  stage: ConversationStage;
  draft: BookingDraft;
  failedAttempts: number;
  createBooking: boolean;
  escalate?: { reason: EscalationReason; explanation: string };
  quote: string | null;
}

export const STRONG_NEGATIVE_SENTIMENT = -0.6;

/**
 * Whether a person should take the conversation: the customer asked for one (directly or not),
 * or is upset enough (sentiment at or below the strong-negative cut-off). The one definition
 * of escalation, also what the evaluation scores.
 */
export function needsPerson(analysis: Pick<MessageAnalysis, 'intent' | 'sentiment'>): boolean {
  return analysis.intent === 'HUMAN_REQUEST' || analysis.sentiment <= STRONG_NEGATIVE_SENTIMENT;
}

export function requiredFields(settings: PolicySettings): DraftField[] {
  const fields: DraftField[] = ['partySize', 'eventDate', 'startTime', 'address', 'name'];
  return settings.askForPhone ? [...fields, 'phone'] : fields;
}

export function decide(current: ConversationState, analysis: MessageAnalysis, settings: PolicySettings, customerText: string): Decision {
  let state = current;
  const say = phrasebook(current.language);
  const faqAnswers = say.language === 'es' && settings.faqAnswersSpanish ? settings.faqAnswersSpanish : settings.faqAnswers;
  const base = { stage: current.stage, draft: current.draft, failedAttempts: current.failedAttempts, createBooking: false, quote: null };
  // The thread keeps its stage: "escalated" is the open escalation itself, and when staff hand
  // the thread back the assistant resumes where it was.
  const escalate = (reason: EscalationReason, explanation: string, reply: string): Decision => ({
    ...base,
    reply,
    escalate: { reason, explanation },
  });

  if (needsPerson(analysis)) {
    if (analysis.intent === 'HUMAN_REQUEST') {
      return escalate(EscalationReason.HUMAN_REQUEST, 'The customer asked for a person.', say.connectingPerson);
    }
    return escalate(EscalationReason.NEGATIVE_SENTIMENT, 'The customer sounds upset.', say.sorryBringingPerson);
  }
  if (analysis.intent === 'CANCEL_BOOKING' || analysis.intent === 'MODIFY_BOOKING') {
    const what = analysis.intent === 'CANCEL_BOOKING' ? 'cancel' : 'change';
    return escalate(EscalationReason.BOOKING_CHANGE, `The customer wants to ${what} a booking.`, say.passedChange(analysis.intent === 'CANCEL_BOOKING' ? 'CANCEL' : 'MODIFY'));
  }
  if (state.stage === ConversationStage.BOOKED) {
    if (analysis.intent !== 'NEW_BOOKING') {
      const answer = analysis.faqTopic ? faqAnswers[analysis.faqTopic] : say.alreadyBooked;
      return { ...base, reply: say.anythingElse(answer) };
    }
    state = { ...state, stage: ConversationStage.COLLECTING_DETAILS, draft: {}, failedAttempts: 0 }; // another party
  }
  const repeated = state.previousCustomerText !== null && normalise(state.previousCustomerText) === normalise(customerText);

  const { draft, accepted, unsure } = mergeDetails(state.draft, analysis, settings.confidenceThreshold);
  const missing = requiredFields(settings).filter((field) => draft[field] === undefined);
  const faq = analysis.faqTopic ? faqAnswers[analysis.faqTopic] : null;
  const quote = missing.includes('partySize') ? null : quoteFor(Number(draft.partySize!.value), settings, say);

  if (state.stage === ConversationStage.CONFIRMING && accepted.length === 0 && !faq) {
    if (analysis.confirmation === 'YES' && missing.length === 0) {
      return {
        ...base,
        draft,
        quote,
        stage: ConversationStage.BOOKED,
        failedAttempts: 0,
        createBooking: true,
        reply: say.booked(readBack(draft, say.language), settings.businessName),
      };
    }
    if (analysis.confirmation === 'NO') {
      return { ...base, draft, quote, stage: ConversationStage.COLLECTING_DETAILS, failedAttempts: 0, reply: say.whatToChange };
    }
  }

  const madeProgress = accepted.length > 0 || faq !== null || state.stage === ConversationStage.GREETING;
  const failedAttempts = madeProgress ? 0 : state.failedAttempts + 1;
  if (repeated && !madeProgress) {
    return escalate(EscalationReason.REPEATED_FAILURE, 'The customer repeated a message the assistant could not use.', say.notGettingIt);
  }
  if (failedAttempts >= settings.maxAttempts) {
    return escalate(EscalationReason.MAX_ATTEMPTS, `The assistant could not use ${failedAttempts} messages in a row.`, say.notGettingIt);
  }

  const parts: string[] = [];
  if (state.stage === ConversationStage.GREETING && accepted.length === 0 && !faq) {
    parts.push(say.greeting(settings.businessName));
  }
  if (faq) parts.push(faq);
  if (unsure.length > 0) {
    parts.push(say.unsure(unsure.map((f) => say.fieldLabel[f])));
  }
  if (missing.length === 0 && settings.bookWithoutReadBack) {
    return {
      ...base,
      draft,
      quote,
      stage: ConversationStage.BOOKED,
      failedAttempts: 0,
      createBooking: true,
      reply: say.bookedByPhone(readBack(draft, say.language), settings.businessName),
    };
  }
  if (missing.length === 0) {
    parts.push(say.readBackAndAsk(readBack(draft, say.language), quote));
    return { ...base, draft, quote, failedAttempts, stage: ConversationStage.CONFIRMING, reply: parts.join(' ') };
  }
  if (analysis.intent === 'PRICING' && quote) parts.push(say.pricing(Number(draft.partySize!.value), quote));
  if (unsure.length === 0 || !missing.some((f) => unsure.includes(f))) parts.push(say.question[missing[0]]);
  const stage = analysis.intent === 'PRICING' && quote ? ConversationStage.QUOTING : ConversationStage.COLLECTING_DETAILS;
  return { ...base, draft, quote, failedAttempts, stage, reply: parts.join(' ') };
}

function mergeDetails(previous: BookingDraft, analysis: MessageAnalysis, threshold: number) {
  const draft: BookingDraft = { ...previous };
  const accepted: DraftField[] = [];
  const unsure: DraftField[] = [];
  for (const [field, extracted] of Object.entries(analysis.details) as Array<[DraftField, { value: string | number; confidence: number } | undefined]>) {
    if (!extracted) continue;
    if (extracted.confidence >= threshold) {
      draft[field] = { value: extracted.value, confidence: extracted.confidence };
      accepted.push(field);
    } else {
      unsure.push(field);
    }
  }
  return { draft, accepted, unsure };
}

export function quoteFor(partySize: number, settings: Pick<PolicySettings, 'pricePerGuestCents' | 'minimumSpendCents'>, say: Phrasebook = phrasebook('en')): string {
  const cents = Math.max(partySize * settings.pricePerGuestCents, settings.minimumSpendCents);
  return say.quote(cents, settings.pricePerGuestCents, settings.minimumSpendCents);
}

export function readBack(draft: BookingDraft, language: ReplyLanguage = 'en'): string {
  return phrasebook(language).draftSummary({
    guests: draft.partySize ? Number(draft.partySize.value) : undefined,
    date: draft.eventDate ? formatDay(String(draft.eventDate.value), language, true) : undefined,
    time: draft.startTime ? formatTime(String(draft.startTime.value), language) : undefined,
    address: draft.address ? String(draft.address.value) : undefined,
    name: draft.name ? String(draft.name.value) : undefined,
    phone: draft.phone ? String(draft.phone.value) : undefined,
    notes: draft.dietaryNotes ? String(draft.dietaryNotes.value) : undefined,
  });
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

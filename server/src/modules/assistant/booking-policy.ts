import type { BookingDraft, DraftField } from '../conversations/conversation.entity';
import { ConversationStage } from '../conversations/conversation.entity';
import { EscalationReason } from '../escalations/escalation.entity';
import type { FaqTopic, MessageAnalysis } from './assistant.port';

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

const QUESTIONS: Record<DraftField, string> = {
  partySize: 'How many guests will there be (adults and kids)?',
  eventDate: 'What date is the party?',
  startTime: 'What time would you like the chef to start cooking?',
  address: 'What is the address of the event?',
  name: 'May I have your name for the booking?',
  phone: 'What phone number can we text the booking terms to?',
  email: 'What email should we use?',
  dietaryNotes: 'Any allergies or dietary needs we should know about?',
};

const FIELD_LABELS: Record<DraftField, string> = {
  partySize: 'number of guests',
  eventDate: 'date',
  startTime: 'start time',
  address: 'address',
  name: 'name',
  phone: 'phone number',
  email: 'email',
  dietaryNotes: 'dietary notes',
};

export function requiredFields(settings: PolicySettings): DraftField[] {
  const fields: DraftField[] = ['partySize', 'eventDate', 'startTime', 'address', 'name'];
  return settings.askForPhone ? [...fields, 'phone'] : fields;
}

export function decide(current: ConversationState, analysis: MessageAnalysis, settings: PolicySettings, customerText: string): Decision {
  let state = current;
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
      return escalate(EscalationReason.HUMAN_REQUEST, 'The customer asked for a person.', "Of course. I'm connecting you with a member of our team now; they'll reply right here shortly.");
    }
    return escalate(EscalationReason.NEGATIVE_SENTIMENT, 'The customer sounds upset.', "I'm sorry about this. I'm bringing in a member of our team right away; they'll reply here shortly.");
  }
  if (analysis.intent === 'CANCEL_BOOKING' || analysis.intent === 'MODIFY_BOOKING') {
    const what = analysis.intent === 'CANCEL_BOOKING' ? 'cancel' : 'change';
    return escalate(EscalationReason.BOOKING_CHANGE, `The customer wants to ${what} a booking.`, `I've passed your request to ${what} your booking to our team; they'll confirm with you here shortly.`);
  }
  if (state.stage === ConversationStage.BOOKED) {
    if (analysis.intent !== 'NEW_BOOKING') {
      const answer = analysis.faqTopic ? settings.faqAnswers[analysis.faqTopic] : 'Your party is booked and our team will be in touch soon.';
      return { ...base, reply: `${answer} Anything else I can help with?` };
    }
    state = { ...state, stage: ConversationStage.COLLECTING_DETAILS, draft: {}, failedAttempts: 0 }; // another party
  }
  const repeated = state.previousCustomerText !== null && normalise(state.previousCustomerText) === normalise(customerText);

  const { draft, accepted, unsure } = mergeDetails(state.draft, analysis, settings.confidenceThreshold);
  const missing = requiredFields(settings).filter((field) => draft[field] === undefined);
  const faq = analysis.faqTopic ? settings.faqAnswers[analysis.faqTopic] : null;
  const quote = missing.includes('partySize') ? null : quoteFor(Number(draft.partySize!.value), settings);

  if (state.stage === ConversationStage.CONFIRMING && accepted.length === 0 && !faq) {
    if (analysis.confirmation === 'YES' && missing.length === 0) {
      return {
        ...base,
        draft,
        quote,
        stage: ConversationStage.BOOKED,
        failedAttempts: 0,
        createBooking: true,
        reply: `You're booked! We've saved your hibachi party: ${readBack(draft)}. Thank you for choosing ${settings.businessName}!`,
      };
    }
    if (analysis.confirmation === 'NO') {
      return { ...base, draft, quote, stage: ConversationStage.COLLECTING_DETAILS, failedAttempts: 0, reply: 'No problem. What should I change?' };
    }
  }

  const madeProgress = accepted.length > 0 || faq !== null || state.stage === ConversationStage.GREETING;
  const failedAttempts = madeProgress ? 0 : state.failedAttempts + 1;
  if (repeated && !madeProgress) {
    return escalate(EscalationReason.REPEATED_FAILURE, 'The customer repeated a message the assistant could not use.', "Sorry I'm not getting this right. A member of our team will take it from here and reply shortly.");
  }
  if (failedAttempts >= settings.maxAttempts) {
    return escalate(EscalationReason.MAX_ATTEMPTS, `The assistant could not use ${failedAttempts} messages in a row.`, "Sorry I'm not getting this right. A member of our team will take it from here and reply shortly.");
  }

  const parts: string[] = [];
  if (state.stage === ConversationStage.GREETING && accepted.length === 0 && !faq) {
    parts.push(`Hi! I'm the booking assistant for ${settings.businessName}. I can book a private hibachi chef for a party at your home.`);
  }
  if (faq) parts.push(faq);
  if (unsure.length > 0) {
    parts.push(`Sorry, I want to be sure I have the right ${unsure.map((f) => FIELD_LABELS[f]).join(' and ')}. Could you tell me again?`);
  }
  if (missing.length === 0 && settings.bookWithoutReadBack) {
    return {
      ...base,
      draft,
      quote,
      stage: ConversationStage.BOOKED,
      failedAttempts: 0,
      createBooking: true,
      reply: `Thanks for calling ${settings.businessName}! We've saved your hibachi party: ${readBack(draft)}.`,
    };
  }
  if (missing.length === 0) {
    parts.push(`Here's what I have: ${readBack(draft)}.${quote ? ` Estimated price: ${quote}.` : ''} Shall I book it? Reply YES to confirm or tell me what to change.`);
    return { ...base, draft, quote, failedAttempts, stage: ConversationStage.CONFIRMING, reply: parts.join(' ') };
  }
  if (analysis.intent === 'PRICING' && quote) parts.push(`For ${draft.partySize!.value} guests it comes to about ${quote}.`);
  if (unsure.length === 0 || !missing.some((f) => unsure.includes(f))) parts.push(QUESTIONS[missing[0]]);
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

export function quoteFor(partySize: number, settings: Pick<PolicySettings, 'pricePerGuestCents' | 'minimumSpendCents'>): string {
  const cents = Math.max(partySize * settings.pricePerGuestCents, settings.minimumSpendCents);
  return `${formatDollars(cents)} before any travel fee (${formatDollars(settings.pricePerGuestCents)} per guest, ${formatDollars(settings.minimumSpendCents)} minimum)`;
}

export function readBack(draft: BookingDraft): string {
  const when = [
    draft.partySize && `${draft.partySize.value} guests`,
    draft.eventDate && `on ${formatDate(String(draft.eventDate.value))}`,
    draft.startTime && `at ${formatTime(String(draft.startTime.value))}`,
  ].filter(Boolean);
  const parts = [
    when.join(' '),
    draft.address && `at ${draft.address.value}`,
    draft.name && `under the name ${draft.name.value}`,
    draft.phone && `phone ${draft.phone.value}`,
    draft.dietaryNotes && `notes: ${draft.dietaryNotes.value}`,
  ];
  return parts.filter(Boolean).join(', ');
}

// toLocaleString builds a formatter on every call; these are built once.
const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0 });
const DOLLARS_AND_CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 });

function formatDollars(cents: number): string {
  return `$${(cents % 100 ? DOLLARS_AND_CENTS : WHOLE_DOLLARS).format(cents / 100)}`;
}

function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return date.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

function formatTime(hhmm: string): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const suffix = hours >= 12 ? 'PM' : 'AM';
  return `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, '0')} ${suffix}`;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

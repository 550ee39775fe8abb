import type { AnalysisContext, BookingDetails, Intent, MessageAnalysis, MessageAnalyzer } from './assistant.port';
import { findAddress } from './local/address';
import { formatIsoDate, todayIn } from './local/calendar';
import { findConfirmation } from './local/confirmation';
import { findEmail, findPhone } from './local/contact';
import { findDateMentions } from './local/dates';
import { findDietaryNotes } from './local/dietary';
import { findFaqTopic } from './local/faq';
import { classifyIntent } from './local/intents';
import { detectLanguage } from './local/language';
import { pickMention } from './local/mentions';
import { findName } from './local/names';
import { findPartySize } from './local/party-size';
import { scoreSentiment } from './local/sentiment';
import { maskSpans, normaliseForMatching, type Span } from './local/text';
import { findTimeMentions } from './local/times';
import { intentFeatures, type IntentEvidence } from './classifier/features';
import { chooseIntent } from './classifier/intent-choice';
import { IntentModel, type IntentModelFile } from './classifier/model';
import intentModelFile from './classifier/intent-model.json';

/** Trained by `pnpm train:assistant` from the training split; committed, loaded once. */
const INTENT_MODEL = IntentModel.fromFile(intentModelFile as IntentModelFile);

/**
 * The offline analyzer: no network. Each part of the message is read by a small pure module in
 * ./local; this class only orders them. Order matters because each reading masks what it
 * consumed: emails, then phone numbers, then the street address, then dates, then times, so
 * that "123 Main St" is not a party size and "12/20" is not a time. The intent comes from the
 * trained classifier in ./classifier, which reads the rules' findings as features, with the
 * rules answering where it is unsure.
 */
export class LocalMessageAnalyzer implements MessageAnalyzer {
  readonly name = 'local';

  async analyze(text: string, context: AnalysisContext): Promise<MessageAnalysis> {
    return analyzeMessage(text, context);
  }
}

function spansOf(...found: Array<Span | undefined>): Span[] {
  return found.filter((span): span is Span => span !== undefined);
}

export function analyzeMessage(text: string, context: AnalysisContext, model: IntentModel | null = INTENT_MODEL): MessageAnalysis {
  const reading = read(text, context);
  const { evidence } = reading;
  const { intent, confidence } = chooseIntent(evidence.rule, model?.predict(intentFeatures(evidence)));
  return describe(reading, intent, confidence);
}

/** What the rules read before the intent is chosen: what the classifier is trained on. */
export function readIntentEvidence(text: string, context: AnalysisContext): IntentEvidence {
  return read(text, context).evidence;
}

function read(text: string, context: AnalysisContext) {
  // Curly apostrophes become straight ones (same length, so offsets stay valid).
  const original = text.replace(/[\u2018\u2019\u02bc]/g, "'");

  const email = findEmail(original);
  const phone = findPhone(maskSpans(original, spansOf(email)));
  const address = findAddress(maskSpans(original, spansOf(email, phone)));
  const withoutContact = maskSpans(original, spansOf(email, phone, address));

  const normalised = normaliseForMatching(withoutContact);
  const today = todayIn(context.now, context.timeZone);
  const dates = findDateMentions(normalised, today);
  const withoutDates = maskSpans(normalised, dates);
  const times = findTimeMentions(withoutDates);
  const withoutDatesAndTimes = maskSpans(withoutDates, times);

  // The intent needs to know whether details were given; which value to keep for each
  // detail then depends on the intent (for a change, the new one).
  const anyPartySize = findPartySize(withoutDatesAndTimes, false);
  const dietaryNotes = findDietaryNotes(withoutDatesAndTimes);
  // A date already past ("last Saturday") is about an event that happened, not one to book.
  const todayIso = formatIsoDate(today);
  const hasDate = dates.some((d) => d.role !== 'old' && d.value >= todayIso);
  const bookingDetails = [hasDate, times.length > 0, anyPartySize, address, dietaryNotes].filter(Boolean).length;
  const faqTopic = findFaqTopic(normalised, { hasStreetAddress: address !== undefined });
  const confirmation = findConfirmation(normalised);
  const contactDetails = [email, phone, findName(withoutContact, { detailsList: false })].filter(Boolean).length;
  const signals = { bookingDetails, hasDateOrPartySize: hasDate || anyPartySize !== undefined, faqTopic, confirmation, contactDetails };
  const evidence: IntentEvidence = {
    text: original,
    normalised,
    signals,
    rule: classifyIntent(normalised, signals),
    sentiment: scoreSentiment(original),
    language: detectLanguage(original),
  };
  return { evidence, withoutContact, withoutDatesAndTimes, dates, times, email, phone, address, anyPartySize, dietaryNotes, bookingDetails };
}

function describe(reading: ReturnType<typeof read>, intent: Intent, confidence: number): MessageAnalysis {
  const { evidence, withoutContact, withoutDatesAndTimes, dates, times, email, phone, address, anyPartySize, dietaryNotes, bookingDetails } = reading;
  const { faqTopic, confirmation } = evidence.signals;
  const isChange = intent === 'MODIFY_BOOKING';

  const details: BookingDetails = {};
  const partySize = isChange ? findPartySize(withoutDatesAndTimes, true) : anyPartySize;
  const eventDate = pickMention(dates, isChange);
  const startTime = pickMention(times, isChange);
  const contactDetails = [email, phone].filter(Boolean).length;
  const name = findName(withoutContact, { detailsList: bookingDetails + contactDetails >= 3 });
  if (partySize) details.partySize = partySize;
  if (eventDate) details.eventDate = eventDate;
  if (startTime) details.startTime = startTime;
  if (address) details.address = { value: address.value, confidence: address.confidence, parts: address.parts };
  if (name) details.name = name;
  if (phone) details.phone = { value: phone.value, confidence: phone.confidence };
  if (email) details.email = { value: email.value, confidence: email.confidence };
  if (dietaryNotes) details.dietaryNotes = dietaryNotes;

  const analysis: MessageAnalysis = { intent, intentConfidence: confidence, details, sentiment: evidence.sentiment, language: evidence.language };
  if (faqTopic) analysis.faqTopic = faqTopic;
  if (confirmation) analysis.confirmation = confirmation;
  return analysis;
}

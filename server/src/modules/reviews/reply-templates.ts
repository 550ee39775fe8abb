import type { ReviewReplyKind } from '../../app/config';
import { REVIEW_REPLY_PLACEHOLDERS } from '../../app/config';
import { MAX_REPLY_CHARS } from './review-source.port';
import { topicPhrase, type Topic } from './review-topics';

/**
 * The replies the review policy writes (SPEC §7), several variants per kind so consecutive
 * reviewers never read the same text; REVIEW_REPLY_TEMPLATES replaces any kind's variants.
 * Placeholders in braces are filled per review (`fillTemplate`).
 */
export const DEFAULT_TEMPLATES: Record<ReviewReplyKind, readonly string[]> = {
  // 5 stars: enthusiastic thanks and an invitation back.
  RATING_5: [
    "Thank you so much, {firstName}! We're thrilled you loved {praised}. Nothing makes our chefs happier than a party like yours, and we can't wait to cook for you again soon!",
    "Wow, {firstName}, thank you for the five stars! Hearing that {praised} made your night is the best news. Come grill with us again soon, we'd love to be back!",
    "{firstName}, this made our day! Thank you for celebrating with {businessName} and for the kind words about {praised}. We hope to see you at your next party!",
  ],
  // 4 stars: thanks and an answer to any concern they raise.
  RATING_4: [
    "Thank you for the great review, {firstName}! We're glad you enjoyed {praised}. {concernAnswer} We hope to cook for you again soon.",
    "Thanks so much, {firstName}! It's great to hear about {praised}. {concernAnswer} See you at your next celebration!",
    "{firstName}, thank you for having {businessName} over! We're happy {praised} hit the spot. {concernAnswer} We'd love to make the next one five stars.",
  ],
  // 3 stars: acknowledgment and a request for details.
  RATING_3: [
    "Thank you for your feedback, {firstName}. We're sorry {raised} fell short of what we aim for. Could you tell us a little more about what happened? Please {contact} so we can make it right.",
    "{firstName}, thank you for taking the time to review us. We want every party to be a five-star night, and we'd like to understand what could have gone better with {raised}. Please {contact} with any details.",
    "Thanks for the honest review, {firstName}. We take every comment seriously and would love to hear more about {raised}. Please {contact}; we'd be grateful for the details.",
  ],
  // 1-2 stars from a customer we served: apology, their event, and an offer on the next one.
  UNDER_3_CUSTOMER: [
    "{firstName}, we're truly sorry your party on {eventDate} was not what you hoped for. We've looked into your event, and {raised} is not the standard we hold ourselves to. We'd like to make it right: please accept {offerPercent}% off your next event, and {contact} so we can talk it through.",
    "Dear {firstName}, thank you for telling us about your event on {eventDate}, and we apologise for {raised}. You deserved better. We'd like to offer you {offerPercent}% off your next party; please {contact} and we'll take care of it personally.",
    "{firstName}, we're so sorry about your experience on {eventDate}. We have your booking in front of us and are looking into what happened with {raised}. As an apology, we'd like to give you {offerPercent}% off your next event; please {contact}.",
  ],
  // 1-2 stars from someone we cannot find: a friendly inquiry.
  UNDER_3_NO_RECORD: [
    'Thank you for your feedback, {firstName}. We take every review seriously, but we have no record of serving you yet. Could you tell us the date or place of your event so we can look into it? Please {contact}.',
    "Hi {firstName}, thank you for taking the time to write. We take every review seriously and want to understand what happened, but we have no record of serving you yet. Could you share the date or place of your event? Please {contact}.",
    "{firstName}, thank you for letting us know. We take every review seriously, and we have no record of serving you yet. Could you tell us the date or place of your event? Please {contact} so we can look into it right away.",
  ],
};

/** What a 4-star reply says back about the concern the reviewer raised. */
const CONCERN_ANSWERS: Partial<Record<Topic, string>> = {
  punctuality: "We're sorry we kept you waiting; we've shared your note so our chefs leave more time to arrive.",
  price: "Thank you for the honest word on price; we're always glad to talk through options that fit your party.",
  food: "We're sorry the food wasn't perfect, and our chefs have heard your note.",
  portions: "Thank you for the note on portions; just ask and we'll add more for your next party.",
  cleanliness: "We're sorry about the clean-up; leaving your home spotless is part of the job, and we've passed this on.",
  communication: "We're sorry we were hard to reach; we've tightened how quickly we answer.",
  service: "We're sorry our service missed the mark, and we've shared your note with the team.",
  chef: "We've shared your note with your chef so the next party is even better.",
};

/** The concern a reply answers when several are raised: the most specific first (the chef is often just who was there). */
const CONCERN_ORDER: readonly Topic[] = ['punctuality', 'food', 'price', 'portions', 'cleanliness', 'communication', 'service', 'chef'];

export interface ReplyFacts {
  reviewerName: string;
  praised: readonly Topic[];
  raised: readonly Topic[];
  /** The matched event's day, YYYY-MM-DD. */
  eventDate: string | null;
  businessName: string;
  businessPhone: string | null;
  businessEmail: string | null;
  offerPercent: number;
}

/** The variants for a kind: the configured ones, else the built-in ones. */
export function variantsFor(kind: ReviewReplyKind, configured: Partial<Record<ReviewReplyKind, string[]>>): readonly string[] {
  return configured[kind] ?? DEFAULT_TEMPLATES[kind];
}

/** Any variant but the one used last for this kind (so no two consecutive replies of a kind are alike). */
export function chooseVariant(count: number, last: number | null, random: () => number = Math.random): number {
  if (count <= 1) return 0;
  const others = [...Array(count).keys()].filter((index) => index !== last);
  return others[Math.min(others.length - 1, Math.floor(random() * others.length))];
}

/** "Jane" from "jane doe", "Jane D." or "JANE"; "there" without a usable name. */
export function firstNameOf(reviewerName: string): string {
  const word = reviewerName.trim().split(/\s+/)[0]?.replace(/[^\p{L}'-]/gu, '') ?? '';
  if (word.length < 2) return 'there';
  return word[0].toUpperCase() + word.slice(1).toLowerCase();
}

/** "call us at X or email us at Y", from whichever is configured. */
export function contactPhrase(phone: string | null, email: string | null): string {
  if (phone && email) return `call us at ${phone} or email us at ${email}`;
  if (phone) return `call us at ${phone}`;
  if (email) return `email us at ${email}`;
  return 'reply here and we will reach out';
}

function formatEventDate(date: string | null): string {
  if (!date) return 'your event';
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** The template with its placeholders filled, tidied, and within the source's limit. */
export function fillTemplate(template: string, facts: ReplyFacts): string {
  const concern = CONCERN_ORDER.find((topic) => facts.raised.includes(topic));
  const values: Record<(typeof REVIEW_REPLY_PLACEHOLDERS)[number], string> = {
    firstName: firstNameOf(facts.reviewerName),
    praised: topicPhrase(facts.praised, 'your evening with us'),
    raised: topicPhrase(facts.raised, 'your experience'),
    concernAnswer: concern ? CONCERN_ANSWERS[concern]! : facts.raised.length > 0 ? `We've shared your note on ${topicPhrase(facts.raised, '')} with the team.` : '',
    eventDate: formatEventDate(facts.eventDate),
    offerPercent: String(facts.offerPercent),
    businessName: facts.businessName,
    contact: contactPhrase(facts.businessPhone, facts.businessEmail),
  };
  const filled = template
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name as keyof typeof values] : whole))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ ([.,;!?])/g, '$1')
    .trim();
  // A sentence may start with a placeholder filled in lower case ("the food ...").
  const capitalised = filled.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
  return capitalised.length <= MAX_REPLY_CHARS ? capitalised : capitalised.slice(0, MAX_REPLY_CHARS);
}

import { z } from 'zod';
import { FAQ_TOPICS, INTENTS } from '../../modules/assistant/assistant.port';
import type { AnalysisContext, BookingDetails, Extracted, MessageAnalysis } from '../../modules/assistant/assistant.port';

/**
 * The contract between the OpenAI adapter and the model: the JSON schema the model must
 * answer in, the system prompt that explains it, and the validator + mapper that turn the
 * answer into a `MessageAnalysis`. Everything here is pure (no SDK, no I/O) so it is unit
 * tested without a server.
 *
 * Structured output makes the model follow the schema, but we still validate: the schema
 * cannot express every rule (a real calendar date, E.164), models and proxies misbehave,
 * and an answer we cannot trust must become a fallback, never a booking.
 */

export const RESPONSE_SCHEMA_NAME = 'hibachi_message_analysis';

// ---------------------------------------------------------------------------------------
// JSON schema sent as response_format. Strict mode requires every property to be listed in
// `required` and `additionalProperties: false`, so "not mentioned" is expressed as null.
// ---------------------------------------------------------------------------------------

const CONFIDENCE = { type: 'number', minimum: 0, maximum: 1, description: 'How sure you are, 0..1.' } as const;

function extractedSchema(value: Record<string, unknown>, description: string) {
  return {
    type: ['object', 'null'],
    description: `${description} null when the message does not mention it.`,
    properties: { value, confidence: CONFIDENCE },
    required: ['value', 'confidence'],
    additionalProperties: false,
  };
}

const DETAILS_SCHEMA = {
  type: 'object',
  properties: {
    partySize: extractedSchema({ type: 'integer', minimum: 1 }, 'Total guests, adults plus kids.'),
    eventDate: extractedSchema({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, 'Event date, YYYY-MM-DD.'),
    startTime: extractedSchema({ type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }, 'Start time, HH:MM 24-hour.'),
    address: extractedSchema({ type: 'string' }, 'Street address as written.'),
    name: extractedSchema({ type: 'string' }, "The customer's name."),
    phone: extractedSchema({ type: 'string', pattern: '^\\+[1-9]\\d{6,14}$' }, 'Phone in E.164, e.g. +15555550123.'),
    email: extractedSchema({ type: 'string' }, 'Email address.'),
    dietaryNotes: extractedSchema({ type: 'string' }, 'Allergies and dietary needs.'),
  },
  required: ['partySize', 'eventDate', 'startTime', 'address', 'name', 'phone', 'email', 'dietaryNotes'],
  additionalProperties: false,
} as const;

export const RESPONSE_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    intent: { type: 'string', enum: [...INTENTS] },
    intentConfidence: CONFIDENCE,
    details: DETAILS_SCHEMA,
    sentiment: { type: 'number', minimum: -1, maximum: 1, description: '-1 furious, 0 neutral, 1 delighted.' },
    faqTopic: { type: ['string', 'null'], enum: [...FAQ_TOPICS, null] },
    confirmation: { type: ['string', 'null'], enum: ['YES', 'NO', null] },
    language: { type: 'string', enum: ['en', 'es'], description: 'es for Spanish or mixed English-Spanish, else en.' },
  },
  required: ['intent', 'intentConfidence', 'details', 'sentiment', 'faqTopic', 'confirmation', 'language'],
  additionalProperties: false,
};

// ---------------------------------------------------------------------------------------
// System prompt. Today's date, weekday and time zone are given so that "tomorrow" and
// "next Saturday" resolve to the business's calendar, not the model's idea of today.
// ---------------------------------------------------------------------------------------

/** Today's date (YYYY-MM-DD), weekday and time (HH:MM) as seen in `timeZone`. */
export function localNow(context: AnalysisContext): { date: string; weekday: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: context.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(context.now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: part('weekday'),
    time: `${part('hour')}:${part('minute')}`,
  };
}

export function buildSystemPrompt(context: AnalysisContext): string {
  const today = localNow(context);
  return [
    'You read messages sent to a mobile hibachi catering business: a chef comes to the',
    "customer's home or venue with a grill and cooks a hibachi dinner for the party.",
    'You do not reply to the customer. You only analyse the one message you are given and',
    'answer with JSON that follows the response schema.',
    '',
    `Today is ${today.weekday}, ${today.date}, and the local time is ${today.time} (time zone ${context.timeZone}).`,
    'Resolve relative dates ("tomorrow", "next Saturday", "Dec 20th") against today in that time zone;',
    'a date without a year is the next such date that is not in the past.',
    '',
    'intent, exactly one of:',
    '- NEW_BOOKING: wants to book an event or is giving details for one.',
    '- PRICING: asks what it costs.',
    '- MODIFY_BOOKING: wants to change an existing booking.',
    '- CANCEL_BOOKING: wants to cancel an existing booking.',
    '- GENERAL_QUESTION: any other question about the service.',
    '- HUMAN_REQUEST: asks for a person, directly or not: a title alone ("manager?", "supervisor"), "have someone',
    '  call me", "can a real human text me", or a complaint about the bot itself ("is this a bot?? useless").',
    'When several intents are present the most pressing wins: HUMAN_REQUEST > CANCEL_BOOKING > MODIFY_BOOKING >',
    'NEW_BOOKING > PRICING > GENERAL_QUESTION. Messages that only give booking details are NEW_BOOKING;',
    'short acknowledgements and yes/no answers are GENERAL_QUESTION.',
    'intentConfidence: 0..1.',
    '',
    'details: each field is null unless this message mentions it; otherwise { value, confidence 0..1 }.',
    '- partySize: integer, total guests (adults plus kids when both are given). An approximation counts as the number said',
    '  ("about 20", "20ish" -> 20), "a dozen" is 12, a range is its upper bound ("15-20 people" -> 20).',
    '- eventDate: YYYY-MM-DD.',
    '- startTime: HH:MM, 24-hour. "at 6" for a dinner means 18:00.',
    '- address: from the street number through the street suffix, unit, city, state and ZIP that follow it, as written,',
    '  dropping connecting words ("123 Main St in Fremont" -> "123 Main St Fremont"). A city or ZIP alone is not an address.',
    '- name: the customer\'s name as written when they give it ("I\'m Dana Reyes", "this is Sam", "name: dana reyes").',
    '- phone: E.164; assume a US number (+1) when no country code is given, e.g. +15555550123.',
    '- email: the email address.',
    '- dietaryNotes: allergies and diets ("vegetarian", "no shellfish", "2 gluten free").',
    'Never guess a value the message does not contain.',
    '',
    'sentiment: -1 (furious) .. 0 (neutral) .. 1 (delighted). A customer upset enough that a person should step in',
    '(shouting in capitals, profanity, "third time I\'m asking", threats of a bad review or chargeback) is -0.7 or lower;',
    'mild disappointment or a polite complaint is above -0.6.',
    'language: "es" when the message is Spanish or mixed English-Spanish, else "en". Messages may be in Spanish;',
    'read them the same way (dates such as "el 20 de diciembre", "a las 6 de la tarde" -> 18:00, "20 personas").',
    'faqTopic: MINIMUM_SPEND, SERVICE_AREA, VEGETARIAN_OPTIONS or WHATS_INCLUDED when the message asks',
    'about the minimum spend, where we travel, vegetarian options, or what the service includes; else null.',
    'confirmation: YES or NO when the message answers a yes/no question or a read-back ("yes", "correct",',
    '"sounds good", "no, that\'s wrong"); else null.',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------
// Validator. Mirrors the JSON schema and adds the rules it cannot express.
// ---------------------------------------------------------------------------------------

const confidence = z.number().min(0).max(1);

function extracted<T extends z.ZodType>(value: T) {
  // nullish: strict mode always sends the key, but a missing key means the same thing as null.
  return z.object({ value, confidence }).nullish();
}

const text = z.string().trim().min(1);

export const modelAnswerSchema = z.object({
  intent: z.enum(INTENTS),
  intentConfidence: confidence,
  details: z.object({
    partySize: extracted(z.int().min(1)),
    // z.iso.date() also rejects impossible dates such as 2025-02-30.
    eventDate: extracted(z.iso.date()),
    startTime: extracted(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
    address: extracted(text),
    name: extracted(text),
    phone: extracted(z.string().regex(/^\+[1-9]\d{6,14}$/)),
    email: extracted(z.email()),
    dietaryNotes: extracted(text),
  }),
  sentiment: z.number().min(-1).max(1),
  faqTopic: z.enum(FAQ_TOPICS).nullish(),
  confirmation: z.enum(['YES', 'NO']).nullish(),
  // An answer without it (an older prompt) is still usable: English is the default reply language.
  language: z.enum(['en', 'es']).default('en'),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

// ---------------------------------------------------------------------------------------
// Mapper.
// ---------------------------------------------------------------------------------------

/** The model's validated answer as the port's `MessageAnalysis`: nulls become absent keys. */
export function toMessageAnalysis(answer: ModelAnswer): MessageAnalysis {
  const details: BookingDetails = {};
  for (const key of Object.keys(answer.details) as Array<keyof BookingDetails>) {
    const item = answer.details[key];
    if (item) (details as Record<string, Extracted<unknown>>)[key] = { value: item.value, confidence: item.confidence };
  }
  const analysis: MessageAnalysis = {
    intent: answer.intent,
    intentConfidence: answer.intentConfidence,
    details,
    sentiment: answer.sentiment,
    language: answer.language,
  };
  if (answer.faqTopic) analysis.faqTopic = answer.faqTopic;
  if (answer.confirmation) analysis.confirmation = answer.confirmation;
  return analysis;
}

export type ParsedAnswer = { ok: true; analysis: MessageAnalysis } | { ok: false; reason: string };

/**
 * The model's raw message content to an analysis, or the reason it cannot be used. Reasons
 * name the failing fields but never their values: they are logged, and values are the
 * customer's words.
 */
export function parseModelAnswer(content: string | null | undefined): ParsedAnswer {
  if (!content || content.trim() === '') return { ok: false, reason: 'empty answer' };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, reason: 'answer is not JSON' };
  }
  const result = modelAnswerSchema.safeParse(json);
  if (!result.success) {
    const paths = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
    return { ok: false, reason: `answer failed validation at ${paths.join(', ')}` };
  }
  return { ok: true, analysis: toMessageAnalysis(result.data) };
}

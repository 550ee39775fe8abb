import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../modules/assistant/assistant.port';
import { buildSystemPrompt, localNow, parseModelAnswer, RESPONSE_JSON_SCHEMA, toMessageAnalysis } from './openai.schema';

/** A complete, valid model answer; tests override one part at a time. */
function answer(overrides: Record<string, unknown> = {}, details: Record<string, unknown> = {}) {
  return {
    intent: 'NEW_BOOKING',
    intentConfidence: 0.92,
    details: {
      partySize: { value: 12, confidence: 0.95 },
      eventDate: { value: '2025-12-20', confidence: 0.9 },
      startTime: { value: '18:00', confidence: 0.8 },
      address: null,
      name: { value: 'Dana Reyes', confidence: 0.85 },
      phone: { value: '+15555550123', confidence: 0.9 },
      email: null,
      dietaryNotes: { value: 'no shellfish', confidence: 0.7 },
      ...details,
    },
    sentiment: 0.4,
    faqTopic: null,
    confirmation: null,
    language: 'en',
    ...overrides,
  };
}

const parse = (value: unknown) => parseModelAnswer(JSON.stringify(value));

describe('parseModelAnswer', () => {
  it('maps a valid answer, dropping the nulls', () => {
    expect(parse(answer())).toEqual({
      ok: true,
      analysis: {
        intent: 'NEW_BOOKING',
        intentConfidence: 0.92,
        details: {
          partySize: { value: 12, confidence: 0.95 },
          eventDate: { value: '2025-12-20', confidence: 0.9 },
          startTime: { value: '18:00', confidence: 0.8 },
          name: { value: 'Dana Reyes', confidence: 0.85 },
          phone: { value: '+15555550123', confidence: 0.9 },
          dietaryNotes: { value: 'no shellfish', confidence: 0.7 },
        },
        sentiment: 0.4,
        language: 'en',
      },
    });
  });

  it('reads the language: Spanish kept, missing read as English, anything else rejected', () => {
    const spanish = parse(answer({ language: 'es' }));
    expect(spanish.ok && spanish.analysis.language).toBe('es');
    const { language: _language, ...withoutLanguage } = answer();
    const missing = parse(withoutLanguage);
    expect(missing.ok && missing.analysis.language).toBe('en');
    expect(parse(answer({ language: 'fr' }))).toEqual({ ok: false, reason: 'answer failed validation at language' });
  });

  it('keeps faqTopic and confirmation when set', () => {
    const result = parse(answer({ intent: 'GENERAL_QUESTION', faqTopic: 'VEGETARIAN_OPTIONS', confirmation: 'YES' }));
    expect(result.ok && result.analysis).toMatchObject({ intent: 'GENERAL_QUESTION', faqTopic: 'VEGETARIAN_OPTIONS', confirmation: 'YES' });
  });

  it('treats a missing optional key like null', () => {
    const { faqTopic: _faq, confirmation: _confirmation, ...rest } = answer();
    const result = parse(rest);
    expect(result.ok).toBe(true);
    expect(result.ok && 'faqTopic' in result.analysis).toBe(false);
  });

  it.each([
    ['null', null],
    ['empty', ''],
    ['blank', '  \n'],
  ])('rejects %s content', (_label, content) => {
    expect(parseModelAnswer(content)).toEqual({ ok: false, reason: 'empty answer' });
  });

  it('rejects content that is not JSON', () => {
    expect(parseModelAnswer('Sure! The customer wants a party for 12.')).toEqual({ ok: false, reason: 'answer is not JSON' });
    expect(parseModelAnswer('{"intent": "NEW_BOOKING",')).toEqual({ ok: false, reason: 'answer is not JSON' });
  });

  it.each<[string, unknown, string]>([
    ['JSON of the wrong shape', { answer: 'NEW_BOOKING' }, 'intent, intentConfidence, details, sentiment'],
    ['a JSON array', [answer()], '(root)'],
    ['an intent outside the enum', answer({ intent: 'BOOK_NOW' }), 'intent'],
    ['a lowercase intent', answer({ intent: 'new_booking' }), 'intent'],
    ['intentConfidence above 1', answer({ intentConfidence: 1.2 }), 'intentConfidence'],
    ['a negative detail confidence', answer({}, { partySize: { value: 12, confidence: -0.1 } }), 'details.partySize.confidence'],
    ['a confidence given as a string', answer({ intentConfidence: '0.9' }), 'intentConfidence'],
    ['sentiment below -1', answer({ sentiment: -3 }), 'sentiment'],
    ['a fractional party size', answer({}, { partySize: { value: 12.5, confidence: 0.9 } }), 'details.partySize.value'],
    ['a party size of 0', answer({}, { partySize: { value: 0, confidence: 0.9 } }), 'details.partySize.value'],
    ['a US-style date', answer({}, { eventDate: { value: '12/20/2025', confidence: 0.9 } }), 'details.eventDate.value'],
    ['an impossible date', answer({}, { eventDate: { value: '2025-02-30', confidence: 0.9 } }), 'details.eventDate.value'],
    ['a 12-hour time', answer({}, { startTime: { value: '6pm', confidence: 0.9 } }), 'details.startTime.value'],
    ['hour 24', answer({}, { startTime: { value: '24:00', confidence: 0.9 } }), 'details.startTime.value'],
    ['a phone not in E.164', answer({}, { phone: { value: '(555) 555-0123', confidence: 0.9 } }), 'details.phone.value'],
    ['a bad email', answer({}, { email: { value: 'dana at example', confidence: 0.9 } }), 'details.email.value'],
    ['an empty name', answer({}, { name: { value: '  ', confidence: 0.9 } }), 'details.name.value'],
    ['a detail without its confidence', answer({}, { address: { value: '1 Main St' } }), 'details.address.confidence'],
    ['an unknown faqTopic', answer({ faqTopic: 'PARKING' }), 'faqTopic'],
    ['an unknown confirmation', answer({ confirmation: 'MAYBE' }), 'confirmation'],
  ])('rejects %s', (_label, value, path) => {
    expect(parse(value)).toEqual({ ok: false, reason: `answer failed validation at ${path}` });
  });

  it('never puts the rejected values in the reason (it is logged)', () => {
    const result = parse(answer({}, { phone: { value: 'call me at 555 0123', confidence: 0.9 }, name: { value: '', confidence: 0.5 } }));
    expect(result).toEqual({ ok: false, reason: 'answer failed validation at details.name.value, details.phone.value' });
  });
});

describe('toMessageAnalysis', () => {
  it('copies only the known fields', () => {
    const analysis = toMessageAnalysis({
      intent: 'PRICING',
      intentConfidence: 0.8,
      details: { partySize: { value: 20, confidence: 0.9 }, eventDate: null },
      sentiment: 0,
      faqTopic: 'MINIMUM_SPEND',
      confirmation: null,
      language: 'es',
    });
    expect(analysis).toEqual({
      intent: 'PRICING',
      intentConfidence: 0.8,
      details: { partySize: { value: 20, confidence: 0.9 } },
      sentiment: 0,
      language: 'es',
      faqTopic: 'MINIMUM_SPEND',
    });
  });
});

describe('RESPONSE_JSON_SCHEMA', () => {
  // Strict structured output rejects a schema whose objects leave a property out of
  // `required` or allow additional properties.
  it('is valid for strict mode: every object requires all its properties and allows no others', () => {
    const visit = (node: any, path: string) => {
      if (node && typeof node === 'object' && node.properties) {
        expect(node.additionalProperties, path).toBe(false);
        expect([...node.required].sort(), path).toEqual(Object.keys(node.properties).sort());
        for (const [key, child] of Object.entries(node.properties)) visit(child, `${path}.${key}`);
      }
    };
    visit(RESPONSE_JSON_SCHEMA, '$');
  });

  it('lists the six intents of the port', () => {
    expect((RESPONSE_JSON_SCHEMA as any).properties.intent.enum).toEqual([...INTENTS]);
  });
});

describe('buildSystemPrompt', () => {
  it("gives today's date, weekday and time in the business time zone", () => {
    // 03:30 UTC on Dec 6 is still the evening of Friday Dec 5 in Los Angeles.
    const context = { now: new Date('2025-12-06T03:30:00Z'), timeZone: 'America/Los_Angeles' };
    expect(localNow(context)).toEqual({ date: '2025-12-05', weekday: 'Friday', time: '19:30' });
    const prompt = buildSystemPrompt(context);
    expect(prompt).toContain('Today is Friday, 2025-12-05');
    expect(prompt).toContain('America/Los_Angeles');
  });

  it('names every intent', () => {
    const prompt = buildSystemPrompt({ now: new Date('2025-12-06T12:00:00Z'), timeZone: 'America/New_York' });
    for (const intent of INTENTS) expect(prompt).toContain(intent);
  });

  it('formats midnight as 00:00', () => {
    expect(localNow({ now: new Date('2025-12-06T05:00:00Z'), timeZone: 'America/New_York' }).time).toBe('00:00');
  });
});

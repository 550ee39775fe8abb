import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisContext, MessageAnalysis, MessageAnalyzer } from '../../server/src/modules/assistant/assistant.port';
import { OpenAiMessageAnalyzer } from '../../server/src/providers/openai/openai.analyzer';
import { FakeOpenAiServer, type FakeReply } from '../support/fake-openai-server';

/**
 * The OpenAI analyzer with the real `openai` SDK, pointed at a local fake of the Chat
 * Completions API: what it sends, how it maps a good answer, and that every kind of failure
 * ends in the fallback analyzer with a loggable reason instead of an error or a booking.
 */

/** A hand-written fake of the port: records its calls and returns one fixed analysis. */
class StubFallbackAnalyzer implements MessageAnalyzer {
  readonly name = 'stub-fallback';
  readonly calls: Array<{ text: string; context: AnalysisContext }> = [];

  constructor(private readonly result: MessageAnalysis) {}

  async analyze(text: string, context: AnalysisContext): Promise<MessageAnalysis> {
    this.calls.push({ text, context });
    return this.result;
  }
}

const FALLBACK_RESULT: MessageAnalysis = {
  intent: 'GENERAL_QUESTION',
  intentConfidence: 0.3,
  details: {},
  sentiment: 0,
  language: 'en',
};

// Friday evening Dec 5 2025 in Los Angeles (already Saturday in UTC).
const CONTEXT: AnalysisContext = { now: new Date('2025-12-06T03:30:00Z'), timeZone: 'America/Los_Angeles' };
const MODEL = 'gpt-test-mini';
const TEXT = "Hi, I'm Dana. Party of 12 next Saturday at 6pm, call me at 555-555-0123. No shellfish please!";

const GOOD_ANSWER = {
  intent: 'NEW_BOOKING',
  intentConfidence: 0.93,
  details: {
    partySize: { value: 12, confidence: 0.95 },
    eventDate: { value: '2025-12-13', confidence: 0.85 },
    startTime: { value: '18:00', confidence: 0.9 },
    address: null,
    name: { value: 'Dana', confidence: 0.8 },
    phone: { value: '+15555550123', confidence: 0.9 },
    email: null,
    dietaryNotes: { value: 'no shellfish', confidence: 0.75 },
  },
  sentiment: 0.5,
  faqTopic: null,
  confirmation: null,
  language: 'en',
};

let server: FakeOpenAiServer;

beforeAll(async () => {
  server = await FakeOpenAiServer.start();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => server.reset());

function makeAnalyzer(options: { baseURL?: string; timeoutMs?: number } = {}) {
  const fallback = new StubFallbackAnalyzer(FALLBACK_RESULT);
  const reasons: string[] = [];
  const analyzer = new OpenAiMessageAnalyzer({
    apiKey: 'sk-test-key',
    model: MODEL,
    baseURL: options.baseURL ?? server.baseURL,
    timeoutMs: options.timeoutMs ?? 2_000,
    fallback,
    onFallback: (reason) => reasons.push(reason),
  });
  return { analyzer, fallback, reasons };
}

describe('OpenAiMessageAnalyzer against a fake OpenAI', () => {
  it('maps a well-formed answer to the MessageAnalysis, without calling the fallback', async () => {
    server.replyJson(GOOD_ANSWER);
    const { analyzer, fallback, reasons } = makeAnalyzer();

    const analysis = await analyzer.analyze(TEXT, CONTEXT);

    expect(analyzer.name).toBe('openai');
    expect(analysis).toEqual({
      intent: 'NEW_BOOKING',
      intentConfidence: 0.93,
      details: {
        partySize: { value: 12, confidence: 0.95 },
        eventDate: { value: '2025-12-13', confidence: 0.85 },
        startTime: { value: '18:00', confidence: 0.9 },
        name: { value: 'Dana', confidence: 0.8 },
        phone: { value: '+15555550123', confidence: 0.9 },
        dietaryNotes: { value: 'no shellfish', confidence: 0.75 },
      },
      sentiment: 0.5,
      language: 'en',
    });
    expect(fallback.calls).toHaveLength(0);
    expect(reasons).toEqual([]);
  });

  it('maps a FAQ question with its topic and sentiment', async () => {
    server.replyJson({
      ...GOOD_ANSWER,
      intent: 'GENERAL_QUESTION',
      intentConfidence: 0.88,
      details: { ...GOOD_ANSWER.details, partySize: null, eventDate: null, startTime: null, name: null, phone: null, dietaryNotes: null },
      sentiment: -0.2,
      faqTopic: 'VEGETARIAN_OPTIONS',
    });
    const { analyzer } = makeAnalyzer();

    expect(await analyzer.analyze('do you have anything for vegetarians?', CONTEXT)).toEqual({
      intent: 'GENERAL_QUESTION',
      intentConfidence: 0.88,
      details: {},
      sentiment: -0.2,
      language: 'en',
      faqTopic: 'VEGETARIAN_OPTIONS',
    });
  });

  it('sends the configured model, a strict json_schema response_format, the date in the system prompt and the text as the user message', async () => {
    server.replyJson(GOOD_ANSWER);
    const { analyzer } = makeAnalyzer();

    await analyzer.analyze(TEXT, CONTEXT);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test-key');
    expect(request.body.model).toBe(MODEL);
    expect(request.body.response_format.type).toBe('json_schema');
    expect(request.body.response_format.json_schema).toMatchObject({ name: 'hibachi_message_analysis', strict: true });
    expect(request.body.response_format.json_schema.schema.properties.intent.enum).toHaveLength(6);

    const [system, user] = request.body.messages;
    expect(system.role).toBe('system');
    expect(system.content).toContain('Today is Friday, 2025-12-05');
    expect(system.content).toContain('America/Los_Angeles');
    expect(system.content).toContain('hibachi');
    expect(user).toEqual({ role: 'user', content: TEXT });
  });

  describe('falls back, reporting why, and returns the fallback result unchanged', () => {
    const cases: Array<[string, FakeReply, string]> = [
      ['content that is not JSON', { kind: 'content', content: 'not json' }, 'answer is not JSON'],
      ['JSON of the wrong shape', { kind: 'content', content: JSON.stringify({ booking: true, guests: 12 }) }, 'answer failed validation at intent, intentConfidence, details, sentiment'],
      ['an intent outside the enum', { kind: 'content', content: JSON.stringify({ ...GOOD_ANSWER, intent: 'BOOK_NOW' }) }, 'answer failed validation at intent'],
      [
        'a phone that is not E.164',
        { kind: 'content', content: JSON.stringify({ ...GOOD_ANSWER, details: { ...GOOD_ANSWER.details, phone: { value: '555-555-0123', confidence: 0.9 } } }) },
        'answer failed validation at details.phone.value',
      ],
      ['a confidence above 1', { kind: 'content', content: JSON.stringify({ ...GOOD_ANSWER, intentConfidence: 7 }) }, 'answer failed validation at intentConfidence'],
      ['empty content', { kind: 'content', content: '' }, 'empty answer'],
      ['null content', { kind: 'content', content: null }, 'empty answer'],
      ['a refusal', { kind: 'refusal', refusal: "I'm sorry, I can't help with that." }, 'model refused'],
      ['an answer cut off by max tokens', { kind: 'content', content: '{"intent":"NEW_BOOKING","intentConf', finishReason: 'length' }, 'finish_reason length'],
      ['HTTP 429 rate limit', { kind: 'error', status: 429, message: 'Rate limit reached for requests', type: 'rate_limit_exceeded' }, 'rate limited (HTTP 429)'],
      ['HTTP 500', { kind: 'error', status: 500, message: 'The server had an error while processing your request.' }, 'HTTP 500'],
      ['HTTP 503', { kind: 'error', status: 503, message: 'Service unavailable' }, 'HTTP 503'],
      ['HTTP 401 (bad key)', { kind: 'error', status: 401, message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' }, 'HTTP 401'],
    ];

    it.each(cases)('%s', async (_label, reply, reason) => {
      server.script(reply);
      const { analyzer, fallback, reasons } = makeAnalyzer();

      const analysis = await analyzer.analyze(TEXT, CONTEXT);

      // Same object, untouched: nothing from the rejected answer leaks into it.
      expect(analysis).toBe(FALLBACK_RESULT);
      expect(analysis).toEqual({ intent: 'GENERAL_QUESTION', intentConfidence: 0.3, details: {}, sentiment: 0, language: 'en' });
      expect(fallback.calls).toEqual([{ text: TEXT, context: CONTEXT }]);
      expect(reasons).toEqual([reason]);
      // The reason may be logged: it must not carry the customer's words.
      expect(reason).not.toMatch(/Dana|555|shellfish/);
      // maxRetries: 0, so exactly one request even for 429 and 5xx.
      expect(server.requests).toHaveLength(1);
    });

    it('a timeout (the server never answers)', async () => {
      server.script({ kind: 'hang' });
      const { analyzer, fallback, reasons } = makeAnalyzer({ timeoutMs: 300 });

      const started = Date.now();
      const analysis = await analyzer.analyze(TEXT, CONTEXT);

      expect(Date.now() - started).toBeLessThan(5_000);
      expect(analysis).toBe(FALLBACK_RESULT);
      expect(fallback.calls).toHaveLength(1);
      expect(reasons).toEqual(['timeout']);
      expect(server.requests).toHaveLength(1);
    });

    it('a network error (nothing listening)', async () => {
      const closedPort = await freePortThenClose();
      const { analyzer, fallback, reasons } = makeAnalyzer({ baseURL: `http://127.0.0.1:${closedPort}/v1` });

      const analysis = await analyzer.analyze(TEXT, CONTEXT);

      expect(analysis).toBe(FALLBACK_RESULT);
      expect(fallback.calls).toHaveLength(1);
      expect(reasons).toEqual(['network error']);
    });
  });

  it('works without an onFallback callback', async () => {
    server.script({ kind: 'error', status: 500 });
    const fallback = new StubFallbackAnalyzer(FALLBACK_RESULT);
    const analyzer = new OpenAiMessageAnalyzer({ apiKey: 'sk-test-key', model: MODEL, baseURL: server.baseURL, fallback });

    await expect(analyzer.analyze(TEXT, CONTEXT)).resolves.toBe(FALLBACK_RESULT);
  });
});

/** A port that was free a moment ago and has nothing listening now. */
async function freePortThenClose(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, RateLimitError } from 'openai';
import type { AnalysisContext, MessageAnalysis, MessageAnalyzer } from '../../modules/assistant/assistant.port';
import { buildSystemPrompt, parseModelAnswer, RESPONSE_JSON_SCHEMA, RESPONSE_SCHEMA_NAME } from './openai.schema';

export interface OpenAiMessageAnalyzerParams {
  apiKey: string;
  model: string;
  /** Must end in /v1. Tests point it at a local fake server. */
  baseURL?: string;
  /** Per request. A customer is waiting for the reply, so this is short. */
  timeoutMs?: number;
  /** Answers whenever OpenAI cannot: the local analyzer in production. */
  fallback: MessageAnalyzer;
  /** Why a message went to the fallback. Never contains customer text, so it can be logged. */
  onFallback?: (reason: string) => void;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * `MessageAnalyzer` backed by OpenAI Chat Completions with structured output. The SDK stays
 * inside this file: callers get a `MessageAnalysis` and nothing else, and no failure of the
 * vendor (error, timeout, rate limit, refusal, an answer that does not validate) ever throws
 * or turns into a booking: the message is analysed by the fallback instead.
 */
export class OpenAiMessageAnalyzer implements MessageAnalyzer {
  readonly name = 'openai';
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly fallback: MessageAnalyzer;
  private readonly onFallback: (reason: string) => void;

  constructor(params: OpenAiMessageAnalyzerParams) {
    // No retries: a retry doubles the customer's wait, and the fallback answers right away.
    this.client = new OpenAI({
      apiKey: params.apiKey,
      baseURL: params.baseURL,
      timeout: params.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: 0,
    });
    this.model = params.model;
    this.fallback = params.fallback;
    this.onFallback = params.onFallback ?? (() => {});
  }

  async analyze(text: string, context: AnalysisContext): Promise<MessageAnalysis> {
    let content: string | null;
    try {
      const completion = await this.client.chat.completions.create({
        model: this.model,
        messages: [
          { role: 'system', content: buildSystemPrompt(context) },
          { role: 'user', content: text },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: RESPONSE_SCHEMA_NAME, strict: true, schema: RESPONSE_JSON_SCHEMA },
        },
      });
      const choice = completion.choices[0];
      if (!choice) return this.fallBack('no choice in the answer', text, context);
      if (choice.message.refusal) return this.fallBack('model refused', text, context);
      // 'length' truncates the JSON and 'content_filter' blanks it: neither can be trusted.
      if (choice.finish_reason !== 'stop') return this.fallBack(`finish_reason ${choice.finish_reason}`, text, context);
      content = choice.message.content;
    } catch (error) {
      return this.fallBack(describeError(error), text, context);
    }
    const parsed = parseModelAnswer(content);
    // The fallback's result is returned as is: never merged with an answer we rejected.
    return parsed.ok ? parsed.analysis : this.fallBack(parsed.reason, text, context);
  }

  private fallBack(reason: string, text: string, context: AnalysisContext): Promise<MessageAnalysis> {
    this.onFallback(reason);
    return this.fallback.analyze(text, context);
  }
}

/** A short, loggable reason for an SDK failure (the SDK's messages may echo the request). */
function describeError(error: unknown): string {
  // Most specific first: the timeout error is a connection error, which is an APIError.
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIConnectionError) return 'network error';
  if (error instanceof RateLimitError) return 'rate limited (HTTP 429)';
  if (error instanceof APIError) return `HTTP ${error.status ?? 'error'}`;
  return 'unexpected error';
}

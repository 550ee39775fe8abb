import OpenAI, { APIError } from 'openai';
import { checkWrittenReply, type ReplyDraftRequest, type ReplyWriter } from '../../modules/reviews/reply-writer.port';

export interface OpenAiReplyWriterParams {
  apiKey: string;
  model: string;
  /** Must end in /v1. Tests point it at a local fake server. */
  baseURL?: string;
  timeoutMs?: number;
  /** Why a draft kept its template. Never holds the review's words, so it can be logged. */
  onRejected?: (reason: string) => void;
}

const SCHEMA = {
  type: 'object',
  properties: { reply: { type: 'string', description: 'The reply to post under the review.' } },
  required: ['reply'],
  additionalProperties: false,
} as const;

/**
 * Review reply drafts worded by OpenAI (issue 16 §3) from the template the policy filled and the
 * review's facts, with structured output; every answer is checked (`checkWrittenReply`) before it
 * replaces the template, and any failure keeps the template. The SDK stays in this file.
 */
export class OpenAiReplyWriter implements ReplyWriter {
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly onRejected: (reason: string) => void;

  constructor(params: OpenAiReplyWriterParams) {
    // No retries: the template is already a good draft, and staff read it before it posts.
    this.client = new OpenAI({ apiKey: params.apiKey, baseURL: params.baseURL, timeout: params.timeoutMs ?? 15_000, maxRetries: 0 });
    this.model = params.model;
    this.onRejected = params.onRejected ?? (() => {});
  }

  async write(request: ReplyDraftRequest): Promise<string | null> {
    let content: string | null;
    try {
      const completion = await this.client.chat.completions.create({
        model: this.model,
        messages: [
          {
            role: 'system',
            content: [
              'You write the business owner\'s public reply to a customer review of a hibachi catering business.',
              'Rewrite the draft reply in a warm, sincere, human voice, addressing the reviewer by first name and what they wrote.',
              'Keep every fact of the draft and add none: no offer, discount, refund or promise the draft does not make;',
              'keep any percentage, phone number and email exactly as in the draft. At most 900 characters. Answer as JSON.',
            ].join(' '),
          },
          {
            role: 'user',
            content: JSON.stringify({ rating: request.rating, reviewerFirstName: request.reviewerFirstName, review: request.comment ?? '', draft: request.templateReply }),
          },
        ],
        response_format: { type: 'json_schema', json_schema: { name: 'review_reply', strict: true, schema: SCHEMA } },
      });
      const choice = completion.choices[0];
      if (!choice || choice.message.refusal || choice.finish_reason !== 'stop') return this.reject('no usable answer');
      content = choice.message.content;
    } catch (error) {
      return this.reject(error instanceof APIError ? `HTTP ${error.status ?? 'error'}` : 'request failed');
    }
    let reply: unknown;
    try {
      reply = (JSON.parse(content ?? '') as { reply?: unknown }).reply;
    } catch {
      return this.reject('answer is not JSON');
    }
    if (typeof reply !== 'string') return this.reject('answer has no reply');
    const problem = checkWrittenReply(reply, request);
    return problem ? this.reject(problem) : reply.trim();
  }

  private reject(reason: string): null {
    this.onRejected(reason);
    return null;
  }
}

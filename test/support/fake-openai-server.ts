import type http from 'node:http';
import { FakeHttpServer, sendJson as sendJsonBody, type FakeRequest, type RecordedRequest } from './fake-http-server';

export type { RecordedRequest } from './fake-http-server';

/**
 * A stand-in for api.openai.com that speaks just enough of the Chat Completions wire format
 * for the real `openai` SDK to run its whole code path against it (request building, response
 * parsing, error classes, timeouts) with no network. Each request takes the next scripted
 * reply; a request with nothing scripted gets a 500 so a missing script shows up as a failure.
 */

export type FakeReply =
  /** A normal completion whose message content is this exact string (valid JSON or not). */
  | { kind: 'content'; content: string | null; finishReason?: 'stop' | 'length' | 'content_filter' }
  /** A completion where the model refused: content null, refusal set. */
  | { kind: 'refusal'; refusal: string }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: 'error'; status: number; message?: string; type?: string; code?: string | null }
  /** Accept the request and never answer, to make the client time out. */
  | { kind: 'hang' };

export class FakeOpenAiServer {
  private readonly replies: FakeReply[] = [];
  private http!: FakeHttpServer;

  private constructor() {}

  /** Listens on 127.0.0.1 on a free port. */
  static async start(): Promise<FakeOpenAiServer> {
    const fake = new FakeOpenAiServer();
    fake.http = await FakeHttpServer.start((request, res) => fake.handle(request, res));
    return fake;
  }

  /** Every request, in order; the body is the chat-completions params the SDK sent. */
  get requests(): RecordedRequest[] {
    return this.http.requests;
  }

  get port(): number {
    return this.http.port;
  }

  /** What to pass as the SDK's `baseURL`: it must end in /v1. */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Queues replies, one per request, in order. */
  script(...replies: FakeReply[]): void {
    this.replies.push(...replies);
  }

  /** A completion whose content is `JSON.stringify(value)`. */
  replyJson(value: unknown): void {
    this.script({ kind: 'content', content: JSON.stringify(value) });
  }

  reset(): void {
    this.requests.length = 0;
    this.replies.length = 0;
  }

  close(): Promise<void> {
    return this.http.close(); // hung requests' sockets too
  }

  private handle({ req, body }: FakeRequest, res: http.ServerResponse): void {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return sendError(res, { kind: 'error', status: 404, message: `fake server: no route ${req.method} ${req.url}`, type: 'invalid_request_error' });
    }
    const reply = this.replies.shift() ?? { kind: 'error', status: 500, message: 'fake server: no scripted reply', type: 'server_error' };
    switch (reply.kind) {
      case 'hang':
        return; // never answer; close() tears the socket down
      case 'error':
        return sendError(res, reply);
      case 'refusal':
        return sendJson(res, 200, completion(body, { content: null, refusal: reply.refusal }, 'stop'));
      case 'content':
        return sendJson(res, 200, completion(body, { content: reply.content, refusal: null }, reply.finishReason ?? 'stop'));
    }
  }
}

let nextId = 1;

function completion(request: unknown, message: { content: string | null; refusal: string | null }, finishReason: string) {
  const model = (request as { model?: unknown } | undefined)?.model;
  return {
    id: `chatcmpl-fake-${nextId++}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: typeof model === 'string' ? model : 'unknown',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

function sendError(res: http.ServerResponse, reply: Extract<FakeReply, { kind: 'error' }>): void {
  const type = reply.type ?? (reply.status === 429 ? 'rate_limit_exceeded' : reply.status >= 500 ? 'server_error' : 'invalid_request_error');
  sendJson(res, reply.status, {
    error: { message: reply.message ?? `fake error ${reply.status}`, type, param: null, code: reply.code ?? (reply.status === 429 ? 'rate_limit_exceeded' : null) },
  });
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  sendJsonBody(res, status, payload, { 'x-request-id': `req-fake-${nextId++}` });
}

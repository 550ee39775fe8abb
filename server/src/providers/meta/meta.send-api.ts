import { callSignal, SendError, type CallOptions, type MessageSender, type OutgoingMessage } from '../outbound.port';

/**
 * Replies through Meta's Send API: Messenger and Instagram with the Page access token
 * (POST /me/messages), WhatsApp Cloud API with its system-user token
 * (POST /<phone-number-id>/messages). Plain fetch: there is no official Node SDK.
 *
 * The Send API cannot be asked what was sent, so these senders have no `findSent`: a send
 * whose answer is lost is never sent again by itself; it waits for a person (UNCONFIRMED).
 */

/**
 * Sent as `metadata` with every Messenger message; Meta returns it on the message's echo, so
 * the echo of our own send is told from a reply typed in the Page inbox without a look-up.
 * (Instagram echoes carry no metadata: those are matched to our sends by their records.)
 */
export const OUR_SEND_METADATA = 'sent-by:hibachi-back-office';

/** Default for a sender built without one; the app passes PROVIDER_TIMEOUT_SECONDS. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** Graph error codes that mean "try again later": rate limits and temporary failures. */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613, 1200, 80007, 130429, 131016, 131048, 131056]);
/** Graph error codes that refuse the call for its rate: nothing was sent. */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613, 80007, 130429, 131048, 131056]);

interface GraphErrorBody {
  error?: { message?: string; code?: number; error_subcode?: number; is_transient?: boolean };
}

async function postGraph(url: string, token: string, body: unknown, timeoutMs: number, options: CallOptions): Promise<Record<string, unknown>> {
  if (options.signal?.aborted) throw new SendError('Meta Send API: not sent, the attempt was stopped first', 'not-sent');
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: callSignal(timeoutMs, options),
    });
    text = await response.text();
  } catch (error) {
    // A timeout or a lost answer may have been accepted on Meta's side; a refused connection never reached it.
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const refused = cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN';
    const name = (error as Error).name;
    const reason = name === 'TimeoutError' ? 'timed out' : name === 'AbortError' ? 'stopped' : (cause ?? (error as Error).message);
    throw new SendError(`Meta Send API unreachable: ${reason}`, refused ? 'not-sent' : 'unknown');
  }
  let parsed: Record<string, unknown> & GraphErrorBody = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    // A proxy's HTML error page: classified by status below.
  }
  if (response.ok) return parsed;
  const graph = parsed.error ?? {};
  const detail = graph.code !== undefined ? ` (code ${graph.code}${graph.error_subcode ? `/${graph.error_subcode}` : ''})` : '';
  throw new SendError(`Meta Send API ${response.status}: ${graph.message ?? 'no error message'}${detail}`, graphFailureOutcome(response.status, graph));
}

/**
 * What a Graph error says about the message. A rate limit, 503 (unavailable) or a temporary
 * error on a 4xx means it was not taken: send again later. Another 5xx (an internal or gateway
 * error) can come after Meta took it, and Meta cannot be asked afterwards, so the outcome is
 * unknown: a person checks before it goes again. Anything else is a refusal.
 */
export function graphFailureOutcome(status: number, graph: NonNullable<GraphErrorBody['error']>): SendError['outcome'] {
  const code = graph.code;
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) return 'not-sent';
  if (status === 503) return 'not-sent';
  if (status >= 500) return 'unknown';
  if (graph.is_transient === true || (code !== undefined && TRANSIENT_CODES.has(code))) return 'not-sent';
  return 'permanent';
}

/** Messenger or Instagram: the recipient is the page- or Instagram-scoped user id from the webhook. */
export class MetaPageSender implements MessageSender {
  constructor(
    readonly kind: 'meta-messenger' | 'meta-instagram',
    private readonly graphApiUrl: string,
    private readonly pageAccessToken: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async send(message: OutgoingMessage, options: CallOptions = {}): Promise<{ providerMessageId: string }> {
    const body = {
      recipient: { id: message.to },
      // A reply within the 24-hour window the customer's message opened.
      messaging_type: 'RESPONSE',
      message: { text: message.body, ...(this.kind === 'meta-messenger' ? { metadata: OUR_SEND_METADATA } : {}) },
    };
    const answer = await postGraph(`${this.graphApiUrl}/me/messages`, this.pageAccessToken, body, this.timeoutMs, options);
    if (typeof answer.message_id !== 'string') throw new SendError('Meta Send API answered without a message_id', 'unknown');
    return { providerMessageId: answer.message_id };
  }
}

/** WhatsApp Cloud API: the recipient is the customer's phone number (our E.164, sent without the +). */
export class WhatsAppSender implements MessageSender {
  readonly kind = 'meta-whatsapp';

  constructor(
    private readonly graphApiUrl: string,
    private readonly whatsapp: { token: string; phoneNumberId: string },
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async send(message: OutgoingMessage, options: CallOptions = {}): Promise<{ providerMessageId: string }> {
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: message.to.replace(/^\+/, ''),
      type: 'text',
      text: { body: message.body, preview_url: false },
    };
    const answer = await postGraph(`${this.graphApiUrl}/${this.whatsapp.phoneNumberId}/messages`, this.whatsapp.token, body, this.timeoutMs, options);
    const id = (answer.messages as Array<{ id?: unknown }> | undefined)?.[0]?.id;
    if (typeof id !== 'string') throw new SendError('WhatsApp answered without a message id', 'unknown');
    return { providerMessageId: id };
  }
}

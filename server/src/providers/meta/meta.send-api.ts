import { SendError, type MessageSender, type OutgoingMessage } from '../outbound.port';

/**
 * Replies through Meta's Send API: Messenger and Instagram with the Page access token
 * (POST /me/messages), WhatsApp Cloud API with its system-user token
 * (POST /<phone-number-id>/messages). Plain fetch: there is no official Node SDK.
 */

const REQUEST_TIMEOUT_MS = 10_000;

/** Graph error codes that mean "try again later": rate limits and temporary failures. */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613, 1200, 80007, 130429, 131016, 131048, 131056]);

interface GraphErrorBody {
  error?: { message?: string; code?: number; error_subcode?: number; is_transient?: boolean };
}

async function postGraph(url: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    // A timeout may have been accepted on Meta's side; a refused connection never reached it.
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const refused = cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN';
    throw new SendError(`Meta Send API unreachable: ${(error as Error).name === 'TimeoutError' ? 'timed out' : (cause ?? (error as Error).message)}`, refused ? 'not-sent' : 'unknown');
  }
  const text = await response.text();
  let parsed: Record<string, unknown> & GraphErrorBody = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    // A proxy's HTML error page: classified by status below.
  }
  if (response.ok) return parsed;
  const graph = parsed.error ?? {};
  const transient = response.status === 429 || response.status >= 500 || graph.is_transient === true || (graph.code !== undefined && TRANSIENT_CODES.has(graph.code));
  const detail = graph.code !== undefined ? ` (code ${graph.code}${graph.error_subcode ? `/${graph.error_subcode}` : ''})` : '';
  throw new SendError(`Meta Send API ${response.status}: ${graph.message ?? 'no error message'}${detail}`, transient ? 'not-sent' : 'permanent');
}

/** Messenger or Instagram: the recipient is the page- or Instagram-scoped user id from the webhook. */
export class MetaPageSender implements MessageSender {
  constructor(
    readonly kind: 'meta-messenger' | 'meta-instagram',
    private readonly graphApiUrl: string,
    private readonly pageAccessToken: string,
  ) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const answer = await postGraph(`${this.graphApiUrl}/me/messages`, this.pageAccessToken, {
      recipient: { id: message.to },
      // A reply within the 24-hour window the customer's message opened.
      messaging_type: 'RESPONSE',
      message: { text: message.body },
    });
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
  ) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const answer = await postGraph(`${this.graphApiUrl}/${this.whatsapp.phoneNumberId}/messages`, this.whatsapp.token, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: message.to.replace(/^\+/, ''),
      type: 'text',
      text: { body: message.body, preview_url: false },
    });
    const id = (answer.messages as Array<{ id?: unknown }> | undefined)?.[0]?.id;
    if (typeof id !== 'string') throw new SendError('WhatsApp answered without a message id', 'unknown');
    return { providerMessageId: id };
  }
}

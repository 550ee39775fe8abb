import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { FakeHttpServer, httpRequest, parseJson, sendJson as sendJsonBody, type FakeRequest } from './fake-http-server';

/**
 * A stand-in for graph.facebook.com that speaks just enough of the Send API wire formats
 * (Messenger / Instagram via a Page token, WhatsApp Cloud via a system-user token) for our
 * Meta adapter to run its real request and error-classification code against it. It also plays
 * the other direction: `deliver()` signs a webhook payload with the app secret exactly as Meta
 * does (X-Hub-Signature-256 over the raw bytes) and POSTs it to our server, and the builders
 * return payloads shaped like Meta's real deliveries.
 */

export interface SentMetaMessage {
  kind: 'messenger' | 'whatsapp';
  /** Request path without the query string, e.g. /v21.0/me/messages. */
  path: string;
  accessToken: string;
  body: any;
  /** message_id (m_…) or the wamid. */
  id: string;
  at: Date;
}

/** A scripted Graph error: body {error:{message,type:'OAuthException',code,error_subcode?,fbtrace_id}}. */
export interface MetaSendFailure {
  httpStatus: number;
  code: number;
  message?: string;
  subcode?: number;
}

export interface FakeMeta {
  /** Graph API base, e.g. http://127.0.0.1:<port> (our adapter appends /v21.0/...). */
  url: string;
  appSecret: string;
  verifyToken: string;
  pageAccessToken: string;
  whatsappToken: string;
  whatsappPhoneNumberId: string;
  pageId: string;
  /** entry.id of Instagram payloads (the IG professional account). */
  instagramAccountId: string;
  /** entry.id of WhatsApp payloads (the WhatsApp Business Account). */
  wabaId: string;
  /** Every accepted send, in order. */
  sent: SentMetaMessage[];
  /** Emits 'sent' with each message as it is recorded in `sent`: wait on it instead of polling. */
  readonly events: EventEmitter;
  /** Every POST to a messages endpoint, accepted or not. */
  sendAttempts: number;
  /** The next N sends (either kind) fail with these Graph errors instead. */
  failNextSend(...outcomes: MetaSendFailure[]): void;
  /**
   * The next N sends (after any queued failures) are taken (recorded in `sent`) but their answer
   * never arrives: the connection is closed instead, as when a reply is lost on the way back.
   */
  dropNextAnswer(count?: number): void;
  /**
   * Signs (X-Hub-Signature-256 = 'sha256=' + hex HMAC-SHA256(rawBody, appSecret)) and POSTs a
   * payload to `${target}/webhooks/meta`; options: tamper (change a byte after signing), signature
   * (explicit header value or null for none), secret (sign with another secret). Returns status and text.
   */
  deliver(target: string, payload: unknown, options?: { signature?: string | null; tamper?: boolean; secret?: string; rawBody?: string }): Promise<{ status: number; text: string }>;
  /** The subscription check: GET `${target}/webhooks/meta?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`. */
  verifySubscription(target: string, options?: { verifyToken?: string; challenge?: string }): Promise<{ status: number; text: string }>;
  /** For echoes (isEcho) senderId is still the user: the payload puts the Page/IG account as sender, as Meta does. */
  messengerText(params: { senderId: string; text: string; mid?: string; isEcho?: boolean; object?: 'page' | 'instagram' }): unknown;
  messengerAttachment(params: { senderId: string; mid?: string; type: 'image' | 'audio' | 'file'; url: string; object?: 'page' | 'instagram' }): unknown;
  /** The echo Meta sends of a message our Send API call sent: its mid, our app's id, and the metadata it was sent with (if any). */
  echoOf(sent: SentMetaMessage, options?: { object?: 'page' | 'instagram' }): unknown;
  /**
   * The echo of a reply a person typed in Meta's own inbox (the Page inbox, Business Suite, the
   * Instagram app): a mid of its own and no metadata; on Messenger the app is Meta's Page inbox.
   */
  inboxReply(params: { recipientId: string; text: string; mid?: string; object?: 'page' | 'instagram' }): unknown;
  whatsappText(params: { from: string /* digits, no + */; text: string; id?: string; name?: string }): unknown;
  whatsappStatus(params: { id: string; status: 'sent' | 'delivered' | 'read' | 'failed'; recipientId: string }): unknown;
  pageComment(params: { commentId: string; postId: string; fromId: string; fromName: string; message: string }): unknown;
  instagramComment(params: { id: string; text: string; fromId: string; username: string; mediaId: string }): unknown;
  close(): Promise<void>;
}

export type FakeMetaOptions = Partial<Pick<FakeMeta, 'appSecret' | 'verifyToken' | 'pageAccessToken' | 'whatsappToken' | 'whatsappPhoneNumberId' | 'pageId'>>;

const DISPLAY_PHONE_NUMBER = '15550783881';
const APP_ID = 1517776481860111;
/** The app_id Meta puts on echoes of messages typed in the Page inbox. */
const PAGE_INBOX_APP_ID = 263902037430900;

/** Listens on 127.0.0.1 on a free port. */
export async function startFakeMeta(options: FakeMetaOptions = {}): Promise<FakeMeta> {
  const fake = new FakeMetaServer(options);
  await fake.listen();
  return fake;
}

class FakeMetaServer implements FakeMeta {
  url = '';
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly pageAccessToken: string;
  readonly whatsappToken: string;
  readonly whatsappPhoneNumberId: string;
  readonly pageId: string;
  readonly instagramAccountId = '17841400000000001';
  readonly wabaId = '102290129340398';
  readonly sent: SentMetaMessage[] = [];
  readonly events = new EventEmitter().setMaxListeners(0);

  private record(message: SentMetaMessage): void {
    this.sent.push(message);
    this.events.emit('sent', message);
  }
  sendAttempts = 0;

  private readonly failures: MetaSendFailure[] = [];
  private answersToDrop = 0;
  private http?: FakeHttpServer;

  constructor(options: FakeMetaOptions) {
    this.appSecret = options.appSecret ?? 'fake-app-secret';
    this.verifyToken = options.verifyToken ?? 'fake-verify-token';
    this.pageAccessToken = options.pageAccessToken ?? 'fake-page-access-token';
    this.whatsappToken = options.whatsappToken ?? 'fake-whatsapp-token';
    this.whatsappPhoneNumberId = options.whatsappPhoneNumberId ?? '106540352242922';
    this.pageId = options.pageId ?? '104321987654321';
  }

  async listen(): Promise<void> {
    this.http = await FakeHttpServer.start((request, res) => this.handle(request, res));
    this.url = this.http.url;
  }

  failNextSend(...outcomes: MetaSendFailure[]): void {
    this.failures.push(...outcomes);
  }

  dropNextAnswer(count = 1): void {
    this.answersToDrop += count;
  }

  /** Once a send is taken: answers it, or closes the connection without a word when told to. */
  private answer(req: http.IncomingMessage, res: http.ServerResponse, payload: unknown): void {
    if (this.answersToDrop > 0) {
      this.answersToDrop--;
      req.socket.destroy();
      return;
    }
    sendJson(res, 200, payload);
  }

  async deliver(
    target: string,
    payload: unknown,
    options: { signature?: string | null; tamper?: boolean; secret?: string; rawBody?: string } = {},
  ): Promise<{ status: number; text: string }> {
    let body: Buffer = Buffer.from(options.rawBody ?? JSON.stringify(payload), 'utf8');
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
    if (options.signature === undefined) {
      const secret = options.secret ?? this.appSecret;
      headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      headers['x-hub-signature'] = `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`; // legacy header Meta still sends
    } else if (options.signature !== null) {
      headers['x-hub-signature-256'] = options.signature;
    }
    if (options.tamper) body = tamper(body);
    return request('POST', `${target.replace(/\/+$/, '')}/webhooks/meta`, headers, body);
  }

  verifySubscription(target: string, options: { verifyToken?: string; challenge?: string } = {}): Promise<{ status: number; text: string }> {
    const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.challenge': options.challenge ?? '1158201444', 'hub.verify_token': options.verifyToken ?? this.verifyToken });
    return request('GET', `${target.replace(/\/+$/, '')}/webhooks/meta?${query}`, {}, Buffer.alloc(0));
  }

  // ---- webhook payload builders (Messenger/IG times in ms, WhatsApp timestamps as strings of seconds) ----

  messengerText(params: { senderId: string; text: string; mid?: string; isEcho?: boolean; object?: 'page' | 'instagram' }): unknown {
    return this.messaging(params, { text: params.text });
  }

  messengerAttachment(params: { senderId: string; mid?: string; type: 'image' | 'audio' | 'file'; url: string; object?: 'page' | 'instagram' }): unknown {
    return this.messaging(params, { attachments: [{ type: params.type, payload: { url: params.url } }] });
  }

  echoOf(sent: SentMetaMessage, options: { object?: 'page' | 'instagram' } = {}): unknown {
    const metadata = typeof sent.body.message?.metadata === 'string' ? { metadata: sent.body.message.metadata } : {};
    return this.messaging(
      { senderId: sent.body.recipient.id, mid: sent.id, isEcho: true, object: options.object },
      { app_id: APP_ID, ...metadata, text: sent.body.message.text },
    );
  }

  inboxReply(params: { recipientId: string; text: string; mid?: string; object?: 'page' | 'instagram' }): unknown {
    // Instagram's echo of a reply typed in its app names no app (undefined leaves the field out of the JSON).
    const app = { app_id: (params.object ?? 'page') === 'page' ? PAGE_INBOX_APP_ID : undefined };
    return this.messaging({ senderId: params.recipientId, mid: params.mid, isEcho: true, object: params.object }, { ...app, text: params.text });
  }

  whatsappText(params: { from: string; text: string; id?: string; name?: string }): unknown {
    return this.whatsappChange({
      contacts: [{ profile: { name: params.name ?? 'Test Customer' }, wa_id: params.from }],
      messages: [{ from: params.from, id: params.id ?? wamid(), timestamp: unixSeconds(), type: 'text', text: { body: params.text } }],
    });
  }

  whatsappStatus(params: { id: string; status: 'sent' | 'delivered' | 'read' | 'failed'; recipientId: string }): unknown {
    const status: Record<string, unknown> = { id: params.id, status: params.status, timestamp: unixSeconds(), recipient_id: params.recipientId };
    if (params.status === 'sent' || params.status === 'delivered') {
      status.conversation = { id: randomBytes(16).toString('hex'), origin: { type: 'service' } };
      status.pricing = { billable: true, pricing_model: 'CBP', category: 'service' };
    }
    if (params.status === 'failed') {
      status.errors = [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } }];
    }
    return this.whatsappChange({ statuses: [status] });
  }

  pageComment(params: { commentId: string; postId: string; fromId: string; fromName: string; message: string }): unknown {
    const now = Math.floor(Date.now() / 1000);
    return {
      object: 'page',
      entry: [
        {
          id: this.pageId,
          time: now,
          changes: [
            {
              field: 'feed',
              value: {
                from: { id: params.fromId, name: params.fromName },
                post: { status_type: 'added_photos', is_published: true, updated_time: new Date().toISOString().replace(/\.\d+Z$/, '+0000'), permalink_url: `https://www.facebook.com/${params.postId}`, promotion_status: 'inactive', id: params.postId },
                message: params.message,
                post_id: params.postId,
                comment_id: params.commentId,
                created_time: now,
                item: 'comment',
                parent_id: params.postId,
                verb: 'add',
              },
            },
          ],
        },
      ],
    };
  }

  instagramComment(params: { id: string; text: string; fromId: string; username: string; mediaId: string }): unknown {
    return {
      object: 'instagram',
      entry: [
        {
          id: this.instagramAccountId,
          time: Math.floor(Date.now() / 1000),
          changes: [
            {
              field: 'comments',
              value: { from: { id: params.fromId, username: params.username }, media: { id: params.mediaId, media_product_type: 'FEED' }, id: params.id, text: params.text },
            },
          ],
        },
      ],
    };
  }

  async close(): Promise<void> {
    await this.http?.close();
  }

  // ---- Send API -----------------------------------------------------------------------------

  private handle({ req, url, raw }: FakeRequest, res: http.ServerResponse): void {
    const match = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) {
      // What Graph answers for a path it does not know (HTTP 400, not 404).
      return graphError(res, 400, { code: 2500, message: `Unknown path components: ${url.pathname}` }, 'OAuthException');
    }
    this.sendAttempts++;
    const body = parseJson(raw);
    const node = match[2];
    const bearer = /^bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];

    if (body?.messaging_product === 'whatsapp' || node === this.whatsappPhoneNumberId) {
      if (bearer !== this.whatsappToken) {
        return graphError(res, 401, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }, 'OAuthException', true);
      }
      if (node !== this.whatsappPhoneNumberId) return unsupportedPost(res, node, true);
      if (body?.messaging_product !== 'whatsapp' || typeof body.to !== 'string' || body.to === '' || body.type !== 'text' || typeof body.text?.body !== 'string' || body.text.body === '') {
        return graphError(res, 400, { code: 100, message: '(#100) Invalid parameter' }, 'OAuthException', true);
      }
      const failure = this.failures.shift();
      if (failure) return graphError(res, failure.httpStatus, failure, 'OAuthException', true);
      const id = wamid();
      this.record({ kind: 'whatsapp', path: url.pathname, accessToken: bearer, body, id, at: new Date() });
      return this.answer(req, res, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] });
    }

    if (node !== 'me' && node !== this.pageId) return unsupportedPost(res, node, false);
    const token = url.searchParams.get('access_token') ?? bearer;
    if (token !== this.pageAccessToken) {
      return graphError(res, 400, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }, 'OAuthException');
    }
    if (typeof body?.recipient?.id !== 'string' || body.recipient.id === '') {
      return graphError(res, 400, { code: 100, message: '(#100) The parameter recipient is required' }, 'OAuthException');
    }
    const hasText = typeof body.message?.text === 'string' && body.message.text !== '';
    if (!hasText && !body.message?.attachment) {
      return graphError(res, 400, { code: 100, message: '(#100) Must send either message or state' }, 'OAuthException');
    }
    const failure = this.failures.shift();
    if (failure) return graphError(res, failure.httpStatus, failure, 'OAuthException');
    const id = `m_${randomBytes(24).toString('base64url')}`;
    this.record({ kind: 'messenger', path: url.pathname, accessToken: token, body, id, at: new Date() });
    this.answer(req, res, { recipient_id: body.recipient.id, message_id: id });
  }

  /** A Messenger or Instagram `messaging[]` event; echoes flip sender and recipient. */
  private messaging(params: { senderId: string; mid?: string; isEcho?: boolean; object?: 'page' | 'instagram' }, content: Record<string, unknown>): unknown {
    const object = params.object ?? 'page';
    const ownId = object === 'page' ? this.pageId : this.instagramAccountId;
    const now = Date.now();
    const mid = params.mid ?? (object === 'page' ? `m_${randomBytes(24).toString('base64url')}` : randomBytes(48).toString('base64url'));
    const echo = params.isEcho ? { is_echo: true, app_id: APP_ID } : {};
    return {
      object,
      entry: [
        {
          id: ownId,
          time: now,
          messaging: [
            {
              sender: { id: params.isEcho ? ownId : params.senderId },
              recipient: { id: params.isEcho ? params.senderId : ownId },
              timestamp: now - 1,
              message: { mid, ...echo, ...content },
            },
          ],
        },
      ],
    };
  }

  private whatsappChange(value: Record<string, unknown>): unknown {
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: this.wabaId,
          changes: [
            {
              field: 'messages',
              value: { messaging_product: 'whatsapp', metadata: { display_phone_number: DISPLAY_PHONE_NUMBER, phone_number_id: this.whatsappPhoneNumberId }, ...value },
            },
          ],
        },
      ],
    };
  }
}

const DEFAULT_MESSAGES: Record<number, string> = {
  1: 'An unknown error occurred',
  2: 'An unexpected error has occurred. Please retry your request later.',
  4: '(#4) Application request limit reached',
  10: '(#10) This message is sent outside of allowed window.',
  100: '(#100) Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  551: '(#551) This person isn\u2019t available right now.',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  1200: 'Temporary send message failure. Please try again later',
  130429: '(#130429) Rate limit hit',
  131047: '(#131047) Re-engagement message',
};

/** Graph's error body; WhatsApp errors also carry error_data. */
function graphError(res: http.ServerResponse, httpStatus: number, failure: { code: number; message?: string; subcode?: number }, type: string, whatsapp = false): void {
  const message = failure.message ?? DEFAULT_MESSAGES[failure.code] ?? `(#${failure.code}) fake error`;
  sendJson(res, httpStatus, {
    error: {
      message,
      type,
      code: failure.code,
      ...(failure.subcode === undefined ? {} : { error_subcode: failure.subcode }),
      ...(whatsapp ? { error_data: { messaging_product: 'whatsapp', details: message } } : {}),
      fbtrace_id: randomBytes(8).toString('base64url'),
    },
  });
}

function unsupportedPost(res: http.ServerResponse, node: string, whatsapp: boolean): void {
  const message = `Unsupported post request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`;
  graphError(res, 400, { code: 100, message, subcode: 33 }, 'GraphMethodException', whatsapp);
}

/**
 * Changes one byte after signing while keeping the JSON valid where it can: toggles the case of
 * the last letter inside a string literal (falls back to flipping the last byte's low bit).
 */
function tamper(body: Buffer): Buffer {
  const copy = Buffer.from(body);
  let inString = false;
  let target = -1;
  for (let i = 0; i < copy.length; i++) {
    const c = copy[i];
    if (inString && c === 0x5c) i++; // skip the escaped character
    else if (c === 0x22) inString = !inString;
    else if (inString && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) target = i;
  }
  if (target >= 0) copy[target] ^= 0x20;
  else if (copy.length > 0) copy[copy.length - 1] ^= 0x01;
  return copy;
}

function wamid(): string {
  return `wamid.${randomBytes(30).toString('base64')}`;
}

function unixSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}

async function request(method: string, address: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  const { status, text } = await httpRequest(method, address, headers, body);
  return { status, text };
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  sendJsonBody(res, status, payload, { 'content-type': 'application/json; charset=UTF-8', 'x-fb-trace-id': randomBytes(8).toString('base64url') });
}

/** The server environment that points the real Meta adapter at this fake (WhatsApp too when asked). */
export function metaEnv(meta: FakeMeta, options: { whatsapp?: boolean } = {}): Record<string, string> {
  return {
    META_GRAPH_API_URL: `${meta.url}/v21.0`,
    META_APP_SECRET: meta.appSecret,
    META_VERIFY_TOKEN: meta.verifyToken,
    META_PAGE_ACCESS_TOKEN: meta.pageAccessToken,
    ...(options.whatsapp ? { META_WHATSAPP_TOKEN: meta.whatsappToken, META_WHATSAPP_PHONE_NUMBER_ID: meta.whatsappPhoneNumberId } : {}),
  };
}

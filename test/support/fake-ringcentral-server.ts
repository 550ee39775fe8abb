import { EventEmitter } from 'node:events';
import http from 'node:http';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { FakeHttpServer, httpRequest, parseJson, sendJson as sendJsonBody, type FakeRequest, type HttpReply } from './fake-http-server';

/**
 * A stand-in for platform.ringcentral.com that speaks just enough of the RingCentral REST wire
 * format for the real `@ringcentral/sdk` to run its whole code path against it: JWT login and
 * token refresh, SMS send and message-store reads, WebHook subscriptions (including the
 * Validation-Token handshake against our server), Call Control (forward, transfer, party status),
 * voicemails in the message store with their transcripts, call recordings, and the AI
 * speech-to-text service that transcribes them. It also plays the other direction:
 * `deliver()` POSTs notification envelopes to the subscribed webhook address, and the `...Body`
 * builders make the bodies RingCentral sends (inbound SMS, telephony session, voicemail).
 *
 * Point the SDK at `url` (`new SDK({ server: fake.url, clientId, clientSecret, cachePrefix })`)
 * and log in with `fake.credentials.jwt`. Give every SDK instance its own `cachePrefix`: the SDK
 * keeps tokens in one per-process store keyed by that prefix.
 */

export interface FakeRingCentralOptions {
  clientId?: string;
  clientSecret?: string;
  jwt?: string;
  /** E.164; the only `from` number the SMS endpoint accepts. Default '+15555550100'. */
  businessNumber?: string;
}

export interface SentSms {
  id: string;
  from: string;
  to: string[];
  text: string;
  at: Date;
  status: 'Queued' | 'Sent' | 'Delivered' | 'DeliveryFailed' | 'SendingFailed';
}

export interface FakeSubscription {
  id: string;
  address: string;
  verificationToken?: string;
  eventFilters: string[];
  expiresIn: number;
  expirationTime: Date;
  renewals: number;
  deleted: boolean;
}

export type SmsOutcome = { status: number; retryAfterSeconds?: number } | 'hang' | 'drop';

/**
 * A send whose answer RingCentral is slow to give (see holdNextSms): the text is taken when the
 * request arrives, the answer waits for `release()`.
 */
export interface HeldSms {
  /** Resolves with the text once the request has arrived and the text was taken. */
  arrived: Promise<SentSms>;
  /** Resolves when the client closed the connection before it had an answer (it gave up). */
  abandoned: Promise<void>;
  /** True once the client gave up. */
  readonly isAbandoned: boolean;
  /** Answers now, if the client still waits: the message record (default), or an error status. */
  release(answer?: { status: number }): void;
}

export interface FakeParty {
  telephonySessionId: string;
  partyId: string;
  status: string;
  /** Set by the fake on a transfer ('BlindTransfer') or forward ('CallRedirected'); cleared by setParty. */
  reason?: string;
  /** The caller; default '+15555550199'. */
  from?: string;
  /** The call's recording (see addRecording): listed in the party's `recordings` while it lasts. */
  recordingId?: string;
}

export interface FakeRecording {
  id: string;
  /** A recording is listed a little after the call ends; until then GET .../recording/{id} is 404. */
  available: boolean;
}

/** A speech-to-text job as the app asked for it. */
export interface FakeTranscriptionJob {
  jobId: string;
  /** The `webhook` query parameter: where the result goes. */
  webhook: string;
  /** The request body (contentUri, encoding, enableSpeakerDiarization, ...). */
  request: Record<string, unknown>;
}

/** What a finished job reports: speaker turns, or a failure (status 'Fail'). */
export type TranscriptionOutcome = { utterances: Array<{ speakerId: string; text: string }> } | { failure: string };

export type TranscriptionStatus = 'NotAvailable' | 'InProgress' | 'TimedOut' | 'Completed' | 'CompletedPartially' | 'Failed' | 'Unknown';

export interface FakeVoicemail {
  id: string;
  from: string;
  transcriptionStatus: TranscriptionStatus;
  /** The AudioTranscription attachment's text, served once the status is Completed or CompletedPartially. */
  transcript: string;
  at: Date;
}

/** The event filters as RingCentral reports them in a notification's `event` (account and extension ids filled in). */
export const TELEPHONY_SESSIONS_EVENT = '/restapi/v1.0/account/1000/extension/1001/telephony/sessions';
export const VOICEMAIL_EVENT = '/restapi/v1.0/account/1000/extension/1001/voicemail';
export const MESSAGE_STORE_EVENT = '/restapi/v1.0/account/1000/extension/1001/message-store';

export interface FakeRingCentral {
  /** http://127.0.0.1:<port>: the SDK's `server`. */
  url: string;
  credentials: { clientId: string; clientSecret: string; jwt: string };
  businessNumber: string;
  /** How many POST /restapi/oauth/token (login and refresh, good or bad). */
  tokenRequests: number;
  /** Every accepted POST .../sms, in order (including 'hang' and held ones, whose answer was lost or late). */
  sentSms: SentSms[];
  /** Emits 'sms' with each text as it is recorded in `sentSms`: wait on it instead of polling. */
  readonly events: EventEmitter;
  /** Every authenticated POST .../sms, including rejected and failed ones. */
  smsAttempts: number;
  /**
   * The next N SMS sends answer these statuses instead (e.g. 503, 429 with Retry-After 1, or
   * 'hang' = accept the body, record the SMS as sent, then destroy the socket without answering:
   * simulates a send whose answer is lost), or 'drop' = destroy the socket before taking the
   * text (the client cannot tell it from 'hang', but nothing went out).
   */
  failNextSms(...outcomes: SmsOutcome[]): void;
  /**
   * The next SMS send (after any queued failNextSms outcomes) takes the text at once but holds
   * its answer until the test releases it: a RingCentral that answers slowly, or not before the
   * client gives up.
   */
  holdNextSms(): HeldSms;
  setSmsStatus(id: string, status: SentSms['status']): void;
  subscriptions: FakeSubscription[];
  /** Validation handshake failures seen on subscription create. */
  validationFailures: Array<{ address: string; reason: string; at: Date }>;
  /**
   * POSTs a notification envelope {uuid, event, timestamp, subscriptionId, ownerId, body} to the
   * (latest non-deleted) subscription's address with its Verification-Token header (or a given
   * token / no token), returns status and body text. `timestamp` (ISO) replaces the envelope's
   * default of now, for deliveries that arrive out of order; `forwardedFor` adds X-Forwarded-For.
   */
  deliver(
    body: unknown,
    options?: { event?: string; uuid?: string; verificationToken?: string | null; rawBody?: string; subscriptionId?: string; timestamp?: string; forwardedFor?: string },
  ): Promise<{ status: number; text: string }>;
  /** Body of an instant inbound SMS event, addressed to businessNumber. */
  /** An instant SMS notification; `pictures` (content types) make it an MMS. */
  inboundSmsBody(params: { from: string; text: string; id?: string; pictures?: string[] }): unknown;
  /** Keyed `${telephonySessionId}/${partyId}`. */
  parties: Map<string, FakeParty>;
  setParty(telephonySessionId: string, partyId: string, status: string, options?: { from?: string; recordingId?: string }): void;
  transfers: Array<{ telephonySessionId: string; partyId: string; body: unknown }>;
  /** Every accepted POST .../parties/{partyId}/forward, in order. */
  forwards: Array<{ telephonySessionId: string; partyId: string; body: unknown }>;
  /** Every authenticated POST .../forward, including refused ones (a party no longer ringing). */
  forwardAttempts: number;
  /** The next N forwards answer these statuses instead (e.g. 503, or 429 with Retry-After). */
  failNextForward(...outcomes: Array<{ status: number; retryAfterSeconds?: number }>): void;
  /**
   * Body of an (extension-level) telephony session event for one party: an inbound call from
   * the party's caller to businessNumber, with the party's status unless `status` is given.
   */
  telephonySessionBody(params: { telephonySessionId: string; partyId: string; sequence: number; status?: string; direction?: 'Inbound' | 'Outbound' }): unknown;
  /** Puts a voicemail in the message store (transcript pending, ready, or unavailable); returns its id. */
  addVoicemail(params: { from: string; transcript?: string; transcriptionStatus?: TranscriptionStatus; id?: string }): string;
  setVoicemailTranscription(id: string, transcriptionStatus: TranscriptionStatus, transcript?: string): void;
  voicemails: FakeVoicemail[];
  /** Body of the instant voicemail event (VOICEMAIL_EVENT) for a stored voicemail. */
  voicemailBody(id: string): unknown;
  /** Body of a message-store event (MESSAGE_STORE_EVENT) announcing new voicemails. */
  messageStoreVoicemailBody(ids: string[]): unknown;
  recordings: Map<string, FakeRecording>;
  /** A call recording (not yet available unless said); returns its id. Give it to setParty's `recordingId`. */
  addRecording(options?: { available?: boolean }): string;
  setRecordingAvailable(id: string): void;
  /** Authenticated GETs of a recording's metadata (available or not). */
  recordingLookups: number;
  /** Every accepted POST /ai/audio/v1/async/speech-to-text, in order. */
  transcriptionJobs: FakeTranscriptionJob[];
  /** Every authenticated speech-to-text request, including refused ones. */
  transcriptionAttempts: number;
  /** The next N speech-to-text requests answer these statuses instead (e.g. 503, or 403 for an app without the AI scope). */
  failNextTranscription(...statuses: number[]): void;
  /**
   * Finishes a job as RingCentral AI does: fetches the job's contentUri (which must carry a
   * valid access_token, as the real service cannot send headers), then POSTs the result to the
   * job's webhook: the transcript with its utterances and per-word timings, or, when the media
   * could not be fetched or `failure` is given, status 'Fail'. Returns our server's answer.
   */
  completeTranscription(jobId: string, outcome: TranscriptionOutcome, options?: { webhook?: string }): Promise<{ status: number; text: string }>;
  /** Forgets every issued access token, so the next API call gets a 401 and the SDK refreshes. */
  expireAccessTokens(): void;
  /**
   * Forgets every access and refresh token, as when RingCentral revokes a session: API calls
   * with them answer 401 "Token not found" (OAU-140), and so does a refresh; only a new login works.
   */
  forgetTokens(): void;
  close(): Promise<void>;
}

export const INSTANT_SMS_EVENT = '/restapi/v1.0/account/~/extension/1001/message-store/instant?type=SMS';

const ACCOUNT_ID = '1000';
const EXTENSION_ID = '1001';
const CALLER_NUMBER = '+15555550199';
const DEFAULT_EXPIRES_IN = 604800;
const HANDSHAKE_TIMEOUT_MS = 3000;
const DELIVERY_TIMEOUT_MS = 10_000;

/** Listens on 127.0.0.1 on a free port. */
export async function startFakeRingCentral(options: FakeRingCentralOptions = {}): Promise<FakeRingCentral> {
  const fake = new FakeRingCentralServer(options);
  await fake.listen();
  return fake;
}

class FakeRingCentralServer implements FakeRingCentral {
  url = '';
  readonly credentials: { clientId: string; clientSecret: string; jwt: string };
  readonly businessNumber: string;
  tokenRequests = 0;
  readonly sentSms: SentSms[] = [];
  readonly events = new EventEmitter().setMaxListeners(0);
  smsAttempts = 0;
  readonly subscriptions: FakeSubscription[] = [];
  readonly validationFailures: Array<{ address: string; reason: string; at: Date }> = [];
  readonly parties = new Map<string, FakeParty>();
  readonly transfers: Array<{ telephonySessionId: string; partyId: string; body: unknown }> = [];
  readonly forwards: Array<{ telephonySessionId: string; partyId: string; body: unknown }> = [];
  forwardAttempts = 0;
  private readonly forwardOutcomes: Array<{ status: number; retryAfterSeconds?: number }> = [];
  readonly voicemails: FakeVoicemail[] = [];
  readonly recordings = new Map<string, FakeRecording>();
  readonly transcriptionJobs: FakeTranscriptionJob[] = [];
  transcriptionAttempts = 0;
  recordingLookups = 0;
  private readonly transcriptionOutcomes: number[] = [];
  private nextRecordingId = 2812345001;

  private readonly accessTokens = new Set<string>();
  private readonly refreshTokens = new Set<string>();
  private readonly forgottenTokens = new Set<string>();
  private readonly smsOutcomes: Array<SmsOutcome | HeldSmsControl> = [];
  private readonly lastModified = new Map<string, Date>();
  private readonly subscriptionCreated = new Map<string, Date>();
  private nextMessageId = 320270670010;
  private nextInboundId = 606090030016;
  private nextVoicemailId = 707090040021;
  private http?: FakeHttpServer;

  constructor(options: FakeRingCentralOptions) {
    this.credentials = {
      clientId: options.clientId ?? 'fake-client-id',
      clientSecret: options.clientSecret ?? 'fake-client-secret',
      jwt: options.jwt ?? 'fake.jwt.assertion',
    };
    this.businessNumber = options.businessNumber ?? '+15555550100';
  }

  async listen(): Promise<void> {
    this.http = await FakeHttpServer.start((request, res) => this.handle(request, res));
    this.url = this.http.url;
  }

  failNextSms(...outcomes: SmsOutcome[]): void {
    this.smsOutcomes.push(...outcomes);
  }

  holdNextSms(): HeldSms {
    const control = new HeldSmsControl();
    this.smsOutcomes.push(control);
    return control;
  }

  setSmsStatus(id: string, status: SentSms['status']): void {
    const sms = this.sentSms.find((s) => s.id === id);
    if (!sms) throw new Error(`fake RingCentral: no SMS ${id}`);
    sms.status = status;
    this.lastModified.set(id, new Date());
  }

  failNextForward(...outcomes: Array<{ status: number; retryAfterSeconds?: number }>): void {
    this.forwardOutcomes.push(...outcomes);
  }

  setParty(telephonySessionId: string, partyId: string, status: string, options: { from?: string; recordingId?: string } = {}): void {
    const before = this.parties.get(`${telephonySessionId}/${partyId}`);
    const from = options.from ?? before?.from;
    const recordingId = options.recordingId ?? before?.recordingId;
    this.parties.set(`${telephonySessionId}/${partyId}`, { telephonySessionId, partyId, status, from, recordingId });
  }

  addRecording(options: { available?: boolean } = {}): string {
    const id = String(this.nextRecordingId++);
    this.recordings.set(id, { id, available: options.available ?? false });
    return id;
  }

  setRecordingAvailable(id: string): void {
    const recording = this.recordings.get(id);
    if (!recording) throw new Error(`fake RingCentral: no recording ${id}`);
    recording.available = true;
  }

  failNextTranscription(...statuses: number[]): void {
    this.transcriptionOutcomes.push(...statuses);
  }

  async completeTranscription(jobId: string, outcome: TranscriptionOutcome, options: { webhook?: string } = {}): Promise<{ status: number; text: string }> {
    const job = this.transcriptionJobs.find((j) => j.jobId === jobId);
    if (!job) throw new Error(`fake RingCentral: no transcription job ${jobId}`);
    const media = await get(String(job.request.contentUri));
    const failure = 'failure' in outcome ? outcome.failure : media.status === 200 ? null : `Unable to download media (HTTP ${media.status})`;
    const times = { creationTime: new Date(Date.now() - 60_000).toISOString(), completionTime: new Date().toISOString(), expirationTime: new Date(Date.now() + 7 * 86_400_000).toISOString() };
    const body =
      failure !== null
        ? { jobId, api: '/ai/audio/v1/async/speech-to-text', ...times, status: 'Fail', response: { errors: [{ errorCode: 'CAI-105', message: failure }] } }
        : { jobId, api: '/ai/audio/v1/async/speech-to-text', ...times, status: 'Success', response: speechToTextResponse((outcome as { utterances: Array<{ speakerId: string; text: string }> }).utterances) };
    const reply = await post(options.webhook ?? job.webhook, JSON.stringify(body), { 'content-type': 'application/json' }, DELIVERY_TIMEOUT_MS);
    return { status: reply.status, text: reply.text };
  }

  telephonySessionBody(params: { telephonySessionId: string; partyId: string; sequence: number; status?: string; direction?: 'Inbound' | 'Outbound' }): unknown {
    const party = this.parties.get(`${params.telephonySessionId}/${params.partyId}`);
    const status = params.status ?? party?.status;
    if (!status) throw new Error(`fake RingCentral: no party ${params.telephonySessionId}/${params.partyId} and no status given`);
    return {
      sequence: params.sequence,
      sessionId: `4${params.telephonySessionId.replace(/\D/g, '').slice(0, 11) || '0'}`,
      telephonySessionId: params.telephonySessionId,
      serverId: '10.13.22.253.TAM',
      eventTime: new Date().toISOString(),
      origin: { type: 'Call' },
      parties: [
        {
          accountId: ACCOUNT_ID,
          extensionId: EXTENSION_ID,
          id: params.partyId,
          direction: params.direction ?? 'Inbound',
          to: { phoneNumber: this.businessNumber, name: 'Hibachi Catering', extensionId: EXTENSION_ID },
          from: { phoneNumber: party?.from ?? CALLER_NUMBER },
          status: { code: status, rcc: false, ...(party?.reason ? { reason: party.reason } : {}) },
          ...(party?.recordingId ? { recordings: [{ id: party.recordingId, active: status !== 'Disconnected' && status !== 'Gone' }] } : {}),
          missedCall: false,
          standAlone: false,
          muted: false,
        },
      ],
    };
  }

  addVoicemail(params: { from: string; transcript?: string; transcriptionStatus?: TranscriptionStatus; id?: string }): string {
    const id = params.id ?? String(this.nextVoicemailId++);
    this.voicemails.push({
      id,
      from: params.from,
      transcriptionStatus: params.transcriptionStatus ?? (params.transcript === undefined ? 'NotAvailable' : 'Completed'),
      transcript: params.transcript ?? '',
      at: new Date(),
    });
    this.lastModified.set(id, new Date());
    return id;
  }

  setVoicemailTranscription(id: string, transcriptionStatus: TranscriptionStatus, transcript?: string): void {
    const voicemail = this.voicemails.find((v) => v.id === id);
    if (!voicemail) throw new Error(`fake RingCentral: no voicemail ${id}`);
    voicemail.transcriptionStatus = transcriptionStatus;
    if (transcript !== undefined) voicemail.transcript = transcript;
    this.lastModified.set(id, new Date());
  }

  voicemailBody(id: string): unknown {
    const voicemail = this.voicemails.find((v) => v.id === id);
    if (!voicemail) throw new Error(`fake RingCentral: no voicemail ${id}`);
    // Like instant SMS events, the voicemail event carries ids as strings.
    const record = this.voicemailRecord(voicemail) as Record<string, unknown>;
    return { ...record, id, uri: undefined, conversationId: undefined };
  }

  messageStoreVoicemailBody(ids: string[]): unknown {
    return {
      accountId: ACCOUNT_ID,
      extensionId: EXTENSION_ID,
      lastUpdated: new Date().toISOString(),
      changes: [{ type: 'VoiceMail', newCount: ids.length, updatedCount: 0, newMessageIds: ids.map(Number) }],
    };
  }

  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  forgetTokens(): void {
    for (const token of this.accessTokens) this.forgottenTokens.add(token);
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  inboundSmsBody(params: { from: string; text: string; id?: string; pictures?: string[] }): unknown {
    const id = params.id ?? String(this.nextInboundId++);
    const now = new Date().toISOString();
    // Instant-message events carry id and conversationId as strings (the REST API uses numbers).
    return {
      id,
      to: [{ phoneNumber: this.businessNumber, name: 'Hibachi Catering', target: true }],
      from: { phoneNumber: params.from },
      type: 'SMS',
      creationTime: now,
      lastModifiedTime: now,
      readStatus: 'Unread',
      priority: 'Normal',
      attachments: [
        { id, uri: `${this.messageUri(id)}/content/${id}`, type: 'Text', contentType: 'text/plain' },
        ...(params.pictures ?? []).map((contentType, i) => ({ id: `${id}${i}`, uri: `${this.messageUri(id)}/content/${id}${i}`, type: 'MmsAttachment', contentType })),
      ],
      direction: 'Inbound',
      availability: 'Alive',
      subject: params.text,
      messageStatus: 'Received',
      conversationId: `78764162${id}`,
      ownerId: EXTENSION_ID,
    };
  }

  async deliver(
    body: unknown,
    options: { event?: string; uuid?: string; verificationToken?: string | null; rawBody?: string; subscriptionId?: string; timestamp?: string; forwardedFor?: string } = {},
  ): Promise<{ status: number; text: string }> {
    const subscription = options.subscriptionId
      ? this.subscriptions.find((s) => s.id === options.subscriptionId)
      : [...this.subscriptions].reverse().find((s) => !s.deleted);
    if (!subscription) throw new Error('fake RingCentral: no subscription to deliver to');
    const envelope = {
      uuid: options.uuid ?? randomUUID(),
      event: options.event ?? INSTANT_SMS_EVENT,
      timestamp: options.timestamp ?? new Date().toISOString(),
      subscriptionId: subscription.id,
      ownerId: EXTENSION_ID,
      body,
    };
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8', 'user-agent': 'RingCentral-Webhook/8.3' };
    const token = options.verificationToken === undefined ? subscription.verificationToken : options.verificationToken;
    if (token != null) headers['verification-token'] = token;
    // As a proxy in front of the server would say where the delivery came from (the server must trust it: TRUST_PROXY).
    if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
    const reply = await post(subscription.address, options.rawBody ?? JSON.stringify(envelope), headers, DELIVERY_TIMEOUT_MS);
    return { status: reply.status, text: reply.text };
  }

  async close(): Promise<void> {
    await this.http?.close();
  }

  // ---- request handling -------------------------------------------------------------------

  private handle({ req, url, raw }: FakeRequest, res: http.ServerResponse): void | Promise<void> {
    // The SDK sends `~` as is; other clients may percent-encode it.
    const path = url.pathname.replace(/%7e/gi, '~');
    const method = req.method ?? 'GET';

    if (path.startsWith('/restapi/oauth/')) {
      if (method === 'POST' && path === '/restapi/oauth/token') return this.token(req, res, new URLSearchParams(raw));
      if (method === 'POST' && path === '/restapi/oauth/revoke') return this.revoke(req, res, new URLSearchParams(raw));
      return notFound(res, method, path);
    }
    if (!path.startsWith('/restapi/v1.0/') && !path.startsWith('/ai/')) return notFound(res, method, path);

    // Media (a recording's content) also takes the token as a query parameter.
    const isMedia = /\/recording\/\d+\/content$/.test(path);
    const bearer = /^bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? (isMedia ? (url.searchParams.get('access_token') ?? undefined) : undefined);
    if (bearer && this.forgottenTokens.has(bearer)) {
      return sendJson(res, 401, { errorCode: 'OAU-140', message: 'Token not found', errors: [{ errorCode: 'OAU-140', message: 'Token not found' }] });
    }
    if (!bearer || !this.accessTokens.has(bearer)) {
      return sendJson(res, 401, { errorCode: 'OAU-129', message: 'Access token corrupted', errors: [{ errorCode: 'OAU-129', message: 'Access token corrupted' }] });
    }
    const body = parseJson(raw);
    const ext = '/restapi/v1\\.0/account/(?:~|\\d+)/extension/(?:~|\\d+)';
    const sessions = '/restapi/v1\\.0/account/(?:~|\\d+)/telephony/sessions/([^/]+)';
    let m: RegExpExecArray | null;

    if (method === 'POST' && path === '/ai/audio/v1/async/speech-to-text') return this.startTranscription(res, url.searchParams, body);
    if (method === 'GET' && (m = /^\/restapi\/v1\.0\/account\/(?:~|\d+)\/recording\/(\d+)(\/content)?$/.exec(path))) {
      const recording = this.recordings.get(m[1]);
      if (!m[2]) this.recordingLookups++;
      if (!recording?.available) return notFoundParam(res, 'recordingId');
      if (m[2]) {
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': 4 }).end(Buffer.from([0xff, 0xfb, 0x90, 0x00]));
        return;
      }
      return sendJson(res, 200, {
        id: recording.id,
        contentUri: `${this.url}/restapi/v1.0/account/${ACCOUNT_ID}/recording/${recording.id}/content`,
        contentType: 'audio/mpeg',
        duration: 95,
      });
    }
    if (method === 'POST' && new RegExp(`^${ext}/sms$`).test(path)) return this.sendSms(req, res, body);
    if (method === 'GET' && new RegExp(`^${ext}/message-store$`).test(path)) return this.listMessages(res, url.searchParams);
    if (method === 'GET' && (m = new RegExp(`^${ext}/message-store/(\\d+)$`).exec(path))) {
      const sms = this.sentSms.find((s) => s.id === m![1]);
      if (sms) return sendJson(res, 200, this.messageRecord(sms));
      const voicemail = this.voicemails.find((v) => v.id === m![1]);
      return voicemail ? sendJson(res, 200, this.voicemailRecord(voicemail)) : notFoundParam(res, 'messageId');
    }
    if (method === 'GET' && (m = new RegExp(`^${ext}/message-store/(\\d+)/content/(\\d+)$`).exec(path))) {
      return this.voicemailContent(res, m[1], m[2]);
    }

    if (path === '/restapi/v1.0/subscription') {
      if (method === 'POST') return this.createSubscription(res, body);
      if (method === 'GET') {
        const records = this.subscriptions.filter((s) => !s.deleted).map((s) => this.subscriptionInfo(s));
        return sendJson(res, 200, { uri: `${this.url}/restapi/v1.0/subscription`, records });
      }
    }
    if ((m = /^\/restapi\/v1\.0\/subscription\/([^/]+)(\/renew)?$/.exec(path))) {
      const subscription = this.subscriptions.find((s) => s.id === m![1] && !s.deleted);
      if (!subscription) return notFoundParam(res, 'subscriptionId');
      if (m[2] && method === 'POST') return sendJson(res, 200, this.renew(subscription));
      if (!m[2] && method === 'GET') return sendJson(res, 200, this.subscriptionInfo(subscription));
      if (!m[2] && method === 'PUT') {
        // Update also renews; an empty body just renews.
        if (Array.isArray(body?.eventFilters)) subscription.eventFilters = body.eventFilters;
        if (typeof body?.expiresIn === 'number') subscription.expiresIn = body.expiresIn;
        return sendJson(res, 200, this.renew(subscription));
      }
      if (!m[2] && method === 'DELETE') {
        subscription.deleted = true;
        res.writeHead(204).end();
        return;
      }
    }

    if (method === 'GET' && (m = new RegExp(`^${sessions}$`).exec(path))) {
      const parties = [...this.parties.values()].filter((p) => p.telephonySessionId === m![1]);
      if (parties.length === 0) return notFoundParam(res, 'telephonySessionId');
      return sendJson(res, 200, { id: m[1], origin: { type: 'Call' }, creationTime: new Date().toISOString(), parties: parties.map((p) => this.callParty(p)) });
    }
    if ((m = new RegExp(`^${sessions}/parties/([^/]+)(/transfer|/forward)?$`).exec(path))) {
      const party = this.parties.get(`${m[1]}/${m[2]}`);
      if (m[3] === '/transfer' && method === 'POST') return this.transfer(res, m[1], m[2], party, body);
      if (m[3] === '/forward' && method === 'POST') return this.forward(res, m[1], m[2], party, body);
      if (!m[3] && method === 'GET') return party ? sendJson(res, 200, this.callParty(party)) : notFoundParam(res, 'partyId');
    }

    return notFound(res, method, path);
  }

  private token(req: http.IncomingMessage, res: http.ServerResponse, form: URLSearchParams): void {
    this.tokenRequests++;
    const expected = `Basic ${Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString('base64')}`;
    if (!safeEqual(req.headers.authorization ?? '', expected)) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Invalid client credentials', errors: [{ errorCode: 'OAU-123', message: 'Invalid client credentials' }] });
    }
    const grantType = form.get('grant_type');
    // The ttl fields (access_token_ttl, refresh_token_ttl) are ignored: after a 401 the SDK sends -1.
    if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      if (!safeEqual(form.get('assertion') ?? '', this.credentials.jwt)) return invalidGrant(res, 'Invalid JWT assertion');
    } else if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token') ?? '';
      if (!this.refreshTokens.has(refreshToken)) return invalidGrant(res, 'Token not found');
      this.refreshTokens.delete(refreshToken); // refresh tokens rotate on use
    } else {
      return sendJson(res, 400, { error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${grantType}` });
    }
    const accessToken = `at-${randomBytes(12).toString('hex')}`;
    const refreshToken = `rt-${randomBytes(12).toString('hex')}`;
    this.accessTokens.add(accessToken);
    this.refreshTokens.add(refreshToken);
    sendJson(res, 200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: refreshToken,
      refresh_token_expires_in: 604800,
      scope: 'SMS ReadMessages CallControl ReadCallRecording AI WebhookSubscriptions',
      owner_id: EXTENSION_ID,
      endpoint_id: 'e1',
    });
  }

  /** Used by `platform.logout()`. */
  private revoke(req: http.IncomingMessage, res: http.ServerResponse, form: URLSearchParams): void {
    const expected = `Basic ${Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString('base64')}`;
    if (!safeEqual(req.headers.authorization ?? '', expected)) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Invalid client credentials' });
    }
    const token = form.get('token') ?? '';
    this.accessTokens.delete(token);
    this.refreshTokens.delete(token);
    sendJson(res, 200, {});
  }

  private sendSms(req: http.IncomingMessage, res: http.ServerResponse, body: any): void {
    this.smsAttempts++;
    const from = body?.from?.phoneNumber;
    if (from !== this.businessNumber) {
      const message = `Phone number [${String(from)}] doesn't belong to extension`;
      return sendJson(res, 403, { errorCode: 'MSG-304', message, errors: [{ errorCode: 'MSG-304', message, parameterName: 'from' }] });
    }
    const to = body?.to;
    if (!Array.isArray(to) || to.length === 0 || !to.every((t: any) => typeof t?.phoneNumber === 'string' && t.phoneNumber !== '')) {
      return invalidParameter(res, 'to');
    }
    const text = body?.text;
    if (typeof text !== 'string' || text.length < 1 || text.length > 1000) return invalidParameter(res, 'text');

    const outcome = this.smsOutcomes.shift();
    if (outcome === 'drop') {
      req.socket.destroy();
      return;
    }
    if (outcome !== undefined && outcome !== 'hang' && !(outcome instanceof HeldSmsControl)) return smsFailure(res, outcome);

    const sms: SentSms = { id: String(this.nextMessageId++), from, to: to.map((t: { phoneNumber: string }) => t.phoneNumber), text, at: new Date(), status: 'Queued' };
    this.sentSms.push(sms);
    this.events.emit('sms', sms);
    this.lastModified.set(sms.id, sms.at);
    if (outcome === 'hang') {
      req.socket.destroy(); // the SMS went out but the client never learns it
      return;
    }
    if (outcome instanceof HeldSmsControl) {
      outcome.hold(sms, res, (answer) => (answer.status === 200 ? sendJson(res, 200, this.messageRecord(sms)) : smsFailure(res, answer)));
      return;
    }
    sendJson(res, 200, this.messageRecord(sms));
  }

  /** For reconciling a send whose answer was lost. Newest first, like RingCentral. */
  private listMessages(res: http.ServerResponse, query: URLSearchParams): void {
    const directions = query.getAll('direction');
    const types = query.getAll('messageType');
    const dateFrom = query.get('dateFrom') ? new Date(query.get('dateFrom')!) : undefined;
    const dateTo = query.get('dateTo') ? new Date(query.get('dateTo')!) : undefined;
    const phone = digits(query.get('phoneNumber') ?? '');
    // Everything this fake stores is an outbound SMS.
    const kindMatches = (directions.length === 0 || directions.includes('Outbound')) && (types.length === 0 || types.includes('SMS'));
    const records = (kindMatches ? this.sentSms : [])
      .filter((s) => !dateFrom || s.at >= dateFrom)
      .filter((s) => !dateTo || s.at <= dateTo)
      .filter((s) => !phone || [s.from, ...s.to].some((n) => digits(n) === phone))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || Number(b.id) - Number(a.id))
      .map((s) => this.messageRecord(s));
    sendJson(res, 200, {
      uri: `${this.url}/restapi/v1.0/account/${ACCOUNT_ID}/extension/${EXTENSION_ID}/message-store`,
      records,
      paging: { page: 1, totalPages: 1, perPage: 100, totalElements: records.length, pageStart: 0, pageEnd: Math.max(records.length - 1, 0) },
      navigation: {},
    });
  }

  private async createSubscription(res: http.ServerResponse, body: any): Promise<void> {
    const eventFilters = body?.eventFilters;
    if (!Array.isArray(eventFilters) || eventFilters.length === 0 || !eventFilters.every((f: unknown) => typeof f === 'string')) {
      return sendJson(res, 400, { errorCode: 'SUB-508', message: 'Event filters are invalid', errors: [{ errorCode: 'SUB-508', message: 'Event filters are invalid', parameterName: 'eventFilters' }] });
    }
    const mode = body?.deliveryMode;
    if (mode?.transportType !== 'WebHook') return invalidParameter(res, 'deliveryMode.transportType');
    if (typeof mode.address !== 'string' || mode.address === '') return invalidParameter(res, 'deliveryMode.address');
    const expiresIn = body.expiresIn ?? DEFAULT_EXPIRES_IN;
    if (typeof expiresIn !== 'number' || !(expiresIn > 0)) return invalidParameter(res, 'expiresIn');

    const failure = await validateWebhook(mode.address);
    if (failure) {
      this.validationFailures.push({ address: mode.address, reason: failure, at: new Date() });
      const message = 'WebHook server response is invalid';
      return sendJson(res, 400, { errorCode: 'SUB-525', message, errors: [{ errorCode: 'SUB-525', message }] });
    }
    const subscription: FakeSubscription = {
      id: randomUUID(),
      address: mode.address,
      verificationToken: typeof mode.verificationToken === 'string' ? mode.verificationToken : undefined,
      eventFilters,
      expiresIn,
      expirationTime: new Date(Date.now() + expiresIn * 1000),
      renewals: 0,
      deleted: false,
    };
    this.subscriptions.push(subscription);
    this.subscriptionCreated.set(subscription.id, new Date());
    sendJson(res, 200, this.subscriptionInfo(subscription));
  }

  private renew(subscription: FakeSubscription): unknown {
    subscription.renewals++;
    subscription.expirationTime = new Date(Date.now() + subscription.expiresIn * 1000);
    return this.subscriptionInfo(subscription);
  }

  private transfer(res: http.ServerResponse, telephonySessionId: string, partyId: string, party: FakeParty | undefined, body: any): void {
    const targets = ['extensionNumber', 'phoneNumber', 'extensionId'].filter((k) => body?.[k] !== undefined && body?.[k] !== null);
    if (targets.length !== 1) {
      const message = 'Exactly one of [extensionNumber, phoneNumber, extensionId] is required';
      return sendJson(res, 400, { errorCode: 'CMN-101', message, errors: [{ errorCode: 'CMN-101', message }] });
    }
    if (!party) return notFoundParam(res, 'partyId');
    if (party.status !== 'Answered' && party.status !== 'Hold') {
      return sendJson(res, 409, { errorCode: 'TAS-102', message: 'Incorrect State', errors: [{ errorCode: 'TAS-102', message: 'Incorrect State' }] });
    }
    this.transfers.push({ telephonySessionId, partyId, body });
    party.status = 'Gone';
    party.reason = 'BlindTransfer';
    sendJson(res, 200, this.callParty(party));
  }

  /** RingCentral AI takes the job (202 with its id) and answers later at the webhook; see completeTranscription. */
  private startTranscription(res: http.ServerResponse, query: URLSearchParams, body: any): void {
    this.transcriptionAttempts++;
    const outcome = this.transcriptionOutcomes.shift();
    if (outcome !== undefined) {
      const [errorCode, message] = outcome === 403 ? ['CAI-103', 'Application does not have the AI permission'] : ['CAI-500', 'Internal Server Error'];
      return sendJson(res, outcome, { errors: [{ errorCode, message }] });
    }
    const webhook = query.get('webhook');
    if (!webhook || !/^https?:\/\//.test(webhook)) {
      return sendJson(res, 400, { errors: [{ errorCode: 'CAI-101', message: 'Invalid webhook URI', parameterName: 'webhook' }] });
    }
    if (typeof body?.contentUri !== 'string' || body.contentUri === '') {
      return sendJson(res, 400, { errors: [{ errorCode: 'CAI-101', message: 'contentUri is required', parameterName: 'contentUri' }] });
    }
    const jobId = randomUUID();
    this.transcriptionJobs.push({ jobId, webhook, request: body });
    sendJson(res, 202, { jobId });
  }

  /** Pre-call control: only a ringing party (Setup, Proceeding) can be forwarded. */
  private forward(res: http.ServerResponse, telephonySessionId: string, partyId: string, party: FakeParty | undefined, body: any): void {
    this.forwardAttempts++;
    const outcome = this.forwardOutcomes.shift();
    if (outcome) {
      const [errorCode, message] = outcome.status === 429 ? ['CMN-301', 'Request rate exceeded'] : ['CMN-500', 'Internal Server Error'];
      const headers: Record<string, string> = outcome.retryAfterSeconds === undefined ? {} : { 'retry-after': String(outcome.retryAfterSeconds) };
      return sendJson(res, outcome.status, { errorCode, message, errors: [{ errorCode, message }] }, headers);
    }
    const targets = ['phoneNumber', 'voicemail', 'extensionNumber'].filter((k) => body?.[k] !== undefined && body?.[k] !== null);
    if (targets.length !== 1) {
      const message = 'Exactly one of [phoneNumber, voicemail, extensionNumber] is required';
      return sendJson(res, 400, { errorCode: 'CMN-101', message, errors: [{ errorCode: 'CMN-101', message }] });
    }
    if (body.voicemail !== undefined && body.voicemail !== EXTENSION_ID) return invalidParameter(res, 'voicemail');
    if (body.phoneNumber !== undefined && !/^\+[1-9]\d{7,14}$/.test(String(body.phoneNumber))) return invalidParameter(res, 'phoneNumber');
    if (!party) return notFoundParam(res, 'partyId');
    if (party.status !== 'Setup' && party.status !== 'Proceeding') {
      return sendJson(res, 409, { errorCode: 'TAS-102', message: 'Incorrect State', errors: [{ errorCode: 'TAS-102', message: 'Incorrect State' }] });
    }
    this.forwards.push({ telephonySessionId, partyId, body });
    if (body.voicemail !== undefined) {
      party.status = 'VoiceMail';
    } else {
      party.status = 'Gone';
      party.reason = 'CallRedirected';
    }
    sendJson(res, 200, this.callParty(party));
  }

  private voicemailContent(res: http.ServerResponse, messageId: string, attachmentId: string): void {
    const voicemail = this.voicemails.find((v) => v.id === messageId);
    if (!voicemail) return notFoundParam(res, 'messageId');
    if (attachmentId === `${messageId}1`) {
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': 4 }).end(Buffer.from([0xff, 0xfb, 0x90, 0x00]));
      return;
    }
    const ready = voicemail.transcriptionStatus === 'Completed' || voicemail.transcriptionStatus === 'CompletedPartially';
    if (attachmentId !== `${messageId}2` || !ready) return notFoundParam(res, 'attachmentId');
    const text = voicemail.transcript;
    res.writeHead(200, { 'content-type': 'text/plain;charset=utf-8', 'content-length': Buffer.byteLength(text), rcrequestid: randomUUID() }).end(text);
  }

  // ---- wire shapes --------------------------------------------------------------------------

  private messageUri(id: string): string {
    return `${this.url}/restapi/v1.0/account/${ACCOUNT_ID}/extension/${EXTENSION_ID}/message-store/${id}`;
  }

  /** A message-store record; `id` is a number on the REST API. */
  private messageRecord(sms: SentSms): unknown {
    return {
      uri: this.messageUri(sms.id),
      id: Number(sms.id),
      type: 'SMS',
      direction: 'Outbound',
      messageStatus: sms.status,
      to: sms.to.map((phoneNumber) => ({ phoneNumber, messageStatus: sms.status })),
      from: { phoneNumber: sms.from, name: 'Hibachi Catering' },
      subject: sms.text,
      creationTime: sms.at.toISOString(),
      lastModifiedTime: (this.lastModified.get(sms.id) ?? sms.at).toISOString(),
      readStatus: 'Read',
      priority: 'Normal',
      availability: 'Alive',
      smsSendingAttemptsCount: 1,
      attachments: [{ id: Number(sms.id), uri: `${this.messageUri(sms.id)}/content/${sms.id}`, type: 'Text', contentType: 'text/plain' }],
    };
  }

  /** A VoiceMail message-store record; its AudioTranscription attachment appears once transcription is done. */
  private voicemailRecord(voicemail: FakeVoicemail): unknown {
    const ready = voicemail.transcriptionStatus === 'Completed' || voicemail.transcriptionStatus === 'CompletedPartially';
    const uri = this.messageUri(voicemail.id);
    return {
      uri,
      id: Number(voicemail.id),
      to: [{ phoneNumber: this.businessNumber, name: 'Hibachi Catering' }],
      from: { phoneNumber: voicemail.from, location: '' },
      type: 'VoiceMail',
      creationTime: voicemail.at.toISOString(),
      lastModifiedTime: (this.lastModified.get(voicemail.id) ?? voicemail.at).toISOString(),
      readStatus: 'Unread',
      priority: 'Normal',
      attachments: [
        { id: Number(`${voicemail.id}1`), uri: `${uri}/content/${voicemail.id}1`, type: 'AudioRecording', contentType: 'audio/mpeg', vmDuration: 27 },
        ...(ready ? [{ id: Number(`${voicemail.id}2`), uri: `${uri}/content/${voicemail.id}2`, type: 'AudioTranscription', contentType: 'text/plain' }] : []),
      ],
      direction: 'Inbound',
      availability: 'Alive',
      messageStatus: 'Received',
      vmTranscriptionStatus: voicemail.transcriptionStatus,
    };
  }

  private subscriptionInfo(subscription: FakeSubscription): unknown {
    return {
      uri: `${this.url}/restapi/v1.0/subscription/${subscription.id}`,
      id: subscription.id,
      creationTime: (this.subscriptionCreated.get(subscription.id) ?? new Date()).toISOString(),
      status: 'Active',
      eventFilters: subscription.eventFilters,
      disabledFilters: [],
      expirationTime: subscription.expirationTime.toISOString(),
      expiresIn: Math.max(0, Math.round((subscription.expirationTime.getTime() - Date.now()) / 1000)),
      deliveryMode: { transportType: 'WebHook', encryption: false, address: subscription.address },
    };
  }

  private callParty(party: FakeParty): unknown {
    return {
      id: party.partyId,
      status: { code: party.status, ...(party.reason ? { reason: party.reason } : {}) },
      direction: 'Inbound',
      from: { phoneNumber: party.from ?? CALLER_NUMBER },
      to: { phoneNumber: this.businessNumber, extensionId: EXTENSION_ID },
      owner: { accountId: ACCOUNT_ID, extensionId: EXTENSION_ID },
      accountId: ACCOUNT_ID,
      extensionId: EXTENSION_ID,
      muted: false,
      standAlone: false,
      park: {},
    };
  }
}

class HeldSmsControl implements HeldSms {
  readonly arrived: Promise<SentSms>;
  readonly abandoned: Promise<void>;
  isAbandoned = false;
  private onArrived!: (sms: SentSms) => void;
  private onAbandoned!: () => void;
  private answer: ((answer: { status: number }) => void) | null = null;
  private pending: { status: number } | null = null;

  constructor() {
    this.arrived = new Promise((resolve) => (this.onArrived = resolve));
    this.abandoned = new Promise((resolve) => (this.onAbandoned = resolve));
  }

  hold(sms: SentSms, res: http.ServerResponse, answer: (answer: { status: number }) => void): void {
    // The response closing before it was sent means the client went away without its answer.
    res.once('close', () => {
      if (res.writableFinished) return;
      this.isAbandoned = true;
      this.onAbandoned();
    });
    this.answer = (reply) => {
      if (!this.isAbandoned && !res.writableEnded) answer(reply);
    };
    this.onArrived(sms);
    if (this.pending) this.answer(this.pending);
  }

  release(answer: { status: number } = { status: 200 }): void {
    if (this.answer) this.answer(answer);
    else this.pending = answer;
  }
}

/**
 * RingCentral's handshake: POST to the address with a random Validation-Token header and an empty
 * body; it must answer 200 echoing the header within 3 s. Returns why it failed, or null.
 */
async function validateWebhook(address: string): Promise<string | null> {
  const token = randomBytes(16).toString('hex');
  try {
    const reply = await post(address, '', { 'validation-token': token, 'content-type': 'application/json', 'user-agent': 'RingCentral-Webhook/8.3' }, HANDSHAKE_TIMEOUT_MS);
    if (reply.status !== 200) return `status ${reply.status}`;
    const echoed = reply.headers['validation-token'];
    if (echoed !== token) return `Validation-Token header ${echoed === undefined ? 'missing' : `was ${JSON.stringify(echoed)}`}`;
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A plain-http POST with an overall deadline (https addresses are not supported). */
async function post(address: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<HttpReply> {
  if (new URL(address).protocol !== 'http:') throw new Error(`fake RingCentral: only http: addresses are supported, got ${address}`);
  return httpRequest('POST', address, { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body, timeoutMs);
}

/** A plain-http GET (the AI service fetching media): status only. */
function get(address: string): Promise<{ status: number }> {
  return new Promise((resolve) => {
    const req = http.get(address, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', () => resolve({ status: 0 }));
  });
}

/** RingCentral AI's `response`: the transcript, its utterances with word timings, and every word. */
function speechToTextResponse(turns: Array<{ speakerId: string; text: string }>): unknown {
  let clock = 0.16;
  const utterances = turns.map((turn) => {
    const start = clock;
    const wordTimings = turn.text.split(/\s+/).filter(Boolean).map((word) => {
      const timing = { confidence: 0.87, end: Number((clock + 0.3).toFixed(2)), speakerId: turn.speakerId, start: Number(clock.toFixed(2)), word: word.toLowerCase().replace(/[^\w']/g, '') };
      clock += 0.4;
      return timing;
    });
    return { confidence: 0.87, end: Number(clock.toFixed(2)), speakerId: turn.speakerId, start: Number(start.toFixed(2)), text: turn.text, wordTimings };
  });
  const words = utterances.flatMap((u) => u.wordTimings.map(({ speakerId: _speaker, ...word }) => word));
  return { confidence: 0.9, transcript: turns.map((turn) => turn.text).join(' '), utterances, words };
}

function smsFailure(res: http.ServerResponse, outcome: { status: number; retryAfterSeconds?: number }): void {
  const headers: Record<string, string> = outcome.retryAfterSeconds === undefined ? {} : { 'retry-after': String(outcome.retryAfterSeconds) };
  const [errorCode, message] =
    outcome.status === 429
      ? ['CMN-301', 'Request rate exceeded']
      : outcome.status === 503
        ? ['MSG-290', 'SMS sending failed, please try later']
        : outcome.status === 401
          ? ['OAU-128', 'Access token expired']
          : ['CMN-500', `fake error ${outcome.status}`];
  sendJson(res, outcome.status, { errorCode, message, errors: [{ errorCode, message }] }, headers);
}

function invalidGrant(res: http.ServerResponse, description: string): void {
  sendJson(res, 400, { error: 'invalid_grant', error_description: description, errors: [{ errorCode: 'OAU-140', message: description }] });
}

function invalidParameter(res: http.ServerResponse, parameterName: string): void {
  const message = `Parameter [${parameterName}] value is invalid`;
  sendJson(res, 400, { errorCode: 'CMN-101', message, errors: [{ errorCode: 'CMN-101', message, parameterName }] });
}

function notFoundParam(res: http.ServerResponse, parameterName: string): void {
  const message = `Resource for parameter [${parameterName}] is not found`;
  sendJson(res, 404, { errorCode: 'CMN-102', message, errors: [{ errorCode: 'CMN-102', message, parameterName }] });
}

function notFound(res: http.ServerResponse, method: string, path: string): void {
  const message = `fake RingCentral: no route ${method} ${path}`;
  sendJson(res, 404, { errorCode: 'CMN-102', message, errors: [{ errorCode: 'CMN-102', message }] });
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  sendJsonBody(res, status, payload, { rcrequestid: randomUUID(), ...headers });
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The server environment that points the real RingCentral adapter at this fake. */
export function ringCentralEnv(rc: FakeRingCentral, webhookToken: string): Record<string, string> {
  return {
    RINGCENTRAL_SERVER_URL: rc.url,
    RINGCENTRAL_CLIENT_ID: rc.credentials.clientId,
    RINGCENTRAL_CLIENT_SECRET: rc.credentials.clientSecret,
    RINGCENTRAL_JWT: rc.credentials.jwt,
    RINGCENTRAL_FROM_NUMBER: rc.businessNumber,
    RINGCENTRAL_WEBHOOK_TOKEN: webhookToken,
  };
}

import { createHmac } from 'node:crypto';
import type { CallTranscriptResult } from '../telephony/telephony.port';
import { WebhookProvider } from '../../modules/webhooks/webhook-event.entity';
import { sameSecret, UnknownPayload, type InboundEvent, type WebhookSource } from '../../modules/webhooks/webhook-provider';
import { speechToTextResultOf, type SpeechToTextCallback } from './ringcentral.mapper';

export interface CallTranscriptPayload {
  phoneCallId: string;
  result: CallTranscriptResult;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A long call's callback lists every word with its timing: it can pass 1 MB. */
const MAX_CALLBACK_BYTES = 16 * 1024 * 1024;

/** The secret for one call's callback: a leaked address lets nobody post a transcript for another call. */
function callbackToken(secret: string, phoneCallId: string): string {
  return createHmac('sha256', secret).update(`call-transcript:${phoneCallId}`).digest('base64url');
}

/** Where RingCentral AI posts the transcript of this call's recording. */
export function transcriptCallbackUrl(baseUrl: string, secret: string, phoneCallId: string): string {
  const url = new URL(`${baseUrl.replace(/\/$/, '')}/webhooks/${WebhookProvider.RINGCENTRAL_AI}`);
  url.searchParams.set('call', phoneCallId);
  url.searchParams.set('token', callbackToken(secret, phoneCallId));
  return url.toString();
}

/**
 * POST /webhooks/ringcentral-ai: the results of the speech-to-text jobs we start on call
 * recordings. RingCentral AI neither signs its callbacks nor sends a token header, so each
 * job's callback address names its call and carries a secret derived from it (see
 * transcriptCallbackUrl); the inbox keeps one event per job.
 */
export class RingCentralTranscriptSource implements WebhookSource {
  readonly provider = WebhookProvider.RINGCENTRAL_AI;
  readonly maxBodyBytes = MAX_CALLBACK_BYTES;

  constructor(
    private readonly secret: string,
    private readonly transcribed: (phoneCallId: string, result: CallTranscriptResult) => Promise<void>,
  ) {}

  verify(_raw: Buffer, _headers: unknown, query: Record<string, unknown>): { ok: true } | { ok: false; reason: 'missing-signature' | 'bad-token' } {
    const { call, token } = query;
    if (typeof call !== 'string' || typeof token !== 'string' || call === '' || token === '') return { ok: false, reason: 'missing-signature' };
    return sameSecret(token, callbackToken(this.secret, call)) ? { ok: true } : { ok: false, reason: 'bad-token' };
  }

  split(body: unknown, query: Record<string, unknown>): InboundEvent[] {
    const callback = body as SpeechToTextCallback | null;
    if (!callback || typeof callback.jobId !== 'string' || callback.jobId === '' || typeof callback.status !== 'string') {
      throw new UnknownPayload('Not a RingCentral speech-to-text result: jobId and status are required.');
    }
    if (typeof query.call !== 'string' || !UUID.test(query.call)) throw new UnknownPayload('The callback address names no call.');
    // Only what we use is kept: the words and their timings are most of the body.
    const payload: CallTranscriptPayload = { phoneCallId: query.call, result: speechToTextResultOf(callback.jobId, callback) };
    return [{ eventId: `speech-to-text:${callback.jobId}`, kind: 'call-transcript', payload }];
  }

  async apply(kind: string, payload: unknown): Promise<void> {
    if (kind !== 'call-transcript') throw new Error(`unknown RingCentral AI event kind ${kind}`);
    const { phoneCallId, result } = payload as CallTranscriptPayload;
    await this.transcribed(phoneCallId, result);
  }
}

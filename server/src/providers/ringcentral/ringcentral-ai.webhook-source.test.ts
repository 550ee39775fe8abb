import { describe, expect, it } from 'vitest';
import type { CallTranscriptResult } from '../telephony/telephony.port';
import { UnknownPayload } from '../../modules/webhooks/webhook-provider';
import { RingCentralTranscriptSource, transcriptCallbackUrl, type CallTranscriptPayload } from './ringcentral-ai.webhook-source';

const SECRET = 'token-0123456789abcdef';
const CALL = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const applied: Array<{ phoneCallId: string; result: CallTranscriptResult }> = [];
const source = new RingCentralTranscriptSource(SECRET, async (phoneCallId, result) => void applied.push({ phoneCallId, result }));

/** The query our callback address carries, as RingCentral AI will call it. */
function queryOf(phoneCallId: string): Record<string, unknown> {
  return Object.fromEntries(new URL(transcriptCallbackUrl('https://api.example.com/', SECRET, phoneCallId)).searchParams);
}

function resultOf(body: unknown): CallTranscriptResult {
  const [event] = source.split(body, queryOf(CALL));
  return (event.payload as CallTranscriptPayload).result;
}

describe('RingCentral AI speech-to-text callbacks', () => {
  it('addresses each call’s callback on our webhook route, with a token only that call’s address verifies', () => {
    const url = new URL(transcriptCallbackUrl('https://api.example.com/', SECRET, CALL));
    expect(`${url.origin}${url.pathname}`).toBe('https://api.example.com/webhooks/ringcentral-ai');
    expect(source.verify(Buffer.alloc(0), {}, queryOf(CALL))).toEqual({ ok: true });
    expect(source.verify(Buffer.alloc(0), {}, { ...queryOf(CALL), call: '00000000-0000-4000-8000-000000000000' })).toEqual({ ok: false, reason: 'bad-token' });
    expect(source.verify(Buffer.alloc(0), {}, { call: CALL })).toEqual({ ok: false, reason: 'missing-signature' });
  });

  it('joins a speaker’s consecutive utterances into one turn, one line per turn', () => {
    const result = resultOf({
      jobId: 'job-1',
      status: 'Success',
      response: {
        transcript: 'ignored when there are speakers',
        utterances: [
          { speakerId: '0', text: 'Hibachi Catering, how can I help?' },
          { speakerId: '1', text: 'Hi.' },
          { speakerId: '1', text: ' I need a chef for Saturday. ' },
          { speakerId: '0', text: '' },
          { speakerId: '0', text: 'Sure.' },
        ],
      },
    });
    expect(result).toEqual({ jobId: 'job-1', outcome: 'TRANSCRIBED', text: 'Speaker 1: Hibachi Catering, how can I help?\nSpeaker 2: Hi. I need a chef for Saturday.\nSpeaker 1: Sure.' });
  });

  it('falls back to the plain transcript when speakers were not told apart', () => {
    expect(resultOf({ jobId: 'job-2', status: 'Success', response: { transcript: ' Call me back please. ', utterances: [{ text: 'Call me back please.' }] } })).toEqual({
      jobId: 'job-2',
      outcome: 'TRANSCRIBED',
      text: 'Call me back please.',
    });
  });

  it('reports a failed job with the first message RingCentral gives', () => {
    expect(resultOf({ jobId: 'job-3', status: 'Fail', response: { errors: [{ errorCode: 'CAI-105', message: 'Unable to download media' }] } })).toEqual({
      jobId: 'job-3',
      outcome: 'FAILED',
      error: 'RingCentral could not transcribe the recording (Fail): Unable to download media',
    });
    expect(resultOf({ jobId: 'job-4', status: 'Fail' })).toMatchObject({ error: 'RingCentral could not transcribe the recording (Fail).' });
  });

  it('keys the event by job, and applies it to the call the address names', async () => {
    const events = source.split({ jobId: 'job-5', status: 'Success', response: { transcript: 'Hello' } }, queryOf(CALL));
    expect(events.map((e) => [e.eventId, e.kind])).toEqual([['speech-to-text:job-5', 'call-transcript']]);
    await source.apply(events[0].kind, JSON.parse(JSON.stringify(events[0].payload)));
    expect(applied).toEqual([{ phoneCallId: CALL, result: { jobId: 'job-5', outcome: 'TRANSCRIBED', text: 'Hello' } }]);
  });

  it('refuses bodies that are not a job result, and addresses that name no call', () => {
    expect(() => source.split({ status: 'Success' }, queryOf(CALL))).toThrow(UnknownPayload);
    expect(() => source.split({ jobId: 'job-6' }, queryOf(CALL))).toThrow(UnknownPayload);
    expect(() => source.split({ jobId: 'job-6', status: 'Success' }, { call: 'not-a-call' })).toThrow(UnknownPayload);
  });
});

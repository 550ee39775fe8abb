import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { WebhookProvider } from './webhook-event.entity';

/** Why a request was refused before anything was stored; counted per provider. */
export type RejectionReason = 'missing-signature' | 'bad-signature' | 'bad-token' | 'malformed-body' | 'unknown-payload';

export type Verdict = { ok: true } | { ok: false; reason: RejectionReason };

export interface InboundEvent {
  /** The provider's unique id for the event: the dedupe key. */
  eventId: string;
  kind: string;
  payload: unknown;
}

/** An answer to give without storing anything (RingCentral's validation handshake, Meta's GET challenge). */
export interface DirectAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * What each provider plugs into the webhook inbox: how to check a request on its raw bytes,
 * how to split a delivery into events, and how to apply one event through our services.
 */
export interface WebhookSource {
  provider: WebhookProvider;
  /** Requests answered directly (handshakes), or null to continue. Runs before verification. */
  answerDirectly?(request: { method: string; headers: IncomingHttpHeaders; query: Record<string, unknown> }): DirectAnswer | null;
  /** Bodies larger than this are refused unread; 1 MB when not set. */
  maxBodyBytes?: number;
  /**
   * Checks the request's signature or token on the raw body (or, for callbacks we addressed, the
   * query). May answer later when the check needs a look-up (Plaid fetches its signing key).
   */
  verify(rawBody: Buffer, headers: IncomingHttpHeaders, query: Record<string, unknown>): Verdict | Promise<Verdict>;
  /** Splits a verified, parsed delivery into events; throws UnknownPayload if it is not one this source knows. */
  split(body: unknown, query: Record<string, unknown>): InboundEvent[];
  /** Applies one event; throws to have the queue retry it later. Must be safe to run twice. */
  apply(kind: string, payload: unknown): Promise<void>;
}

export class UnknownPayload extends Error {}

/** Compares a secret a request carries with ours; hashed first, so it takes the same time whatever the lengths. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

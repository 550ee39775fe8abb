import type { IncomingHttpHeaders } from 'node:http';
import { OAuth2Client } from 'google-auth-library';
import { WebhookProvider } from '../../modules/webhooks/webhook-event.entity';
import { UnknownPayload, type InboundEvent, type Verdict, type WebhookSource } from '../../modules/webhooks/webhook-provider';
import type { Logger } from '../../shared/logger';

/** Business Profile notification types that concern a review. */
const REVIEW_TYPES = new Set(['NEW_REVIEW', 'UPDATED_REVIEW']);
const REVIEW_NAME = /^accounts\/[^/]+\/locations\/[^/]+\/reviews\/[^/]+$/;

export interface GoogleNotificationHandlers {
  /** A review was written or edited: fetch it and hand it to the reviews module. */
  reviewChanged(reviewName: string): Promise<void>;
}

interface StoredReviewEvent {
  reviewName: string;
  type: string;
}

/**
 * POST /webhooks/google: Business Profile notifications pushed by Pub/Sub. Each push carries an
 * OIDC token Google signs for the subscription's service account; it is verified with
 * google-auth-library (signature against Google's certificates, issuer, expiry, audience), then
 * its email must be the configured service account's, verified. The message is base64 JSON
 * `{ type, review, location }`; a review's news fetches that review (applying is safe twice).
 */
export class GooglePubSubWebhookSource implements WebhookSource {
  readonly provider = WebhookProvider.GOOGLE;
  private readonly verifier: OAuth2Client;

  constructor(
    private readonly options: { audience: string; serviceAccount: string; certsUrl: string },
    private readonly handlers: GoogleNotificationHandlers,
    private readonly logger: Logger,
  ) {
    this.verifier = new OAuth2Client({ endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl }, transporterOptions: { timeout: 10_000 } });
  }

  async verify(_raw: Buffer, headers: IncomingHttpHeaders): Promise<Verdict> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
    if (!match) return { ok: false, reason: 'missing-signature' };
    try {
      const ticket = await this.verifier.verifyIdToken({ idToken: match[1], audience: this.options.audience });
      const claims = ticket.getPayload();
      if (!claims || claims.email !== this.options.serviceAccount || claims.email_verified !== true) return { ok: false, reason: 'bad-token' };
      return { ok: true };
    } catch (error) {
      // The reason only (expired, wrong audience, bad signature), never the token.
      this.logger.debug({ err: (error as Error).message.split('\n')[0].slice(0, 200) }, 'Google push token refused');
      return { ok: false, reason: 'bad-signature' };
    }
  }

  split(body: unknown): InboundEvent[] {
    const push = body as { message?: { data?: unknown; messageId?: unknown; message_id?: unknown } } | null;
    const message = push?.message;
    const messageId = message?.messageId ?? message?.message_id;
    if (!message || typeof messageId !== 'string' || messageId === '') throw new UnknownPayload('not a Pub/Sub push: message.messageId is missing');
    let notification: { type?: unknown; review?: unknown; location?: unknown };
    try {
      notification = JSON.parse(Buffer.from(typeof message.data === 'string' ? message.data : '', 'base64').toString('utf8')) as typeof notification;
    } catch {
      throw new UnknownPayload('the Pub/Sub message data is not base64 JSON');
    }
    const type = typeof notification?.type === 'string' ? notification.type : 'UNKNOWN';
    const eventId = `pubsub:${messageId}`;
    if (REVIEW_TYPES.has(type) && typeof notification.review === 'string' && REVIEW_NAME.test(notification.review)) {
      return [{ eventId, kind: 'review-changed', payload: { reviewName: notification.review, type } satisfies StoredReviewEvent }];
    }
    // Other notifications (questions, media, Google updates...) are acknowledged and left alone.
    return [{ eventId, kind: 'ignored', payload: { type } }];
  }

  async apply(kind: string, payload: unknown): Promise<void> {
    if (kind === 'review-changed') await this.handlers.reviewChanged((payload as StoredReviewEvent).reviewName);
  }
}

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AdvisoryLock, withAdvisoryLock } from '../../shared/db/advisory-lock';
import type { UnitOfWork } from '../../shared/db/unit-of-work';
import { generateToken, hashToken } from '../../shared/auth/tokens';
import { userFailure } from '../../shared/graphql/user-errors';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { GoogleApiFailure, type GoogleBusinessProvider, type GoogleBusinessSession, type GoogleTokens } from '../../providers/google/google-business.port';
import { toIncomingReview, UnusableGoogleReview } from '../../providers/google/google-review.mapper';
import { MAX_REPLY_CHARS, ReviewSource, type IncomingReview, type ReplyPostOutcome, type ReviewIntake, type ReviewReplyPoster } from '../reviews/review-source.port';
import { BankTokenUnreadable, type TokenCipher } from '../bank-feed/token-cipher';
import { GoogleConnection, StoredGoogleState, type LocationChoice } from './google-connection.entity';
import type { GoogleBusinessRepository } from './google-business.repository';

export const SYNC_GOOGLE_REVIEWS = 'google-business.sync-reviews';
/** The alert raised while the connection waits for an admin to consent again. */
export const NEEDS_RECONSENT_ALERT = 'GOOGLE_NEEDS_RECONSENT';
/** How long a consent screen's state is good for. */
const STATE_TTL_MS = 10 * 60_000;
const STATE_PREFIX = 'hbg_';
/** A stored access token this close to its expiry is refreshed instead (the client's own margin is below it). */
export const ACCESS_TOKEN_MARGIN_MS = 2 * 60_000;
/** Pages of reviews read in one sync before it stops (50 a page: 25,000 reviews). */
const MAX_REVIEW_PAGES = 500;

const NO_SYNC_YET = { lastSyncedAt: null, lastSyncAdded: 0, lastSyncUpdated: 0, lastSyncUnchanged: 0, lastSyncDeleted: 0, lastSyncError: null };

/** The alerts module's service, as this module uses it. */
export interface GoogleAlerts {
  raise(alert: { kind: string; subjectId: string; message: string }): Promise<unknown>;
  resolve(alert: { kind: string; subjectId: string }): Promise<unknown>;
}

export interface ReviewSyncCounts {
  /** Reviews Google listed. */
  listed: number;
  pages: number;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export type ReviewSyncOutcome =
  | ({ outcome: 'SYNCED' } & ReviewSyncCounts)
  | { outcome: 'NOT_CONFIGURED' | 'NOT_CONNECTED' | 'NEEDS_LOCATION' | 'NEEDS_RECONSENT' }
  | { outcome: 'FAILED'; message: string; retry: boolean };

/** What the OAuth callback page says. */
export type ConsentOutcome =
  | { ok: true; state: StoredGoogleState; locationTitle: string | null; choices: number }
  | { ok: false; status: number; code: 'STATE_INVALID' | 'STATE_EXPIRED' | 'DENIED' | 'EXCHANGE_FAILED' | 'NOT_CONFIGURED'; message: string };

const NOT_CONFIGURED_MESSAGE =
  'Google is not configured on this server (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET). Reviews entered or imported by staff still work.';

/** Raised inside a session when the refresh token is dead; the connection is already marked. */
class NeedsReconsent extends GoogleApiFailure {
  constructor() {
    super('invalid-grant', 'Google refused the stored refresh token (invalid_grant): connect Google again');
  }
}

/**
 * The Google Business Profile connection and the reviews it brings in: consent (a state stored
 * hashed and consumed once), the refresh token sealed at rest, one access-token refresh at a
 * time across instances (the token is stored for the others), the location picked, reviews
 * synced whole and handed to the reviews module, Pub/Sub news applied, and replies posted. A
 * dead refresh token (invalid_grant) marks the connection NEEDS_RECONSENT and raises an alert;
 * nothing retries it until an admin connects again.
 */
export class GoogleBusinessService implements ReviewReplyPoster {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      dataSource: DataSource;
      repository: GoogleBusinessRepository;
      jobs: JobQueue;
      logger: Logger;
      alerts: GoogleAlerts;
      /** The reviews module; absent until it is part of the server, when reviews are listed but not stored. */
      intake: ReviewIntake;
      /** Both present when Google is configured. */
      google?: { provider: GoogleBusinessProvider; cipher: TokenCipher };
    },
  ) {}

  get configured(): boolean {
    return this.deps.google !== undefined;
  }

  find(): Promise<GoogleConnection | null> {
    return this.deps.repository.find();
  }

  /** A consent URL for this admin, with a fresh single-use state good for ten minutes. */
  async consentUrl(staffUserId: string): Promise<string> {
    const google = this.requireGoogle();
    const { token, hash } = generateToken(STATE_PREFIX);
    await this.deps.uow.run((tx) => this.deps.repository.insertState(tx, { stateHash: hash, staffUserId, expiresAt: new Date(Date.now() + STATE_TTL_MS) }));
    return google.provider.consentUrl(token);
  }

  /**
   * GET /oauth/google/callback. The state is consumed first (a forged, replayed or expired one
   * stores nothing), then the code is exchanged, the account's locations listed, and the
   * connection stored with its refresh token sealed: CONNECTED on the only location (and a
   * first sync queued), NEEDS_LOCATION when an admin must pick.
   */
  async completeConsent(params: { state?: string; code?: string; error?: string }): Promise<ConsentOutcome> {
    const google = this.deps.google;
    if (!google) return { ok: false, status: 404, code: 'NOT_CONFIGURED', message: NOT_CONFIGURED_MESSAGE };
    const stored = params.state?.startsWith(STATE_PREFIX) ? await this.deps.repository.consumeState(hashToken(params.state)) : null;
    if (!stored) {
      this.deps.logger.warn('Google consent callback with a state this server did not issue or already used; refused');
      return { ok: false, status: 400, code: 'STATE_INVALID', message: 'This sign-in link is not valid or was already used. Start again with Connect Google in the console.' };
    }
    if (stored.expiresAt.getTime() <= Date.now()) {
      return { ok: false, status: 400, code: 'STATE_EXPIRED', message: 'This sign-in link expired (they last ten minutes). Start again with Connect Google in the console.' };
    }
    if (params.error || !params.code) {
      return { ok: false, status: 400, code: 'DENIED', message: 'Google did not grant access to the Business Profile. Start again with Connect Google and allow access.' };
    }

    let tokens: GoogleTokens & { refreshToken: string };
    let choices: LocationChoice[];
    try {
      tokens = await google.provider.exchangeCode(params.code);
      const session = google.provider.session(async () => tokens);
      choices = await this.discoverLocations(session);
    } catch (error) {
      if (!(error instanceof GoogleApiFailure)) throw error;
      this.deps.logger.warn({ kind: error.kind, status: error.status, err: error.message }, 'Google consent could not be completed');
      return { ok: false, status: 502, code: 'EXCHANGE_FAILED', message: 'Google did not complete the connection. Start again with Connect Google in the console.' };
    }

    const only = choices.length === 1 ? choices[0] : null;
    const connection = await this.deps.uow.run(async (tx) => {
      const existing = await this.deps.repository.lock(tx);
      const id = existing?.id ?? randomUUID();
      const refresh = google.cipher.seal(tokens.refreshToken, id);
      const access = google.cipher.seal(tokens.accessToken, id);
      const fields = {
        state: only ? StoredGoogleState.CONNECTED : StoredGoogleState.NEEDS_LOCATION,
        accountName: only?.accountName ?? null,
        accountDisplayName: only?.accountDisplayName ?? null,
        locationName: only?.name ?? null,
        locationTitle: only?.title ?? null,
        locationChoices: choices,
        refreshTokenSealed: refresh.sealed,
        refreshTokenKeyId: refresh.keyId,
        accessTokenSealed: access.sealed,
        accessTokenKeyId: access.keyId,
        accessTokenExpiresAt: tokens.expiresAt,
        connectedBy: stored.staffUserId,
        // A new consent may read another location: its first sync is still to come.
        ...NO_SYNC_YET,
      };
      if (existing) await this.deps.repository.update(tx, id, fields);
      else await this.deps.repository.insert(tx, { id, ...fields });
      if (only) await this.deps.jobs.enqueue(tx, SYNC_GOOGLE_REVIEWS, {});
      return (await this.deps.repository.find(tx))!;
    });
    await this.deps.alerts.resolve({ kind: NEEDS_RECONSENT_ALERT, subjectId: connection.id });
    this.deps.logger.info({ state: connection.state, locations: choices.length }, 'Google Business Profile connected');
    return { ok: true, state: connection.state, locationTitle: connection.locationTitle, choices: choices.length };
  }

  /** The location an admin picked among those found at consent; its first sync is queued. */
  async selectLocation(locationName: string): Promise<GoogleConnection> {
    this.requireGoogle();
    return this.deps.uow.run(async (tx) => {
      const connection = await this.deps.repository.lock(tx);
      if (!connection) throw userFailure('NOT_CONNECTED', 'Google is not connected. Choose Connect Google first.');
      if (connection.state === StoredGoogleState.NEEDS_RECONSENT) throw userFailure('NEEDS_RECONSENT', 'Google asks to be connected again before a location can be chosen. Choose Connect Google.');
      const choice = connection.locationChoices.find((candidate) => candidate.name === locationName);
      if (!choice) throw userFailure('UNKNOWN_LOCATION', 'That location is not one of the Business Profile’s locations. Pick one from the list.', 'locationName');
      await this.deps.repository.update(tx, connection.id, {
        state: StoredGoogleState.CONNECTED,
        accountName: choice.accountName,
        accountDisplayName: choice.accountDisplayName,
        locationName: choice.name,
        locationTitle: choice.title,
        ...(choice.name === connection.locationName ? {} : NO_SYNC_YET),
      });
      await this.deps.jobs.enqueue(tx, SYNC_GOOGLE_REVIEWS, {});
      return (await this.deps.repository.find(tx))!;
    });
  }

  /** Where customers write a review of the connected location (for the review request), or null. */
  async reviewLink(): Promise<string | null> {
    const connection = await this.deps.repository.find();
    if (!connection || connection.state !== StoredGoogleState.CONNECTED) return null;
    return reviewLinkOf(connection);
  }

  /** Forgets the connection and its tokens; reviews already in stay. */
  async disconnect(): Promise<void> {
    const connection = await this.deps.repository.find();
    await this.deps.uow.run((tx) => this.deps.repository.delete(tx));
    if (connection) await this.deps.alerts.resolve({ kind: NEEDS_RECONSENT_ALERT, subjectId: connection.id });
    this.deps.logger.info('Google Business Profile disconnected');
  }

  /**
   * Lists every page of the location's reviews, hands each page to the reviews module, and
   * once the listing is complete marks the stored reviews Google no longer has as deleted.
   * Never throws for Google's own answers: they are outcomes (and recorded on the connection).
   */
  async syncReviews(signal?: AbortSignal): Promise<ReviewSyncOutcome> {
    const google = this.deps.google;
    if (!google) return { outcome: 'NOT_CONFIGURED' };
    const connection = await this.deps.repository.find();
    if (!connection) return { outcome: 'NOT_CONNECTED' };
    if (connection.state === StoredGoogleState.NEEDS_RECONSENT) return { outcome: 'NEEDS_RECONSENT' };
    if (connection.state === StoredGoogleState.NEEDS_LOCATION || !connection.locationName) return { outcome: 'NEEDS_LOCATION' };
    const locationName = connection.locationName;
    const intake = this.deps.intake;
    const session = this.session();
    const counts: ReviewSyncCounts = { listed: 0, pages: 0, added: 0, updated: 0, unchanged: 0, deleted: 0 };
    const seen = new Set<string>();
    try {
      let pageToken: string | null = null;
      do {
        signal?.throwIfAborted();
        const page = await session.listReviews(locationName, pageToken);
        counts.pages += 1;
        counts.listed += page.reviews.length;
        const incoming = this.mapped(page.reviews);
        for (const review of incoming) seen.add(review.sourceName);
        if (incoming.length > 0) {
          const result = await intake.ingest(ReviewSource.GOOGLE, incoming);
          counts.added += result.added;
          counts.updated += result.updated;
          counts.unchanged += result.unchanged;
        }
        pageToken = page.nextPageToken;
      } while (pageToken && counts.pages < MAX_REVIEW_PAGES);
      // Only a complete listing says what Google no longer has. The trailing slash keeps
      // locations/1 from covering locations/12.
      if (!pageToken) counts.deleted = await intake.markMissingDeleted(ReviewSource.GOOGLE, `${locationName}/`, seen);
    } catch (error) {
      if (!(error instanceof GoogleApiFailure)) throw error;
      if (error.kind === 'invalid-grant') return { outcome: 'NEEDS_RECONSENT' };
      const staleToken = await this.forgetRefusedAccessToken(error);
      this.deps.logger.warn({ kind: error.kind, status: error.status, err: error.message }, 'Google review sync failed');
      await this.deps.repository.update(undefined, connection.id, { lastSyncError: error.message.slice(0, 500) });
      return { outcome: 'FAILED', message: error.message, retry: error.kind === 'unavailable' || staleToken };
    }
    await this.deps.repository.update(undefined, connection.id, {
      lastSyncedAt: new Date(),
      lastSyncAdded: counts.added,
      lastSyncUpdated: counts.updated,
      lastSyncUnchanged: counts.unchanged,
      lastSyncDeleted: counts.deleted,
      lastSyncError: null,
    });
    this.deps.logger.info({ ...counts }, 'Google reviews synced');
    return { outcome: 'SYNCED', ...counts };
  }

  /**
   * A Pub/Sub notification said this review is new or edited: fetch it and hand it over.
   * Throws (for the inbox to retry) only when Google did not answer.
   */
  async reviewChanged(reviewName: string): Promise<void> {
    if (!this.deps.google) return;
    const connection = await this.deps.repository.find();
    if (!connection?.locationName || connection.state !== StoredGoogleState.CONNECTED || !reviewName.startsWith(`${connection.locationName}/`)) {
      this.deps.logger.info({ state: connection?.state ?? 'NOT_CONNECTED' }, 'Google review notification for a location this server does not read; ignored');
      return;
    }
    const intake = this.deps.intake;
    try {
      const review = await this.session().getReview(reviewName);
      if (!review) {
        this.deps.logger.info('Google review from a notification is already gone; the next sync marks it');
        return;
      }
      const incoming = this.mapped([review]);
      if (incoming.length > 0) await intake.ingest(ReviewSource.GOOGLE, incoming);
    } catch (error) {
      if (error instanceof GoogleApiFailure && (await this.forgetRefusedAccessToken(error))) throw error;
      if (error instanceof GoogleApiFailure && (error.kind === 'invalid-grant' || error.kind === 'refused')) {
        this.deps.logger.warn({ kind: error.kind, err: error.message }, 'Google review from a notification could not be fetched; not retried');
        return;
      }
      throw error;
    }
  }

  /** Posts a reply on Google (PUT creates or replaces it, so posting twice leaves one reply). */
  async postReply(sourceName: string, text: string): Promise<ReplyPostOutcome> {
    if (!this.deps.google) return { outcome: 'needs-reconnect', reason: 'Google is not configured on this server.' };
    if (text.length > MAX_REPLY_CHARS) throw new Error(`a Google reply is at most ${MAX_REPLY_CHARS} characters; this one has ${text.length}`);
    const connection = await this.deps.repository.find();
    if (!connection) return { outcome: 'needs-reconnect', reason: 'Google is not connected. An admin chooses Connect Google.' };
    if (connection.state === StoredGoogleState.NEEDS_RECONSENT) return { outcome: 'needs-reconnect', reason: 'Google refused the stored access. An admin chooses Connect Google.' };
    try {
      const result = await this.session().putReply(sourceName, text);
      return result === 'gone' ? { outcome: 'review-gone' } : { outcome: 'posted', postedAt: new Date() };
    } catch (error) {
      if (error instanceof GoogleApiFailure && error.kind === 'invalid-grant') {
        return { outcome: 'needs-reconnect', reason: 'Google refused the stored access. An admin chooses Connect Google.' };
      }
      if (error instanceof GoogleApiFailure) await this.forgetRefusedAccessToken(error);
      throw error;
    }
  }

  jobs(options: { retryLimit: number; retryDelaySeconds: number; timeoutSeconds: number }): Array<JobDefinition<object>> {
    return [
      {
        name: SYNC_GOOGLE_REVIEWS,
        retryLimit: options.retryLimit,
        retryDelaySeconds: options.retryDelaySeconds,
        expireInSeconds: Math.max(options.timeoutSeconds, 120),
        concurrency: 1,
        handle: async (_job, signal) => {
          const result = await this.syncReviews(signal);
          // Only Google's silence is worth another attempt; a refused grant waits for an admin.
          if (result.outcome === 'FAILED' && result.retry) throw new Error(result.message);
        },
      },
    ];
  }

  /** The access token every call uses: the stored one while it is good, else one refresh across instances. */
  private async accessToken(): Promise<GoogleTokens> {
    const google = this.requireGoogle();
    const stored = await this.usableAccessToken();
    if (stored) return stored;
    return withAdvisoryLock(this.deps.dataSource, AdvisoryLock.GOOGLE_TOKEN_REFRESH, async () => {
      // Another instance may have refreshed while this one waited.
      const again = await this.usableAccessToken();
      if (again) return again;
      const connection = await this.deps.repository.find();
      if (!connection || connection.state === StoredGoogleState.NEEDS_RECONSENT) throw new NeedsReconsent();
      const refreshToken = this.open(connection.refreshTokenSealed, connection.refreshTokenKeyId, connection.id);
      let tokens: GoogleTokens;
      try {
        tokens = await google.provider.refresh(refreshToken);
      } catch (error) {
        if (error instanceof GoogleApiFailure && error.kind === 'invalid-grant') {
          await this.markNeedsReconsent(connection);
          throw new NeedsReconsent();
        }
        throw error;
      }
      const sealed = google.cipher.seal(tokens.accessToken, connection.id);
      await this.deps.repository.update(undefined, connection.id, { accessTokenSealed: sealed.sealed, accessTokenKeyId: sealed.keyId, accessTokenExpiresAt: tokens.expiresAt });
      this.deps.logger.info({ expiresAt: tokens.expiresAt.toISOString() }, 'Google access token refreshed');
      return tokens;
    });
  }

  private async usableAccessToken(): Promise<GoogleTokens | null> {
    const connection = await this.deps.repository.find();
    if (!connection?.accessTokenSealed || !connection.accessTokenKeyId || !connection.accessTokenExpiresAt) return null;
    if (connection.state === StoredGoogleState.NEEDS_RECONSENT) throw new NeedsReconsent();
    if (connection.accessTokenExpiresAt.getTime() - Date.now() <= ACCESS_TOKEN_MARGIN_MS) return null;
    return { accessToken: this.open(connection.accessTokenSealed, connection.accessTokenKeyId, connection.id), expiresAt: connection.accessTokenExpiresAt };
  }

  /**
   * Google answered 401 to an access token we still thought good (revoked on its side): it is
   * dropped, so the next attempt refreshes. Says whether that was the case.
   */
  private async forgetRefusedAccessToken(error: GoogleApiFailure): Promise<boolean> {
    if (error.status !== 401) return false;
    const connection = await this.deps.repository.find();
    if (connection) await this.deps.repository.update(undefined, connection.id, { accessTokenSealed: null, accessTokenKeyId: null, accessTokenExpiresAt: null });
    this.deps.logger.warn('Google refused the stored access token; the next call refreshes it');
    return true;
  }

  private async markNeedsReconsent(connection: GoogleConnection): Promise<void> {
    await this.deps.repository.update(undefined, connection.id, {
      state: StoredGoogleState.NEEDS_RECONSENT,
      accessTokenSealed: null,
      accessTokenKeyId: null,
      accessTokenExpiresAt: null,
      lastSyncError: 'Google refused the stored access (invalid_grant).',
    });
    this.deps.logger.warn('Google refused the refresh token (invalid_grant): the connection needs consent again');
    await this.deps.alerts.raise({
      kind: NEEDS_RECONSENT_ALERT,
      subjectId: connection.id,
      message: 'Google reviews stopped: Google no longer accepts this server’s access to the Business Profile. An admin opens Channels in the console and chooses Connect Google.',
    });
  }

  private session(): GoogleBusinessSession {
    return this.requireGoogle().provider.session(() => this.accessToken());
  }

  /** Every account's locations, each named under its account (as the reviews API wants). */
  private async discoverLocations(session: GoogleBusinessSession): Promise<LocationChoice[]> {
    const choices: LocationChoice[] = [];
    for (const account of await session.listAccounts()) {
      for (const location of await session.listLocations(account.name)) {
        choices.push({ name: location.name, title: location.title, accountName: account.name, accountDisplayName: account.displayName, reviewLink: location.reviewLink });
      }
    }
    return choices;
  }

  private mapped(reviews: Parameters<typeof toIncomingReview>[0][]): IncomingReview[] {
    const incoming: IncomingReview[] = [];
    for (const review of reviews) {
      try {
        incoming.push(toIncomingReview(review));
      } catch (error) {
        if (!(error instanceof UnusableGoogleReview)) throw error;
        this.deps.logger.warn({ err: error.message }, 'Google review skipped');
      }
    }
    return incoming;
  }

  private open(sealed: Buffer, keyId: string, rowId: string): string {
    try {
      return this.requireGoogle().cipher.open({ sealed, keyId }, rowId);
    } catch (error) {
      if (!(error instanceof BankTokenUnreadable)) throw error;
      this.deps.logger.error({ keyId: error.keyId }, 'the Google token could not be decrypted: check BANK_TOKEN_KEYS');
      throw new GoogleApiFailure('refused', 'the stored Google token could not be decrypted with BANK_TOKEN_KEYS');
    }
  }

  private requireGoogle(): { provider: GoogleBusinessProvider; cipher: TokenCipher } {
    if (!this.deps.google) throw userFailure('GOOGLE_NOT_CONFIGURED', NOT_CONFIGURED_MESSAGE);
    return this.deps.google;
  }
}

/** The review link of the connection's chosen location, as Google gave it at consent. */
export function reviewLinkOf(connection: Pick<GoogleConnection, 'locationName' | 'locationChoices'>): string | null {
  return connection.locationChoices.find((choice) => choice.name === connection.locationName)?.reviewLink ?? null;
}

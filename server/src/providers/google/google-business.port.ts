/**
 * Google Business Profile as this product uses it: the OAuth consent and tokens, the account
 * and location, the v4 reviews of the location and the business's replies. Names are Google's
 * resource names (`accounts/A`, `accounts/A/locations/L`, `accounts/A/locations/L/reviews/R`).
 */

/** Star ratings as Google's v4 reviews spell them. */
export type GoogleStarRating = 'STAR_RATING_UNSPECIFIED' | 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE';

/** A review as the v4 API returns it (the fields this product reads). */
export interface GoogleReview {
  name: string;
  reviewId?: string;
  reviewer?: { displayName?: string; isAnonymous?: boolean; profilePhotoUrl?: string };
  starRating?: GoogleStarRating;
  comment?: string;
  createTime?: string;
  updateTime?: string;
  reviewReply?: { comment?: string; updateTime?: string } | null;
}

export interface GoogleReviewsPage {
  reviews: GoogleReview[];
  nextPageToken: string | null;
}

export interface GoogleAccount {
  /** accounts/A */
  name: string;
  displayName: string;
}

export interface GoogleLocation {
  /** accounts/A/locations/L: the name the v4 reviews API takes. */
  name: string;
  title: string;
  /** Where a customer writes a review of it (Business Information's metadata.newReviewUri), when Google gives one. */
  reviewLink: string | null;
}

export interface GoogleTokens {
  accessToken: string;
  expiresAt: Date;
}

/**
 * Why a call to Google failed. `invalid-grant`: the refresh token is dead (revoked, expired):
 * the connection needs consent again and no retry can help. `not-found`: the resource is gone.
 * `refused`: another 4xx. `unavailable`: Google did not answer or answered 5xx (worth a retry).
 * The message never carries a token.
 */
export class GoogleApiFailure extends Error {
  constructor(
    readonly kind: 'invalid-grant' | 'not-found' | 'refused' | 'unavailable',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'GoogleApiFailure';
  }
}

/** The calls made with a connection's access token. */
export interface GoogleBusinessSession {
  listAccounts(): Promise<GoogleAccount[]>;
  listLocations(accountName: string): Promise<GoogleLocation[]>;
  /** One page of a location's reviews, at most 50. */
  listReviews(locationName: string, pageToken: string | null): Promise<GoogleReviewsPage>;
  /** The review, or null when Google no longer has it. */
  getReview(reviewName: string): Promise<GoogleReview | null>;
  /** Creates or replaces the business's reply; 'gone' when the review no longer exists. */
  putReply(reviewName: string, comment: string): Promise<'posted' | 'gone'>;
}

export interface GoogleBusinessProvider {
  /** The consent page an admin opens: business.manage, offline access, consent asked again (so a refresh token comes back). */
  consentUrl(state: string): string;
  /** Exchanges the code the consent page handed back. */
  exchangeCode(code: string): Promise<GoogleTokens & { refreshToken: string }>;
  /** A new access token from the refresh token; GoogleApiFailure('invalid-grant') when the refresh token is dead. */
  refresh(refreshToken: string): Promise<GoogleTokens>;
  /**
   * Calls made with the access token `accessToken()` hands out; the client asks it again
   * whenever the token it holds is missing or about to expire.
   */
  session(accessToken: () => Promise<GoogleTokens>): GoogleBusinessSession;
}

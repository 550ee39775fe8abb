import { describe, expect, it } from 'vitest';
import type { GoogleReview } from './google-business.port';
import { starsOf, toIncomingReview, UnusableGoogleReview } from './google-review.mapper';

const NAME = 'accounts/1/locations/2/reviews/abc';
const base: GoogleReview = { name: NAME, reviewer: { displayName: 'Dana Cruz' }, starRating: 'FIVE', comment: 'Great show!', createTime: '2026-11-20T18:00:00Z', updateTime: '2026-11-21T09:30:00Z' };

describe('starsOf', () => {
  it.each([
    ['ONE', 1],
    ['TWO', 2],
    ['THREE', 3],
    ['FOUR', 4],
    ['FIVE', 5],
    ['STAR_RATING_UNSPECIFIED', null],
    ['SIX', null],
    [undefined, null],
  ] as const)('%s is %s', (rating, stars) => {
    expect(starsOf(rating)).toBe(stars);
  });
});

describe('toIncomingReview', () => {
  it('keeps the review’s name as its source name, the reviewer, stars, words and times', () => {
    expect(toIncomingReview(base)).toEqual({
      sourceName: NAME,
      reviewerName: 'Dana Cruz',
      rating: 5,
      comment: 'Great show!',
      createdAt: new Date('2026-11-20T18:00:00Z'),
      updatedAt: new Date('2026-11-21T09:30:00Z'),
      existingReply: null,
    });
  });

  it.each([
    ['a rating without a comment', { comment: undefined }, { comment: null }],
    ['a blank comment', { comment: '   ' }, { comment: null }],
    ['an anonymous reviewer', { reviewer: { isAnonymous: true, displayName: 'x' } }, { reviewerName: 'A Google user' }],
    ['no reviewer at all', { reviewer: undefined }, { reviewerName: 'A Google user' }],
    ['no update time', { updateTime: undefined }, { updatedAt: new Date('2026-11-20T18:00:00Z') }],
    [
      'a comment Google translated',
      { comment: '(Translated by Google) Very good food\n\n(Original)\nComida muy buena' },
      { comment: 'Comida muy buena' },
    ],
    [
      'a reply the business already posted on Google',
      { reviewReply: { comment: ' Thank you! ', updateTime: '2026-11-22T10:00:00Z' } },
      { existingReply: { text: 'Thank you!', updatedAt: new Date('2026-11-22T10:00:00Z') } },
    ],
    ['an empty reply', { reviewReply: { comment: '' } }, { existingReply: null }],
  ] as const)('maps %s', (_case, change, expected) => {
    expect(toIncomingReview({ ...base, ...change } as GoogleReview)).toMatchObject(expected);
  });

  it('refuses a review without a name or a star rating', () => {
    expect(() => toIncomingReview({ ...base, name: '' })).toThrow(UnusableGoogleReview);
    expect(() => toIncomingReview({ ...base, starRating: 'STAR_RATING_UNSPECIFIED' })).toThrow(UnusableGoogleReview);
  });
});

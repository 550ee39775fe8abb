import { describe, expect, it } from 'vitest';
import { ReplyState } from './review.entity';
import { replyAfterPosting } from './reply-outcome';

const now = new Date('2026-03-20T12:00:00Z');
const waiting = { repliedAt: null, deletedAt: null };

describe('replyAfterPosting', () => {
  it('posted: the reply is out, with the time the source gave', () => {
    const postedAt = new Date('2026-03-20T11:59:58Z');
    expect(replyAfterPosting(waiting, { outcome: 'posted', postedAt }, now)).toEqual({ replyState: ReplyState.POSTED, repliedAt: postedAt, replyFailure: null, deletedAt: null });
  });

  it('review-gone: the reply is cancelled and the review marked deleted', () => {
    expect(replyAfterPosting(waiting, { outcome: 'review-gone' }, now)).toEqual({
      replyState: ReplyState.CANCELLED,
      repliedAt: null,
      replyFailure: 'The review was deleted on its source before the reply was posted.',
      deletedAt: now,
    });
  });

  it('needs-reconnect: the reply waits, visible with the reason', () => {
    expect(replyAfterPosting(waiting, { outcome: 'needs-reconnect', reason: 'the Google connection was revoked' }, now)).toEqual({
      replyState: ReplyState.SCHEDULED,
      repliedAt: null,
      replyFailure: 'Waiting: the Google connection was revoked',
      deletedAt: null,
    });
  });
});

import { ReplyState } from './review.entity';
import type { ReplyPostOutcome } from './review-source.port';

/** What a reply being posted becomes, by what the source said. */
export interface ReplyAfterPosting {
  replyState: ReplyState;
  repliedAt: Date | null;
  replyFailure: string | null;
  /** Set when the source says the review is gone. */
  deletedAt: Date | null;
}

/**
 * The reply's state after a post attempt: posted; cancelled (the review was deleted on the source
 * before it went out); or waiting again, visible with the reason, when the source must be
 * reconnected (tried again by the sweep once it can post).
 */
export function replyAfterPosting(current: { repliedAt: Date | null; deletedAt: Date | null }, outcome: ReplyPostOutcome, now: Date): ReplyAfterPosting {
  switch (outcome.outcome) {
    case 'posted':
      return { replyState: ReplyState.POSTED, repliedAt: outcome.postedAt, replyFailure: null, deletedAt: current.deletedAt };
    case 'review-gone':
      return { replyState: ReplyState.CANCELLED, repliedAt: null, replyFailure: 'The review was deleted on its source before the reply was posted.', deletedAt: current.deletedAt ?? now };
    case 'needs-reconnect':
      return { replyState: ReplyState.SCHEDULED, repliedAt: current.repliedAt, replyFailure: `Waiting: ${outcome.reason}`.slice(0, 500), deletedAt: current.deletedAt };
  }
}

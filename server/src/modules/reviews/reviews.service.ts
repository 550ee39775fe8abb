import { createHash } from 'node:crypto';
import type { ReviewReplyKind } from '../../app/config';
import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { FigureWindow } from '../../shared/figure-window';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';
import type { JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import type { AlertsService } from '../alerts/alerts.service';
import type { MessageAnalyzer } from '../assistant/assistant.port';
import type { TasksService } from '../tasks/tasks.service';
import { replyAfterPosting } from './reply-outcome';
import { chooseVariant, fillTemplate, firstNameOf, variantsFor } from './reply-templates';
import type { ReplyWriter } from './reply-writer.port';
import { ReplyState, VerificationResult, type Review, type VerificationEvidence } from './review.entity';
import {
  MAX_REPLY_CHARS,
  ReviewSource,
  type IncomingReview,
  type IngestResult,
  type ReplyPostOutcome,
  type ReviewIntake,
  type ReviewReplyPoster,
} from './review-source.port';
import { extractTopics, type Topic } from './review-topics';
import { checkReviewer, type EventCandidate } from './reviewer-check';
import { ReviewTopic, reviewSnapshot } from './reviews.events';
import type { ReviewFilter, ReviewsRepository } from './reviews.repository';

export const POST_REPLY_JOB = 'reviews.post-reply';
export const WRITE_DRAFT_JOB = 'reviews.write-draft';

/** The customers who had an event between two days (YYYY-MM-DD), with how to recognise them: reached through bookings and customers. */
export interface EventDirectory {
  eventsBetween(from: string, to: string): Promise<EventCandidate[]>;
}

export interface ReviewSettings {
  autoReplyDelayMs: number;
  verifyWindowDays: number;
  templates: Partial<Record<ReviewReplyKind, string[]>>;
  businessName: string;
  businessPhone: string | null;
  businessEmail: string | null;
  timeZone: string;
}

/** The offer a served customer's low review gets on their next event (SPEC §7). */
const OFFER_PERCENT = 10;
/** A reply an instance began posting this long ago and never finished is tried again. */
export const STALE_CLAIM_SECONDS = 600;
/** Replies in these states have not gone out: a deleted review cancels them. */
const UNSENT: ReadonlySet<ReplyState> = new Set([ReplyState.DRAFT, ReplyState.SCHEDULED, ReplyState.POSTING, ReplyState.FAILED]);

/** pg-boss job ids are UUIDs: one per review and scheduling, so one approval or automatic reply is queued once. */
function postJobId(reviewId: string, version: number): string {
  const hex = createHash('sha256').update(`review-reply:${reviewId}:${version}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Reviews and the reply policy (SPEC §7, issue 16). Sources (Google, or staff entering reviews
 * locally) bring reviews in through `ingest`; each new review gets a sentiment, the topics it
 * praises or raises, a reply by rating, and under 3 stars a check of whether the reviewer was a
 * customer, an alert to the primary extension and a task. 4-5 star replies post by themselves
 * after a delay; 1-3 star replies wait as drafts for staff.
 */
export class ReviewsService implements ReviewIntake {
  private readonly posters = new Map<ReviewSource, ReviewReplyPoster>();

  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: ReviewsRepository;
      jobs: JobQueue;
      analyzer: MessageAnalyzer;
      alerts: AlertsService;
      tasks: TasksService;
      directory: EventDirectory;
      /** Words drafts from the filled template (OpenAI when configured); without it the template is the draft. */
      writer: ReplyWriter | null;
      logger: Logger;
      settings: ReviewSettings;
    },
  ) {}

  registerReplyPoster(source: ReviewSource, poster: ReviewReplyPoster): void {
    this.posters.set(source, poster);
  }

  /** Reviews written in [from, to) and their average rating (null without any), for the weekly summary. */
  async weekFigures(range: { from: Date; to: Date }): Promise<{ reviews: number; averageRating: number | null }> {
    const totals = await this.deps.repository.totals(range);
    return { reviews: totals.reviews, averageRating: totals.averageRating };
  }

  // ---------------------------------------------------------------- intake

  async ingest(source: ReviewSource, reviews: readonly IncomingReview[]): Promise<IngestResult> {
    const result: IngestResult = { added: 0, updated: 0, unchanged: 0 };
    const known = new Map((await this.deps.repository.findBySourceNames(reviews.map((review) => review.sourceName))).map((review) => [review.sourceName, review]));
    for (const incoming of reviews) {
      if (!Number.isInteger(incoming.rating) || incoming.rating < 1 || incoming.rating > 5) throw new Error(`review rating must be 1 to 5, got ${incoming.rating}`);
      const stored = known.get(incoming.sourceName);
      const outcome = stored ? await this.applyEdit(stored, incoming) : await this.add(source, incoming);
      result[outcome] += 1;
    }
    return result;
  }

  private async add(source: ReviewSource, incoming: IncomingReview): Promise<keyof IngestResult> {
    const sentiment = await this.sentimentOf(incoming);
    const evidence = incoming.rating < 3 && !incoming.existingReply ? await this.checkReviewer(incoming) : null;
    const added = await this.deps.uow.run(async (tx, events) => {
      const review = await this.deps.repository.insertNew(tx, {
        source,
        sourceName: incoming.sourceName,
        reviewerName: incoming.reviewerName.slice(0, 200),
        reviewerPhone: incoming.reviewerPhone ?? null,
        reviewerEmail: incoming.reviewerEmail ?? null,
        rating: incoming.rating,
        comment: incoming.comment,
        createdAt: incoming.createdAt,
        updatedAt: incoming.updatedAt,
        sentiment,
        ...extractTopics(incoming.comment),
      });
      if (!review) return null; // another instance stored it first
      if (incoming.existingReply) this.takeSourceReply(review, incoming.existingReply);
      else await this.applyPolicy(tx, events, review, evidence);
      const saved = await this.deps.repository.save(tx, review);
      events.add(ReviewTopic.ADDED, { review: reviewSnapshot(saved) });
      return saved;
    });
    if (!added) return 'unchanged';
    this.deps.logger.info({ reviewId: added.id, source, rating: added.rating, replyState: added.replyState }, 'review added');
    return 'added';
  }

  /** An edit on the source: the words and rating are updated; a reply not yet out is written again for a new rating. */
  private async applyEdit(stored: Review, incoming: IncomingReview): Promise<keyof IngestResult> {
    const ratingChanged = stored.rating !== incoming.rating;
    const sameWords = stored.comment === incoming.comment && stored.reviewerName === incoming.reviewerName.slice(0, 200);
    const replyFromSource = incoming.existingReply !== null && stored.replyState !== ReplyState.POSTED;
    if (!ratingChanged && sameWords && stored.deletedAt === null && !replyFromSource) return 'unchanged';
    const sentiment = stored.comment === incoming.comment ? stored.sentiment : await this.sentimentOf(incoming);
    const rewrite = ratingChanged && !incoming.existingReply && [ReplyState.NONE, ReplyState.DRAFT, ReplyState.SCHEDULED, ReplyState.FAILED, ReplyState.CANCELLED].includes(stored.replyState);
    const evidence = rewrite && incoming.rating < 3 ? await this.checkReviewer(incoming) : null;
    await this.deps.uow.run(async (tx, events) => {
      const review = await this.deps.repository.lockBySourceName(tx, incoming.sourceName);
      if (!review) return;
      Object.assign(review, {
        reviewerName: incoming.reviewerName.slice(0, 200),
        rating: incoming.rating,
        comment: incoming.comment,
        updatedAt: incoming.updatedAt,
        deletedAt: null,
        sentiment,
        ...extractTopics(incoming.comment),
      });
      if (incoming.existingReply && review.replyState !== ReplyState.POSTED) this.takeSourceReply(review, incoming.existingReply);
      else if (rewrite && [ReplyState.NONE, ReplyState.DRAFT, ReplyState.SCHEDULED, ReplyState.FAILED, ReplyState.CANCELLED].includes(review.replyState)) {
        review.flagged = false;
        review.verification = null;
        review.verificationEvidence = null;
        review.replyState = ReplyState.NONE;
        review.replyPostsAt = null;
        await this.applyPolicy(tx, events, review, evidence);
      }
      this.updated(events, await this.deps.repository.save(tx, review));
    });
    return 'updated';
  }

  /** A reply the business posted on the source itself: recorded as posted, nothing of ours goes out. */
  private takeSourceReply(review: Review, reply: { text: string; updatedAt: Date }): void {
    review.replyState = ReplyState.POSTED;
    review.replyText = reply.text;
    review.repliedAt = reply.updatedAt;
    review.replyPostsAt = null;
    review.replyFailure = null;
  }

  private async sentimentOf(incoming: IncomingReview): Promise<number> {
    // Stars alone say how it went when there are no words.
    if (!incoming.comment?.trim()) return (incoming.rating - 3) / 2;
    const analysis = await this.deps.analyzer.analyze(incoming.comment, { now: incoming.createdAt, timeZone: this.deps.settings.timeZone });
    return analysis.sentiment;
  }

  private async checkReviewer(incoming: IncomingReview): Promise<VerificationEvidence> {
    const windowDays = this.deps.settings.verifyWindowDays;
    const to = incoming.createdAt.toISOString().slice(0, 10);
    const from = new Date(incoming.createdAt.getTime() - windowDays * 86_400_000).toISOString().slice(0, 10);
    const candidates = await this.deps.directory.eventsBetween(from, to);
    return checkReviewer({ name: incoming.reviewerName, phone: incoming.reviewerPhone ?? null, email: incoming.reviewerEmail ?? null, reviewedAt: incoming.createdAt }, candidates, windowDays);
  }

  // ---------------------------------------------------------------- the policy

  private async applyPolicy(tx: Tx, events: PendingEvents, review: Review, evidence: VerificationEvidence | null): Promise<void> {
    const { settings } = this.deps;
    const customer = review.rating < 3 && evidence?.customerId ? evidence : null;
    const kind: ReviewReplyKind =
      review.rating >= 5 ? 'RATING_5' : review.rating === 4 ? 'RATING_4' : review.rating === 3 ? 'RATING_3' : customer ? 'UNDER_3_CUSTOMER' : 'UNDER_3_NO_RECORD';
    const variants = variantsFor(kind, settings.templates);
    const index = await this.deps.repository.takeVariant(tx, kind, (last) => chooseVariant(variants.length, last));
    review.replyText = fillTemplate(variants[index], {
      reviewerName: review.reviewerName,
      praised: review.praised as Topic[],
      raised: review.raised as Topic[],
      eventDate: customer?.eventDate ?? null,
      businessName: settings.businessName,
      businessPhone: settings.businessPhone,
      businessEmail: settings.businessEmail,
      offerPercent: OFFER_PERCENT,
    });
    review.replyVariant = `${kind}:${index}`;
    if (review.rating >= 4) {
      await this.schedule(tx, review, new Date(Date.now() + settings.autoReplyDelayMs));
      return;
    }
    review.replyState = ReplyState.DRAFT;
    // Worded after commit, by a job: a slow vendor never holds this transaction.
    if (this.deps.writer) await this.deps.jobs.enqueue(tx, WRITE_DRAFT_JOB, { reviewId: review.id });
    if (review.rating >= 3 || !evidence) return;

    review.verification = customer ? VerificationResult.CUSTOMER : VerificationResult.NO_RECORD;
    review.verificationEvidence = evidence;
    const stars = `${review.rating}-star review`;
    if (customer) {
      await this.deps.alerts.raiseIn(tx, events, {
        kind: 'REVIEW_ESCALATION',
        subjectId: review.id,
        urgent: true,
        message: `${stars} from ${review.reviewerName}, a customer (event ${customer.eventDate}). A reply with ${OFFER_PERCENT}% off is waiting for approval in Reviews.`,
      });
      await this.deps.tasks.createIn(tx, events, {
        kind: 'REVIEW_FOLLOW_UP',
        title: `Follow up with ${customer.customerName ?? review.reviewerName} about their ${stars}`,
        detail: `Their event on ${customer.eventDate}. Call them, and approve the reply with the ${OFFER_PERCENT}% offer.`,
        subject: { type: 'Review', id: review.id },
      });
    } else {
      review.flagged = true;
      await this.deps.alerts.raiseIn(tx, events, {
        kind: 'REVIEW_NO_RECORD',
        subjectId: review.id,
        urgent: true,
        message: `${stars} from ${review.reviewerName}: no record of serving them. The review is flagged; an inquiry reply is waiting in Reviews.`,
      });
      await this.deps.tasks.createIn(tx, events, {
        kind: 'REVIEW_NO_RECORD',
        title: `Find out who ${review.reviewerName} is (${stars}, no record of serving them)`,
        detail: `No customer with an event in the ${evidence.windowDays} days before the review matched by name, phone or email (${evidence.eventsChecked} events checked).`,
        subject: { type: 'Review', id: review.id },
      });
    }
  }

  /** The reply goes out at `at`, through a job named for this scheduling (queued once). */
  private async schedule(tx: Tx, review: Review, at: Date): Promise<void> {
    review.replyVersion += 1;
    review.replyState = ReplyState.SCHEDULED;
    review.replyPostsAt = at;
    review.replyFailure = null;
    await this.deps.jobs.enqueue(tx, POST_REPLY_JOB, { reviewId: review.id }, { startAfter: at, id: postJobId(review.id, review.replyVersion) });
  }

  // ---------------------------------------------------------------- staff

  /** Approves a draft (or edits a reply still waiting), with the staff member's text if they changed it; it posts at once. */
  async approveReply(params: { reviewGlobalId: string; text: string | null; staffUserId: string | null }): Promise<Review> {
    const id = fromGlobalId('Review', params.reviewGlobalId);
    if (!id) throw userFailure('NOT_FOUND', 'Review: there is no such review.', 'id');
    const edited = params.text === null ? null : params.text.trim();
    if (edited !== null) this.checkReplyText(edited);
    return this.deps.uow.run(async (tx, events) => {
      const review = await this.deps.repository.lockById(tx, id);
      if (!review) throw userFailure('NOT_FOUND', 'Review: there is no such review.', 'id');
      if (review.deletedAt) throw userFailure('REVIEW_DELETED', 'Review: the reviewer deleted it, so there is nothing to reply to.', 'id');
      if (review.replyState === ReplyState.POSTED) throw userFailure('ALREADY_POSTED', 'Reply: a reply to this review is already posted.', 'id');
      if (review.replyState === ReplyState.POSTING) throw userFailure('POSTING', 'Reply: it is being posted right now; refresh in a moment.', 'id');
      const text = edited ?? review.replyText?.trim() ?? '';
      this.checkReplyText(text);
      review.replyText = text;
      review.replyApprovedBy = params.staffUserId;
      await this.schedule(tx, review, new Date());
      return this.updated(events, await this.deps.repository.save(tx, review));
    });
  }

  private checkReplyText(text: string): void {
    if (text.length === 0) throw userFailure('EMPTY', 'Reply: write the reply before approving it.', 'text');
    if (text.length > MAX_REPLY_CHARS) {
      throw userFailure(
        'TOO_LONG',
        `Reply: Google accepts at most ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters; this reply has ${text.length.toLocaleString('en-US')}. Shorten it by ${(text.length - MAX_REPLY_CHARS).toLocaleString('en-US')}.`,
        'text',
      );
    }
  }

  list(filter: ReviewFilter, args: ConnectionArgs): Promise<Connection<Review>> {
    return this.deps.repository.list(filter, args);
  }

  async findByGlobalId(globalId: string): Promise<Review | null> {
    const id = fromGlobalId('Review', globalId);
    return id ? this.deps.repository.findById(id) : null;
  }

  findBySourceName(sourceName: string): Promise<Review | null> {
    return this.deps.repository.findBySourceNames([sourceName]).then((rows) => rows[0] ?? null);
  }

  findByIds(ids: readonly string[]): Promise<Review[]> {
    return this.deps.repository.findByIds(ids);
  }

  /** Has the writer word a draft still as the template left it; staff's edits and approvals win over it. */
  async writeDraft(reviewId: string): Promise<void> {
    const { writer, settings } = this.deps;
    const review = await this.deps.repository.findById(reviewId);
    if (!writer || !review || review.replyState !== ReplyState.DRAFT || !review.replyText || review.replyVariant?.endsWith(':written')) return;
    const template = review.replyText;
    const written = await writer.write({
      templateReply: template,
      rating: review.rating,
      reviewerFirstName: firstNameOf(review.reviewerName),
      comment: review.comment,
      offerPercent: review.verification === VerificationResult.CUSTOMER ? OFFER_PERCENT : null,
      mustKeep: [settings.businessPhone, settings.businessEmail].filter((value): value is string => value !== null && template.includes(value)),
    });
    if (!written) return;
    await this.deps.uow.run(async (tx, events) => {
      const locked = await this.deps.repository.lockById(tx, reviewId);
      if (!locked || locked.replyState !== ReplyState.DRAFT || locked.replyText !== template) return;
      locked.replyText = written;
      locked.replyVariant = `${locked.replyVariant ?? ''}:written`.slice(0, 60);
      this.updated(events, await this.deps.repository.save(tx, locked));
    });
  }

  // ---------------------------------------------------------------- posting

  /** Posts a due reply (the job, and the sweep for those left waiting). Safe to run twice: one claim wins, and posting is idempotent at the source. */
  async postReply(reviewId: string): Promise<void> {
    const review = await this.deps.repository.claimForPosting(reviewId);
    if (!review) return; // not due, already posted, cancelled, or another instance has it
    const poster = this.posters.get(review.source);
    if (!poster) {
      await this.settle(reviewId, { outcome: 'needs-reconnect', reason: `no ${review.source === ReviewSource.GOOGLE ? 'Google connection' : 'poster'} to post it through` });
      return;
    }
    let outcome: ReplyPostOutcome;
    try {
      outcome = await poster.postReply(review.sourceName, review.replyText ?? '');
    } catch (error) {
      // Back to waiting; the queue retries (and the sweep after it).
      await this.settle(reviewId, { outcome: 'needs-reconnect', reason: `posting failed: ${(error as Error).message}`.slice(0, 400) });
      throw error;
    }
    await this.settle(reviewId, outcome);
  }

  private async settle(reviewId: string, outcome: ReplyPostOutcome): Promise<void> {
    await this.deps.uow.run(async (tx, events) => {
      const review = await this.deps.repository.lockById(tx, reviewId);
      if (!review || review.replyState !== ReplyState.POSTING) return; // cancelled meanwhile
      Object.assign(review, replyAfterPosting(review, outcome, new Date()), { replyClaimedAt: null });
      this.updated(events, await this.deps.repository.save(tx, review));
      this.deps.logger.info({ reviewId, outcome: outcome.outcome }, 'review reply settled');
    });
  }

  /** After every retry failed: the reply is shown as failed; approving it again tries again. */
  async markFailed(reviewId: string, reason: string): Promise<void> {
    await this.deps.uow.run(async (tx, events) => {
      const review = await this.deps.repository.lockById(tx, reviewId);
      if (!review || ![ReplyState.SCHEDULED, ReplyState.POSTING].includes(review.replyState)) return;
      review.replyState = ReplyState.FAILED;
      review.replyFailure = reason.slice(0, 500);
      review.replyClaimedAt = null;
      this.updated(events, await this.deps.repository.save(tx, review));
    });
  }

  /** Tries again the replies left waiting (a source that was away) and those an instance died while posting. */
  async retryWaiting(limit = 100): Promise<number> {
    const ids = await this.deps.repository.dueForRetry(STALE_CLAIM_SECONDS, limit);
    for (const id of ids) {
      await this.deps.uow.run((tx) => this.deps.repository.releaseStaleClaim(tx, id, STALE_CLAIM_SECONDS));
      await this.postReply(id).catch((error: Error) => this.deps.logger.warn({ reviewId: id, err: error.message }, 'review reply still not posted'));
    }
    return ids.length;
  }

  async markMissingDeleted(source: ReviewSource, namePrefix: string, seen: ReadonlySet<string>): Promise<number> {
    return this.deps.uow.run(async (tx, events) => {
      const live = await this.deps.repository.lockLiveUnderPrefix(tx, source, namePrefix);
      let deleted = 0;
      for (const review of live) {
        if (seen.has(review.sourceName)) continue;
        review.deletedAt = new Date();
        if (UNSENT.has(review.replyState)) {
          review.replyState = ReplyState.CANCELLED;
          review.replyFailure = 'The review was deleted before the reply was posted.';
        }
        this.updated(events, await this.deps.repository.save(tx, review));
        deleted += 1;
      }
      return deleted;
    });
  }

  /** Tells every console a review changed, once the change commits. */
  private updated(events: PendingEvents, review: Review): Review {
    events.add(ReviewTopic.UPDATED, { review: reviewSnapshot(review) });
    return review;
  }

  /** Ratings of the window's reviews, overall and per day: the rating trend (metrics). */
  ratingFigures(window: FigureWindow): ReturnType<ReviewsRepository['ratingFigures']> {
    return this.deps.repository.ratingFigures(window);
  }
}

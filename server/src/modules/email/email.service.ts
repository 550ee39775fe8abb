import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { userFailure } from '../../shared/graphql/user-errors';
import type { Logger } from '../../shared/logger';
import { EmailSendError, type EmailSender } from '../../providers/email/email.port';
import { EmailKind, EmailStatus, type Email } from './email.entity';
import type { EmailRepository, NewEmail } from './email.repository';
import { lastCompleteWeek, reconciliationEmail, weekRange, weeklySummaryEmail, type ReconciliationSummary, type WeeklyFigures } from './weekly-report';

export const SEND_EMAIL = 'email.send';
export const WEEKLY_REPORTS = 'email.weekly-reports';

type Range = { from: Date; to: Date };

/** What the weekly reports read, each from the module that owns it. */
export interface WeeklyReportSources {
  reconciliation(weekOf: string): Promise<{ summary: ReconciliationSummary; csv: string }>;
  bookings(range: Range): Promise<{ made: number; madeValueCents: number; cancelled: number }>;
  payments(range: Range): Promise<{ receivedCents: number; depositCents: number; refundedCents: number }>;
  conversations(range: Range): Promise<number>;
  escalations(range: Range): Promise<number>;
  reviews(range: Range): Promise<{ reviews: number; averageRating: number | null }>;
}

export interface EmailSettings {
  from: string;
  /** Null without OWNER_EMAIL: reports then wait in the local outbox addressed to nobody real. */
  ownerEmail: string | null;
  businessName: string;
  timeZone: string;
  jobs: { retryLimit: number; retryDelaySeconds: number; timeoutSeconds: number };
}

/** Where reports go without OWNER_EMAIL (only possible with the local outbox: SMTP requires it). */
const NO_OWNER = 'owner (OWNER_EMAIL is not set)';

/** A stable Message-ID for a key: every attempt of one email carries the same header. */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^<>@\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost.localdomain';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

/**
 * Email (issue 17): each email is stored once per idempotency key with its send job, in one
 * transaction; the job records the attempt before talking to the SMTP server and the outcome
 * after. Exactly-once is as close as SMTP allows: a failure before the server has the message
 * (refused connection, 4xx) is retried with backoff and sends nothing twice; a 5xx is final.
 * The remaining window: if the server accepted the message and the answer was lost (the
 * connection broke after the data, or this process died before recording SENT), the retry
 * sends it again, with the same Message-ID so mail clients fold the copy. Without SMTP settings
 * the stored email is the outbox the console shows.
 */
export class EmailService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      jobs: JobQueue;
      repository: EmailRepository;
      sender: EmailSender;
      sources: WeeklyReportSources;
      logger: Logger;
      settings: EmailSettings;
    },
  ) {}

  get usesOutbox(): boolean {
    return this.deps.sender.kind === 'local-outbox';
  }

  list(args: ConnectionArgs): Promise<Connection<Email>> {
    return this.deps.repository.list(args);
  }

  /** Stores the email (unless its key is there already) and enqueues its send in the caller's transaction. */
  async queue(tx: Tx, email: Omit<NewEmail, 'messageId' | 'from'>): Promise<boolean> {
    const from = this.deps.settings.from;
    const id = await this.deps.repository.insertOnce(tx, { ...email, from, messageId: messageIdFor(email.idempotencyKey, from) });
    if (id === null) return false;
    await this.deps.jobs.enqueue(tx, SEND_EMAIL, { emailId: id });
    return true;
  }

  /**
   * The weekly reconciliation report and business summary for the week holding `weekOf` (by
   * default the last whole week): each made and sent once, however often this is asked.
   */
  async sendWeeklyReports(weekOf?: string | null): Promise<{ emails: Email[]; queued: boolean }> {
    const { settings, sources } = this.deps;
    const day = weekOf ? DateTime.fromISO(weekOf, { zone: settings.timeZone }) : null;
    if (weekOf && (!day || !day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(weekOf))) throw userFailure('INVALID', 'Week: enter a date as YYYY-MM-DD.', 'weekOf');
    const weekStart = day ? day.startOf('week').toISODate()! : lastCompleteWeek(new Date(), settings.timeZone);
    const keys = [`weekly-reconciliation:${weekStart}`, `weekly-summary:${weekStart}`];
    const existing = await this.deps.repository.findByKeys(keys);
    if (existing.length === keys.length) return { emails: existing, queued: false };

    const range = weekRange(weekStart, settings.timeZone);
    const [reconciliation, bookings, payments, conversations, escalations, reviews] = await Promise.all([
      sources.reconciliation(weekStart),
      sources.bookings(range),
      sources.payments(range),
      sources.conversations(range),
      sources.escalations(range),
      sources.reviews(range),
    ]);
    const figures: WeeklyFigures = {
      weekStart,
      weekEnd: DateTime.fromISO(weekStart).plus({ days: 6 }).toISODate()!,
      bookingsMade: bookings.made,
      bookingsValueCents: bookings.madeValueCents,
      cancellations: bookings.cancelled,
      receivedCents: payments.receivedCents,
      depositCents: payments.depositCents,
      refundedCents: payments.refundedCents,
      conversations,
      escalations,
      reviews: reviews.reviews,
      averageRating: reviews.averageRating,
    };
    const to = settings.ownerEmail ?? NO_OWNER;
    const report = reconciliationEmail(reconciliation.summary, settings.businessName);
    const summary = weeklySummaryEmail(figures, settings.businessName);
    const queued = await this.deps.uow.run(async (tx) => {
      const first = await this.queue(tx, {
        idempotencyKey: keys[0],
        kind: EmailKind.WEEKLY_RECONCILIATION,
        to,
        subject: report.subject,
        text: report.text,
        attachments: [{ filename: report.filename, contentType: 'text/csv; charset=utf-8', content: reconciliation.csv }],
      });
      const second = await this.queue(tx, { idempotencyKey: keys[1], kind: EmailKind.WEEKLY_SUMMARY, to, subject: summary.subject, text: summary.text, attachments: [] });
      return first || second;
    });
    if (queued) this.deps.logger.info({ weekStart, outbox: this.usesOutbox }, 'weekly reports queued');
    return { emails: await this.deps.repository.findByKeys(keys), queued };
  }

  /** One attempt of an email's send job. Throws to have the queue retry it with backoff. */
  async deliver(emailId: string, signal: AbortSignal): Promise<void> {
    const { repository, sender, logger } = this.deps;
    // Record the attempt before anything reaches the server, so a lost answer is known to be one.
    const claimed = await this.deps.uow.run(async (tx) => {
      const email = await repository.lock(tx, emailId);
      if (!email || email.status === EmailStatus.SENT || email.status === EmailStatus.OUTBOX || email.status === EmailStatus.FAILED) return null;
      await repository.beginAttempt(tx, emailId);
      return email;
    });
    if (!claimed) return;
    if (claimed.status === EmailStatus.SENDING) {
      // The last attempt never recorded how it ended: the server may have the message. SMTP offers
      // no way to ask, so it goes again under the same Message-ID (documented at the class).
      logger.warn({ emailId, messageId: claimed.messageId }, 'email sent again after an attempt whose outcome was lost; same Message-ID');
    }
    try {
      const sent = await sender.send(
        { from: claimed.from, to: claimed.to, subject: claimed.subject, text: claimed.text, attachments: claimed.attachments, messageId: claimed.messageId },
        signal,
      );
      await repository.recordDelivered(emailId, { status: sender.kind === 'smtp' ? EmailStatus.SENT : EmailStatus.OUTBOX, smtpResponse: sent.response });
    } catch (error) {
      const failure = error instanceof EmailSendError ? error : new EmailSendError((error as Error).message, false, true);
      if (failure.permanent) {
        await repository.recordFailure(emailId, EmailStatus.FAILED, failure.message);
        logger.error({ emailId, err: failure.message }, 'email refused by the SMTP server; not retried');
        return;
      }
      await repository.recordFailure(emailId, failure.mayHaveBeenDelivered ? EmailStatus.SENDING : EmailStatus.QUEUED, failure.message);
      throw failure;
    }
  }

  async giveUp(emailId: string, lastError: string): Promise<void> {
    await this.deps.repository.recordFailure(emailId, EmailStatus.FAILED, `Every attempt failed; the last: ${lastError}`);
    this.deps.logger.error({ emailId }, 'email not sent: out of retries');
  }

  jobs(): Array<JobDefinition<object>> {
    const { jobs } = this.deps.settings;
    const send: JobDefinition<{ emailId: string }> = {
      name: SEND_EMAIL,
      retryLimit: jobs.retryLimit,
      retryDelaySeconds: jobs.retryDelaySeconds,
      expireInSeconds: jobs.timeoutSeconds,
      concurrency: 2,
      handle: ({ emailId }, signal) => this.deliver(emailId, signal),
      onDeadLetter: ({ emailId }, lastError) => this.giveUp(emailId, lastError),
    };
    const weekly: JobDefinition<object> = {
      name: WEEKLY_REPORTS,
      retryLimit: jobs.retryLimit,
      retryDelaySeconds: jobs.retryDelaySeconds,
      expireInSeconds: jobs.timeoutSeconds,
      concurrency: 1,
      handle: async () => {
        await this.sendWeeklyReports(null);
      },
    };
    return [send as JobDefinition<object>, weekly];
  }
}

/** The weekly reports' cron line (minute hour * * weekday), read in the business time zone. */
export function weeklyCron(weeklyReport: { weekday: number; time: string }): string {
  const [hour, minute] = weeklyReport.time.split(':').map(Number);
  return `${minute} ${hour} * * ${weeklyReport.weekday % 7}`;
}

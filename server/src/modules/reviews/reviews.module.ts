import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId } from '../../shared/graphql/loaders';
import { BookingStatus } from '../bookings/booking.entity';
import type { BookingsService } from '../bookings/bookings.service';
import { IdentityKind } from '../customers/customer.entity';
import type { CustomersRepository } from '../customers/customers.repository';
import { LocalReviewSource, localReplyPoster } from './local-review-source';
import { Review } from './review.entity';
import { ReviewAnalyticsService } from './review-analytics.service';
import { ReviewSource } from './review-source.port';
import type { EventCandidate } from './reviewer-check';
import { ReviewTopic } from './reviews.events';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsResolver, ReviewVerificationEvidenceResolver } from './reviews.resolver';
import { OpenAiReplyWriter } from '../../providers/openai/openai.reply-writer';
import { POST_REPLY_JOB, ReviewsService, WRITE_DRAFT_JOB, type EventDirectory } from './reviews.service';

declare module '../../app/module' {
  interface ModuleServices {
    /** The intake sources use (ReviewIntake in review-source.port.ts), and the policy behind it. */
    reviews: ReviewsService;
  }
  interface Loaders {
    reviewById: DataLoader<string, Review | null>;
  }
}

const RETRY_WAITING_REPLIES = 'reviews.retry-waiting-replies';

/** Customers with an event (confirmed or held) between two days, reached through the bookings and customers services. */
function eventDirectory(bookings: BookingsService, customers: CustomersRepository, pageSize: number): EventDirectory {
  return {
    async eventsBetween(from, to) {
      const found = [];
      let after: string | undefined;
      do {
        const page = await bookings.list({ eventDateFrom: from, eventDateTo: to, status: [BookingStatus.CONFIRMED, BookingStatus.COMPLETED] }, { first: pageSize, after });
        found.push(...page.edges.map((edge) => edge.node));
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
      } while (after);
      const customerIds = [...new Set(found.map((booking) => booking.customerId))];
      const [people, identities] = await Promise.all([customers.findByIds(customerIds), customers.identitiesOf(customerIds)]);
      const byId = new Map(people.map((customer) => [customer.id, customer]));
      return found.map((booking): EventCandidate => {
        const customer = byId.get(booking.customerId);
        const own = identities.filter((identity) => identity.customerId === booking.customerId);
        return {
          customerId: booking.customerId,
          customerName: customer?.name ?? null,
          phones: [customer?.phone, ...own.filter((i) => i.kind === IdentityKind.PHONE).map((i) => i.value)].filter((v): v is string => Boolean(v)),
          emails: [customer?.email, ...own.filter((i) => i.kind === IdentityKind.EMAIL).map((i) => i.value)].filter((v): v is string => Boolean(v)).map((e) => e.toLowerCase()),
          bookingId: booking.id,
          eventDate: booking.eventDate,
        };
      });
    },
  };
}

/** Reviews, their reply policy and analytics (SPEC §7, issue 16); the local source runs here, Google's in google-business. */
export const reviewsModule: ModuleManifest = {
  name: 'reviews',
  entities: [Review],
  resolvers: [ReviewsResolver, ReviewVerificationEvidenceResolver],
  topics: Object.values(ReviewTopic),
  create(core, { bookings, customers, alerts, tasks, analyzer }) {
    const { config } = core;
    const repository = new ReviewsRepository(core.dataSource, config.graphqlMaxPageSize);
    const reviews = new ReviewsService({
      uow: core.uow,
      repository,
      jobs: core.jobs,
      analyzer,
      alerts,
      tasks,
      directory: eventDirectory(bookings, customers, config.graphqlMaxPageSize),
      writer: config.assistant.openai
        ? new OpenAiReplyWriter({ ...config.assistant.openai, timeoutMs: config.providerTimeoutMs, onRejected: (reason) => core.logger.warn({ reason }, 'OpenAI review draft unusable; the template stands') })
        : null,
      logger: core.logger,
      settings: {
        autoReplyDelayMs: config.reviews.autoReplyDelayMs,
        verifyWindowDays: config.reviews.verifyWindowDays,
        templates: config.reviews.templates,
        businessName: config.business.name,
        businessPhone: config.reviews.businessPhone,
        businessEmail: config.reviews.businessEmail,
        timeZone: config.businessTimeZone,
      },
    });
    // The local source posts nowhere: its replies are recorded as posted.
    reviews.registerReplyPoster(ReviewSource.LOCAL, localReplyPoster);
    const local = new LocalReviewSource(reviews);
    const analytics = new ReviewAnalyticsService({ repository, timeZone: config.businessTimeZone });
    return {
      services: { reviews },
      resolvers: [new ReviewsResolver(reviews, local, analytics), new ReviewVerificationEvidenceResolver()],
      loaders: (options) => ({ reviewById: byId((ids) => reviews.findByIds(ids), options) }),
      jobs: [
        {
          name: POST_REPLY_JOB,
          retryLimit: config.jobs.retryLimit,
          retryDelaySeconds: config.jobs.retryDelaySeconds,
          expireInSeconds: config.jobs.timeoutSeconds,
          concurrency: 2,
          handle: (data: { reviewId: string }) => reviews.postReply(data.reviewId),
          onDeadLetter: (data: { reviewId: string }, lastError: string) => reviews.markFailed(data.reviewId, `Could not post the reply: ${lastError}`),
        },
        {
          name: WRITE_DRAFT_JOB,
          retryLimit: 0,
          retryDelaySeconds: 60,
          expireInSeconds: config.jobs.timeoutSeconds,
          concurrency: 2,
          handle: (data: { reviewId: string }) => reviews.writeDraft(data.reviewId),
        },
        {
          // Replies left waiting (a source to reconnect, an instance that died mid-post) are tried again.
          name: RETRY_WAITING_REPLIES,
          retryLimit: 1,
          retryDelaySeconds: 60,
          expireInSeconds: 300,
          concurrency: 1,
          everySeconds: config.reviews.replySweepSeconds,
          handle: async () => {
            await reviews.retryWaiting();
          },
        },
      ],
    };
  },
};

import type { ModuleManifest } from '../../app/module';
import { LocalOutboxEmailSender } from '../../providers/email/email.local';
import { SmtpEmailSender } from '../../providers/email/email.smtp';
import { reconciliationCsv } from '../payments/payments-routes';
import { Email } from './email.entity';
import { EmailRepository } from './email.repository';
import { EmailResolver } from './email.resolver';
import { EmailService, WEEKLY_REPORTS, weeklyCron } from './email.service';

declare module '../../app/module' {
  interface ModuleServices {
    email: EmailService;
  }
}

/**
 * Email (issue 17): the weekly reconciliation report and business summary to the owner, over
 * SMTP when configured, else kept in the local outbox the console shows. Created after the
 * modules whose figures the reports read (bookings, payments, conversations, escalations, reviews).
 */
export const emailModule: ModuleManifest = {
  name: 'email',
  entities: [Email],
  resolvers: [EmailResolver],
  topics: [],
  create(core, { paymentMatching, bookings, payments, conversations, escalations, reviews }) {
    const { config } = core;
    const sender = config.email.smtp ? new SmtpEmailSender(config.email.smtp, config.providerTimeoutMs) : new LocalOutboxEmailSender();
    const email = new EmailService({
      uow: core.uow,
      jobs: core.jobs,
      repository: new EmailRepository(core.dataSource, config.graphqlMaxPageSize),
      sender,
      logger: core.logger,
      settings: { from: config.email.from, ownerEmail: config.email.ownerEmail, businessName: config.business.name, timeZone: config.businessTimeZone, jobs: config.jobs },
      sources: {
        reconciliation: async (weekOf) => {
          const report = await paymentMatching.reconciliation(weekOf);
          const summary = {
            ...report,
            lines: report.lines.map((line) => ({ state: line.state, postedOn: line.transaction.postedOn, amountCents: line.transaction.amountCents, description: line.transaction.description, explanation: line.explanation })),
          };
          return { summary, csv: reconciliationCsv(report) };
        },
        bookings: (range) => bookings.weekFigures(range),
        payments: (range) => payments.weekFigures(range),
        conversations: (range) => conversations.countStartedBetween(range),
        escalations: (range) => escalations.countRaisedBetween(range),
        reviews: (range) => reviews.weekFigures(range),
      },
    });
    if (!config.email.smtp) core.logger.info('no SMTP server configured: emails wait in the console’s Outbox');
    return {
      services: { email },
      resolvers: [new EmailResolver(email)],
      jobs: email.jobs(),
      schedules: [{ job: WEEKLY_REPORTS, cron: weeklyCron(config.email.weeklyReport), tz: config.businessTimeZone }],
      stop: async () => sender.close(),
    };
  },
};

import type { ModuleManifest } from '../../app/module';
import { takeAllowance } from '../../shared/auth/rate-limits';
import { SelfService } from '../assistant/self-service';
import { InboundService } from './inbound.service';

declare module '../../app/module' {
  interface ModuleServices {
    inbound: InboundService;
  }
}

/** The one path a customer's message takes, from any channel, to its thread and an answer. */
export const inboundModule: ModuleManifest = {
  name: 'inbound',
  entities: [],
  resolvers: [],
  topics: [],
  create(core, { conversations, escalations, bookings, terms, consent, outbound, analyzer, alerts, customers }) {
    const { config } = core;
    const selfService = new SelfService({
      bookings,
      customers,
      texts: {
        queue: (tx, message) => outbound.queue(tx, message),
        refusesMessages: (channel, address, tx) => consent.refusesMessages(channel, address, tx),
        allowCode: (phone) => takeAllowance(core.rateLimits.codesByPhone, phone),
      },
      alerts,
      settings: { ...config.selfService, maxGuests: config.bookings.maxGuests, confidenceThreshold: config.assistant.confidenceThreshold },
      logger: core.logger,
    });
    const inbound = new InboundService({
      uow: core.uow,
      conversations,
      escalations,
      bookings,
      terms,
      consent,
      outbound,
      analyzer,
      selfService,
      logger: core.logger,
      assistantEnabled: config.assistant.enabled,
      policy: {
        businessName: config.business.name,
        confidenceThreshold: config.assistant.confidenceThreshold,
        maxAttempts: config.assistant.maxAttempts,
        pricePerGuestCents: config.business.pricePerGuestCents,
        minimumSpendCents: config.business.minimumSpendCents,
        faqAnswers: config.business.faq,
        faqAnswersSpanish: config.business.faqSpanish,
      },
      businessTimeZone: config.businessTimeZone,
      // A provider's delivery reaches this path only through the webhook inbox, which checks its signature unless told not to.
      providerSignaturesChecked: !config.webhooks.skipValidation,
    });
    return { services: { inbound } };
  },
};

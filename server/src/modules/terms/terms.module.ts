import type DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { byId, byKey } from '../../shared/graphql/loaders';
import { TermsAcknowledgment } from './terms-acknowledgment.entity';
import { TermsInvalidReply } from './terms-invalid-reply.entity';
import { TermsVersion } from './terms-version.entity';
import { TermsRepository } from './terms.repository';
import { BookingTermsResolver, TermsAcknowledgmentResolver, TermsEvidenceResolver, TermsVersionResolver } from './terms.resolver';
import { TermsService } from './terms.service';

declare module '../../app/module' {
  interface ModuleServices {
    terms: TermsService;
  }
  interface Loaders {
    termsVersionById: DataLoader<string, TermsVersion | null>;
    termsAcknowledgmentByBookingId: DataLoader<string, TermsAcknowledgment | null>;
  }
}

/** Terms versions and the append-only, hash-chained evidence of their acceptance (SPEC §5). */
export const termsModule: ModuleManifest = {
  name: 'terms',
  entities: [TermsVersion, TermsAcknowledgment, TermsInvalidReply],
  resolvers: [TermsVersionResolver, TermsAcknowledgmentResolver, TermsEvidenceResolver, BookingTermsResolver],
  topics: [],
  create(core, { bookings, conversations, customers }) {
    const { config } = core;
    const repository = new TermsRepository(core.dataSource, config.graphqlMaxPageSize);
    const terms = new TermsService({
      uow: core.uow,
      repository,
      bookings,
      findBookings: (ids) => bookings.findByIds(ids),
      conversations,
      customers,
      publicUrl: () => core.webhookBaseUrl(),
      businessName: config.business.name,
      businessTimeZone: config.businessTimeZone,
      evidenceLinkMinutes: config.terms.evidenceLinkMinutes,
      maxPageSize: config.graphqlMaxPageSize,
    });
    bookings.useTermsRequestText((booking, language, tx) => terms.termsRequestText(booking, language, tx));
    return {
      services: { terms },
      resolvers: [new TermsVersionResolver(terms), new TermsAcknowledgmentResolver(terms), new TermsEvidenceResolver(terms), new BookingTermsResolver()],
      loaders: (options) => ({
        termsVersionById: byId((ids) => terms.findVersions(ids), options),
        termsAcknowledgmentByBookingId: byKey((ids) => terms.acknowledgmentsOfBookings(ids), (acknowledgment) => acknowledgment.bookingId, options),
      }),
    };
  },
};

import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { AdminOnly, StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import { ConnectionArgs, type Connection } from '../../shared/graphql/connection';
import { toGlobalId } from '../../shared/graphql/global-id';
import { Booking } from '../bookings/booking.entity';
import { Customer } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { TermsAcknowledgment } from './terms-acknowledgment.entity';
import { TermsVersion } from './terms-version.entity';
import { PublishTermsVersionInput, RecordTermsAcknowledgmentInput, TermsAcknowledgmentsArgs } from './terms.inputs';
import type { ChainVerification, TermsService } from './terms.service';
import {
  PublishTermsVersionPayload,
  RecordTermsAcknowledgmentPayload,
  TermsAcknowledgmentConnection,
  TermsEvidence,
  TermsEvidenceVerification,
  TermsVersionConnection,
} from './terms.types';

@Resolver(() => TermsVersion)
export class TermsVersionResolver {
  constructor(private readonly terms: TermsService) {}

  @Query(() => TermsVersionConnection, { description: 'Published versions of the terms, newest first.' })
  @StaffOnly(ApiScope.TERMS_READ)
  termsVersions(@Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<TermsVersion>> {
    return this.terms.versions(args);
  }

  @Query(() => TermsVersion, { nullable: true, description: 'The version new bookings are asked to accept.' })
  @StaffOnly(ApiScope.TERMS_READ)
  currentTermsVersion(): Promise<TermsVersion | null> {
    return this.terms.currentVersion();
  }

  @Mutation(() => PublishTermsVersionPayload, { description: 'Publish a new text of the terms as the current version. Earlier acknowledgments keep the version they accepted.' })
  @AdminOnly()
  async publishTermsVersion(@Arg('input', () => PublishTermsVersionInput) input: PublishTermsVersionInput, @Ctx() context: RequestContext): Promise<PublishTermsVersionPayload> {
    const staffUserId = context.principal?.kind === 'staff' ? context.principal.staffUserId : null;
    return { termsVersion: await this.terms.publishVersion({ title: input.title, text: input.text, staffUserId }), userErrors: [] };
  }

  @FieldResolver(() => String, { description: 'The public page showing this version (the link in the terms request).' })
  url(@Root() version: TermsVersion): string {
    return this.terms.versionUrl(version);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'Who published it; null for the placeholder the first install starts with.' })
  publishedBy(@Root() version: TermsVersion, @Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    return version.publishedByStaffUserId ? context.loaders.staffUserById.load(version.publishedByStaffUserId) : null;
  }
}

@Resolver(() => TermsAcknowledgment)
export class TermsAcknowledgmentResolver {
  constructor(private readonly terms: TermsService) {}

  @Query(() => TermsAcknowledgmentConnection, { description: 'Acknowledgments, newest first (by chain sequence).' })
  @StaffOnly(ApiScope.TERMS_READ)
  termsAcknowledgments(@Args(() => TermsAcknowledgmentsArgs) args: TermsAcknowledgmentsArgs): Promise<Connection<TermsAcknowledgment>> {
    return this.terms.acknowledgments({ bookingId: args.bookingId }, args);
  }

  @Mutation(() => RecordTermsAcknowledgmentPayload, { description: 'Record that a booking’s customer accepted the current terms; the booking is then confirmed.' })
  @StaffOnly(ApiScope.TERMS_WRITE)
  async recordTermsAcknowledgment(
    @Arg('input', () => RecordTermsAcknowledgmentInput) input: RecordTermsAcknowledgmentInput,
    @Ctx() context: RequestContext,
  ): Promise<RecordTermsAcknowledgmentPayload> {
    const acknowledgment = await this.terms.recordFromRequest({
      bookingId: input.bookingId,
      channel: input.channel,
      replyText: input.replyText ?? null,
      ip: context.ip,
      userAgent: context.userAgent,
      principal: context.principal!,
    });
    return { acknowledgment, userErrors: [] };
  }

  @Query(() => TermsEvidenceVerification, { description: 'Recompute every acknowledgment’s content hash and check every link of the chain.' })
  @StaffOnly(ApiScope.TERMS_READ)
  async verifyTermsEvidence(): Promise<TermsEvidenceVerification> {
    return toVerification(await this.terms.verifyChain());
  }

  @Query(() => TermsEvidence, { nullable: true, description: 'A booking’s whole terms trail; null when no booking has this id.' })
  @StaffOnly(ApiScope.TERMS_READ)
  async termsEvidence(@Arg('bookingId', () => ID) bookingId: string): Promise<TermsEvidence | null> {
    const evidence = await this.terms.evidence(bookingId);
    return evidence ? { ...evidence, verification: toVerification(evidence.verification) } : null;
  }

  @FieldResolver(() => Booking, { nullable: true })
  booking(@Root() acknowledgment: TermsAcknowledgment, @Ctx() context: RequestContext): Promise<Booking | null> {
    return context.loaders.bookingById.load(acknowledgment.bookingId);
  }

  @FieldResolver(() => ID)
  bookingId(@Root() acknowledgment: TermsAcknowledgment): string {
    return toGlobalId('Booking', acknowledgment.bookingId);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() acknowledgment: TermsAcknowledgment, @Ctx() context: RequestContext): Promise<Customer | null> {
    return context.loaders.customerById.load(acknowledgment.customerId);
  }

  @FieldResolver(() => TermsVersion, { nullable: true, description: 'The version accepted.' })
  termsVersion(@Root() acknowledgment: TermsAcknowledgment, @Ctx() context: RequestContext): Promise<TermsVersion | null> {
    return context.loaders.termsVersionById.load(acknowledgment.termsVersionId);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff member who recorded it, when one did.' })
  recordedBy(@Root() acknowledgment: TermsAcknowledgment, @Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    return acknowledgment.recordedByStaffUserId ? context.loaders.staffUserById.load(acknowledgment.recordedByStaffUserId) : null;
  }
}

@Resolver(() => TermsEvidence)
export class TermsEvidenceResolver {
  constructor(private readonly terms: TermsService) {}

  @FieldResolver(() => String, { description: 'The printable evidence page, openable in a browser without signing in for TERMS_EVIDENCE_LINK_MINUTES.' })
  printableUrl(@Root() evidence: TermsEvidence): Promise<string> {
    return this.terms.printableUrl(evidence.booking.id);
  }
}

function toVerification(verification: ChainVerification): TermsEvidenceVerification {
  const mismatch = verification.firstMismatch;
  return {
    ...verification,
    firstMismatch: mismatch ? { ...mismatch, acknowledgmentId: toGlobalId('TermsAcknowledgment', mismatch.acknowledgmentId) } : null,
  };
}

/** A booking's acceptance of the terms, on the booking: read through the request's loader, so a page of bookings costs one statement for all of them. */
@Resolver(() => Booking)
export class BookingTermsResolver {
  @FieldResolver(() => TermsAcknowledgment, { nullable: true, description: 'The evidence that the customer accepted the terms; null until they do. An API key needs TERMS_READ (it holds the customer\'s address and browser).' })
  @StaffOnly(ApiScope.TERMS_READ)
  termsAcknowledgment(@Root() booking: Booking, @Ctx() context: RequestContext): Promise<TermsAcknowledgment | null> {
    return context.loaders.termsAcknowledgmentByBookingId.load(booking.id);
  }
}

import { randomUUID } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal';
import { signLinkToken, verifyLinkToken } from '../../shared/auth/tokens';
import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { DayCount, FigureWindow } from '../../shared/figure-window';
import { encodeCursor, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId, toGlobalId } from '../../shared/graphql/global-id';
import { throwIfAny } from '../../shared/graphql/user-errors';
import { Booking, BookingStatus } from '../bookings/booking.entity';
import { Channel } from '../conversations/channel';
import type { ReplyLanguage } from '../conversations/conversation.entity';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Message } from '../conversations/message.entity';
import type { Customer } from '../customers/customer.entity';
import type { CustomersRepository } from '../customers/customers.repository';
import { TermsAcknowledgment, TermsChannel } from './terms-acknowledgment.entity';
import type { TermsBookingsPort } from './terms-bookings.port';
import { canonicalContent, checkChainRun, contentSha256, GENESIS_SHA256, sha256Hex, type ChainMismatch, type ChainRecord } from './terms-evidence';
import type { TermsInvalidReply } from './terms-invalid-reply.entity';
import { readTermsReply } from './terms-reply';
import { termsTexts } from './terms-texts';
import type { TermsVersion } from './terms-version.entity';
import { termsErrors } from './terms.errors';
import { isUniqueViolation, type TermsRepository } from './terms.repository';

/** What recordAcknowledgment stores; everything but the booking, channel and reply is optional. */
export interface RecordAcknowledgmentParams {
  /** The booking's database id. */
  bookingId: string;
  channel: TermsChannel;
  /** The customer's reply exactly as received; null where there was none (a web checkbox). */
  replyText: string | null;
  providerMessageId?: string | null;
  /** The number or address the reply came from. */
  fromAddress?: string | null;
  /** Whether the webhook delivery that carried the reply had its signature verified. */
  signatureVerified: boolean;
  receivedAt: Date;
  ip?: string | null;
  userAgent?: string | null;
  /** The staff member who recorded it, when one did (a phone or in-person acceptance). */
  staffUserId?: string | null;
}

export interface ApplyReplyParams {
  /** A booking in PENDING_TERMS. */
  booking: Booking;
  text: string;
  channel: TermsChannel;
  providerMessageId: string | null;
  fromAddress: string | null;
  signatureVerified: boolean;
  receivedAt: Date;
  /** The language of the thread the reply arrived in, to answer in; English when null. */
  language: ReplyLanguage | null;
}

export type ApplyReplyOutcome = 'ACCEPTED' | 'REFUSED' | 'UNCLEAR' | 'UNCLEAR_AGAIN';

export interface ChainVerification {
  ok: boolean;
  checkedCount: number;
  mismatchCount: number;
  firstMismatch: ChainMismatch | null;
  headSequence: number | null;
  headSha256: string | null;
  verifiedAt: Date;
}

/** How one record sits in the chain: its own hash recomputed, and the links on either side. */
export interface RecordCheck {
  contentHashMatches: boolean;
  previousLinkMatches: boolean;
  /** Null for the newest record, which nothing follows yet. */
  nextLinkMatches: boolean | null;
  termsHashMatches: boolean;
  chainLength: number;
}

/** A booking's whole terms trail, as the evidence page and `termsEvidence` show it. */
export interface TermsEvidenceView {
  booking: Booking;
  customer: Customer | null;
  acknowledgment: TermsAcknowledgment | null;
  /** The version accepted, or the current one while none is. */
  termsVersion: TermsVersion;
  /** The exact string the acknowledgment's content hash is computed over. */
  canonicalContent: string | null;
  recordCheck: RecordCheck | null;
  verification: ChainVerification;
  messages: Message[];
  invalidReplies: TermsInvalidReply[];
  generatedAt: Date;
}

/** Text channels, where the customer's own words are the evidence. */
const TEXT_CHANNELS = new Set([TermsChannel.SMS, TermsChannel.WHATSAPP, TermsChannel.AI_CHAT, TermsChannel.EMAIL]);
const CONVERSATION_CHANNEL: Partial<Record<TermsChannel, Channel>> = { [TermsChannel.SMS]: Channel.SMS, [TermsChannel.WHATSAPP]: Channel.WHATSAPP };
const VERIFY_RUN = 1000;
const DAY_MS = 24 * 3600_000;
/** Up to this many messages of each thread, from two days before the booking: the conversation that led to it and the reply. */
const EVIDENCE_MESSAGE_PAGES = 3;

/**
 * Terms versions and the evidence that customers accepted them. Acknowledgments are appended
 * to one hash chain, serialised across instances by an advisory lock held to the end of the
 * caller's transaction; the database refuses any change to what was written.
 */
export class TermsService {
  private linkKeyPromise?: Promise<string>;

  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: TermsRepository;
      bookings: TermsBookingsPort;
      findBookings(ids: readonly string[]): Promise<Booking[]>;
      conversations: ConversationsService;
      /** Read-only: finds the thread a reply arrived in by its provider message id. */
      customers: CustomersRepository;
      publicUrl(): string;
      businessName: string;
      businessTimeZone: string;
      evidenceLinkMinutes: number;
      maxPageSize: number;
    },
  ) {}

  // --- versions ----------------------------------------------------------------------------------

  currentVersion(tx?: Tx): Promise<TermsVersion | null> {
    return this.deps.repository.currentVersion(tx);
  }

  versions(args: ConnectionArgs): Promise<Connection<TermsVersion>> {
    return this.deps.repository.versions(args);
  }

  findVersions(ids: readonly string[]): Promise<TermsVersion[]> {
    return this.deps.repository.findVersions(ids);
  }

  /** A version by its global id, its database id, or its label ("v3"), as a link names it. */
  async findVersionByReference(reference: string): Promise<TermsVersion | null> {
    const label = /^v(\d{1,9})$/i.exec(reference);
    if (label) return this.deps.repository.findVersionByNumber(Number(label[1]));
    const id = fromGlobalId('TermsVersion', reference) ?? (UUID.test(reference) ? reference.toLowerCase() : undefined);
    return id ? this.deps.repository.findVersion(id) : null;
  }

  /** Where a version can be read: the page the terms request links to. */
  versionUrl(version: TermsVersion): string {
    return `${this.deps.publicUrl()}/terms/${version.globalId}`;
  }

  /**
   * Publishes a new text as the current version. Earlier versions stay as they were, and every
   * acknowledgment keeps pointing at the version it accepted. Line endings are made \n and the
   * text trimmed, so the same text pasted from any system has the same hash.
   */
  publishVersion(params: { title: string; text: string; staffUserId: string | null }): Promise<TermsVersion> {
    const title = params.title.trim();
    const text = params.text.replace(/\r\n?/g, '\n').trim();
    // Both at once, so the form is corrected in one go.
    throwIfAny([...(title ? [] : termsErrors.titleRequired().userErrors), ...(text ? [] : termsErrors.textRequired().userErrors)]);
    return this.deps.uow.run(async (tx) => {
      const { repository } = this.deps;
      await repository.lockVersions(tx);
      const version = (await repository.lastVersionNumber(tx)) + 1;
      await repository.clearCurrent(tx);
      return repository.insertVersion(tx, {
        version,
        label: `v${version}`,
        title,
        text,
        sha256: sha256Hex(text),
        publishedByStaffUserId: params.staffUserId,
        isCurrent: true,
      });
    });
  }

  // --- acknowledgments ---------------------------------------------------------------------------

  /**
   * Appends the evidence that the booking's customer accepted the current terms, and confirms
   * the booking (bookings' confirmAfterTerms: PENDING_TERMS to CONFIRMED, its event, the
   * confirmation text), all in the caller's transaction. Refused (a userFailure, nothing
   * written) when the booking is unknown, already accepted, or not waiting for terms.
   */
  async recordAcknowledgment(tx: Tx, events: PendingEvents, params: RecordAcknowledgmentParams): Promise<TermsAcknowledgment> {
    const { repository, bookings } = this.deps;
    const booking = await bookings.lockById(tx, params.bookingId);
    if (!booking) throw termsErrors.bookingNotFound();
    const earlier = await repository.acknowledgmentOfBooking(booking.id, tx);
    // Accepted once already, unless a change since (TERMS_AGAIN_ON_CHANGE) asked for them again.
    const askedAgain = Boolean(booking.termsAskedAgainAt) && new Date(booking.termsAskedAgainAt!).getTime() > new Date(earlier?.receivedAt ?? 0).getTime();
    if (earlier && !askedAgain) throw termsErrors.alreadyAccepted(this.inBusinessTime(earlier.receivedAt));
    if (booking.status !== BookingStatus.PENDING_TERMS) throw termsErrors.notPending(booking.status);
    const version = await repository.currentVersion(tx);
    if (!version) throw termsErrors.noCurrentVersion();

    // Held to the end of the transaction: the next append reads this one as its head.
    await repository.lockChain(tx);
    const head = await repository.chainHead(tx);
    const fields: ChainRecord = {
      id: randomUUID(),
      sequence: (head?.sequence ?? 0) + 1,
      bookingId: booking.id,
      customerId: booking.customerId,
      termsVersionId: version.id,
      termsSha256: version.sha256,
      channel: params.channel,
      replyText: params.replyText,
      providerMessageId: params.providerMessageId ?? null,
      fromAddress: params.fromAddress ?? null,
      signatureVerified: params.signatureVerified,
      receivedAt: new Date(params.receivedAt.getTime()),
      // Cut to what the columns hold before hashing, so the stored record is the hashed one.
      ip: params.ip?.slice(0, 64) ?? null,
      userAgent: params.userAgent?.slice(0, 1024) ?? null,
      recordedByStaffUserId: params.staffUserId ?? null,
      previousSha256: head?.contentSha256 ?? GENESIS_SHA256,
      createdAt: new Date(),
    };
    let acknowledgment: TermsAcknowledgment;
    try {
      acknowledgment = await repository.insertAcknowledgment(tx, { ...fields, channel: params.channel, contentSha256: contentSha256(fields) });
    } catch (error) {
      if (isUniqueViolation(error, 'terms_acknowledgment_one_per_booking')) throw termsErrors.alreadyAccepted(this.inBusinessTime(params.receivedAt));
      throw error;
    }
    // Accepted by the customer (a text, the web): the confirmation answers them. Recorded by staff: it is news, held out of quiet hours.
    await bookings.confirmAfterTerms(tx, events, booking, { answersCustomer: !params.staffUserId });
    return acknowledgment;
  }

  /**
   * Reads a customer's reply to the terms request (a STOP was handled before, by the consent
   * rules) and acts on it in the caller's transaction: ACCEPTED records the acknowledgment and
   * confirms the booking; REFUSED records nothing; UNCLEAR counts an invalid reply and returns
   * one clarifying re-prompt; a second unclear reply for the booking is UNCLEAR_AGAIN (still
   * counted), for the caller to hand the thread to staff. `reply` is the text to send back; the
   * confirmation itself is sent by bookings.
   */
  async applyReply(tx: Tx, events: PendingEvents, params: ApplyReplyParams): Promise<{ outcome: ApplyReplyOutcome; reply: string }> {
    const reading = readTermsReply(params.text);
    const say = termsTexts(params.language);
    if (reading === 'ACCEPT') {
      await this.recordAcknowledgment(tx, events, {
        bookingId: params.booking.id,
        channel: params.channel,
        replyText: params.text,
        providerMessageId: params.providerMessageId,
        fromAddress: params.fromAddress,
        signatureVerified: params.signatureVerified,
        receivedAt: params.receivedAt,
      });
      return { outcome: 'ACCEPTED', reply: say.accepted };
    }
    if (reading === 'REFUSE') return { outcome: 'REFUSED', reply: say.refused };
    // Locked so two replies arriving together count as two, in order.
    const booking = await this.deps.bookings.lockById(tx, params.booking.id);
    if (!booking) throw termsErrors.bookingNotFound();
    await this.deps.repository.insertInvalidReply(tx, { bookingId: booking.id, text: params.text, receivedAt: params.receivedAt });
    if ((await this.deps.repository.countInvalidReplies(tx, booking.id)) >= 2) return { outcome: 'UNCLEAR_AGAIN', reply: say.handedToStaff };
    return { outcome: 'UNCLEAR', reply: await this.clarifyingText(tx, params.language) };
  }

  /** The acceptance of each of these bookings, where there is one. */
  acknowledgmentsOfBookings(bookingIds: readonly string[]): Promise<TermsAcknowledgment[]> {
    return this.deps.repository.acknowledgmentsOfBookings(bookingIds);
  }

  /** The text asking the customer to accept the terms, with the link to the current version, in the thread's language. */
  async termsRequestText(booking: Booking, language: ReplyLanguage | null, tx?: Tx): Promise<string> {
    const version = await this.deps.repository.currentVersion(tx);
    if (!version) throw termsErrors.noCurrentVersion();
    return termsTexts(language).request({
      businessName: this.deps.businessName,
      eventDate: booking.eventDate,
      startTime: booking.startTime,
      partySize: booking.partySize,
      termsUrl: this.versionUrl(version),
    });
  }

  private async clarifyingText(tx: Tx, language: ReplyLanguage | null): Promise<string> {
    const version = await this.deps.repository.currentVersion(tx);
    return termsTexts(language).clarifying(version ? this.versionUrl(version) : `${this.deps.publicUrl()}/terms`);
  }

  /** The GraphQL path (console and integrators): one transaction; IP and user agent are the customer's only on the web. */
  recordFromRequest(params: {
    bookingId: string;
    channel: TermsChannel;
    replyText: string | null;
    ip: string;
    userAgent: string | undefined;
    principal: Principal;
  }): Promise<TermsAcknowledgment> {
    const replyText = params.replyText?.trim() ? params.replyText : null;
    if (TEXT_CHANNELS.has(params.channel) && !replyText) throw termsErrors.replyTextRequired(params.channel);
    if (replyText && readTermsReply(replyText) === 'REFUSE') throw termsErrors.replyIsRefusal();
    const bookingId = fromGlobalId('Booking', params.bookingId);
    if (!bookingId) throw termsErrors.bookingNotFound();
    const web = params.channel === TermsChannel.WEB;
    return this.deps.uow.run((tx, events) =>
      this.recordAcknowledgment(tx, events, {
        bookingId,
        channel: params.channel,
        replyText,
        signatureVerified: false,
        receivedAt: new Date(),
        ip: web ? params.ip : null,
        userAgent: web ? (params.userAgent ?? null) : null,
        staffUserId: params.principal.kind === 'staff' ? params.principal.staffUserId : null,
      }),
    );
  }

  acknowledgments(filter: { bookingId?: string }, args: ConnectionArgs): Promise<Connection<TermsAcknowledgment>> {
    // A booking id that names nothing matches nothing, rather than every booking.
    const bookingId = filter.bookingId === undefined ? undefined : (fromGlobalId('Booking', filter.bookingId) ?? '00000000-0000-0000-0000-000000000000');
    return this.deps.repository.acknowledgments({ bookingId }, args);
  }

  // --- verification and export -------------------------------------------------------------------

  /** Recomputes every record's content hash and every link, in chain order, a run at a time. */
  async verifyChain(): Promise<ChainVerification> {
    const versions = new Map((await this.deps.repository.versionFacts()).map((version) => [version.id, version]));
    let previous: { sequence: number; contentSha256: string } | null = null;
    let checkedCount = 0;
    const mismatches: ChainMismatch[] = [];
    for (;;) {
      const run = await this.deps.repository.chainRun(previous?.sequence ?? 0, VERIFY_RUN);
      if (run.length === 0) break;
      const result = checkChainRun({ records: run, previous, versions });
      mismatches.push(...result.mismatches);
      previous = result.last;
      checkedCount += run.length;
      if (run.length < VERIFY_RUN) break;
    }
    return {
      ok: mismatches.length === 0,
      checkedCount,
      mismatchCount: mismatches.length,
      firstMismatch: mismatches[0] ?? null,
      headSequence: previous?.sequence ?? null,
      headSha256: previous?.contentSha256 ?? null,
      verifiedAt: new Date(),
    };
  }

  /** The database id a booking reference names: its global id, or the id itself. */
  bookingIdOf(reference: string): string | undefined {
    return fromGlobalId('Booking', reference) ?? (UUID.test(reference) ? reference.toLowerCase() : undefined);
  }

  /** A booking's whole trail: null when no booking has this id (a global id or a database id). */
  async evidence(bookingReference: string): Promise<TermsEvidenceView | null> {
    const bookingId = this.bookingIdOf(bookingReference);
    const [booking] = bookingId ? await this.deps.findBookings([bookingId]) : [];
    if (!booking) return null;
    const { repository } = this.deps;
    const acknowledgment = await repository.acknowledgmentOfBooking(booking.id);
    const [termsVersion, customer, verification, invalidReplies, messages] = await Promise.all([
      acknowledgment ? repository.findVersion(acknowledgment.termsVersionId) : repository.currentVersion(),
      this.deps.customers.findById(booking.customerId),
      this.verifyChain(),
      repository.invalidRepliesOf(booking.id),
      this.messagesAround(booking, acknowledgment),
    ]);
    if (!termsVersion) throw new Error('no terms version to show: the first migration seeds one');
    return {
      booking,
      customer,
      acknowledgment,
      termsVersion,
      canonicalContent: acknowledgment ? canonicalContent(acknowledgment) : null,
      recordCheck: acknowledgment ? await this.checkRecord(acknowledgment, termsVersion) : null,
      verification,
      messages,
      invalidReplies,
      generatedAt: new Date(),
    };
  }

  private async checkRecord(record: TermsAcknowledgment, version: TermsVersion): Promise<RecordCheck> {
    const [{ previous, next }, head] = await Promise.all([this.deps.repository.neighbours(record.sequence), this.deps.repository.chainHead()]);
    return {
      contentHashMatches: contentSha256(record) === record.contentSha256,
      previousLinkMatches: record.previousSha256 === (previous ? previous.contentSha256 : GENESIS_SHA256) && record.sequence === (previous?.sequence ?? 0) + 1,
      nextLinkMatches: next ? next.previousSha256 === record.contentSha256 && next.sequence === record.sequence + 1 : null,
      termsHashMatches: record.termsSha256 === version.sha256 && sha256Hex(version.text) === version.sha256,
      chainLength: head?.sequence ?? record.sequence,
    };
  }

  /**
   * The messages of the booking's thread, and of the thread the reply arrived in when that is
   * another (a phone booking accepted by text), from two days before the booking until a day
   * after the acceptance, oldest first.
   */
  private async messagesAround(booking: Booking, acknowledgment: TermsAcknowledgment | null): Promise<Message[]> {
    const threads = new Set<string>();
    if (booking.conversationId) threads.add(booking.conversationId);
    const replyChannel = acknowledgment ? CONVERSATION_CHANNEL[acknowledgment.channel] : undefined;
    if (acknowledgment?.providerMessageId && replyChannel) {
      const providerMessageId = acknowledgment.providerMessageId;
      const reply = await this.deps.conversations.findInboundMessage(replyChannel, providerMessageId);
      if (reply) threads.add(reply.conversationId);
    }
    const from = new Date(Math.min(new Date(booking.createdAt).getTime(), acknowledgment?.receivedAt.getTime() ?? Infinity) - 2 * DAY_MS);
    const until = (acknowledgment?.receivedAt.getTime() ?? Date.now()) + DAY_MS;
    const messages: Message[] = [];
    for (const conversationId of threads) {
      // A cursor just before `from`: the thread's pages are keyed by (created_at, id).
      let after = encodeCursor([from.toISOString(), '00000000-0000-0000-0000-000000000000']);
      for (let page = 0; page < EVIDENCE_MESSAGE_PAGES; page++) {
        const found = (await this.deps.conversations.messagePages([conversationId], { first: this.deps.maxPageSize, after })).get(conversationId);
        const nodes = found?.edges.map((edge) => edge.node) ?? [];
        messages.push(...nodes.filter((message) => message.createdAt.getTime() <= until));
        if (!found?.pageInfo.hasNextPage || !found.pageInfo.endCursor || nodes.some((message) => message.createdAt.getTime() > until)) break;
        after = found.pageInfo.endCursor;
      }
    }
    return messages.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** A link to the printable evidence page that works without a bearer token until it expires. */
  async printableUrl(bookingId: string): Promise<string> {
    const token = signLinkToken(await this.linkKey(), { sub: bookingId, exp: new Date(Date.now() + this.deps.evidenceLinkMinutes * 60_000) });
    return `${this.deps.publicUrl()}/terms-evidence/${toGlobalId('Booking', bookingId)}?token=${encodeURIComponent(token)}`;
  }

  /** Whether a printable link's token was signed here for this booking and has not expired. */
  async printableLinkAllows(token: string, bookingId: string): Promise<boolean> {
    return verifyLinkToken(await this.linkKey(), token) === bookingId;
  }

  private linkKey(): Promise<string> {
    this.linkKeyPromise ??= this.deps.repository.linkKey().catch((error: unknown) => {
      this.linkKeyPromise = undefined;
      throw error;
    });
    return this.linkKeyPromise;
  }

  /** An instant as the business reads it, e.g. "May 1, 2026, 1:03 PM EDT". */
  inBusinessTime(at: Date): string {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: this.deps.businessTimeZone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(at);
  }

  /** Invalid replies to the terms request per day of the window (metrics). */
  invalidRepliesPerDay(window: FigureWindow): Promise<DayCount[]> {
    return this.deps.repository.invalidRepliesPerDay(window);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

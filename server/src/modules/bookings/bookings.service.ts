import { recipientTimeZone } from '../channels/recipient-time-zone';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { DateTime } from 'luxon';
import type { TermsChangeKind } from '../../app/config';
import type { Logger } from '../../shared/logger';
import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { FigureWindow } from '../../shared/figure-window';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { inputErrors, throwIfAny, userFailure, UserInputFailure, type UserError } from '../../shared/graphql/user-errors';
import { Channel, TEXTING_CHANNELS } from '../conversations/channel';
import { ConversationStage, type Conversation, type ReplyLanguage } from '../conversations/conversation.entity';
import type { ConversationsService } from '../conversations/conversations.service';
import { MessageAuthor } from '../conversations/message.entity';
import { IdentityKind, type Customer } from '../customers/customer.entity';
import type { CustomersRepository } from '../customers/customers.repository';
import { CustomerTopic, customerSnapshot } from '../customers/customers.events';
import { Booking, BookingStatus } from './booking.entity';
import { refuseMove, STATUS_WORDS } from './booking-status';
import { confirmationText } from './booking-texts';
import { BookingTopic, type BookingChange, type BookingSnapshot } from './bookings.events';
import { planDayRoute, type DayRoute, type RouteDrives } from './day-route';
import type { BookingFilter, BookingsRepository } from './bookings.repository';
import { asksForTermsAgain } from './change-terms';
import { priceBreakdown, type PriceBreakdownValues, type PriceList } from './pricing';

/** A travel quote as a booking needs it; the travel module answers (SPEC §4). */
export interface BookingTravelQuote {
  id: string;
  feeCents: number;
  declined: boolean;
  declineReason: string | null;
}

/** What bookings need of the travel module. */
export interface TravelQuoter extends RouteDrives {
  /** Quotes the drive to an address for an event leaving at `departure`; throws a user failure (field `address`) when it cannot place it. */
  quote(input: { address: string; departure: Date | null }): Promise<BookingTravelQuote>;
  /** The fees these quotes gave, by quote id. */
  quotedFees(quoteIds: readonly string[]): Promise<Map<string, number>>;
}

export interface BookingSettings {
  prices: PriceList;
  /** The most guests one booking may have. */
  maxGuests: number;
  businessName: string;
  businessTimeZone: string;
  /** Changes to a confirmed booking that ask for its terms again (TERMS_AGAIN_ON_CHANGE). */
  termsAgainOn: readonly TermsChangeKind[];
}

export interface BookingDetails {
  eventDate?: string;
  startTime?: string;
  address?: string;
  adults?: number;
  kids?: number;
  dietaryNotes?: string | null;
  smsConsent?: boolean;
}

export interface NewBookingRequest extends BookingDetails {
  customer: { id?: string; name?: string; phone?: string; email?: string };
  sourceChannel: Channel;
  /** Ask for the terms now (default): the booking waits for them. False keeps it an inquiry. */
  requestTerms?: boolean;
}

const PHONE_MESSAGE = 'Phone: enter a phone number such as (916) 555-0100.';

/** Channels whose bookings get the terms by text at once (SPEC §5): the customer reached us by phone number. */
const TERMS_BY_TEXT = TEXTING_CHANNELS;

/**
 * Booking use cases (SPEC §4): made by staff, integrators and the assistant through the same
 * methods, priced from the price list and the travel quote, moved only along the status machine,
 * and published after commit. Lock order, everywhere: the customer's thread before the booking,
 * as the inbound path holds the thread when a reply to the terms arrives.
 */
export class BookingsService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: BookingsRepository;
      customers: CustomersRepository;
      conversations: ConversationsService;
      travel: TravelQuoter;
      settings: BookingSettings;
      logger: Logger;
    },
  ) {}

  // ---------------------------------------------------------------- reading

  list(filter: Omit<BookingFilter, 'customerId'> & { customerId?: string }, args: ConnectionArgs): Promise<Connection<Booking>> {
    // A customer id that names nothing matches no booking, rather than every booking.
    const customerId = filter.customerId === undefined ? undefined : (fromGlobalId('Customer', filter.customerId) ?? '00000000-0000-0000-0000-000000000000');
    return this.deps.repository.list({ ...filter, customerId }, args);
  }

  /** Bookings made (and their value) and cancelled in [from, to), for the weekly summary. */
  weekFigures(range: { from: Date; to: Date }): Promise<{ made: number; madeValueCents: number; cancelled: number }> {
    return this.deps.repository.weekFigures(range);
  }

  async findByGlobalId(globalId: string): Promise<Booking | null> {
    const id = fromGlobalId('Booking', globalId);
    return id ? this.deps.repository.findById(id) : null;
  }

  findByIds(ids: readonly string[]): Promise<Booking[]> {
    return this.deps.repository.findByIds(ids);
  }

  /** The day's confirmed events as a drive from the base, with each one's clustering discount. */
  async dayRoute(date: string): Promise<DayRoute> {
    if (!DateTime.fromISO(date, { zone: 'UTC' }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw userFailure('INVALID_DATE', 'Date must be a date such as 2026-12-20.', 'date');
    const bookings = await this.deps.repository.confirmedOn(date);
    const quoted = await this.quotedFeesOf(bookings);
    return planDayRoute(date, bookings, quoted, this.deps.travel, this.deps.settings.businessTimeZone);
  }

  /**
   * Sets each confirmed booking of the day to the travel fee the clustering rule gives it (its
   * quoted fee less the discount when it clusters, the quoted fee again when it no longer does).
   * Applying twice changes nothing. Returns the route as it then stands.
   */
  async applyClusterDiscounts(date: string): Promise<DayRoute> {
    const route = await this.dayRoute(date);
    await this.deps.uow.run(async (tx, events) => {
      for (const stop of route.stops) {
        if (stop.clusteredTravelFeeCents === stop.travelFeeCents) continue;
        const { booking } = await this.lockWithThread(tx, stop.booking.id);
        // A booking moved or changed since the route was read is left to the next apply.
        if (booking.status !== BookingStatus.CONFIRMED || booking.eventDate !== date || booking.travelFeeCents !== stop.travelFeeCents) continue;
        booking.travelFeeCents = stop.clusteredTravelFeeCents;
        await this.deps.repository.save(tx, booking);
        this.publish(events, 'UPDATED', booking);
      }
    });
    return this.dayRoute(date);
  }

  private async quotedFeesOf(bookings: readonly Booking[]): Promise<Map<string, number>> {
    const quoteIds = bookings.map((booking) => booking.travelQuoteId).filter((id): id is string => id !== null);
    const fees = await this.deps.travel.quotedFees(quoteIds);
    return new Map(bookings.filter((booking) => booking.travelQuoteId && fees.has(booking.travelQuoteId)).map((booking) => [booking.id, fees.get(booking.travelQuoteId!)!]));
  }

  // ---------------------------------------------------------------- writing

  /** A booking made by staff or an integrator. PHONE, SMS and WHATSAPP bookings get the terms by text at once. */
  async create(request: NewBookingRequest): Promise<Booking> {
    // Every problem of the form at once: its input rules, the customer and the event details.
    const problems: UserError[] = await inputErrors(request);
    const flagged = new Set(problems.map((p) => p.field));
    problems.push(...this.customerFaults(request.customer).filter((f) => !flagged.has(f.field)));
    problems.push(...this.detailFaults(request, null).faults.filter((f) => !flagged.has(f.field)));
    throwIfAny(problems);
    const details = this.checkDetails(request, null);
    const customerPhone = request.customer.phone ? this.phone(request.customer.phone, 'customer.phone') : undefined;
    const quote = await this.quoteTravel(details.address, details.eventDate, details.startTime);
    return this.deps.uow.run(async (tx, events) => {
      const customer = await this.customerFor(tx, events, { ...request.customer, phone: customerPhone });
      const thread = await this.textingThread(tx, { customer, conversation: null, sourceChannel: request.sourceChannel, smsConsent: details.smsConsent });
      const booking = await this.deps.repository.insert(tx, {
        ...this.newRow(details, quote),
        customerId: customer.id,
        conversationId: thread?.id ?? null,
        sourceChannel: request.sourceChannel,
        status: BookingStatus.INQUIRY,
      });
      if (thread) await this.attachThread(tx, thread, booking);
      if (request.requestTerms !== false) await this.moveToPendingTerms(tx, events, booking, thread);
      this.publish(events, 'CREATED', booking);
      return booking;
    });
  }

  /**
   * The booking the assistant made in a thread it holds locked (the caller's transaction). Its
   * terms are not asked for here: the assistant answers first, then calls `requestTermsInThread`.
   */
  async createFromConversation(
    tx: Tx,
    events: PendingEvents,
    conversation: Conversation,
    details: Required<Pick<BookingDetails, 'eventDate' | 'startTime' | 'address' | 'adults'>> & BookingDetails,
  ): Promise<Booking> {
    const checked = this.checkDetails(details, null);
    const quote = await this.quoteTravel(checked.address, checked.eventDate, checked.startTime);
    const booking = await this.deps.repository.insert(tx, {
      ...this.newRow({ ...checked, smsConsent: checked.smsConsent ?? TEXTING_CHANNELS.has(conversation.channel) }, quote),
      customerId: conversation.customerId,
      conversationId: conversation.id,
      sourceChannel: conversation.channel,
      status: BookingStatus.INQUIRY,
    });
    this.publish(events, 'CREATED', booking);
    return booking;
  }

  /** Whether `requestTermsInThread` would text the terms: the thread is answered by text, or the customer gave a number to text. */
  async canTextTerms(tx: Tx, booking: Booking, conversation: Conversation): Promise<boolean> {
    if (TEXTING_CHANNELS.has(conversation.channel)) return true;
    const customer = await this.deps.customers.findById(booking.customerId, tx);
    return Boolean(customer?.phone) && booking.smsConsent;
  }

  /**
   * Asks for the terms of a booking the assistant just made, in the thread it was made in when
   * that thread is answered by text, else by SMS to the phone the customer gave (`canTextTerms`
   * says whether there is one); without a number to text, the booking stays an inquiry.
   */
  async requestTermsInThread(tx: Tx, events: PendingEvents, booking: Booking, conversation: Conversation): Promise<void> {
    const customer = await this.deps.customers.findById(booking.customerId, tx);
    const thread = TEXTING_CHANNELS.has(conversation.channel)
      ? conversation
      : await this.textingThread(tx, { customer, conversation: null, sourceChannel: booking.sourceChannel, smsConsent: booking.smsConsent });
    if (!thread) return;
    if (thread !== conversation) {
      // The customer chose the chat's language; a text thread that has none yet answers in it too.
      thread.language ??= conversation.language;
      await this.attachThread(tx, thread, booking);
    }
    await this.moveToPendingTerms(tx, events, booking, thread);
    this.publish(events, 'STATUS_CHANGED', booking);
  }

  /**
   * Changes the details (re-quoting travel when the address or time moves), or sends the terms of
   * an inquiry. A change TERMS_AGAIN_ON_CHANGE names asks a confirmed booking for its terms again.
   */
  async update(globalId: string, changes: BookingDetails & { status?: BookingStatus }, input?: object): Promise<Booking> {
    const id = this.localId(globalId);
    const current = await this.deps.repository.findById(id);
    if (!current) throw notFound();
    // The input rules and the details' own checks in one answer, as on a new booking.
    const problems: UserError[] = input ? await inputErrors(input) : [];
    const flagged = new Set(problems.map((p) => p.field));
    problems.push(...this.detailFaults(changes, current).faults.filter((f) => !flagged.has(f.field)));
    throwIfAny(problems);
    const details = this.checkDetails(changes, current);
    const quote = this.movesTheDrive(details, current) ? await this.quoteTravel(details.address, details.eventDate, details.startTime) : null;
    return this.deps.uow.run(async (tx, events) => (await this.applyChange(tx, events, id, details, quote, changes.status)).booking);
  }

  /**
   * A change the customer agreed to in a thread the caller holds locked (the assistant's read-back
   * answered yes): the same checks, re-quote and terms rule as a change staff make. Says whether
   * the terms were asked for again.
   */
  async changeFromConversation(tx: Tx, events: PendingEvents, bookingId: string, changes: BookingDetails): Promise<{ booking: Booking; termsAgain: boolean }> {
    const current = await this.deps.repository.findById(bookingId);
    if (!current) throw notFound();
    const details = this.checkDetails(changes, current);
    const quote = this.movesTheDrive(details, current) ? await this.quoteTravel(details.address, details.eventDate, details.startTime) : null;
    return this.applyChange(tx, events, bookingId, details, quote, undefined);
  }

  /**
   * What a change would cost before the customer agrees to it: the faults that would refuse it
   * (a past day, too many guests, an address out of the area), else its price. A new address is
   * quoted here (and again when the change is made: the event may leave at another time).
   */
  async previewChange(booking: Booking, changes: BookingDetails): Promise<{ faults: UserError[]; price: PriceBreakdownValues | null }> {
    const { merged, faults } = this.detailFaults(changes, booking);
    if (faults.length > 0) return { faults, price: null };
    let travelFeeCents = booking.travelFeeCents;
    if (merged.address !== booking.address) {
      try {
        travelFeeCents = (await this.quoteTravel(merged.address!, merged.eventDate!, merged.startTime!)).feeCents;
      } catch (error) {
        if (error instanceof UserInputFailure) return { faults: error.userErrors.map((e) => ({ code: e.code ?? 'INVALID', message: e.message, field: e.field ?? 'address' })), price: null };
        throw error;
      }
    }
    return { faults: [], price: priceBreakdown({ ...booking, adults: merged.adults!, kids: merged.kids, travelFeeCents }) };
  }

  private movesTheDrive(details: ReturnType<BookingsService['checkDetails']>, current: Booking): boolean {
    return details.address !== current.address || details.eventDate !== current.eventDate || details.startTime !== current.startTime;
  }

  /** Writes a checked change to the booking, locked here after its threads; staff and the assistant both come through. */
  private async applyChange(
    tx: Tx,
    events: PendingEvents,
    id: string,
    details: ReturnType<BookingsService['checkDetails']>,
    quote: BookingTravelQuote | null,
    status: BookingStatus | undefined,
  ): Promise<{ booking: Booking; termsAgain: boolean }> {
    const { booking, thread } = await this.lockWithThread(tx, id);
    if (booking.status === BookingStatus.COMPLETED || booking.status === BookingStatus.CANCELLED) {
      throw userFailure('BOOKING_CLOSED', `This booking is ${STATUS_WORDS[booking.status]} and can no longer be changed.`);
    }
    const before = { eventDate: booking.eventDate, startTime: booking.startTime, address: booking.address, adults: booking.adults, kids: booking.kids };
    Object.assign(booking, this.detailColumns(details));
    if (quote) Object.assign(booking, { travelQuoteId: quote.id, travelFeeCents: quote.feeCents });
    let change: BookingChange = 'UPDATED';
    let termsAgain = false;
    if (status !== undefined && status !== booking.status) {
      if (status !== BookingStatus.PENDING_TERMS || booking.status !== BookingStatus.INQUIRY) {
        throw userFailure('ILLEGAL_STATUS_MOVE', refuseMove(booking.status, status) ?? this.ownPath(status), 'status');
      }
      // Phone, SMS and WhatsApp bookings are asked by text; a web booking may also accept on the web.
      if (!thread && TERMS_BY_TEXT.has(booking.sourceChannel)) {
        throw userFailure('NO_NUMBER_TO_TEXT', 'The terms go out by text: add the customer’s phone number first.', 'status');
      }
      if (thread) {
        await this.attachThread(tx, thread, booking);
        booking.conversationId ??= thread.id;
      }
      await this.moveToPendingTerms(tx, events, booking, thread);
      change = 'STATUS_CHANGED';
    } else if (booking.status !== BookingStatus.INQUIRY && asksForTermsAgain(before, booking, this.deps.settings.termsAgainOn)) {
      termsAgain = true;
      booking.termsAskedAgainAt = new Date();
      if (booking.status === BookingStatus.CONFIRMED) {
        // Not a move staff may ask for (the status machine refuses it): the accepted terms were
        // for another event, so the changed one waits for its own acceptance.
        booking.status = BookingStatus.PENDING_TERMS;
        change = 'STATUS_CHANGED';
      }
      if (thread && (TERMS_BY_TEXT.has(booking.sourceChannel) || booking.smsConsent)) {
        await this.deps.conversations.sendReply(tx, events, thread, { author: MessageAuthor.SYSTEM, text: await this.termsText(booking, thread.language, tx) });
      }
    }
    await this.deps.repository.save(tx, booking);
    this.publish(events, change, booking);
    return { booking, termsAgain };
  }

  async cancel(globalId: string, reason: string): Promise<Booking> {
    const id = this.localId(globalId);
    return this.deps.uow.run((tx, events) => this.cancelLocked(tx, events, id, reason));
  }

  /** A cancellation the customer agreed to in a thread the caller holds locked. */
  cancelFromConversation(tx: Tx, events: PendingEvents, bookingId: string, reason: string): Promise<Booking> {
    return this.cancelLocked(tx, events, bookingId, reason);
  }

  private async cancelLocked(tx: Tx, events: PendingEvents, id: string, reason: string): Promise<Booking> {
    const { booking } = await this.lockWithThread(tx, id);
    this.move(booking, BookingStatus.CANCELLED);
    booking.cancelledAt = new Date();
    booking.cancellationReason = reason.trim().slice(0, 500);
    await this.deps.repository.save(tx, booking);
    this.publish(events, 'STATUS_CHANGED', booking);
    return booking;
  }

  /** The customer's bookings still to come that are not cancelled, soonest first: what they may change. */
  openBookingsOf(customerId: string, tx?: Tx): Promise<Booking[]> {
    return this.deps.repository.openOfCustomer(customerId, this.today(), tx);
  }

  /** How many events hold a chef on this day (waiting for terms or confirmed), leaving one booking out. */
  eventsOn(date: string, exceptBookingId: string | null, tx?: Tx): Promise<number> {
    return this.deps.repository.countHoldingChefOn(date, exceptBookingId, tx);
  }

  /** Today on the business clock, YYYY-MM-DD. */
  businessToday(): string {
    return this.today();
  }

  /**
   * The booking, locked for the caller's transaction, after the threads it texts through (the
   * lock order every path keeps). The terms module takes it this way before it records an
   * acknowledgment.
   */
  async lockById(tx: Tx, bookingId: string): Promise<Booking | null> {
    const found = await this.deps.repository.findById(bookingId);
    if (!found) return null;
    return (await this.lockWithThread(tx, bookingId)).booking;
  }

  /**
   * The booking locked with the thread a text to its customer goes into (null when they cannot
   * be texted), for a message sent on a schedule; null when the booking is gone.
   */
  async lockForScheduledText(tx: Tx, bookingId: string): Promise<{ booking: Booking; thread: Conversation | null } | null> {
    if (!(await this.deps.repository.findById(bookingId))) return null;
    return this.lockWithThread(tx, bookingId);
  }

  /** Confirmed and completed bookings with their event between the two dates: what scheduled messages look at. */
  withEventsBetween(from: string, to: string): Promise<Booking[]> {
    return this.deps.repository.withEventsBetween(from, to);
  }

  /** The booking of this thread's customer that waits for the terms, locked; the inbound path holds the thread already. */
  awaitingTerms(tx: Tx, conversation: Conversation): Promise<Booking | null> {
    return this.deps.repository.lockAwaitingTerms(tx, { customerId: conversation.customerId, bookingId: conversation.bookingId });
  }

  /**
   * PENDING_TERMS -> CONFIRMED once the terms are accepted, and the confirmation to the customer:
   * at once when it answers their own acceptance, else (staff recorded it) outside the quiet
   * hours of the customer's clock.
   */
  async confirmAfterTerms(tx: Tx, events: PendingEvents, booking: Booking, how: { answersCustomer: boolean }): Promise<void> {
    this.move(booking, BookingStatus.CONFIRMED);
    booking.confirmedAt = new Date();
    await this.deps.repository.save(tx, booking);
    const thread = await this.confirmationThread(tx, booking);
    if (thread) {
      const confirmation = this.confirmationText(booking, thread.language);
      const depositLink = await this.depositLinkText(booking, thread.language, tx);
      const text = depositLink ? `${confirmation} ${depositLink}` : confirmation;
      const unprompted = how.answersCustomer ? null : await recipientTimeZone({ address: booking.address, phone: thread.channelAddress }, this.deps.settings.businessTimeZone);
      await this.deps.conversations.sendReply(tx, events, thread, { author: MessageAuthor.SYSTEM, text, ...(unprompted ? { purpose: 'BOOKING_CONFIRMATION', timeZone: unprompted.zone } : {}) });
    } else {
      this.deps.logger.info({ bookingId: booking.id }, 'booking confirmed with no thread to send the confirmation to');
    }
    this.publish(events, 'STATUS_CHANGED', booking);
  }

  /**
   * Sets the booking's paid amount to the payments ledger's sum, inside the payments module's
   * transaction (the booking locked by lockById first), and publishes the change after commit.
   */
  async setPaidCents(tx: Tx, events: PendingEvents, booking: Booking, paidCents: number): Promise<Booking> {
    if (booking.paidCents === paidCents) return booking;
    booking.paidCents = paidCents;
    const saved = await this.deps.repository.save(tx, booking);
    this.publish(events, 'UPDATED', saved);
    return saved;
  }

  /** Marks the confirmed bookings whose day has passed (business time zone) as completed; returns how many. */
  async completePastEvents(now = new Date()): Promise<number> {
    const today = DateTime.fromJSDate(now, { zone: this.deps.settings.businessTimeZone }).toISODate()!;
    let completed = 0;
    for (;;) {
      const batch = await this.deps.uow.run(async (tx, events) => {
        const due = await this.deps.repository.lockConfirmedBefore(tx, today, 100);
        for (const booking of due) {
          this.move(booking, BookingStatus.COMPLETED);
          booking.completedAt = now;
          await this.deps.repository.save(tx, booking);
          this.publish(events, 'STATUS_CHANGED', booking);
        }
        return due.length;
      });
      completed += batch;
      if (batch < 100) return completed;
    }
  }

  // ---------------------------------------------------------------- texts

  /**
   * Who writes the text asking for the terms: the terms module, which owns the versions and their
   * links. It is created after bookings (it confirms bookings), so it hands the writer in here.
   */
  useTermsRequestText(write: (booking: Booking, language: ReplyLanguage | null, tx: Tx) => Promise<string>): void {
    this.termsText = write;
  }

  private termsText: (booking: Booking, language: ReplyLanguage | null, tx: Tx) => Promise<string> = () => {
    throw new Error('no terms module: the terms request text has no writer');
  };

  /**
   * Who adds the deposit link to the confirmation: the deposits module, created after bookings.
   * Without one (or for a deposit already paid) the confirmation goes without a link.
   */
  useDepositLinkText(write: (booking: Booking, language: ReplyLanguage | null, tx: Tx) => Promise<string | null>): void {
    this.depositLinkText = write;
  }

  private depositLinkText: (booking: Booking, language: ReplyLanguage | null, tx: Tx) => Promise<string | null> = async () => null;

  /** The confirmation text in the language of the thread it goes to (booking-texts.ts holds every language). */
  confirmationText(booking: Booking, language: ReplyLanguage | null): string {
    return confirmationText(booking, language, this.deps.settings.businessName);
  }

  // ---------------------------------------------------------------- inside

  private async moveToPendingTerms(tx: Tx, events: PendingEvents, booking: Booking, thread: Conversation | null): Promise<void> {
    this.move(booking, BookingStatus.PENDING_TERMS);
    await this.deps.repository.save(tx, booking);
    // Web bookings accept on the web (recordTermsAcknowledgment); a number to text gets the link.
    if (thread && (TERMS_BY_TEXT.has(booking.sourceChannel) || booking.smsConsent)) {
      await this.deps.conversations.sendReply(tx, events, thread, { author: MessageAuthor.SYSTEM, text: await this.termsText(booking, thread.language, tx) });
    }
  }

  /** A thread opened to text about a booking is that booking's thread: the assistant there knows the party is booked. */
  private async attachThread(tx: Tx, thread: Conversation, booking: Booking): Promise<void> {
    if (thread.bookingId !== null) return;
    thread.bookingId = booking.id;
    thread.stage = ConversationStage.BOOKED;
    await this.deps.conversations.save(tx, thread);
  }

  private move(booking: Booking, to: BookingStatus): void {
    const refusal = refuseMove(booking.status, to);
    if (refusal) throw userFailure('ILLEGAL_STATUS_MOVE', refusal, 'status');
    booking.status = to;
  }

  private ownPath(to: BookingStatus): string {
    if (to === BookingStatus.CANCELLED) return 'Use Cancel booking, with a reason, to cancel it.';
    if (to === BookingStatus.CONFIRMED) return 'A booking is confirmed when the customer accepts the terms.';
    return 'A booking is completed the day after its event.';
  }

  /** Locks the booking's threads, then the booking (the one lock order). */
  private async lockWithThread(tx: Tx, id: string): Promise<{ booking: Booking; thread: Conversation | null }> {
    const seen = await this.deps.repository.findById(id);
    if (!seen) throw notFound();
    const customer = await this.deps.customers.findById(seen.customerId, tx);
    const own = seen.conversationId ? await this.deps.conversations.lockThreadById(tx, seen.conversationId) : null;
    const thread = own && TEXTING_CHANNELS.has(own.channel) ? own : await this.textingThread(tx, { customer, conversation: null, sourceChannel: seen.sourceChannel, smsConsent: seen.smsConsent });
    const booking = await this.deps.repository.lockById(tx, id);
    if (!booking) throw notFound();
    return { booking, thread };
  }

  /** The thread a text to this customer goes into: their SMS thread by phone, opened when new, when they may be texted. */
  private async textingThread(
    tx: Tx,
    where: { customer: Customer | null; conversation: Conversation | null; sourceChannel: Channel; smsConsent: boolean | undefined },
  ): Promise<Conversation | null> {
    if (where.conversation && TEXTING_CHANNELS.has(where.conversation.channel)) return where.conversation;
    const phone = where.customer?.phone;
    if (!phone || !(where.smsConsent || TEXTING_CHANNELS.has(where.sourceChannel))) return null;
    return this.deps.conversations.openThread(tx, { channel: Channel.SMS, address: phone, identity: { kind: IdentityKind.PHONE, value: phone } });
  }

  /** Where the confirmation goes: the texting thread, else the thread the booking was made in (a web chat). */
  private async confirmationThread(tx: Tx, booking: Booking): Promise<Conversation | null> {
    const customer = await this.deps.customers.findById(booking.customerId, tx);
    const own = booking.conversationId ? await this.deps.conversations.lockThreadById(tx, booking.conversationId) : null;
    return (await this.textingThread(tx, { customer, conversation: own, sourceChannel: booking.sourceChannel, smsConsent: booking.smsConsent })) ?? own;
  }

  private async customerFor(tx: Tx, events: PendingEvents, given: NewBookingRequest['customer']): Promise<Customer> {
    if (given.id) {
      const id = fromGlobalId('Customer', given.id);
      const customer = id ? await this.deps.customers.findById(id, tx) : null;
      if (!customer) throw userFailure('NOT_FOUND', 'No customer has this id.', 'customer.id');
      return this.learnedFrom(tx, events, await this.deps.customers.learn(tx, customer.id, { name: given.name, phone: given.phone, email: given.email }));
    }
    const name = given.name!.trim();
    const [kind, value] = given.phone ? [IdentityKind.PHONE, given.phone] : [IdentityKind.EMAIL, given.email!];
    const customer = await this.deps.customers.findOrCreateByIdentity(tx, kind, value);
    return this.learnedFrom(tx, events, await this.deps.customers.learn(tx, customer.id, { name, phone: given.phone, email: given.email }));
  }

  /**
   * A customer whose name, phone or email staff gave with a booking: every console shows it once
   * committed. A phone or email that belonged to another record joined the two (learn): that
   * record's threads and bookings follow its identities, audited like any merge.
   */
  private async learnedFrom(tx: Tx, events: PendingEvents, learned: Awaited<ReturnType<CustomersRepository['learn']>>): Promise<Customer> {
    const { customer, changed, mergedAway } = learned;
    const movedThreads: string[] = [];
    for (const { record, identities } of mergedAway) {
      const conversationIds = await this.deps.conversations.moveToCustomer(tx, record.id, customer.id);
      const bookingIds = await this.moveToCustomer(tx, events, record.id, customer.id);
      await this.deps.customers.insertMerge(tx, {
        survivingCustomerId: customer.id,
        mergedCustomerId: record.id,
        staffUserId: null,
        apiKeyId: null,
        mergedCustomer: { name: record.name, phone: record.phone, email: record.email },
        moved: { identities, conversationIds, bookingIds, filledFields: [] },
      });
      movedThreads.push(...conversationIds);
    }
    if (changed) events.add(CustomerTopic.UPDATED, { customer: customerSnapshot(customer), conversationIds: movedThreads, mergedCustomers: mergedAway.map(({ record }) => customerSnapshot(record)) });
    return customer;
  }

  /** What is missing or wrong in a new customer's details (an existing customer is checked by id). */
  private customerFaults(given: NewBookingRequest['customer']): UserError[] {
    if (given.id) return [];
    const faults: UserError[] = [];
    if (!given.name?.trim()) faults.push({ code: 'REQUIRED', message: 'Customer name: enter the name of the person booking, for example Dana Smith.', field: 'customer.name' });
    if (!given.phone?.trim() && !given.email?.trim()) {
      faults.push({ code: 'REQUIRED', message: 'Phone: enter a phone number such as (916) 555-0100, or fill in Email instead.', field: 'customer.phone' });
    } else if (given.phone?.trim() && !parsePhoneNumberFromString(given.phone, 'US')?.isValid()) {
      faults.push({ code: 'INVALID_PHONE', message: PHONE_MESSAGE, field: 'customer.phone' });
    }
    return faults;
  }

  /** A US phone number in any common format, as E.164; a clear error otherwise. */
  private phone(input: string, field: string): string {
    const parsed = parsePhoneNumberFromString(input, 'US');
    if (!parsed || !parsed.isValid()) throw userFailure('INVALID_PHONE', PHONE_MESSAGE, field);
    return parsed.number;
  }

  /** The details after the change, checked against today and the limits; every fault at once. */
  private checkDetails(given: BookingDetails, current: Booking | null): Required<Omit<BookingDetails, 'dietaryNotes'>> & { dietaryNotes: string | null } {
    const { merged, faults } = this.detailFaults(given, current);
    throwIfAny(faults);
    return merged as ReturnType<BookingsService['checkDetails']>;
  }

  private detailFaults(given: BookingDetails, current: Booking | null) {
    const merged = {
      eventDate: given.eventDate ?? current?.eventDate,
      startTime: given.startTime ?? current?.startTime,
      address: given.address?.trim() ?? current?.address,
      adults: given.adults ?? current?.adults,
      kids: given.kids ?? current?.kids ?? 0,
      dietaryNotes: given.dietaryNotes === undefined ? (current?.dietaryNotes ?? null) : given.dietaryNotes?.trim() || null,
      smsConsent: given.smsConsent ?? current?.smsConsent ?? false,
    };
    const faults: Array<{ code: string; message: string; field: string }> = [];
    if (!merged.eventDate) faults.push({ code: 'REQUIRED', message: 'Event date: choose the day of the party.', field: 'eventDate' });
    else if (given.eventDate !== undefined && merged.eventDate < this.today()) {
      faults.push({ code: 'PAST_DATE', message: 'Event date has passed; choose today or a later day.', field: 'eventDate' });
    }
    if (!merged.startTime) faults.push({ code: 'REQUIRED', message: 'Start time: enter when the chef starts cooking, for example 18:00.', field: 'startTime' });
    if (!merged.address) faults.push({ code: 'REQUIRED', message: 'Address: enter where the chef cooks, for example 1200 K St, Sacramento 95814.', field: 'address' });
    if (merged.adults === undefined) faults.push({ code: 'REQUIRED', message: 'Adults: enter how many adults will eat, for example 8.', field: 'adults' });
    else {
      const guests = merged.adults + merged.kids;
      if (guests < 1) faults.push({ code: 'NO_GUESTS', message: 'Adults and kids add up to no guests; enter at least 1 adult.', field: 'adults' });
      if (guests > this.deps.settings.maxGuests) {
        faults.push({ code: 'TOO_MANY_GUESTS', message: `Adults and kids add up to more than ${this.deps.settings.maxGuests} guests, the most we cook for at one party; for a larger event, please contact us.`, field: 'adults' });
      }
    }
    return { merged, faults };
  }

  private async quoteTravel(address: string, eventDate: string, startTime: string): Promise<BookingTravelQuote> {
    const quote = await this.deps.travel.quote({ address, departure: this.startsAt(eventDate, startTime) });
    if (quote.declined) throw userFailure('OUT_OF_AREA', quote.declineReason ?? 'Service area exceeded. Please contact us for special arrangements.', 'address');
    return quote;
  }

  /** The columns the event's details set, on a new booking and on a change. */
  private detailColumns(details: ReturnType<BookingsService['checkDetails']>) {
    const { eventDate, startTime, address, adults, kids, dietaryNotes, smsConsent } = details;
    return { eventDate, startTime, startsAt: this.startsAt(eventDate, startTime), address, adults, kids, dietaryNotes, smsConsent };
  }

  private newRow(details: ReturnType<BookingsService['checkDetails']>, quote: BookingTravelQuote) {
    const { prices } = this.deps.settings;
    return {
      ...this.detailColumns(details),
      travelQuoteId: quote.id,
      travelFeeCents: quote.feeCents,
      pricePerAdultCents: prices.pricePerAdultCents,
      pricePerKidCents: prices.pricePerKidCents,
      minimumSpendCents: prices.minimumSpendCents,
      depositCents: prices.depositCents,
    };
  }

  /** The event's start as an instant: its day and time are on the business clock. */
  private startsAt(eventDate: string, startTime: string): Date {
    return DateTime.fromISO(`${eventDate}T${startTime}`, { zone: this.deps.settings.businessTimeZone }).toJSDate();
  }

  private today(): string {
    return DateTime.now().setZone(this.deps.settings.businessTimeZone).toISODate()!;
  }

  private localId(globalId: string): string {
    const id = fromGlobalId('Booking', globalId);
    if (!id) throw notFound();
    return id;
  }

  /**
   * Moves every booking of one customer record to another (a merge, inside its transaction),
   * each saved as a change (its version goes up) and published after commit. Refused when both
   * records have a booking waiting for its terms: a reply to the terms could not tell which.
   */
  async moveToCustomer(tx: Tx, events: PendingEvents, fromCustomerId: string, toCustomerId: string): Promise<string[]> {
    const moving = await this.deps.repository.lockByCustomer(tx, fromCustomerId);
    if (moving.some((booking) => booking.status === BookingStatus.PENDING_TERMS)) {
      const staying = await this.deps.repository.lockByCustomer(tx, toCustomerId);
      if (staying.some((booking) => booking.status === BookingStatus.PENDING_TERMS)) {
        throw userFailure(
          'BOTH_AWAIT_TERMS',
          'Both customers have a booking waiting for its terms, and a reply to the terms could not tell which booking it accepts. Confirm or cancel one of the two bookings, then merge.',
          'mergedCustomerId',
        );
      }
    }
    for (const booking of moving) {
      booking.customerId = toCustomerId;
      this.publish(events, 'UPDATED', await this.deps.repository.save(tx, booking));
    }
    return moving.map((booking) => booking.id);
  }

  findByCustomers(customerIds: readonly string[]): Promise<Booking[]> {
    return this.deps.repository.findByCustomers(customerIds);
  }

  private publish(events: PendingEvents, change: BookingChange, booking: Booking): void {
    events.add(BookingTopic.UPDATED, { change, booking: toSnapshot(booking), occurredAt: new Date().toISOString() });
  }

  /** The owner's booking figures for a window: per channel and per day (metrics). */
  createdFigures(window: FigureWindow): ReturnType<BookingsRepository['createdFigures']> {
    return this.deps.repository.createdFigures(window);
  }

  /** Bookings of the window sent the terms, and how many accepted them (metrics). */
  termsFigures(window: FigureWindow): Promise<{ asked: number; accepted: number }> {
    return this.deps.repository.termsFigures(window);
  }
}

function notFound(): ReturnType<typeof userFailure> {
  return userFailure('NOT_FOUND', 'No booking has this id.', 'id');
}

export function toSnapshot(booking: Booking): BookingSnapshot {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: booking.id,
    customerId: booking.customerId,
    conversationId: booking.conversationId,
    eventDate: booking.eventDate,
    startTime: booking.startTime,
    startsAt: new Date(booking.startsAt).toISOString(),
    address: booking.address,
    adults: booking.adults,
    kids: booking.kids,
    dietaryNotes: booking.dietaryNotes,
    sourceChannel: booking.sourceChannel,
    status: booking.status,
    smsConsent: booking.smsConsent,
    travelQuoteId: booking.travelQuoteId,
    pricePerAdultCents: booking.pricePerAdultCents,
    pricePerKidCents: booking.pricePerKidCents,
    minimumSpendCents: booking.minimumSpendCents,
    travelFeeCents: booking.travelFeeCents,
    depositCents: booking.depositCents,
    paidCents: booking.paidCents,
    confirmedAt: iso(booking.confirmedAt),
    completedAt: iso(booking.completedAt),
    cancelledAt: iso(booking.cancelledAt),
    cancellationReason: booking.cancellationReason,
    createdAt: new Date(booking.createdAt).toISOString(),
    updatedAt: new Date(booking.updatedAt).toISOString(),
    version: booking.version,
  };
}

export function fromSnapshot(snapshot: BookingSnapshot): Booking {
  const date = (value: string | null) => (value ? new Date(value) : null);
  return Object.assign(new Booking(), {
    ...snapshot,
    confirmedAt: date(snapshot.confirmedAt),
    completedAt: date(snapshot.completedAt),
    cancelledAt: date(snapshot.cancelledAt),
    startsAt: new Date(snapshot.startsAt),
    createdAt: new Date(snapshot.createdAt),
    updatedAt: new Date(snapshot.updatedAt),
  });
}

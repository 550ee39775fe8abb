import type { PendingEvents, Tx } from '../../shared/db/unit-of-work';
import { UserInputFailure, type UserError } from '../../shared/graphql/user-errors';
import type { Logger } from '../../shared/logger';
import type { Booking } from '../bookings/booking.entity';
import { bookingReference } from '../bookings/booking-reference';
import type { BookingDetails } from '../bookings/bookings.service';
import type { PriceBreakdownValues } from '../bookings/pricing';
import { priceBreakdown } from '../bookings/pricing';
import { Channel } from '../conversations/channel';
import { ConversationStage, type Conversation, type PendingChange, type PhoneProof } from '../conversations/conversation.entity';
import { EscalationReason } from '../escalations/escalation.entity';
import type { MessageAnalysis } from './assistant.port';
import {
  cancellationMoney,
  hasChanges,
  isUpset,
  newParty,
  pickBooking,
  requestedChanges,
  reviewCancellation,
  reviewChange,
  type BookingFacts,
  type ChangePolicySettings,
  type ChangeReview,
  type Requested,
} from './change-policy';
import { CODE_ATTEMPTS, codeMatches, isExpired, issueCode, lastDigits, readCode, senderIsOnRecord } from './phone-proof';
import { dollars, formatDay, formatTime, phrasebook, type Phrasebook, type ProofFailure } from './phrasebook';

/** What self-service needs of bookings (the bookings service; staff changes go through the same methods' core). */
export interface SelfServiceBookings {
  openBookingsOf(customerId: string, tx?: Tx): Promise<Booking[]>;
  findByIds(ids: readonly string[]): Promise<Booking[]>;
  eventsOn(date: string, exceptBookingId: string | null, tx?: Tx): Promise<number>;
  previewChange(booking: Booking, changes: BookingDetails): Promise<{ faults: UserError[]; price: PriceBreakdownValues | null }>;
  changeFromConversation(tx: Tx, events: PendingEvents, bookingId: string, changes: BookingDetails): Promise<{ booking: Booking; termsAgain: boolean }>;
  cancelFromConversation(tx: Tx, events: PendingEvents, bookingId: string, reason: string): Promise<Booking>;
  businessToday(): string;
}

/** Who a phone or a thread's sender is on record (the customers repository). */
export interface SelfServiceCustomers {
  findByPhone(phone: string, tx?: Tx): Promise<{ id: string } | null>;
  findById(id: string, tx?: Tx): Promise<{ id: string; email: string | null } | null>;
}

/** How a code reaches a phone: the outbound queue (idempotent, in the caller's transaction), the phone's consent, and its allowance of codes. */
export interface CodeTexts {
  queue(tx: Tx, message: { to: string; body: string; purpose: 'VERIFICATION_CODE'; idempotencyKey: string }): Promise<void>;
  refusesMessages(channel: 'SMS', address: string, tx?: Tx): Promise<boolean>;
  /** Takes one of the phone's codes for the hour; false once they are used up. */
  allowCode(phone: string): Promise<boolean>;
}

/**
 * How a cancellation's money goes back (the deposits module, in the cancellation's transaction):
 * card payments are refunded by a durable job; what it returns as `byHandCents` staff send back.
 */
export type CardRefunds = (tx: Tx, params: { bookingId: string; refundCents: number; keptCents: number }) => Promise<{ cardCents: number; byHandCents: number }>;

/** How staff hear of money owed back (the alerts service, in the caller's transaction). */
export interface RefundAlerts {
  raiseIn(tx: Tx, events: PendingEvents, params: { kind: string; subjectId: string; message: string }): Promise<boolean>;
}

export interface SelfServiceOutcome {
  reply: string;
  escalate?: { reason: EscalationReason; explanation: string };
}

/**
 * Threads that can answer a read-back in the same thread, and whose customer is known: the number
 * texting us and the Meta account writing are who the channel says; a web chat first proves it
 * holds the booking's phone (a code texted to it); an email's sender must be the address on
 * record. A voicemail cannot say yes, so its changes go to staff.
 */
const SELF_SERVICE_CHANNELS: ReadonlySet<Channel> = new Set([Channel.SMS, Channel.WHATSAPP, Channel.MESSENGER, Channel.INSTAGRAM, Channel.WEB_CHAT, Channel.EMAIL]);

/** A change read back this long ago is forgotten: a "yes" a day later may answer something else. */
const PENDING_CHANGE_HOURS = 24;

/** Money paid by bank transfer or by hand cannot be refunded by the server: staff are told what to send back. */
export const REFUND_OWED_ALERT = 'REFUND_OWED';

/**
 * Changes and cancellations the assistant finishes itself (issue 15 §3): it finds the customer's
 * booking (or asks which), reads the change back, and on yes makes it through the bookings
 * service, as staff would; it hands the change to staff when the customer is upset, the day is
 * full, or the change is outside policy. The thread remembers what it read back
 * (`pendingChange`), so the next message can answer yes or no. Returns null for a message that
 * is not about a change: the booking policy answers it.
 */
export class SelfService {
  constructor(
    private readonly deps: {
      bookings: SelfServiceBookings;
      customers: SelfServiceCustomers;
      texts: CodeTexts;
      alerts: RefundAlerts;
      settings: ChangePolicySettings & { enabled: boolean; confidenceThreshold: number };
      logger: Logger;
    },
  ) {}

  /** Until the deposits module plugs in its card refunds, everything owed is sent back by hand. */
  private cardRefunds: CardRefunds = async (_tx, params) => ({ cardCents: 0, byHandCents: params.refundCents });

  useCardRefunds(refunds: CardRefunds): void {
    this.cardRefunds = refunds;
  }

  async handle(tx: Tx, events: PendingEvents, conversation: Conversation, analysis: MessageAnalysis, text: string): Promise<SelfServiceOutcome | null> {
    const outcome = await this.answer(tx, events, conversation, analysis, text);
    if (outcome && conversation.pendingChange) conversation.pendingChange = { ...conversation.pendingChange, askedAt: new Date().toISOString() };
    return outcome;
  }

  private async answer(tx: Tx, events: PendingEvents, conversation: Conversation, analysis: MessageAnalysis, text: string): Promise<SelfServiceOutcome | null> {
    const { settings } = this.deps;
    const asked = analysis.intent === 'MODIFY_BOOKING' ? 'MODIFY' : analysis.intent === 'CANCEL_BOOKING' ? 'CANCEL' : null;
    const pending = livePendingChange(conversation.pendingChange, new Date());
    if (!settings.enabled || !SELF_SERVICE_CHANNELS.has(conversation.channel)) return null;
    // A request for a person is the booking policy's to answer, whatever was pending.
    if (analysis.intent === 'HUMAN_REQUEST') {
      conversation.pendingChange = null;
      return null;
    }
    if (!pending && !asked) {
      conversation.pendingChange = null;
      return null;
    }
    const say = phrasebook(conversation.language);
    const kind = asked ?? pending!.kind;
    if (isUpset(analysis.sentiment, settings)) {
      conversation.pendingChange = null;
      return {
        reply: say.upsetAboutChange,
        escalate: { reason: EscalationReason.NEGATIVE_SENTIMENT, explanation: `The customer sounds upset and wants to ${kind === 'CANCEL' ? 'cancel' : 'change'} a booking.` },
      };
    }
    const changes = requestedChanges(analysis, settings.confidenceThreshold);
    // A web chat could name anyone's phone: nothing goes further until it proves it holds the booking's.
    if (conversation.channel === Channel.WEB_CHAT && pending?.proof?.step !== 'VERIFIED') {
      return this.prove(tx, conversation, pending, asked, kind, changes, analysis, text, say);
    }

    // "yes" / "yes, cancel it" / "no": the answer to what was read back.
    if (pending?.readBack && pending.bookingId && !hasChanges(beyond(changes, pending.changes)) && (asked === null || asked === pending.kind)) {
      if (analysis.confirmation === 'YES') return this.carryOut(tx, events, conversation, pending, say, text);
      if (analysis.confirmation === 'NO') {
        conversation.pendingChange = null;
        const [booking] = await this.deps.bookings.findByIds([pending.bookingId]);
        return { reply: say.keptAsIs(booking ? this.partyOf(booking, say) : '') };
      }
    }
    if (pending && !pending.bookingId && pending.choices.length > 0) {
      const choices = await this.deps.bookings.findByIds(pending.choices);
      const ordered = pending.choices.map((id) => choices.find((booking) => booking.id === id)).filter((booking): booking is Booking => booking !== undefined);
      const picked = pickBooking(text, analysis, ordered);
      if (picked) {
        // A day that picked the booking is not a new day for it.
        const more = analysis.details.eventDate?.value === ordered.find((booking) => booking.id === picked)!.eventDate ? { ...changes, eventDate: undefined } : changes;
        return this.proposeFor(tx, conversation, { ...pending, kind, bookingId: picked, changes: merge(pending.changes, more) }, say);
      }
      if (!asked) return this.askWhich(conversation, { ...pending }, ordered, say);
    }
    if (pending?.bookingId && (asked || hasChanges(changes))) {
      // More to the same request ("make it 6pm instead"), or a cancellation instead of a change.
      const sameKind = kind === pending.kind;
      return this.proposeFor(tx, conversation, { ...pending, kind, readBack: false, changes: sameKind ? merge(pending.changes, changes) : changes }, say);
    }
    if (!asked) {
      // Something else altogether: the booking policy answers it, and nothing stays pending.
      conversation.pendingChange = null;
      return null;
    }
    return this.start(tx, conversation, kind, changes, analysis, text, say, pending?.proof);
  }

  /**
   * A web chat proving it holds the booking's phone: the number is asked for, a code is texted
   * to it (unless it has opted out of texts: then staff), and the code typed back is checked
   * (wrong, it may be tried again up to CODE_ATTEMPTS; expired or tried too often, staff). Once
   * proven, the request carries on as on any channel, with that phone's bookings.
   */
  private async prove(
    tx: Tx,
    conversation: Conversation,
    pending: PendingChange | null,
    asked: PendingChange['kind'] | null,
    kind: PendingChange['kind'],
    changes: Requested,
    analysis: MessageAnalysis,
    text: string,
    say: Phrasebook,
  ): Promise<SelfServiceOutcome | null> {
    const now = new Date();
    const proof = pending?.proof;
    if (proof?.step === 'CODE') {
      const code = readCode(text);
      if (!code) {
        if (isExpired(proof.expiresAt, now) && !asked) {
          conversation.pendingChange = null;
          return null;
        }
        return { reply: say.askForCode(lastDigits(proof.phone)) };
      }
      if (isExpired(proof.expiresAt, now)) return this.proofToStaff(conversation, pending!.kind, 'EXPIRED', say);
      if (!(await codeMatches(code, proof.codeHash))) {
        const attempts = proof.attempts + 1;
        if (attempts >= CODE_ATTEMPTS) return this.proofToStaff(conversation, pending!.kind, 'TOO_MANY_ATTEMPTS', say);
        conversation.pendingChange = { ...pending!, proof: { ...proof, attempts } };
        return { reply: say.wrongCode(CODE_ATTEMPTS - attempts) };
      }
      this.deps.logger.info({ conversationId: conversation.id }, 'web chat proved it holds the booking phone');
      // The code message itself says nothing about the booking: the request is the one made before it.
      const verified: PhoneProof = { step: 'VERIFIED', phone: proof.phone, customerId: proof.customerId };
      return this.start(tx, conversation, pending!.kind, pending!.changes, { ...analysis, details: {} }, '', say, verified);
    }
    const phone = analysis.details.phone && analysis.details.phone.confidence >= this.deps.settings.confidenceThreshold ? analysis.details.phone.value : null;
    const request: PendingChange = { kind, bookingId: null, choices: [], changes: merge(pending?.changes ?? {}, !phone || asked ? changes : {}), readBack: false };
    if (!phone) {
      if (!asked) {
        // Something else than the number asked for: the booking policy answers it.
        conversation.pendingChange = null;
        return null;
      }
      conversation.pendingChange = { ...request, proof: { step: 'PHONE' } };
      return { reply: say.askPhoneForChange(kind) };
    }
    const customer = await this.deps.customers.findByPhone(phone, tx);
    const open = customer ? await this.deps.bookings.openBookingsOf(customer.id, tx) : [];
    if (!customer || open.length === 0) {
      conversation.pendingChange = null;
      return {
        reply: say.noBookingFound(kind),
        escalate: { reason: EscalationReason.BOOKING_CHANGE, explanation: `The web chat customer wants to ${kind === 'CANCEL' ? 'cancel' : 'change'} a booking, and none is still to come under the phone number they gave.` },
      };
    }
    if (await this.deps.texts.refusesMessages('SMS', phone, tx)) return this.proofToStaff(conversation, kind, 'CANNOT_TEXT', say);
    if (!(await this.deps.texts.allowCode(phone))) return this.proofToStaff(conversation, kind, 'TOO_MANY_CODES', say);
    const { code, codeHash, expiresAt } = await issueCode(now);
    await this.deps.texts.queue(tx, {
      to: phone,
      body: say.codeText(code, kind),
      purpose: 'VERIFICATION_CODE',
      // One text per code issued: a retried send job finds this key and never texts it twice.
      idempotencyKey: `phone-proof:${conversation.id}:${codeHash.split('.')[0]}`,
    });
    conversation.pendingChange = { ...request, proof: { step: 'CODE', phone, customerId: customer.id, codeHash, expiresAt, attempts: 0 } };
    return { reply: say.codeSent(lastDigits(phone)) };
  }

  private proofToStaff(conversation: Conversation, kind: PendingChange['kind'], why: ProofFailure, say: Phrasebook): SelfServiceOutcome {
    conversation.pendingChange = null;
    const explanation = {
      EXPIRED: 'the code texted to the booking phone expired before it was typed',
      TOO_MANY_ATTEMPTS: 'too many wrong codes were typed',
      CANNOT_TEXT: 'the phone number given has opted out of texts, so no code could be sent',
      TOO_MANY_CODES: 'the phone number given was sent as many codes as an hour allows',
    }[why];
    return {
      reply: say.proofToStaff(kind, why),
      escalate: { reason: EscalationReason.BOOKING_CHANGE, explanation: `The web chat customer wants to ${kind === 'CANCEL' ? 'cancel' : 'change'} a booking but did not prove they hold its phone: ${explanation}.` },
    };
  }

  /** A new request: the customer's open bookings, found by the thread's customer (in a web chat, the proven phone's). */
  private async start(
    tx: Tx,
    conversation: Conversation,
    kind: PendingChange['kind'],
    changes: Requested,
    analysis: MessageAnalysis,
    text: string,
    say: Phrasebook,
    proof: PhoneProof | undefined,
  ): Promise<SelfServiceOutcome> {
    const customerId = proof?.step === 'VERIFIED' ? proof.customerId : conversation.customerId;
    if (conversation.channel === Channel.EMAIL) {
      const customer = await this.deps.customers.findById(customerId, tx);
      if (!senderIsOnRecord(conversation.channelAddress, customer?.email ?? null)) {
        conversation.pendingChange = null;
        return {
          reply: say.passedChange(kind),
          escalate: { reason: EscalationReason.BOOKING_CHANGE, explanation: `The customer wants to ${kind === 'CANCEL' ? 'cancel' : 'change'} a booking by email, from an address that is not the email on record.` },
        };
      }
    }
    const open = await this.deps.bookings.openBookingsOf(customerId, tx);
    const request: PendingChange = { kind, bookingId: null, choices: [], changes, readBack: false, ...(proof ? { proof } : {}) };
    if (open.length === 0) {
      conversation.pendingChange = null;
      return {
        reply: say.noBookingFound(kind),
        escalate: { reason: EscalationReason.BOOKING_CHANGE, explanation: `The customer wants to ${kind === 'CANCEL' ? 'cancel' : 'change'} a booking, and none of theirs is still to come under this ${conversation.channel === Channel.SMS || proof ? 'number' : conversation.channel === Channel.EMAIL ? 'address' : 'account'}.` },
      };
    }
    if (open.length === 1) return this.proposeFor(tx, conversation, { ...request, bookingId: open[0].id }, say);
    // "Cancel the Dec 19 one": a day names the booking to cancel (for a change it is the new day).
    if (kind === 'CANCEL') {
      const picked = pickBooking(text, analysis, open);
      if (picked) return this.proposeFor(tx, conversation, { ...request, bookingId: picked, changes: {} }, say);
    }
    return this.askWhich(conversation, request, open, say);
  }

  private askWhich(conversation: Conversation, request: PendingChange, bookings: Booking[], say: Phrasebook): SelfServiceOutcome {
    const listed = bookings.slice(0, 5);
    conversation.pendingChange = { ...request, bookingId: null, choices: listed.map((booking) => booking.id), readBack: false };
    return { reply: say.whichBooking(listed.map((booking) => this.partyOf(booking, say))) };
  }

  /** The booking is known: read the change back, ask what to change, or hand it to staff. */
  private async proposeFor(tx: Tx, conversation: Conversation, request: PendingChange, say: Phrasebook): Promise<SelfServiceOutcome> {
    const [booking] = await this.deps.bookings.findByIds([request.bookingId!]);
    if (!booking) {
      conversation.pendingChange = null;
      return { reply: say.noBookingFound(request.kind), escalate: { reason: EscalationReason.BOOKING_CHANGE, explanation: 'The booking the customer was changing is gone.' } };
    }
    const today = this.deps.bookings.businessToday();
    const party = this.partyOf(booking, say);
    if (request.kind === 'CANCEL') {
      const review = reviewCancellation(facts(booking), today);
      if (!review.ok) return this.toStaff(conversation, request, booking, review, say);
      const money = cancellationMoney(facts(booking), today, this.deps.settings);
      conversation.pendingChange = { ...request, changes: {}, readBack: true };
      return { reply: say.readBackCancel(party, this.moneySentence(money, say)) };
    }
    const changes = withoutNoChange(request.changes, booking);
    if (!hasChanges(changes)) {
      conversation.pendingChange = { ...request, changes, readBack: false };
      return { reply: say.askWhatToChange(party) };
    }
    const review = await this.review(tx, booking, changes, today);
    if (!review.ok) return this.toStaff(conversation, { ...request, changes }, booking, review, say);
    const preview = await this.deps.bookings.previewChange(booking, bookingChanges(booking, changes));
    if (!preview.price) {
      // Refused as staff would be (a past day, an address out of the area): asked for something else.
      conversation.pendingChange = { ...request, changes: {}, readBack: false };
      return { reply: say.changeRefused(preview.faults.map((fault) => fault.message).join(' ')) };
    }
    conversation.pendingChange = { ...request, changes, readBack: true };
    const moved = changes.eventDate !== undefined || changes.startTime !== undefined;
    const readBack = say.readBackChange({
      guests: booking.partySize,
      from: `${formatDay(booking.eventDate, say.language)} ${say.language === 'es' ? 'a las' : 'at'} ${formatTime(booking.startTime, say.language)}`,
      to: moved ? `${formatDay(changes.eventDate ?? booking.eventDate, say.language)} ${say.language === 'es' ? 'a las' : 'at'} ${formatTime(changes.startTime ?? booking.startTime, say.language)}` : undefined,
      address: changes.address,
      newGuests: changes.partySize,
    });
    return { reply: `${readBack} ${say.priceLine(preview.price.totalCents, priceBreakdown(booking).totalCents)} ${say.confirmChangeOrKeep}` };
  }

  /** The customer said yes to what was read back: checked again (the day may have filled since), then made. */
  private async carryOut(tx: Tx, events: PendingEvents, conversation: Conversation, pending: PendingChange, say: Phrasebook, text: string): Promise<SelfServiceOutcome> {
    conversation.pendingChange = null;
    const [booking] = await this.deps.bookings.findByIds([pending.bookingId!]);
    if (!booking) return { reply: say.noBookingFound(pending.kind), escalate: { reason: EscalationReason.BOOKING_CHANGE, explanation: 'The booking the customer was changing is gone.' } };
    const today = this.deps.bookings.businessToday();
    if (pending.kind === 'CANCEL') {
      const review = reviewCancellation(facts(booking), today);
      if (!review.ok) return this.toStaff(conversation, pending, booking, review, say);
      return this.cancel(tx, events, conversation, booking, today, say);
    }
    const review = await this.review(tx, booking, pending.changes, today);
    if (!review.ok) return this.toStaff(conversation, pending, booking, review, say);
    const before = priceBreakdown(booking).totalCents;
    try {
      const { booking: changed, termsAgain } = await this.deps.bookings.changeFromConversation(tx, events, booking.id, bookingChanges(booking, pending.changes));
      const after = priceBreakdown(changed).totalCents;
      const summary = say.draftSummary({
        guests: changed.partySize,
        date: formatDay(changed.eventDate, say.language),
        time: formatTime(changed.startTime, say.language),
        address: pending.changes.address !== undefined ? changed.address : undefined,
      });
      this.deps.logger.info({ bookingId: booking.id, termsAgain, reply: text.length }, 'booking changed by the customer through the assistant');
      return { reply: say.changed(summary, say.priceLine(after, before), termsAgain) };
    } catch (error) {
      if (!(error instanceof UserInputFailure)) throw error;
      return { reply: say.changeRefused(error.userErrors.map((fault) => fault.message).join(' ')) };
    }
  }

  private async cancel(tx: Tx, events: PendingEvents, conversation: Conversation, booking: Booking, today: string, say: Phrasebook): Promise<SelfServiceOutcome> {
    const money = cancellationMoney(facts(booking), today, this.deps.settings);
    const owed = money.refundCents > 0 ? ` ${dollars(money.refundCents)} paid is owed back to the customer (${money.depositRefunded ? 'deposit refunded' : `deposit of ${dollars(money.keptCents)} kept`} under the cancellation policy).` : '';
    const reason = `Cancelled by the customer through the assistant (${conversation.channel}), ${money.daysBefore} days before the event.${owed}`;
    const cancelled = await this.deps.bookings.cancelFromConversation(tx, events, booking.id, reason);
    // Card payments go back by themselves (a job enqueued in this transaction); the rest staff send back.
    const back = await this.cardRefunds(tx, { bookingId: booking.id, refundCents: money.refundCents, keptCents: money.keptCents });
    if (back.byHandCents > 0) {
      await this.deps.alerts.raiseIn(tx, events, {
        kind: REFUND_OWED_ALERT,
        subjectId: booking.id,
        message:
          `Refund owed: ${dollars(back.byHandCents)} to the customer of booking ${bookingReference(booking.id)} (${booking.eventDate}), cancelled through the assistant ${money.daysBefore} days before the event. ` +
          `It was paid by bank transfer or by hand (Zelle, Venmo, Cash App, cash): send it back the same way.${back.cardCents > 0 ? ` The ${dollars(back.cardCents)} paid by card is being refunded to the card automatically.` : ''}`,
      });
    }
    if (conversation.bookingId === booking.id) {
      // The party this thread booked is off: the next message starts afresh.
      conversation.stage = ConversationStage.CLOSED;
      conversation.bookingDraft = {};
    }
    return { reply: say.cancelled(this.partyOf(cancelled, say), back.cardCents, back.byHandCents) };
  }

  private async review(tx: Tx, booking: Booking, changes: Requested, today: string): Promise<ChangeReview> {
    const newDay = changes.eventDate !== undefined && changes.eventDate !== booking.eventDate ? changes.eventDate : null;
    const eventsOnNewDay = newDay ? await this.deps.bookings.eventsOn(newDay, booking.id, tx) : 0;
    return reviewChange(facts(booking), changes, { today, eventsOnNewDay, settings: this.deps.settings });
  }

  private toStaff(conversation: Conversation, request: PendingChange, booking: Booking, review: Extract<ChangeReview, { ok: false }>, say: Phrasebook): SelfServiceOutcome {
    conversation.pendingChange = null;
    const what = request.kind === 'CANCEL' ? 'cancel' : `change (${describe(request.changes)})`;
    return {
      reply: say.changeToStaff(request.kind, review.reason),
      escalate: { reason: EscalationReason.BOOKING_CHANGE, explanation: `The customer wants to ${what} booking ${bookingReference(booking.id)}; outside what the assistant may do: ${review.explanation}` },
    };
  }

  private moneySentence(money: ReturnType<typeof cancellationMoney>, say: Phrasebook): string {
    if (money.refundCents === 0 && money.keptCents === 0) return say.nothingPaidSentence;
    if (money.depositRefunded) return say.refundSentence(money.refundCents, money.daysBefore);
    return say.keptSentence(money.keptCents, money.refundCents, money.daysBefore, this.deps.settings.refundMinDays);
  }

  private partyOf(booking: Booking, say: Phrasebook): string {
    return say.party(booking.partySize, formatDay(booking.eventDate, say.language), formatTime(booking.startTime, say.language));
  }
}

/** The change pending in the thread, unless it was asked about too long ago. */
export function livePendingChange(pending: PendingChange | null, now: Date): PendingChange | null {
  if (!pending) return null;
  if (pending.askedAt && now.getTime() - Date.parse(pending.askedAt) > PENDING_CHANGE_HOURS * 3_600_000) return null;
  return pending;
}

function facts(booking: Booking): BookingFacts {
  return {
    id: booking.id,
    status: booking.status,
    eventDate: booking.eventDate,
    startTime: booking.startTime,
    adults: booking.adults,
    kids: booking.kids,
    paidCents: booking.paidCents,
    depositCents: booking.depositCents,
  };
}

/** The requested details as the bookings service takes them. */
function bookingChanges(booking: Booking, changes: Requested): BookingDetails {
  return {
    eventDate: changes.eventDate,
    startTime: changes.startTime,
    address: changes.address,
    ...(changes.partySize !== undefined ? newParty(booking, changes.partySize) : {}),
  };
}

/** Leaves out what the booking has already ("move it to 6pm" for a party at 6pm). */
function withoutNoChange(changes: Requested, booking: Booking): Requested {
  return {
    eventDate: changes.eventDate !== booking.eventDate ? changes.eventDate : undefined,
    startTime: changes.startTime !== booking.startTime ? changes.startTime : undefined,
    address: changes.address !== undefined && changes.address.trim().toLowerCase() !== booking.address.trim().toLowerCase() ? changes.address : undefined,
    partySize: changes.partySize !== booking.partySize ? changes.partySize : undefined,
  };
}

/** What `later` asks beyond `earlier` ("yes, 5pm works" repeats the change read back, it adds nothing). */
function beyond(later: Requested, earlier: Requested): Requested {
  return Object.fromEntries(Object.entries(later).filter(([field, value]) => value !== undefined && earlier[field as keyof Requested] !== value)) as Requested;
}

function merge(earlier: Requested, later: Requested): Requested {
  const merged: Requested = { ...earlier };
  for (const [field, value] of Object.entries(later) as Array<[keyof Requested, string | number | undefined]>) {
    if (value !== undefined) Object.assign(merged, { [field]: value });
  }
  return merged;
}

function describe(changes: Requested): string {
  const parts = [
    changes.eventDate && `day ${changes.eventDate}`,
    changes.startTime && `time ${changes.startTime}`,
    changes.address && `address ${changes.address}`,
    changes.partySize !== undefined && `${changes.partySize} guests`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'not yet said what';
}

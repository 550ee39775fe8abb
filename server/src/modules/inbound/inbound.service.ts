import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { Logger } from '../../shared/logger';
import type { MessageAnalysis, MessageAnalyzer } from '../assistant/assistant.port';
import { decide, type Decision, type PolicySettings } from '../assistant/booking-policy';
import { scoreSentiment } from '../assistant/local/sentiment';
import { phrasebook, replyLanguage } from '../assistant/phrasebook';
import { livePendingChange, type CardRefunds, type SelfService } from '../assistant/self-service';
import type { Booking } from '../bookings/booking.entity';
import type { BookingsService } from '../bookings/bookings.service';
import { readTermsReply } from '../terms/terms-reply';
import { TermsChannel } from '../terms/terms-acknowledgment.entity';
import type { TermsService } from '../terms/terms.service';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import { hasConsentKeywords, readConsent, type ConsentService } from '../channels/consent';
import type { OutboundDelivery } from '../channels/outbound-delivery.service';
import { Channel, TEXTING_CHANNELS } from '../conversations/channel';
import { ConversationStage, type Conversation, type DraftField } from '../conversations/conversation.entity';
import type { ConversationsService, ThreadAddress } from '../conversations/conversations.service';
import { MessageAuthor, MessageVia, type Message } from '../conversations/message.entity';
import { EscalationReason } from '../escalations/escalation.entity';
import type { EscalationsService } from '../escalations/escalations.service';
import { describeInbound, type InboundMessage, type PageEcho } from './inbound-message';

/**
 * What became of a customer message. Expected outcomes are values, never exceptions: a queue
 * retries what throws, and none of these would come out differently the second time.
 */
export type ReceiveResult =
  | { outcome: 'received'; conversation: Conversation; message: Message; reply: Message | null }
  /** A provider delivered it again (its first application committed): nothing changed. */
  | { outcome: 'duplicate'; conversation: Conversation; message: Message }
  /** Nothing in it to keep: no words and no attachments. */
  | { outcome: 'ignored'; reason: string };

/** What became of an echo of a message the page sent. */
export type EchoResult =
  /** Our own send coming back: it is in the thread already. */
  | { outcome: 'ours' }
  | { outcome: 'received'; conversation: Conversation; message: Message }
  | { outcome: 'duplicate' }
  | { outcome: 'ignored'; reason: string };

/** Why a thread answered in Meta's own inbox waits for staff, in the words the queue shows. */
const OUTSIDE_REPLY_REASON: Record<MessageVia, string> = {
  [MessageVia.PAGE_INBOX]: 'Someone replied in the Facebook Page inbox. The assistant stays silent until the thread is released.',
  [MessageVia.INSTAGRAM_APP]: 'Someone replied in the Instagram app. The assistant stays silent until the thread is released.',
};

/** How an answer to the terms arrived, as the evidence names it. */
const TERMS_CHANNEL: Record<Channel, TermsChannel> = {
  [Channel.SMS]: TermsChannel.SMS,
  [Channel.PHONE]: TermsChannel.PHONE,
  [Channel.WHATSAPP]: TermsChannel.WHATSAPP,
  [Channel.WEB_CHAT]: TermsChannel.AI_CHAT,
  [Channel.MESSENGER]: TermsChannel.AI_CHAT,
  [Channel.INSTAGRAM]: TermsChannel.AI_CHAT,
  [Channel.EMAIL]: TermsChannel.EMAIL,
};

/** Which detail of the thread a refused booking field came from. */
const BOOKING_FIELD_TO_DRAFT: Record<string, DraftField> = { eventDate: 'eventDate', startTime: 'startTime', address: 'address', adults: 'partySize' };

/**
 * The one inbound path every channel uses (SPEC §2): the message is stored in its thread;
 * STOP/START/HELP, and opt-outs in plain words, are answered by the rules; a text that may be an
 * opt-out and may not goes to staff; a thread that is with staff gets no assistant
 * answer; otherwise the assistant reads it and answers, books or escalates. Each message runs
 * in one transaction holding the thread's row lock, so two messages of a thread are handled
 * in order even across instances.
 */
export class InboundService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      conversations: ConversationsService;
      escalations: EscalationsService;
      bookings: BookingsService;
      terms: TermsService;
      consent: ConsentService;
      outbound: OutboundDelivery;
      analyzer: MessageAnalyzer;
      selfService: SelfService;
      logger: Logger;
      assistantEnabled: boolean;
      policy: Omit<PolicySettings, 'askForPhone' | 'bookWithoutReadBack'>;
      businessTimeZone: string;
      providerSignaturesChecked: boolean;
    },
  ) {}

  /** How self-service cancellations give card payments back (the deposits module, made after this one). */
  useCardRefunds(refunds: CardRefunds): void {
    this.deps.selfService.useCardRefunds(refunds);
  }

  async receive(inbound: InboundMessage): Promise<ReceiveResult> {
    const { text, attachmentsOnly } = describeInbound(inbound);
    if (text === '') {
      this.deps.logger.info({ channel: inbound.channel }, 'inbound message with no text and no attachments: ignored');
      return { outcome: 'ignored', reason: 'The message had no text and no attachments.' };
    }
    const consent = hasConsentKeywords(inbound.channel) && !attachmentsOnly ? readConsent(text) : null;
    // The model call happens before the transaction, so no row lock is held while it thinks.
    const analysis = this.deps.assistantEnabled && !consent && !attachmentsOnly && !(await this.withStaff(inbound)) ? await this.analyze(text) : null;

    return this.deps.uow.run(async (tx, events): Promise<ReceiveResult> => {
      const { conversations } = this.deps;
      const conversation = await conversations.openThread(tx, inbound);
      const previousCustomerText = await conversations.lastCustomerText(tx, conversation.id);
      const { message, duplicate } = await conversations.addCustomerMessage(tx, events, conversation, { text, providerMessageId: inbound.providerMessageId ?? null });
      // A provider event applied a second time (its first run committed, then the worker died) changes nothing.
      if (duplicate) return { outcome: 'duplicate', conversation, message };
      const answer = async (): Promise<Message | null> => {
        if (consent?.intent === 'UNCLEAR_OPT_OUT') return this.handOverUnclearOptOut(tx, events, conversation, text, consent.rule);
        if (consent) {
          // STOP, START and HELP are answered by the rules, never by the assistant; at most one confirmation.
          const confirmation = await this.deps.consent.apply(tx, { channel: inbound.channel, address: inbound.address, keyword: consent.intent });
          return confirmation ? this.reply(tx, events, conversation, MessageAuthor.SYSTEM, confirmation, 'CONSENT_CONFIRMATION') : null;
        }
        if (await this.deps.escalations.isWithStaff(conversation.id, tx)) {
          // Nobody reads it for the assistant now, but a customer growing upset while they wait moves up the queue.
          await this.deps.escalations.noteCustomerSentiment(tx, events, { conversation, sentiment: scoreSentiment(text) });
          return null;
        }
        if (!this.deps.assistantEnabled) {
          await this.deps.escalations.raise(tx, events, {
            conversation,
            reason: EscalationReason.AI_DISABLED,
            reasonText: 'The assistant is off: every message goes to staff.',
            lastCustomerMessage: text,
            quote: null,
          });
          return this.reply(tx, events, conversation, MessageAuthor.SYSTEM, phrasebook(conversation.language).staffWillReply);
        }
        if (attachmentsOnly) return this.reply(tx, events, conversation, MessageAuthor.AI, phrasebook(conversation.language).attachmentsOnly);
        // Staff held the thread when the message arrived and let go since: it is theirs to answer, as it was.
        if (!analysis) return null;
        conversation.language = replyLanguage(conversation.language, analysis.language, text);
        const say = phrasebook(conversation.language);
        const awaiting = await this.deps.bookings.awaitingTerms(tx, conversation);
        // A clear answer to the terms is one, unless it answers a change read back ("yes" to "Move your party...?").
        const termsBooking = awaiting && analysis.intent !== 'HUMAN_REQUEST' && !livePendingChange(conversation.pendingChange, new Date()) ? awaiting : null;
        if (termsBooking && readTermsReply(text) !== 'UNCLEAR') return this.answerTerms(tx, events, conversation, termsBooking, message, text);
        // A change or cancellation of a booking, or the answer to one read back.
        const selfServed = await this.deps.selfService.handle(tx, events, conversation, analysis, text);
        if (selfServed) {
          if (selfServed.escalate) {
            await this.deps.escalations.raise(tx, events, {
              conversation,
              reason: selfServed.escalate.reason,
              reasonText: selfServed.escalate.explanation,
              lastCustomerMessage: text,
              quote: null,
              sentiment: analysis.sentiment,
            });
          }
          return this.reply(tx, events, conversation, MessageAuthor.AI, selfServed.reply);
        }
        // A request for a person is never read as an unclear answer to the terms.
        if (termsBooking) return this.answerTerms(tx, events, conversation, termsBooking, message, text);
        const decision = decide(
          { stage: conversation.stage, draft: conversation.bookingDraft, failedAttempts: conversation.failedAttempts, previousCustomerText, language: conversation.language ?? 'en' },
          analysis,
          { ...this.deps.policy, askForPhone: conversation.channel === Channel.WEB_CHAT, bookWithoutReadBack: conversation.channel === Channel.PHONE },
          text,
        );
        const applied = await this.apply(tx, events, conversation, decision, text, analysis.sentiment);
        if (applied.refusal) return this.reply(tx, events, conversation, MessageAuthor.AI, applied.refusal);
        if (!applied.booking) return this.reply(tx, events, conversation, MessageAuthor.AI, decision.reply);
        // The booking waits for the terms: they follow the assistant's answer, by text.
        const textsTerms = await this.deps.bookings.canTextTerms(tx, applied.booking, conversation);
        const next = textsTerms
          ? conversation.channel === Channel.WEB_CHAT || conversation.channel === Channel.MESSENGER || conversation.channel === Channel.INSTAGRAM
            ? say.termsByTextToPhone
            : say.termsNext
          : say.teamWillConfirm;
        const reply = await this.reply(tx, events, conversation, MessageAuthor.AI, decision.reply + next);
        if (textsTerms) await this.deps.bookings.requestTermsInThread(tx, events, applied.booking, conversation);
        return reply;
      };
      const reply = await answer();
      if (!reply) await conversations.save(tx, conversation);
      return { outcome: 'received', conversation, message, reply };
    });
  }

  /**
   * A message the page or Instagram account sent, echoed by Meta. Our own send is in its thread
   * already: nothing happens. Anything else was typed by a person in Meta's own inbox: it enters
   * the thread as a staff message (once, however often it is delivered) and the thread is with
   * staff from then on, as after a takeover, so the assistant stops answering beside them.
   * Nothing is sent: the customer has the reply.
   */
  async receiveEcho(echo: PageEcho): Promise<EchoResult> {
    const channel = echo.channel === Channel.INSTAGRAM ? 'INSTAGRAM' : 'MESSENGER';
    if (await this.deps.outbound.isOurSend(channel, { to: echo.address, providerMessageId: echo.providerMessageId, body: echo.text })) return { outcome: 'ours' };
    const { text } = describeInbound(echo);
    if (text === '') return { outcome: 'ignored', reason: 'The message had no text and no attachments.' };
    return this.deps.uow.run(async (tx, events): Promise<EchoResult> => {
      const { conversations } = this.deps;
      const conversation = await conversations.openThread(tx, echo);
      const message = await conversations.addOutsideReply(tx, events, conversation, { text, providerMessageId: echo.providerMessageId, via: echo.via });
      if (!message) return { outcome: 'duplicate' };
      await this.deps.escalations.holdForOutsideReply(tx, events, { conversation, reasonText: OUTSIDE_REPLY_REASON[echo.via] });
      await conversations.save(tx, conversation);
      this.deps.logger.info({ channel: echo.channel, via: echo.via }, 'reply typed outside the console: the thread is with staff');
      return { outcome: 'received', conversation, message };
    });
  }

  /**
   * A text that may ask for no more texts and may be about the booking ("stop, I meant
   * Saturday"): not an opt-out, and no assistant answer either, since a sales reply is the worst
   * answer to someone who may have asked to stop. Staff read it; the customer hears that a person
   * will reply and that STOP is one word away. A thread staff already have needs neither.
   */
  private async handOverUnclearOptOut(tx: Tx, events: PendingEvents, conversation: Conversation, text: string, rule: string): Promise<Message | null> {
    if (await this.deps.escalations.isWithStaff(conversation.id, tx)) return null;
    await this.deps.escalations.raise(tx, events, {
      conversation,
      reason: EscalationReason.OPT_OUT_UNCLEAR,
      reasonText: `The customer may have asked for no more texts (${rule}). Read their message before anyone texts them.`,
      lastCustomerMessage: text,
      quote: null,
    });
    return this.reply(tx, events, conversation, MessageAuthor.SYSTEM, this.deps.consent.unclearOptOutReply());
  }

  /**
   * A customer's answer to the terms of their booking (SPEC §5): acceptance is recorded as
   * evidence and confirms the booking (the confirmation is its reply); a refusal or a second
   * unclear answer goes to staff; a first unclear answer gets one clarifying re-prompt.
   */
  private async answerTerms(tx: Tx, events: PendingEvents, conversation: Conversation, booking: Booking, message: Message, text: string): Promise<Message | null> {
    const { outcome, reply } = await this.deps.terms.applyReply(tx, events, {
      booking,
      text,
      channel: TERMS_CHANNEL[conversation.channel],
      providerMessageId: message.providerMessageId,
      fromAddress: conversation.channel === Channel.WEB_CHAT ? null : conversation.channelAddress,
      signatureVerified: conversation.channel !== Channel.WEB_CHAT && this.deps.providerSignaturesChecked,
      receivedAt: message.createdAt,
      language: conversation.language,
    });
    // Accepted by text: the booking's confirmation, sent by text, is the answer. In a chat it went to their phone; say so here.
    if (outcome === 'ACCEPTED' && TEXTING_CHANNELS.has(conversation.channel)) return null;
    if (outcome === 'REFUSED' || outcome === 'UNCLEAR_AGAIN') {
      await this.deps.escalations.raise(tx, events, {
        conversation,
        reason: EscalationReason.TERMS_NOT_ACCEPTED,
        reasonText:
          outcome === 'REFUSED'
            ? 'The customer did not accept the booking terms. Talk it through with them; the booking waits for the terms.'
            : 'The customer answered the terms twice without accepting them. Read their messages; the booking waits for the terms.',
        lastCustomerMessage: text,
        quote: null,
      });
    }
    return this.reply(tx, events, conversation, MessageAuthor.SYSTEM, reply);
  }

  private withStaff(where: ThreadAddress): Promise<boolean> {
    return this.deps.conversations.isWithStaffAt(where.channel, where.address);
  }

  private analyze(text: string): Promise<MessageAnalysis> {
    return this.deps.analyzer.analyze(text, { now: new Date(), timeZone: this.deps.businessTimeZone });
  }

  private reply(tx: Tx, events: PendingEvents, conversation: Conversation, author: MessageAuthor, text: string, purpose?: 'CONSENT_CONFIRMATION'): Promise<Message> {
    return this.deps.conversations.sendReply(tx, events, conversation, { author, text, purpose });
  }

  /**
   * Applies the assistant's decision to the thread: the draft, the stage, the customer, a booking,
   * an escalation. A booking the service refuses (a past day, too many guests, out of the service
   * area) comes back as the sentence to tell the customer, and the thread asks again.
   */
  private async apply(
    tx: Tx,
    events: PendingEvents,
    conversation: Conversation,
    decision: Decision,
    text: string,
    sentiment: number,
  ): Promise<{ booking: Booking | null; refusal: string | null }> {
    let booking: Booking | null = null;
    const draftBefore = conversation.bookingDraft;
    conversation.bookingDraft = decision.draft;
    conversation.failedAttempts = decision.failedAttempts;
    conversation.stage = decision.stage;
    await this.deps.conversations.linkCustomer(tx, events, conversation, decision.draft, draftBefore);
    if (decision.createBooking) {
      const draft = decision.draft;
      try {
        booking = await this.deps.bookings.createFromConversation(tx, events, conversation, {
          eventDate: String(draft.eventDate!.value),
          startTime: String(draft.startTime!.value),
          address: String(draft.address!.value),
          adults: Number(draft.partySize!.value),
          dietaryNotes: draft.dietaryNotes ? String(draft.dietaryNotes.value) : null,
          // A number given in a web chat is given for the terms text (the assistant asks for it so).
          smsConsent: draft.phone !== undefined || undefined,
        });
      } catch (error) {
        // Refused before anything was written: the customer hears why and the thread asks again.
        if (!(error instanceof UserInputFailure)) throw error;
        const fields = new Set(error.userErrors.map((e) => BOOKING_FIELD_TO_DRAFT[e.field ?? ''] ?? null).filter((f): f is DraftField => f !== null));
        conversation.bookingDraft = Object.fromEntries(Object.entries(decision.draft).filter(([field]) => !fields.has(field as DraftField)));
        conversation.stage = ConversationStage.COLLECTING_DETAILS;
        return { booking: null, refusal: `${error.userErrors.map((e) => e.message).join(' ')} ${fields.size > 0 ? 'Could you give me another one?' : 'Our team can help with this.'}` };
      }
      conversation.bookingId = booking.id;
    }
    if (decision.escalate) {
      await this.deps.escalations.raise(tx, events, {
        conversation,
        reason: decision.escalate.reason,
        reasonText: decision.escalate.explanation,
        lastCustomerMessage: text,
        quote: decision.quote,
        sentiment,
      });
    }
    return { booking, refusal: null };
  }
}

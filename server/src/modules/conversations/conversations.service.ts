import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, type PendingEvents } from '../../shared/db/unit-of-work';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import type { Logger } from '../../shared/logger';
import type { EventBus } from '../../shared/pubsub/event-bus';
import { Topic } from '../../shared/pubsub/topics';
import type { MessageAnalyzer } from '../assistant/assistant.port';
import { decide, type Decision, type PolicySettings } from '../assistant/booking-policy';
import type { BookingsService } from '../bookings/bookings.service';
import { Customer, IdentityKind } from '../customers/customer.entity';
import type { CustomersRepository } from '../customers/customers.repository';
import { Escalation, EscalationReason, EscalationStatus, type HandoffPacket } from '../escalations/escalation.entity';
import { escalationErrors } from '../escalations/escalations.errors';
import type { EscalationsService } from '../escalations/escalations.service';
import { applyConsentKeyword, consentKeyword, hasConsentKeywords, isOptedOut } from '../channels/consent';
import type { OutboundDelivery } from '../channels/outbound-delivery.service';
import type { OutboundChannel, SendPurpose } from '../../providers/outbound.port';
import type { InboundDirectMessage, InboundSms } from '../channels/inbound-events';
import { StaffUser } from '../staff/staff-user.entity';
import { Channel } from './channel';
import { Conversation, ConversationStage, DRAFT_FIELDS, type BookingDraft } from './conversation.entity';
import type { MessageSnapshot } from './conversations.events';
import { checkInboundText, truncateToMessageLength } from './inbound-text';
import { DeliveryStatus, Message, MessageAuthor, MessageDirection } from './message.entity';

/** One customer message from any channel, as the channel adapter hands it over. */
export interface InboundMessage {
  channel: Channel;
  /** Where replies go: a phone number, a Meta id, a hashed web-chat session. */
  address: string;
  identity: { kind: IdentityKind; value: string };
  text: string;
  providerMessageId?: string | null;
  /** The message is only attachments (a photo, a voice note): stored, and the assistant asks for words. */
  attachmentsOnly?: boolean;
}

export interface ConversationFilter {
  stage?: ConversationStage;
  channel?: Channel;
  escalated?: boolean;
  assignedExtensionId?: string;
}

const OPEN_ESCALATION = [EscalationStatus.QUEUED, EscalationStatus.ASSIGNED, EscalationStatus.TAKEN_OVER];

/** Web-chat session tokens are secrets held by the customer's browser; only their hash is stored or published. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 40);
}

/**
 * Conversations: the one inbound path every channel uses, the assistant's turn, and staff
 * takeover. Each step runs in one transaction holding the conversation's row lock, so two
 * messages of one thread are handled in order even across instances; events and outbound
 * sends happen after commit.
 */
export class ConversationsService {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      eventBus: EventBus;
      logger: Logger;
      analyzer: MessageAnalyzer;
      customers: CustomersRepository;
      bookings: BookingsService;
      escalations: EscalationsService;
      outbound: OutboundDelivery;
      /** For the replies to HELP and the opt-out keywords. */
      consentReplies: { businessName: string; helpContact: string };
      assistantEnabled: boolean;
      policy: Omit<PolicySettings, 'askForPhone'>;
      businessTimeZone: string;
      maxPageSize: number;
    },
  ) {}

  /** Starts an anonymous web chat and its (empty) thread; the token is the customer's key to it. */
  async openWebChat(): Promise<{ sessionToken: string }> {
    const sessionToken = `wcs_${randomBytes(24).toString('base64url')}`;
    const sessionHash = hashSessionToken(sessionToken);
    await this.write((manager) =>
      this.lockOrOpenConversation(manager, { channel: Channel.WEB_CHAT, address: sessionHash, identity: { kind: IdentityKind.WEB_SESSION, value: sessionHash } }),
    );
    return { sessionToken };
  }

  async receiveWebChatMessage(sessionToken: string, text: string) {
    const sessionHash = hashSessionToken(sessionToken);
    return this.receive({ channel: Channel.WEB_CHAT, address: sessionHash, identity: { kind: IdentityKind.WEB_SESSION, value: sessionHash }, text });
  }

  /** A text to the business number; the sender's phone is both the thread's address and the customer's identity. */
  async receiveSms(sms: InboundSms) {
    return this.receive({
      channel: Channel.SMS,
      address: sms.from,
      identity: { kind: IdentityKind.PHONE, value: sms.from },
      text: sms.text,
      providerMessageId: sms.providerMessageId,
    });
  }

  /**
   * A Messenger, Instagram or WhatsApp direct message. WhatsApp senders are phone numbers, so
   * they join the same customer as their texts; Messenger and Instagram ids are Meta-scoped.
   */
  async receiveMetaMessage(message: InboundDirectMessage) {
    const described = message.attachments.map((attachment) => `[${attachment.type}${attachment.url ? `: ${attachment.url}` : ''}]`);
    const text = [message.text, ...described].filter(Boolean).join('\n');
    return this.receive({
      channel: Channel[message.channel],
      address: message.from,
      identity: { kind: message.channel === 'WHATSAPP' ? IdentityKind.PHONE : IdentityKind.META_ID, value: message.from },
      // Providers allow longer messages than we store; the start is what the assistant reads.
      text: truncateToMessageLength(text),
      providerMessageId: message.providerMessageId,
      attachmentsOnly: message.text === null,
    });
  }

  /**
   * A SYSTEM message in the thread at `address` (opened if there is none), delivered like any
   * reply: a phone thread's by text to the caller. Used to announce a call transfer.
   */
  async announce(params: Omit<InboundMessage, 'text' | 'providerMessageId' | 'attachmentsOnly'> & { text: string }): Promise<Message> {
    return this.write(async (manager, events) => {
      const conversation = await this.lockOrOpenConversation(manager, params);
      return this.sendReply(manager, events, conversation, MessageAuthor.SYSTEM, params.text);
    });
  }

  /** Whether this web-chat session token was issued by openWebChat. */
  async webChatSessionExists(sessionToken: string): Promise<boolean> {
    return this.deps.dataSource.getRepository(Conversation).existsBy({ channel: Channel.WEB_CHAT, channelAddress: hashSessionToken(sessionToken) });
  }

  /**
   * The one inbound path: stores the customer's message, lets the assistant answer (unless
   * staff hold the thread or the assistant is off), books or escalates as it decides.
   */
  async receive(inbound: InboundMessage): Promise<{ conversation: Conversation; message: Message; reply: Message | null }> {
    const checked = checkInboundText(inbound.text);
    if ('failure' in checked) throw checked.failure;
    const text = checked.text;
    const keyword = hasConsentKeywords(inbound.channel) ? consentKeyword(text) : null;

    // The model call happens before the transaction, so no row lock is held while it thinks.
    const known = await this.deps.dataSource.getRepository(Conversation).findOneBy({ channel: inbound.channel, channelAddress: inbound.address });
    const assistantWillAnswer = this.deps.assistantEnabled && !keyword && !inbound.attachmentsOnly && !(known && isHeldBack(known));
    const analysis = assistantWillAnswer ? await this.deps.analyzer.analyze(text, { now: new Date(), timeZone: this.deps.businessTimeZone }) : null;

    return this.write(async (manager, events) => {
      const conversation = await this.lockOrOpenConversation(manager, inbound);
      // A provider event applied a second time (its first run committed, then the worker died) changes nothing.
      const alreadyStored = inbound.providerMessageId ? await findInbound(manager, inbound.channel, inbound.providerMessageId) : null;
      if (alreadyStored) return { conversation, message: alreadyStored, reply: null };
      const previousCustomerText = await lastCustomerText(manager, conversation.id);
      const message = await this.addMessage(manager, events, conversation, {
        direction: MessageDirection.INBOUND,
        author: MessageAuthor.CUSTOMER,
        text,
        providerMessageId: inbound.providerMessageId ?? null,
        deliveryStatus: DeliveryStatus.RECEIVED,
      });

      if (keyword) {
        // STOP, START and HELP are answered by the rules, never by the assistant; at most one confirmation.
        const answer = await applyConsentKeyword(manager, { channel: inbound.channel, address: inbound.address, keyword, ...this.deps.consentReplies });
        const reply = answer ? await this.sendReply(manager, events, conversation, MessageAuthor.SYSTEM, answer, null, 'CONSENT_CONFIRMATION') : null;
        await manager.save(conversation);
        return { conversation, message, reply };
      }
      if (isHeldBack(conversation)) {
        await manager.save(conversation);
        return { conversation, message, reply: null };
      }
      if (this.deps.assistantEnabled && inbound.attachmentsOnly) {
        const reply = await this.sendReply(manager, events, conversation, MessageAuthor.AI, "Thanks! I can't open attachments here, so please tell me in a message what you'd like, such as your date and number of guests.");
        return { conversation, message, reply };
      }
      if (!this.deps.assistantEnabled) {
        await this.escalate(manager, events, conversation, EscalationReason.AI_DISABLED, 'The assistant is off: every message goes to staff.', text, null);
        const reply = await this.sendReply(manager, events, conversation, MessageAuthor.SYSTEM, 'Thanks for your message! A member of our team will reply here shortly.');
        return { conversation, message, reply };
      }
      if (!analysis) {
        // Staff held the thread when the message arrived and let go since: it is theirs to answer, as it was.
        await manager.save(conversation);
        return { conversation, message, reply: null };
      }

      const decision = decide(
        { stage: conversation.stage, draft: conversation.bookingDraft, failedAttempts: conversation.failedAttempts, previousCustomerText },
        analysis,
        { ...this.deps.policy, askForPhone: conversation.channel === Channel.WEB_CHAT },
        text,
      );
      await this.apply(manager, events, conversation, decision, text);
      const reply = await this.sendReply(manager, events, conversation, MessageAuthor.AI, decision.reply);
      return { conversation, message, reply };
    });
  }

  private async apply(manager: EntityManager, events: PendingEvents, conversation: Conversation, decision: Decision, text: string) {
    conversation.bookingDraft = decision.draft;
    conversation.failedAttempts = decision.failedAttempts;
    conversation.stage = decision.stage;
    conversation.customerId = await this.linkCustomer(manager, conversation, decision.draft);
    if (decision.createBooking) {
      const draft = decision.draft;
      const booking = await this.deps.bookings.createInquiry(manager, {
        customerId: conversation.customerId,
        conversationId: conversation.id,
        eventDate: String(draft.eventDate!.value),
        startTime: String(draft.startTime!.value),
        address: String(draft.address!.value),
        partySize: Number(draft.partySize!.value),
        dietaryNotes: draft.dietaryNotes ? String(draft.dietaryNotes.value) : null,
        sourceChannel: conversation.channel,
      });
      conversation.bookingId = booking.id;
    }
    if (decision.escalate) {
      await this.escalate(manager, events, conversation, decision.escalate.reason, decision.escalate.explanation, text, decision.quote);
    }
  }

  /** Stops the assistant in this thread and hands it to staff, with everything gathered so far. */
  private async escalate(
    manager: EntityManager,
    events: PendingEvents,
    conversation: Conversation,
    reason: EscalationReason,
    reasonText: string,
    lastCustomerMessage: string,
    quote: string | null,
  ): Promise<Escalation> {
    conversation.stage = ConversationStage.ESCALATED;
    await manager.save(conversation);
    const customer = await manager.findOneBy(Customer, { id: conversation.customerId });
    const handoff: HandoffPacket = {
      customerName: customer?.name ?? (conversation.bookingDraft.name ? String(conversation.bookingDraft.name.value) : null),
      channel: conversation.channel,
      reasonText,
      lastCustomerMessage,
      details: draftDetails(conversation.bookingDraft),
      quote,
    };
    const escalation = await this.deps.escalations.raise(manager, events, { conversation, reason, handoff });
    // Routing wrote the assignment to the row; keep this copy in step, or the next save writes it back to null.
    conversation.assignedExtensionId = escalation.assignedExtensionId;
    return escalation;
  }

  async takeOver(params: { conversationId: string; staffUserId: string }): Promise<{ conversation: Conversation; escalation: Escalation }> {
    return this.write(async (manager, events) => {
      const conversation = await this.lockConversation(manager, params.conversationId);
      if (conversation.heldByStaffUserId && conversation.heldByStaffUserId !== params.staffUserId) {
        const holder = await manager.findOneBy(StaffUser, { id: conversation.heldByStaffUserId });
        throw escalationErrors.heldBySomeoneElse(holder?.displayName ?? 'Another staff member');
      }
      let escalation = await this.deps.escalations.findOpenForConversation(manager, conversation.id);
      if (!escalation) {
        escalation = await this.escalate(manager, events, conversation, EscalationReason.STAFF_TAKEOVER, 'A staff member stepped in.', (await lastCustomerText(manager, conversation.id)) ?? '', null);
      }
      conversation.heldByStaffUserId = params.staffUserId;
      conversation.aiPaused = true;
      conversation.stage = ConversationStage.ESCALATED;
      await manager.save(conversation);
      escalation.status = EscalationStatus.TAKEN_OVER;
      escalation.takenOverById = params.staffUserId;
      await manager.save(escalation);
      this.deps.escalations.record(events, Topic.ESCALATION_UPDATED, escalation);
      return { conversation, escalation };
    });
  }

  async sendStaffReply(params: { conversationId: string; staffUserId: string; text: string }): Promise<Message> {
    const checked = checkInboundText(params.text);
    if ('failure' in checked) throw checked.failure;
    return this.write(async (manager, events) => {
      const conversation = await this.lockConversation(manager, params.conversationId);
      const escalation = await this.deps.escalations.findOpenForConversation(manager, conversation.id);
      if (!escalation) throw escalationErrors.alreadyResolved();
      if (conversation.heldByStaffUserId !== params.staffUserId) throw escalationErrors.notHolding();
      // The send queue would refuse it anyway; staff hear why now rather than see "not delivered".
      const outbound = REPLY_CHANNEL[conversation.channel];
      if (outbound && hasConsentKeywords(outbound) && (await isOptedOut(manager, outbound, conversation.channelAddress))) throw escalationErrors.recipientOptedOut();
      return this.sendReply(manager, events, conversation, MessageAuthor.STAFF, checked.text, params.staffUserId);
    });
  }

  /** Hands the thread back to the assistant; the escalation is done. */
  async release(params: { conversationId: string; staffUserId: string; isAdmin: boolean }): Promise<Conversation> {
    return this.write(async (manager, events) => {
      const conversation = await this.lockConversation(manager, params.conversationId);
      if (conversation.heldByStaffUserId && conversation.heldByStaffUserId !== params.staffUserId && !params.isAdmin) {
        throw escalationErrors.notHolding();
      }
      await this.closeEscalation(manager, events, conversation);
      conversation.stage = ConversationStage.COLLECTING_DETAILS;
      conversation.failedAttempts = 0;
      await manager.save(conversation);
      await this.sendReply(manager, events, conversation, MessageAuthor.SYSTEM, "I'm back to help with anything else about your booking.");
      return conversation;
    });
  }

  /** Marks the escalation handled; the thread closes, and a new customer message reopens it with the assistant. */
  async resolve(params: { escalationId: string; staffUserId: string; isAdmin: boolean }): Promise<Escalation> {
    return this.write(async (manager, events) => {
      const id = fromGlobalId('Escalation', params.escalationId);
      const found = id ? await manager.findOneBy(Escalation, { id }) : null;
      if (!found) throw escalationErrors.escalationNotFound();
      if (found.status === EscalationStatus.RESOLVED) throw escalationErrors.alreadyResolved();
      const conversation = await this.lockConversationById(manager, found.conversationId);
      if (conversation.heldByStaffUserId && conversation.heldByStaffUserId !== params.staffUserId && !params.isAdmin) {
        const holder = await manager.findOneBy(StaffUser, { id: conversation.heldByStaffUserId });
        throw escalationErrors.heldBySomeoneElse(holder?.displayName ?? 'Another staff member');
      }
      const escalation = await this.closeEscalation(manager, events, conversation);
      conversation.stage = conversation.bookingId ? ConversationStage.BOOKED : ConversationStage.CLOSED;
      await manager.save(conversation);
      return escalation ?? found;
    });
  }

  private async closeEscalation(manager: EntityManager, events: PendingEvents, conversation: Conversation): Promise<Escalation | null> {
    conversation.heldByStaffUserId = null;
    conversation.aiPaused = false;
    conversation.assignedExtensionId = null;
    const escalation = await this.deps.escalations.findOpenForConversation(manager, conversation.id);
    if (!escalation) return null;
    escalation.status = EscalationStatus.RESOLVED;
    escalation.resolvedAt = new Date();
    await manager.save(escalation);
    this.deps.escalations.record(events, Topic.ESCALATION_UPDATED, escalation);
    return escalation;
  }

  list(filter: ConversationFilter, args: ConnectionArgs): Promise<Connection<Conversation>> {
    const query = this.deps.dataSource.getRepository(Conversation).createQueryBuilder('conversation');
    if (filter.stage) query.andWhere('conversation.stage = :stage', { stage: filter.stage });
    if (filter.channel) query.andWhere('conversation.channel = :channel', { channel: filter.channel });
    if (filter.assignedExtensionId) {
      query.andWhere('conversation.assigned_extension_id = :extensionId', { extensionId: fromGlobalId('Extension', filter.assignedExtensionId) ?? null });
    }
    if (filter.escalated !== undefined) {
      const exists = `EXISTS (SELECT 1 FROM escalation e WHERE e.conversation_id = conversation.id AND e.status IN (:...open))`;
      query.andWhere(filter.escalated ? exists : `NOT ${exists}`, { open: OPEN_ESCALATION });
    }
    return paginate({ query, alias: 'conversation', sortKey: 'lastMessageAt', sortColumn: 'last_message_at', direction: 'DESC', args, maxPageSize: this.deps.maxPageSize });
  }

  openEscalation(manager: EntityManager, conversationId: string): Promise<Escalation | null> {
    return this.deps.escalations.findOpenForConversation(manager, conversationId);
  }

  findByGlobalId(globalId: string): Promise<Conversation | null> {
    const id = fromGlobalId('Conversation', globalId);
    return id ? this.deps.dataSource.getRepository(Conversation).findOneBy({ id }) : Promise.resolve(null);
  }

  messages(conversationId: string, args: ConnectionArgs): Promise<Connection<Message>> {
    const query = this.deps.dataSource.getRepository(Message).createQueryBuilder('message').where('message.conversation_id = :conversationId', { conversationId });
    return paginate({ query, alias: 'message', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'ASC', args, maxPageSize: this.deps.maxPageSize });
  }

  listOpenEscalations(args: ConnectionArgs): Promise<Connection<Escalation>> {
    const query = this.deps.dataSource.getRepository(Escalation).createQueryBuilder('escalation').where('escalation.status IN (:...open)', { open: OPEN_ESCALATION });
    return paginate({ query, alias: 'escalation', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'ASC', args, maxPageSize: this.deps.maxPageSize });
  }

  private async lockOrOpenConversation(manager: EntityManager, inbound: Omit<InboundMessage, 'text'>): Promise<Conversation> {
    // Serialises the first messages of a brand-new thread, which have no row to lock yet.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`conversation:${inbound.channel}:${inbound.address}`]);
    const existing = await manager
      .createQueryBuilder(Conversation, 'conversation')
      .where('conversation.channel = :channel AND conversation.channel_address = :address', { channel: inbound.channel, address: inbound.address })
      .orderBy('conversation.created_at', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
    if (existing) {
      if (existing.stage === ConversationStage.CLOSED) {
        existing.stage = ConversationStage.COLLECTING_DETAILS; // a closed thread reopens with the assistant
        existing.failedAttempts = 0;
      }
      return existing;
    }
    const customer = await this.deps.customers.findOrCreateByIdentity(manager, inbound.identity.kind, inbound.identity.value);
    return manager.save(
      manager.create(Conversation, {
        customerId: customer.id,
        channel: inbound.channel,
        channelAddress: inbound.address,
        stage: ConversationStage.GREETING,
        bookingDraft: {},
        failedAttempts: 0,
        aiPaused: false,
        assignedExtensionId: null,
        heldByStaffUserId: null,
        bookingId: null,
        lastMessageAt: new Date(),
      }),
    );
  }

  private async lockConversation(manager: EntityManager, globalId: string): Promise<Conversation> {
    const id = fromGlobalId('Conversation', globalId);
    if (!id) throw escalationErrors.conversationNotFound();
    return this.lockConversationById(manager, id);
  }

  private async lockConversationById(manager: EntityManager, id: string): Promise<Conversation> {
    const conversation = await manager.createQueryBuilder(Conversation, 'conversation').where('conversation.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!conversation) throw escalationErrors.conversationNotFound();
    return conversation;
  }

  /** Links the details the customer gave to their identity; a known phone or email joins an existing customer. */
  private async linkCustomer(manager: EntityManager, conversation: Conversation, draft: BookingDraft): Promise<string> {
    const value = (field: 'name' | 'phone' | 'email') => (draft[field] ? String(draft[field]!.value) : undefined);
    const customerId = await this.deps.customers.learn(manager, conversation.customerId, { name: value('name'), phone: value('phone'), email: value('email') });
    if (customerId !== conversation.customerId) {
      await manager.update(Conversation, { customerId: conversation.customerId }, { customerId });
    }
    return customerId;
  }

  private async addMessage(
    manager: EntityManager,
    events: PendingEvents,
    conversation: Conversation,
    fields: Pick<Message, 'direction' | 'author' | 'text' | 'providerMessageId' | 'deliveryStatus'> & { staffUserId?: string | null; channel?: Channel },
  ): Promise<Message> {
    const message = await manager.save(
      manager.create(Message, { ...fields, channel: fields.channel ?? conversation.channel, staffUserId: fields.staffUserId ?? null, conversationId: conversation.id }),
    );
    conversation.lastMessageAt = message.createdAt;
    events.add(Topic.CONVERSATION_MESSAGE_ADDED, { conversationId: conversation.id, channel: conversation.channel, message: toSnapshot(message) }, conversation.id);
    return message;
  }

  /** Stores an outbound message and delivers it through the thread's channel after commit. */
  /**
   * Stores an outbound message and sends it through the thread's channel. `purpose`
   * CONSENT_CONFIRMATION is the one kind of text that still reaches a number that has just
   * opted out; everything else is refused for it at send time.
   */
  private async sendReply(
    manager: EntityManager,
    events: PendingEvents,
    conversation: Conversation,
    author: MessageAuthor,
    text: string,
    staffUserId: string | null = null,
    purpose: SendPurpose = 'CONVERSATION_REPLY',
  ): Promise<Message> {
    const webChat = conversation.channel === Channel.WEB_CHAT;
    const outbound = REPLY_CHANNEL[conversation.channel];
    const message = await this.addMessage(manager, events, conversation, {
      channel: outbound ? Channel[outbound] : conversation.channel,
      direction: MessageDirection.OUTBOUND,
      author,
      text,
      providerMessageId: null,
      // Web chat is delivered by the subscription itself; other channels by the send queue.
      deliveryStatus: webChat ? DeliveryStatus.SENT : DeliveryStatus.QUEUED,
      staffUserId,
    });
    await manager.save(conversation);
    if (webChat) {
      events.add(Topic.WEB_CHAT_REPLY, { message: toSnapshot(message) }, conversation.channelAddress);
    } else if (outbound) {
      await this.deps.outbound.queue(manager, { idempotencyKey: `message:${message.id}`, channel: outbound, to: conversation.channelAddress, body: text, purpose, messageId: message.id });
    }
    return message;
  }

  private write<T>(work: (manager: EntityManager, events: PendingEvents) => Promise<T>): Promise<T> {
    return inTransaction(this.deps.dataSource, this.deps.eventBus, work);
  }
}

/** How a thread is answered: a phone call by text to the caller; e-mail has no sender yet. */
const REPLY_CHANNEL: Partial<Record<Channel, OutboundChannel>> = {
  [Channel.SMS]: 'SMS',
  [Channel.PHONE]: 'SMS',
  [Channel.WHATSAPP]: 'WHATSAPP',
  [Channel.MESSENGER]: 'MESSENGER',
  [Channel.INSTAGRAM]: 'INSTAGRAM',
};

async function findInbound(manager: EntityManager, channel: Channel, providerMessageId: string): Promise<Message | null> {
  return manager.findOneBy(Message, { channel, providerMessageId, direction: MessageDirection.INBOUND });
}


function isHeldBack(conversation: Conversation): boolean {
  return conversation.aiPaused || conversation.stage === ConversationStage.ESCALATED;
}

async function lastCustomerText(manager: EntityManager, conversationId: string): Promise<string | null> {
  const last = await manager.findOne(Message, { where: { conversationId, author: MessageAuthor.CUSTOMER }, order: { createdAt: 'DESC' } });
  return last?.text ?? null;
}

export function draftDetails(draft: BookingDraft): Array<{ field: string; value: string; confidence: number }> {
  return DRAFT_FIELDS.filter((field) => draft[field] !== undefined).map((field) => ({
    field,
    value: String(draft[field]!.value),
    confidence: draft[field]!.confidence,
  }));
}

export function toSnapshot(message: Message): MessageSnapshot {
  return {
    id: message.id,
    conversationId: message.conversationId,
    channel: message.channel,
    direction: message.direction,
    author: message.author,
    text: message.text,
    providerMessageId: message.providerMessageId,
    deliveryStatus: message.deliveryStatus,
    staffUserId: message.staffUserId,
    createdAt: new Date(message.createdAt).toISOString(),
  };
}


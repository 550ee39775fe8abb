import type { PendingEvents, Tx } from '../../shared/db/unit-of-work';
import type { UnitOfWork } from '../../shared/db/unit-of-work';
import type { FigureWindow } from '../../shared/figure-window';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import type { OutboundChannel, SendPurpose } from '../../providers/outbound.port';
import type { ConsentService } from '../channels/consent';
import type { OutboundDelivery } from '../channels/outbound-delivery.service';
import type { IdentityKind } from '../customers/customer.entity';
import type { CustomersRepository } from '../customers/customers.repository';
import { CustomerTopic, customerSnapshot } from '../customers/customers.events';
import { Channel } from './channel';
import { Conversation, ConversationStage, DRAFT_FIELDS, type BookingDraft } from './conversation.entity';
import { conversationErrors } from './conversations.errors';
import { ConversationTopic, type MessageSnapshot } from './conversations.events';
import type { ConversationFilter, ConversationsRepository, NewMessage } from './conversations.repository';
import { DeliveryStatus, Message, MessageAuthor, MessageDirection, type MessageVia } from './message.entity';

/** Where a thread lives on its channel, and whose it is. */
export interface ThreadAddress {
  channel: Channel;
  /** Where replies go: a phone number, a Meta id, the hash of a web-chat session token. */
  address: string;
  identity: { kind: IdentityKind; value: string };
}

/** How a thread is answered: a phone call by text to the caller; e-mail has no sender yet. */
const REPLY_CHANNEL: Partial<Record<Channel, OutboundChannel>> = {
  [Channel.SMS]: 'SMS',
  [Channel.PHONE]: 'SMS',
  [Channel.WHATSAPP]: 'WHATSAPP',
  [Channel.MESSENGER]: 'MESSENGER',
  [Channel.INSTAGRAM]: 'INSTAGRAM',
};

/**
 * Threads and their messages: opening and locking a thread, adding a message (published after
 * commit), and replying through the thread's channel. Every write here runs inside the
 * caller's transaction, which holds the thread's row lock: the inbound path, the handoff and
 * telephony all go through these, so a thread's messages are stored in order across instances.
 */
export class ConversationsService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: ConversationsRepository;
      customers: CustomersRepository;
      outbound: OutboundDelivery;
      consent: ConsentService;
    },
  ) {}

  /** The thread at this address, locked; opened (with its customer) when there is none, reopened when closed. */
  async openThread(tx: Tx, where: ThreadAddress): Promise<Conversation> {
    const existing = await this.deps.repository.lockByAddress(tx, where.channel, where.address);
    if (existing) {
      const held = this.heldIn(tx).get(existing.id);
      if (held) return held;
      if (existing.stage === ConversationStage.CLOSED) {
        existing.stage = ConversationStage.COLLECTING_DETAILS; // a closed thread reopens with the assistant
        existing.failedAttempts = 0;
      }
      return this.hold(tx, existing);
    }
    const customer = await this.deps.customers.findOrCreateByIdentity(tx, where.identity.kind, where.identity.value);
    return this.hold(tx, await this.deps.repository.insert(tx, { customerId: customer.id, channel: where.channel, channelAddress: where.address }));
  }

  /** Conversations begun in [from, to), for the weekly summary. */
  countStartedBetween(range: { from: Date; to: Date }): Promise<number> {
    return this.deps.repository.countStartedBetween(range);
  }

  /** A thread by the id staff sent (its global id), locked for the rest of the transaction. */
  async lockThread(tx: Tx, globalId: string): Promise<Conversation> {
    const id = fromGlobalId('Conversation', globalId);
    if (!id) throw conversationErrors.notFound();
    const conversation = this.heldIn(tx).get(id) ?? (await this.deps.repository.lockById(tx, id));
    if (!conversation) throw conversationErrors.notFound();
    return this.hold(tx, conversation);
  }

  /** A thread by its database id (from a row that names it), locked for the rest of the transaction. */
  async lockThreadById(tx: Tx, id: string): Promise<Conversation> {
    const conversation = this.heldIn(tx).get(id) ?? (await this.deps.repository.lockById(tx, id));
    if (!conversation) throw new Error(`conversation ${id} does not exist`);
    return this.hold(tx, conversation);
  }

  /**
   * The threads a transaction holds locked, one object each: two paths of one transaction that
   * lock the same thread (the inbound path, then a booking confirmed by the reply it read) change
   * and save one object, so neither writes back the other's stale copy.
   */
  private readonly held = new WeakMap<Tx, Map<string, Conversation>>();

  private heldIn(tx: Tx): Map<string, Conversation> {
    let threads = this.held.get(tx);
    if (!threads) this.held.set(tx, (threads = new Map()));
    return threads;
  }

  private hold(tx: Tx, conversation: Conversation): Conversation {
    this.heldIn(tx).set(conversation.id, conversation);
    return conversation;
  }

  /** Writes the changes made to a thread the caller holds locked. */
  save(tx: Tx, conversation: Conversation): Promise<void> {
    return this.deps.repository.update(tx, conversation);
  }

  /** Whether the thread at an address is with staff, read before a transaction (so the assistant need not think for nothing). */
  isWithStaffAt(channel: Channel, address: string): Promise<boolean> {
    return this.deps.repository.isWithStaffAt(channel, address);
  }

  /** Stores a message in the thread and publishes it after commit. */
  async addMessage(
    tx: Tx,
    events: PendingEvents,
    conversation: Conversation,
    fields: Omit<NewMessage, 'conversationId' | 'channel' | 'staffUserId'> & { channel?: Channel; staffUserId?: string | null },
  ): Promise<Message> {
    const message = await this.deps.repository.insertMessage(tx, {
      ...fields,
      channel: fields.channel ?? conversation.channel,
      staffUserId: fields.staffUserId ?? null,
      conversationId: conversation.id,
    });
    conversation.lastMessageAt = message.createdAt;
    publishAdded(events, conversation, message);
    return message;
  }

  /**
   * Stores an outbound message and sends it through the thread's channel: web chat by its live
   * subscription, the others through the send queue (in this transaction, so it goes exactly
   * when the message is committed). `purpose` CONSENT_CONFIRMATION is the one kind of text
   * that still reaches a number that has just opted out; everything else is refused for it at
   * send time.
   */
  async sendReply(
    tx: Tx,
    events: PendingEvents,
    conversation: Conversation,
    reply: { author: MessageAuthor; text: string; staffUserId?: string | null; senderName?: string | null; purpose?: SendPurpose; timeZone?: string },
  ): Promise<Message> {
    const webChat = conversation.channel === Channel.WEB_CHAT;
    const outbound = REPLY_CHANNEL[conversation.channel];
    const message = await this.addMessage(tx, events, conversation, {
      channel: outbound ? Channel[outbound] : conversation.channel,
      direction: MessageDirection.OUTBOUND,
      author: reply.author,
      text: reply.text,
      providerMessageId: null,
      // Web chat is delivered by the subscription itself; other channels by the send queue.
      deliveryStatus: webChat ? DeliveryStatus.SENT : DeliveryStatus.QUEUED,
      staffUserId: reply.staffUserId ?? null,
      senderName: reply.senderName ?? null,
    });
    await this.deps.repository.update(tx, conversation);
    if (webChat) {
      events.add(ConversationTopic.WEB_CHAT_REPLY, { message: toSnapshot(message) }, conversation.channelAddress);
    } else if (outbound) {
      await this.deps.outbound.queue(tx, {
        idempotencyKey: `message:${message.id}`,
        channel: outbound,
        to: conversation.channelAddress,
        // A text has no sender line of its own: a staff reply starts with their first name ("Sam: ...").
        body: reply.senderName ? `${reply.senderName}: ${reply.text}` : reply.text,
        purpose: reply.purpose ?? 'CONVERSATION_REPLY',
        timeZone: reply.timeZone,
        messageId: message.id,
      });
    }
    return message;
  }

  /** Whether a reply in this thread would be refused because the customer opted out (STOP). */
  async replyRefusedByConsent(tx: Tx, conversation: Conversation): Promise<boolean> {
    const outbound = REPLY_CHANNEL[conversation.channel];
    return outbound !== undefined && (await this.deps.consent.refusesMessages(outbound, conversation.channelAddress, tx));
  }

  /**
   * A SYSTEM message in the thread at this address (opened if there is none), delivered like any
   * reply: a phone thread's by text to the caller. Used to announce a call transfer.
   */
  announce(where: ThreadAddress & { text: string }): Promise<Message> {
    return this.deps.uow.run(async (tx, events) => {
      const conversation = await this.openThread(tx, where);
      return this.sendReply(tx, events, conversation, { author: MessageAuthor.SYSTEM, text: where.text });
    });
  }

  /**
   * Stores a customer's message in the thread and publishes it after commit; a second delivery
   * of the same provider message stores nothing and returns the first, as a duplicate.
   */
  async addCustomerMessage(
    tx: Tx,
    events: PendingEvents,
    conversation: Conversation,
    fields: { text: string; providerMessageId: string | null },
  ): Promise<{ message: Message; duplicate: boolean }> {
    const message = await this.addOnce(tx, events, conversation, {
      direction: MessageDirection.INBOUND,
      author: MessageAuthor.CUSTOMER,
      text: fields.text,
      providerMessageId: fields.providerMessageId,
      deliveryStatus: DeliveryStatus.RECEIVED,
    });
    if (!message) return { message: (await this.deps.repository.findInboundMessage(tx, conversation.channel, fields.providerMessageId!))!, duplicate: true };
    return { message, duplicate: false };
  }

  /**
   * Stores a reply a person wrote to the customer outside this console (Meta's Page inbox, the
   * Instagram app) as a staff message that has already gone out, and publishes it after
   * commit. Nothing is sent: the customer has it. The same provider message again stores
   * nothing and returns null.
   */
  addOutsideReply(tx: Tx, events: PendingEvents, conversation: Conversation, fields: { text: string; providerMessageId: string; via: MessageVia }): Promise<Message | null> {
    return this.addOnce(tx, events, conversation, {
      direction: MessageDirection.OUTBOUND,
      author: MessageAuthor.STAFF,
      text: fields.text,
      providerMessageId: fields.providerMessageId,
      deliveryStatus: DeliveryStatus.SENT,
      via: fields.via,
    });
  }

  /** A provider's message stored once in the thread and published after commit; null when it was stored before. */
  private async addOnce(
    tx: Tx,
    events: PendingEvents,
    conversation: Conversation,
    fields: Omit<NewMessage, 'conversationId' | 'channel' | 'staffUserId'>,
  ): Promise<Message | null> {
    const message = await this.deps.repository.insertOnce(tx, { ...fields, conversationId: conversation.id, channel: conversation.channel, staffUserId: null });
    if (!message) return null;
    conversation.lastMessageAt = message.createdAt;
    publishAdded(events, conversation, message);
    return message;
  }

  /** A customer's message by the provider's id for it (the thread it arrived in is on it). */
  findInboundMessage(channel: Channel, providerMessageId: string): Promise<Message | null> {
    return this.deps.uow.run((tx) => this.deps.repository.findInboundMessage(tx, channel, providerMessageId));
  }

  lastCustomerText(tx: Tx, conversationId: string): Promise<string | null> {
    return this.deps.repository.lastCustomerText(tx, conversationId);
  }

  /**
   * Links the details the customer gave to their identity; a known phone or email joins an
   * existing customer. Only details new in `draft` (against `before`) are looked at. When what
   * consoles show of the customer changes, every console hears it after commit.
   */
  async linkCustomer(tx: Tx, events: PendingEvents, conversation: Conversation, draft: BookingDraft, before: BookingDraft): Promise<void> {
    const fresh = (field: 'name' | 'phone' | 'email') => (draft[field] && draft[field]!.value !== before[field]?.value ? String(draft[field]!.value) : undefined);
    const details = { name: fresh('name'), phone: fresh('phone'), email: fresh('email') };
    if (!details.name && !details.phone && !details.email) return;
    const previousId = conversation.customerId;
    const { customer, changed, mergedAway } = await this.deps.customers.learn(tx, previousId, details);
    const moved = customer.id !== previousId ? await this.deps.repository.moveToCustomer(tx, previousId, customer.id) : [];
    conversation.customerId = customer.id;
    // Joined to a known customer by their phone or email: audited like a merge staff make, by nobody.
    for (const { record, identities } of mergedAway) {
      await this.deps.customers.insertMerge(tx, {
        survivingCustomerId: customer.id,
        mergedCustomerId: record.id,
        staffUserId: null,
        apiKeyId: null,
        mergedCustomer: { name: record.name, phone: record.phone, email: record.email },
        moved: { identities, conversationIds: record.id === previousId ? moved : [], bookingIds: [], filledFields: [] },
      });
    }
    if (changed) events.add(CustomerTopic.UPDATED, { customer: customerSnapshot(customer), conversationIds: moved, mergedCustomers: mergedAway.map(({ record }) => customerSnapshot(record)) });
  }

  list(filter: Omit<ConversationFilter, 'assignedExtensionId'> & { assignedExtensionId?: string }, args: ConnectionArgs): Promise<Connection<Conversation>> {
    // An extension id that names nothing matches no thread, rather than every thread.
    const assignedExtensionId = filter.assignedExtensionId === undefined ? undefined : (fromGlobalId('Extension', filter.assignedExtensionId) ?? '00000000-0000-0000-0000-000000000000');
    return this.deps.repository.list({ ...filter, assignedExtensionId }, args);
  }

  async findByGlobalId(globalId: string): Promise<Conversation | null> {
    const id = fromGlobalId('Conversation', globalId);
    return id ? this.deps.repository.findById(id) : null;
  }

  findById(id: string, tx?: Tx): Promise<Conversation | null> {
    return this.deps.repository.findById(id, tx);
  }

  findByIds(ids: readonly string[]): Promise<Conversation[]> {
    return this.deps.repository.findByIds(ids);
  }

  findByCustomers(customerIds: readonly string[]): Promise<Conversation[]> {
    return this.deps.repository.findByCustomers(customerIds);
  }

  latestOfThreads(conversationIds: readonly string[]): Promise<Message[]> {
    return this.deps.repository.latestOfThreads(conversationIds);
  }

  /** Moves every thread of one customer record to another (a merge, inside its transaction); answers the threads moved. */
  moveToCustomer(tx: Tx, fromCustomerId: string, toCustomerId: string): Promise<string[]> {
    return this.deps.repository.moveToCustomer(tx, fromCustomerId, toCustomerId);
  }

  /** Locks every thread of these customers (the first lock of a merge: threads, then customers, then bookings, as the inbound path takes them). */
  lockThreadsOf(tx: Tx, customerIds: readonly string[]): Promise<void> {
    return this.deps.repository.lockByCustomers(tx, customerIds);
  }

  metaAccountsOf(tx: Tx, customerIds: readonly string[]): Promise<Array<{ customerId: string; channel: Channel; address: string }>> {
    return this.deps.repository.metaAccountsOf(tx, customerIds);
  }

  messagePages(conversationIds: readonly string[], args: ConnectionArgs & { afterMessageId?: string }): Promise<Map<string, Connection<Message>>> {
    return this.deps.repository.messagePages(conversationIds, args);
  }

  staffRepliedSince(tx: Tx, conversationId: string, since: Date): Promise<boolean> {
    return this.deps.repository.staffRepliedSince(tx, conversationId, since);
  }

  latestMessages(conversationId: string, limit: number): Promise<Message[]> {
    return this.deps.repository.latestMessages(conversationId, limit);
  }

  /** Threads with a customer message in the window, those the assistant answered and booked (metrics). */
  threadFigures(window: FigureWindow): Promise<{ threads: number; aiAnswered: number; aiBooked: number }> {
    return this.deps.repository.threadFigures(window);
  }

  /** Median and 90th percentile response times of the assistant and of staff in the window (metrics). */
  responseTimes(window: FigureWindow): ReturnType<ConversationsRepository['responseTimes']> {
    return this.deps.repository.responseTimes(window);
  }
}

export function draftDetails(draft: BookingDraft): Array<{ field: string; value: string; confidence: number }> {
  return DRAFT_FIELDS.filter((field) => draft[field] !== undefined).map((field) => ({
    field,
    value: String(draft[field]!.value),
    confidence: draft[field]!.confidence,
  }));
}

/** A new message, to the thread's own subscribers and to every console's lists. */
function publishAdded(events: PendingEvents, conversation: Conversation, message: Message): void {
  const payload = { conversationId: conversation.id, channel: conversation.channel, message: toSnapshot(message) };
  events.add(ConversationTopic.MESSAGE_ADDED, payload, conversation.id);
  events.add(ConversationTopic.ACTIVITY, payload);
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
    senderName: message.senderName ?? null,
    via: message.via ?? null,
    createdAt: new Date(message.createdAt).toISOString(),
  };
}

export function messageFromSnapshot(snapshot: MessageSnapshot): Message {
  return Object.assign(new Message(), { ...snapshot, senderName: snapshot.senderName ?? null, createdAt: new Date(snapshot.createdAt) });
}

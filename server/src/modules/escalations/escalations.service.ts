import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { FigureWindow } from '../../shared/figure-window';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import type { JobDefinition } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { userFailure } from '../../shared/graphql/user-errors';
import { unfilledPlaceholders } from '../canned-replies/placeholders';
import type { OutboundDelivery } from '../channels/outbound-delivery.service';
import { ConversationStage, type Conversation } from '../conversations/conversation.entity';
import { draftDetails, type ConversationsService } from '../conversations/conversations.service';
import { checkInboundText } from '../conversations/inbound-text';
import { MessageAuthor, type Message } from '../conversations/message.entity';
import type { CustomersRepository } from '../customers/customers.repository';
import type { ExtensionsService } from '../extensions/extensions.service';
import type { StaffUser } from '../staff/staff-user.entity';
import type { StaffService } from '../staff/staff.service';
import { Escalation, EscalationReason, EscalationResolution, EscalationStatus, type HandoffPacket, type RoutingDecision } from './escalation.entity';
import { escalationErrors } from './escalations.errors';
import { EscalationTopic, toEventPayload, type EscalationTransition } from './escalations.events';
import type { EscalationsRepository, RotationRepository } from './escalations.repository';
import { chooseInRounds } from './routing';

/** The shared round-robin position of chat escalations (calls have their own). */
const ROTATION = 'escalations';
export const SWEEP_ESCALATIONS = 'escalations.sweep';

/**
 * The handoff between the assistant and staff (SPEC §1, §2), owned here and nowhere else:
 * raise, route, the queue, takeover, staff replies in a held thread, hand back (release),
 * resolve, and the handoff packet. The state is the escalation row; a thread's "escalated",
 * "held by" and "assigned to" are derived from its open escalation.
 *
 * Lock order, everywhere: the thread's row, then the escalation's row, then the rotation's
 * advisory lock. The sweep takes only the last two (it never touches threads), so a takeover
 * and a reassignment can no longer wait on each other. Each transition publishes one event
 * after commit, carrying what the console shows.
 */
export class EscalationsService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: EscalationsRepository;
      rotation: RotationRepository;
      conversations: ConversationsService;
      customers: CustomersRepository;
      extensions: ExtensionsService;
      staff: StaffService;
      outbound: OutboundDelivery;
      logger: Logger;
      businessName: string;
      businessTimeZone: string;
      ackTimeoutSeconds: number;
      sweepSeconds: number;
      retries: { retryLimit: number; retryDelaySeconds: number };
    },
  ) {}

  /**
   * The sweep, on the durable queue: queued escalations to newly free extensions, unanswered
   * ones to the next. It runs on one instance at a time; each run schedules the next, and the
   * minute schedule restarts the chain if an instance died holding it.
   */
  jobs(): Array<JobDefinition<object>> {
    return [
      {
        name: SWEEP_ESCALATIONS,
        ...this.deps.retries,
        expireInSeconds: 60,
        concurrency: 1,
        everySeconds: this.deps.sweepSeconds,
        handle: async () => {
          await this.sweep();
        },
      },
    ];
  }

  /** Escalations raised in [from, to), for the weekly summary. */
  countRaisedBetween(range: { from: Date; to: Date }): Promise<number> {
    return this.deps.repository.countRaisedBetween(range);
  }

  /** Whether staff have the thread (or it waits for them): the assistant then stays silent. */
  async isWithStaff(conversationId: string, tx?: Tx): Promise<boolean> {
    return (await this.deps.repository.findOpenForConversation(tx, conversationId, { lock: false })) !== null;
  }

  /**
   * Opens an escalation for a thread the caller holds locked (or returns the open one), routes
   * it and alerts the chosen extension. Runs in the caller's transaction.
   */
  async raise(
    tx: Tx,
    events: PendingEvents,
    params: {
      conversation: Conversation;
      reason: EscalationReason;
      reasonText: string;
      lastCustomerMessage: string;
      quote: string | null;
      /** How the customer sounded (-1..1), when the assistant read their message. */
      sentiment?: number | null;
    },
  ): Promise<Escalation> {
    const open = await this.deps.repository.findOpenForConversation(tx, params.conversation.id, { lock: true });
    if (open) return open;
    const escalation = await this.deps.repository.insert(tx, {
      conversationId: params.conversation.id,
      reason: params.reason,
      handoff: await this.handoffPacket(tx, params),
      status: EscalationStatus.QUEUED,
      assignedExtensionId: null,
      assignedAt: null,
      takenOverById: null,
      customerSentiment: params.sentiment ?? null,
    });
    await this.route(tx, escalation, new Date());
    await this.deps.repository.saveChange(tx, escalation);
    await this.record(tx, events, 'RAISED', escalation, params.conversation);
    return escalation;
  }

  /** A staff member holds the thread: the assistant goes silent and only they may reply. */
  takeOver(params: { conversationId: string; staffUserId: string }): Promise<{ conversation: Conversation; escalation: Escalation }> {
    return this.deps.uow.run(async (tx, events) => {
      const conversation = await this.deps.conversations.lockThread(tx, params.conversationId);
      const open = await this.deps.repository.findOpenForConversation(tx, conversation.id, { lock: true });
      if (open?.takenOverById && open.takenOverById !== params.staffUserId) throw escalationErrors.heldBySomeoneElse(await this.staffName(open.takenOverById));
      if (open?.takenOverById === params.staffUserId) return { conversation, escalation: open };
      if (!open) {
        // Staff stepping in on their own: the escalation starts taken over, so nobody else is alerted.
        const escalation = await this.deps.repository.insert(tx, {
          conversationId: conversation.id,
          reason: EscalationReason.STAFF_TAKEOVER,
          handoff: await this.handoffPacket(tx, {
            conversation,
            reasonText: 'A staff member stepped in.',
            lastCustomerMessage: (await this.deps.conversations.lastCustomerText(tx, conversation.id)) ?? '',
            quote: null,
          }),
          status: EscalationStatus.TAKEN_OVER,
          assignedExtensionId: null,
          assignedAt: null,
          takenOverById: params.staffUserId,
        });
        await this.record(tx, events, 'RAISED', escalation, conversation);
        return { conversation, escalation };
      }
      open.status = EscalationStatus.TAKEN_OVER;
      open.takenOverById = params.staffUserId;
      open.handedOverById = null;
      // The customer was told a person would reply: they hear who did. A look at a thread nobody escalated stays silent.
      if (this.customerWaitsForStaff(open)) await this.announceHolder(tx, events, conversation, open);
      await this.deps.repository.saveChange(tx, open);
      await this.record(tx, events, 'TAKEN_OVER', open, conversation);
      return { conversation, escalation: open };
    });
  }

  /**
   * The holder (or an admin) hands the thread to a named colleague, who holds it from now on and
   * is alerted live (the event names who handed it over). An admin may also hand out a thread
   * nobody holds yet, or hand it to themselves to take it from someone who has gone. The customer
   * hears who joined unless a staff member is only looking in unasked.
   */
  handOver(params: { conversationId: string; toStaffUserId: string; staffUserId: string; isAdmin: boolean }): Promise<{ conversation: Conversation; escalation: Escalation }> {
    return this.deps.uow.run(async (tx, events) => {
      const conversation = await this.deps.conversations.lockThread(tx, params.conversationId);
      const open = await this.deps.repository.findOpenForConversation(tx, conversation.id, { lock: true });
      if (!open) throw escalationErrors.nothingToHandOver();
      if (open.takenOverById !== params.staffUserId && !params.isAdmin) throw escalationErrors.notHoldingToHandOver();
      const targetId = fromGlobalId('StaffUser', params.toStaffUserId);
      const target = targetId ? await this.deps.staff.findUser(targetId, tx) : null;
      if (!target || target.deactivatedAt) throw escalationErrors.noSuchColleague();
      if (open.takenOverById === target.id) throw escalationErrors.alreadyHolds(target.displayName);
      open.status = EscalationStatus.TAKEN_OVER;
      open.takenOverById = target.id;
      open.handedOverById = params.staffUserId;
      // Announced if the customer heard of the last holder, or waits for a person (an admin handing out a waiting thread).
      if (open.announcedStaffId !== null || this.customerWaitsForStaff(open)) await this.announceHolder(tx, events, conversation, open, target);
      await this.deps.repository.saveChange(tx, open);
      await this.record(tx, events, 'HANDED_OVER', open, conversation);
      this.deps.logger.info({ escalationId: open.id, handedOverById: params.staffUserId, toStaffUserId: target.id }, 'thread handed over');
      return { conversation, escalation: open };
    });
  }

  /** Everyone a thread can be handed to. */
  colleagues(): Promise<StaffUser[]> {
    return this.deps.staff.activeUsers();
  }

  /**
   * Someone answered the customer outside this console (Meta's Page inbox, the Instagram app):
   * the thread is with staff from now on, as after a takeover, held by nobody here, so nobody
   * is alerted and anyone may take it over or release it. A thread already with staff stays as
   * it is. Runs in the caller's transaction, on a thread it holds locked.
   */
  async holdForOutsideReply(tx: Tx, events: PendingEvents, params: { conversation: Conversation; reasonText: string }): Promise<Escalation> {
    const { conversation } = params;
    const open = await this.deps.repository.findOpenForConversation(tx, conversation.id, { lock: true });
    if (open) return open;
    const escalation = await this.deps.repository.insert(tx, {
      conversationId: conversation.id,
      reason: EscalationReason.PAGE_INBOX_REPLY,
      handoff: await this.handoffPacket(tx, {
        conversation,
        reasonText: params.reasonText,
        lastCustomerMessage: (await this.deps.conversations.lastCustomerText(tx, conversation.id)) ?? '',
        quote: null,
      }),
      status: EscalationStatus.TAKEN_OVER,
      assignedExtensionId: null,
      assignedAt: null,
      takenOverById: null,
    });
    await this.record(tx, events, 'RAISED', escalation, conversation);
    return escalation;
  }

  /**
   * A customer message in a thread with staff: the escalation keeps the lowest sentiment heard
   * while it is open, and tells the consoles when that makes the customer upset (once).
   * Runs in the caller's transaction, on a thread it holds locked.
   */
  async noteCustomerSentiment(tx: Tx, events: PendingEvents, params: { conversation: Conversation; sentiment: number }): Promise<void> {
    const open = await this.deps.repository.findOpenForConversation(tx, params.conversation.id, { lock: true });
    if (!open || (open.customerSentiment !== null && open.customerSentiment <= params.sentiment)) return;
    const wasUpset = open.upset;
    open.customerSentiment = params.sentiment;
    if (open.upset === wasUpset) return this.deps.repository.saveSentiment(tx, open);
    await this.deps.repository.saveChange(tx, open);
    await this.record(tx, events, 'CUSTOMER_UPSET', open, params.conversation);
  }

  /** A reply in a thread the staff member holds, delivered through the thread's channel. */
  async sendStaffReply(params: { conversationId: string; staffUserId: string; text: string }): Promise<Message> {
    const checked = checkInboundText(params.text);
    if ('failure' in checked) throw checked.failure;
    // A canned reply's placeholder this thread had no value for: the customer must never read the braces.
    const unfilled = unfilledPlaceholders(checked.text);
    if (unfilled.length) throw userFailure('UNFILLED_PLACEHOLDER', `Replace ${unfilled.map((name) => `{${name}}`).join(', ')} with what the customer should read before sending.`, 'text');
    return this.deps.uow.run(async (tx, events) => {
      const conversation = await this.deps.conversations.lockThread(tx, params.conversationId);
      const open = await this.deps.repository.findOpenForConversation(tx, conversation.id, { lock: false });
      if (!open) throw escalationErrors.alreadyResolved();
      if (open.takenOverById !== params.staffUserId) throw escalationErrors.notHolding();
      // The send queue would refuse it anyway; staff hear why now rather than see "not delivered".
      if (await this.deps.conversations.replyRefusedByConsent(tx, conversation)) throw escalationErrors.recipientOptedOut();
      const holder = await this.deps.staff.findUser(params.staffUserId, tx);
      // A first word from someone the customer has not heard of: they are told who joined first.
      if (open.announcedStaffId !== params.staffUserId) {
        await this.announceHolder(tx, events, conversation, open, holder);
        await this.deps.repository.saveChange(tx, open);
        await this.record(tx, events, 'TAKEN_OVER', open, conversation);
      }
      return this.deps.conversations.sendReply(tx, events, conversation, {
        author: MessageAuthor.STAFF,
        text: checked.text,
        staffUserId: params.staffUserId,
        senderName: firstName(holder),
      });
    });
  }

  /** Hands the thread back to the assistant, which resumes where it was; the escalation is over. */
  release(params: { conversationId: string; staffUserId: string; isAdmin: boolean }): Promise<Conversation> {
    return this.deps.uow.run(async (tx, events) => {
      const conversation = await this.deps.conversations.lockThread(tx, params.conversationId);
      const open = await this.deps.repository.findOpenForConversation(tx, conversation.id, { lock: true });
      if (!open) throw escalationErrors.notWithStaff();
      if (open.takenOverById && open.takenOverById !== params.staffUserId && !params.isAdmin) throw escalationErrors.notHolding();
      // The customer hears the assistant is back only if they knew it had left: they were told a
      // person would reply, or a person did. A silent look at the thread stays silent.
      const customerKnew =
        open.announcedStaffId !== null || this.customerWaitsForStaff(open) || (await this.deps.conversations.staffRepliedSince(tx, conversation.id, open.createdAt));
      const announced = open.announcedStaffId ? await this.deps.staff.findUser(open.announcedStaffId, tx) : null;
      await this.close(tx, events, open, EscalationResolution.RELEASED, conversation);
      conversation.failedAttempts = 0;
      if (customerKnew && !(await this.deps.conversations.replyRefusedByConsent(tx, conversation))) {
        const left = announced ? `${firstName(announced)} from ${this.deps.businessName} handed you back to the booking assistant. ` : '';
        await this.deps.conversations.sendReply(tx, events, conversation, { author: MessageAuthor.SYSTEM, text: `${left}I'm back to help with anything else about your booking.` });
      }
      return conversation;
    });
  }

  /** Marks the escalation handled; the thread closes (or stays booked), and a new customer message reopens it with the assistant. */
  resolve(params: { escalationId: string; staffUserId: string; isAdmin: boolean; closingMessage?: string | null }): Promise<Escalation> {
    // An optional last word to the customer, sent as the staff member's reply before the thread closes.
    const closing = params.closingMessage?.trim() ? checkInboundText(params.closingMessage) : null;
    if (closing && 'failure' in closing) throw closing.failure;
    return this.deps.uow.run(async (tx, events) => {
      const id = fromGlobalId('Escalation', params.escalationId);
      const [found] = id ? await this.deps.repository.findByIds([id]) : [];
      if (!found) throw escalationErrors.escalationNotFound();
      // Lock order: the thread first, then the escalation, read again under its lock.
      const conversation = await this.deps.conversations.lockThreadById(tx, found.conversationId);
      const escalation = await this.deps.repository.lockById(tx, found.id);
      if (!escalation || escalation.status === EscalationStatus.RESOLVED) throw escalationErrors.alreadyResolved();
      if (escalation.takenOverById && escalation.takenOverById !== params.staffUserId && !params.isAdmin) {
        throw escalationErrors.heldBySomeoneElse(await this.staffName(escalation.takenOverById));
      }
      if (closing) {
        if (await this.deps.conversations.replyRefusedByConsent(tx, conversation)) throw escalationErrors.recipientOptedOut();
        const author = await this.deps.staff.findUser(params.staffUserId, tx);
        await this.deps.conversations.sendReply(tx, events, conversation, { author: MessageAuthor.STAFF, text: closing.text, staffUserId: params.staffUserId, senderName: firstName(author) });
      }
      conversation.stage = conversation.bookingId ? ConversationStage.BOOKED : ConversationStage.CLOSED;
      await this.deps.conversations.save(tx, conversation);
      await this.close(tx, events, escalation, EscalationResolution.RESOLVED, conversation);
      return escalation;
    });
  }

  /** Runs both halves of the sweep: unanswered escalations to the next extension, then the queue. */
  async sweep(now = new Date()): Promise<void> {
    await this.reassignUnanswered(now);
    await this.dispatchQueued(now);
  }

  /** Hands waiting escalations, oldest first, to extensions that can take them now. */
  private dispatchQueued(now: Date): Promise<number> {
    return this.deps.uow.run(async (tx, events) => {
      let assigned = 0;
      for (const escalation of await this.deps.repository.lockQueued(tx)) {
        const routed = await this.route(tx, escalation, now);
        // Still waiting, for the same reason: nothing changed, nothing to tell anyone.
        if (!routed.assigned && !routed.changed) continue;
        await this.deps.repository.saveChange(tx, escalation);
        await this.record(tx, events, routed.assigned ? 'ASSIGNED' : 'QUEUED', escalation);
        if (routed.assigned) assigned++;
      }
      return assigned;
    });
  }

  /** Escalations alerted to an extension that nobody took over in time go to the next one. */
  private reassignUnanswered(now: Date): Promise<number> {
    return this.deps.uow.run(async (tx, events) => {
      const cutoff = new Date(now.getTime() - this.deps.ackTimeoutSeconds * 1000);
      const stale = await this.deps.repository.lockUnansweredSince(tx, cutoff);
      for (const escalation of stale) {
        if (escalation.assignedExtensionId) escalation.declinedExtensionIds = [...escalation.declinedExtensionIds, escalation.assignedExtensionId];
        const routed = await this.route(tx, escalation, now);
        await this.deps.repository.saveChange(tx, escalation);
        await this.record(tx, events, routed.assigned ? 'ASSIGNED' : 'QUEUED', escalation);
      }
      return stale.length;
    });
  }

  /**
   * Chooses an extension for the escalation (in rounds, see routing.ts), records the choice and
   * its reason when it says something new, and queues the SMS alert. The caller saves the
   * escalation. Says whether it was assigned, and whether anything about it changed.
   */
  private async route(tx: Tx, escalation: Escalation, now: Date): Promise<{ assigned: boolean; changed: boolean }> {
    const { rotation, repository } = this.deps;
    await rotation.lock(tx, ROTATION);
    const extensions = await this.deps.extensions.allForRouting(tx);
    const { choice, declined } = chooseInRounds({
      extensions,
      lastRotationNumber: await rotation.last(tx, ROTATION),
      declined: escalation.declinedExtensionIds,
      now,
      timeZone: this.deps.businessTimeZone,
    });
    const declinesChanged = declined.join() !== escalation.declinedExtensionIds.join();
    escalation.declinedExtensionIds = declined;
    const chosen = extensions.find((extension) => extension.id === choice.extension?.id) ?? null;
    // A queued escalation is routed again on every sweep; its log keeps only what changed.
    const logged = chosen !== null || (await repository.lastDecision(tx, escalation.id))?.explanation !== choice.explanation;
    if (logged) {
      await repository.recordDecision(tx, { escalationId: escalation.id, extensionId: chosen?.id ?? null, explanation: choice.explanation });
      this.deps.logger.info({ escalationId: escalation.id, extensionId: chosen?.id ?? null, explanation: choice.explanation }, 'escalation routed');
    }
    if (choice.nextRotationNumber !== null) await rotation.advance(tx, ROTATION, choice.nextRotationNumber);
    escalation.status = chosen ? EscalationStatus.ASSIGNED : EscalationStatus.QUEUED;
    escalation.assignedExtensionId = chosen?.id ?? null;
    escalation.assignedAt = chosen ? now : null;
    if (chosen) {
      const { customerName, reasonText } = escalation.handoff;
      // One alert per assignment: a reassignment alerts the next extension, a retried job never twice.
      await this.deps.outbound.queue(tx, {
        idempotencyKey: `escalation:${escalation.id}:${chosen.id}:${now.getTime()}`,
        to: chosen.phone,
        body: `Incoming escalated chat from ${customerName ?? 'a customer'}: ${reasonText}`,
        purpose: 'ESCALATION_ALERT',
      });
    }
    return { assigned: chosen !== null, changed: logged || declinesChanged };
  }

  /** Whether the customer was told a person would reply (every escalation but a staff member stepping in unasked). */
  private customerWaitsForStaff(escalation: Escalation): boolean {
    return escalation.reason !== EscalationReason.STAFF_TAKEOVER;
  }

  /**
   * Tells the customer who joined ("Sam from <business> joined the chat."), through the thread's
   * own channel like any reply, once per holder; nothing for a number that opted out. The caller
   * saves the escalation.
   */
  private async announceHolder(tx: Tx, events: PendingEvents, conversation: Conversation, escalation: Escalation, holder?: StaffUser | null): Promise<void> {
    const staffUserId = holder?.id ?? escalation.takenOverById;
    if (!staffUserId || escalation.announcedStaffId === staffUserId) return;
    if (await this.deps.conversations.replyRefusedByConsent(tx, conversation)) return;
    const person = holder ?? (await this.deps.staff.findUser(staffUserId, tx));
    await this.deps.conversations.sendReply(tx, events, conversation, { author: MessageAuthor.SYSTEM, text: `${firstName(person)} from ${this.deps.businessName} joined the chat.` });
    escalation.announcedStaffId = staffUserId;
  }

  private async close(tx: Tx, events: PendingEvents, escalation: Escalation, resolution: EscalationResolution, conversation: Conversation): Promise<void> {
    escalation.status = EscalationStatus.RESOLVED;
    escalation.resolution = resolution;
    escalation.resolvedAt = new Date();
    await this.deps.repository.saveChange(tx, escalation);
    await this.record(tx, events, resolution === EscalationResolution.RELEASED ? 'RELEASED' : 'RESOLVED', escalation, conversation);
  }

  /** What staff need so they never ask the customer again, taken when the escalation opens. */
  private async handoffPacket(
    tx: Tx,
    params: { conversation: Conversation; reasonText: string; lastCustomerMessage: string; quote: string | null },
  ): Promise<HandoffPacket> {
    const { conversation } = params;
    const customer = await this.deps.customers.findById(conversation.customerId, tx);
    const draftName = conversation.bookingDraft.name ? String(conversation.bookingDraft.name.value) : null;
    return {
      customerName: customer?.name ?? draftName,
      channel: conversation.channel,
      reasonText: params.reasonText,
      lastCustomerMessage: params.lastCustomerMessage,
      details: draftDetails(conversation.bookingDraft),
      quote: params.quote,
    };
  }

  /** Records the transition's event with everything the console shows, read in this transaction. */
  private async record(tx: Tx, events: PendingEvents, transition: EscalationTransition, escalation: Escalation, known?: Conversation): Promise<void> {
    const conversation = known ?? (await this.deps.conversations.findById(escalation.conversationId, tx));
    if (!conversation) return;
    // One after another: they share the transaction's connection.
    const customer = await this.deps.customers.findById(conversation.customerId, tx);
    const assignedExtension = escalation.assignedExtensionId ? await this.deps.extensions.findById(escalation.assignedExtensionId, tx) : null;
    const takenOverBy = escalation.takenOverById ? await this.deps.staff.findUser(escalation.takenOverById, tx) : null;
    const handedOverBy = escalation.handedOverById ? await this.deps.staff.findUser(escalation.handedOverById, tx) : null;
    const routingLog = await this.deps.repository.routingLogs([escalation.id], tx);
    if (!customer) return;
    const payload = toEventPayload({ transition, escalation, conversation, customer, assignedExtension, takenOverBy, handedOverBy, routingLog });
    events.add(transition === 'RAISED' ? EscalationTopic.RAISED : EscalationTopic.UPDATED, payload);
  }

  private async staffName(staffUserId: string): Promise<string> {
    return (await this.deps.staff.findUser(staffUserId))?.displayName ?? 'Another staff member';
  }

  findByIds(ids: readonly string[]): Promise<Escalation[]> {
    return this.deps.repository.findByIds(ids);
  }

  listOpen(args: ConnectionArgs): Promise<Connection<Escalation>> {
    return this.deps.repository.listOpen(args);
  }

  openForConversations(conversationIds: readonly string[]): Promise<Escalation[]> {
    return this.deps.repository.findOpenForConversations(conversationIds);
  }

  routingLogs(escalationIds: readonly string[]): Promise<RoutingDecision[]> {
    return this.deps.repository.routingLogs(escalationIds);
  }

  /** Threads with an escalation opened in the window (metrics). */
  escalatedThreads(window: FigureWindow): Promise<number> {
    return this.deps.repository.escalatedThreads(window);
  }
}

/** The name a customer sees for a staff member: the first word of their display name. */
export function firstName(person: Pick<StaffUser, 'displayName'> | null): string {
  return person?.displayName.trim().split(/\s+/)[0] || 'Our team';
}

import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { inTransaction, type PendingEvents } from '../../shared/db/unit-of-work';
import type { Logger } from '../../shared/logger';
import type { EventBus } from '../../shared/pubsub/event-bus';
import { Topic } from '../../shared/pubsub/topics';
import type { OutboundDelivery } from '../channels/outbound-delivery.service';
import type { Conversation } from '../conversations/conversation.entity';
import { Extension } from '../extensions/extension.entity';
import { Escalation, EscalationStatus, RoutingDecision, type EscalationReason, type HandoffPacket } from './escalation.entity';
import { rotation } from './rotation';
import { chooseExtension } from './routing';

/** The shared round-robin position: one row, read and written under the routing lock. */
const ROTATION = 'escalations';

/**
 * Raising and routing escalations (SPEC §1). Routing runs under a transaction-scoped advisory
 * lock, so two instances never assign the same escalation twice nor advance the rotation
 * twice; the rotation lives in PostgreSQL, so it survives restarts. Alerts go out by SMS after
 * commit.
 */
export class EscalationsService {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      eventBus: EventBus;
      sms: OutboundDelivery;
      logger: Logger;
      businessTimeZone: string;
      ackTimeoutSeconds: number;
    },
  ) {}

  /** Opens an escalation for the conversation (or returns the open one) and routes it. Runs in the caller's transaction. */
  async raise(
    manager: EntityManager,
    events: PendingEvents,
    params: { conversation: Conversation; reason: EscalationReason; handoff: HandoffPacket },
  ): Promise<Escalation> {
    const open = await manager.findOne(Escalation, {
      where: { conversationId: params.conversation.id, status: In([EscalationStatus.QUEUED, EscalationStatus.ASSIGNED, EscalationStatus.TAKEN_OVER]) },
    });
    if (open) return open;
    const escalation = await manager.save(
      manager.create(Escalation, {
        conversationId: params.conversation.id,
        reason: params.reason,
        handoff: params.handoff,
        status: EscalationStatus.QUEUED,
        assignedExtensionId: null,
        assignedAt: null,
        takenOverById: null,
        declinedExtensionIds: [],
        resolvedAt: null,
      }),
    );
    await this.route(manager, escalation);
    this.record(events, Topic.ESCALATION_RAISED, escalation);
    return escalation;
  }

  /** Hands waiting escalations, oldest first, to extensions that can take them now. */
  dispatchQueued(): Promise<number> {
    return this.write(async (manager, events) => {
      const waiting = await manager
        .createQueryBuilder(Escalation, 'escalation')
        .where('escalation.status = :status', { status: EscalationStatus.QUEUED })
        .orderBy('escalation.created_at', 'ASC')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let assigned = 0;
      for (const escalation of waiting) {
        if (!(await this.route(manager, escalation))) break; // nobody free: the rest keep waiting in order
        this.record(events, Topic.ESCALATION_UPDATED, escalation);
        assigned++;
      }
      return assigned;
    });
  }

  /** Escalations alerted to an extension that nobody took over in time go to the next one. */
  reassignUnanswered(now = new Date()): Promise<number> {
    return this.write(async (manager, events) => {
      const cutoff = new Date(now.getTime() - this.deps.ackTimeoutSeconds * 1000);
      const stale = await manager
        .createQueryBuilder(Escalation, 'escalation')
        .where('escalation.status = :status AND escalation.assigned_at < :cutoff', { status: EscalationStatus.ASSIGNED, cutoff })
        .orderBy('escalation.created_at', 'ASC')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const escalation of stale) {
        if (escalation.assignedExtensionId) escalation.declinedExtensionIds = [...escalation.declinedExtensionIds, escalation.assignedExtensionId];
        await this.route(manager, escalation, now);
        this.record(events, Topic.ESCALATION_UPDATED, escalation);
      }
      return stale.length;
    });
  }

  /**
   * Chooses an extension for the escalation, saves the choice and its reason, and queues the
   * SMS alert. Returns whether it was assigned.
   */
  private async route(manager: EntityManager, escalation: Escalation, now = new Date()): Promise<boolean> {
    await rotation.lock(manager, ROTATION);
    const extensions = await manager.find(Extension, { order: { number: 'ASC' } });
    const choice = chooseExtension({
      extensions,
      lastRotationNumber: await rotation.last(manager, ROTATION),
      exclude: escalation.declinedExtensionIds,
      now,
      timeZone: this.deps.businessTimeZone,
    });
    await manager.insert(RoutingDecision, { escalationId: escalation.id, extensionId: choice.extension?.id ?? null, explanation: choice.explanation });
    this.deps.logger.info({ escalationId: escalation.id, extensionId: choice.extension?.id ?? null, explanation: choice.explanation }, 'escalation routed');

    if (choice.nextRotationNumber !== null) await rotation.advance(manager, ROTATION, choice.nextRotationNumber);
    const chosen = choice.extension ? extensions.find((e) => e.id === choice.extension!.id)! : null;
    escalation.status = chosen ? EscalationStatus.ASSIGNED : EscalationStatus.QUEUED;
    escalation.assignedExtensionId = chosen?.id ?? null;
    escalation.assignedAt = chosen ? now : null;
    await manager.save(escalation);
    await manager.update('conversation', { id: escalation.conversationId }, { assignedExtensionId: chosen?.id ?? null });
    if (chosen) {
      const { customerName, reasonText } = escalation.handoff;
      const body = `Incoming escalated chat from ${customerName ?? 'a customer'}: ${reasonText}`;
      // One alert per assignment: a reassignment alerts the next extension, a retried job never twice.
      await this.deps.sms.queue(manager, { idempotencyKey: `escalation:${escalation.id}:${chosen.id}:${now.getTime()}`, to: chosen.phone, body, purpose: 'ESCALATION_ALERT' });
    }
    return chosen !== null;
  }

  record(events: PendingEvents, topic: typeof Topic.ESCALATION_RAISED | typeof Topic.ESCALATION_UPDATED, escalation: Escalation): void {
    events.add(topic, {
      escalationId: escalation.id,
      conversationId: escalation.conversationId,
      reason: escalation.reason,
      status: escalation.status,
      assignedExtensionId: escalation.assignedExtensionId,
      takenOverById: escalation.takenOverById,
      occurredAt: new Date().toISOString(),
    });
  }

  findOpenForConversation(manager: EntityManager, conversationId: string): Promise<Escalation | null> {
    return manager.findOne(Escalation, {
      where: { conversationId, status: In([EscalationStatus.QUEUED, EscalationStatus.ASSIGNED, EscalationStatus.TAKEN_OVER]) },
      order: { createdAt: 'DESC' },
    });
  }

  routingLog(escalationId: string): Promise<RoutingDecision[]> {
    return this.deps.dataSource.getRepository(RoutingDecision).find({ where: { escalationId }, order: { createdAt: 'ASC' } });
  }

  /** Runs both sweeps; called on an interval by every instance (row locks keep them from colliding). */
  async sweep(): Promise<void> {
    await this.reassignUnanswered();
    await this.dispatchQueued();
  }

  private write<T>(work: (manager: EntityManager, events: PendingEvents) => Promise<T>): Promise<T> {
    return inTransaction(this.deps.dataSource, this.deps.eventBus, work);
  }
}


import { preload } from '../../shared/graphql/preloaded';
import { Conversation, type BookingDraft, type ConversationStage } from '../conversations/conversation.entity';
import type { Channel } from '../conversations/channel';
import { Customer } from '../customers/customer.entity';
import type { Extension } from '../extensions/extension.entity';
import type { ExtensionSnapshot } from '../extensions/extensions.events';
import { fromSnapshot as extensionFromSnapshot, toSnapshot as extensionToSnapshot } from '../extensions/extensions.service';
import type { StaffRole } from '../../shared/auth/roles';
import { StaffUser } from '../staff/staff-user.entity';
import { Escalation, RoutingDecision, type EscalationReason, type EscalationResolution, type EscalationStatus, type HandoffPacket } from './escalation.entity';

/** One event per handoff transition. */
export type EscalationTransition = 'RAISED' | 'ASSIGNED' | 'QUEUED' | 'TAKEN_OVER' | 'HANDED_OVER' | 'CUSTOMER_UPSET' | 'RELEASED' | 'RESOLVED';

/**
 * What the console shows of an escalation, taken in the transaction that changed it: the
 * escalation, its thread and customer, who it is assigned to, who holds it, and why it went
 * where it went. Subscribers render it without reading the database. Primitives and ISO
 * strings only, so it crosses Redis unchanged.
 */
export interface EscalationEventPayload {
  transition: EscalationTransition;
  occurredAt: string;
  escalation: {
    id: string;
    conversationId: string;
    reason: EscalationReason;
    handoff: HandoffPacket;
    status: EscalationStatus;
    resolution: EscalationResolution | null;
    assignedExtensionId: string | null;
    assignedAt: string | null;
    takenOverById: string | null;
    handedOverById: string | null;
    announcedStaffId: string | null;
    customerSentiment: number | null;
    declinedExtensionIds: string[];
    version: number;
    createdAt: string;
    updatedAt: string;
    resolvedAt: string | null;
  };
  conversation: {
    id: string;
    customerId: string;
    channel: Channel;
    channelAddress: string;
    stage: ConversationStage;
    bookingDraft: BookingDraft;
    failedAttempts: number;
    bookingId: string | null;
    lastMessageAt: string;
    createdAt: string;
    updatedAt: string;
  };
  customer: { id: string; name: string | null; phone: string | null; email: string | null; createdAt: string; updatedAt: string };
  assignedExtension: ExtensionSnapshot | null;
  takenOverBy: { id: string; email: string; displayName: string; role: StaffRole } | null;
  handedOverBy: { id: string; email: string; displayName: string; role: StaffRole } | null;
  routingLog: Array<{ id: string; extensionId: string | null; explanation: string; createdAt: string }>;
}

export const EscalationTopic = {
  /** A new escalation. */
  RAISED: 'ESCALATION_RAISED',
  /** Assigned, queued again, taken over, handed over, its customer grew upset, released or resolved. */
  UPDATED: 'ESCALATION_UPDATED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    ESCALATION_RAISED: EscalationEventPayload;
    ESCALATION_UPDATED: EscalationEventPayload;
  }
}

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);
const date = (value: string | null): Date | null => (value ? new Date(value) : null);

export function toEventPayload(params: {
  transition: EscalationTransition;
  escalation: Escalation;
  conversation: Conversation;
  customer: Customer;
  assignedExtension: Extension | null;
  takenOverBy: StaffUser | null;
  handedOverBy: StaffUser | null;
  routingLog: RoutingDecision[];
}): EscalationEventPayload {
  const { escalation: e, conversation: c, customer, takenOverBy, handedOverBy } = params;
  const person = (user: StaffUser | null) => (user ? { id: user.id, email: user.email, displayName: user.displayName, role: user.role } : null);
  return {
    transition: params.transition,
    occurredAt: new Date().toISOString(),
    escalation: {
      id: e.id,
      conversationId: e.conversationId,
      reason: e.reason,
      handoff: e.handoff,
      status: e.status,
      resolution: e.resolution,
      assignedExtensionId: e.assignedExtensionId,
      assignedAt: iso(e.assignedAt),
      takenOverById: e.takenOverById,
      handedOverById: e.handedOverById,
      announcedStaffId: e.announcedStaffId,
      customerSentiment: e.customerSentiment,
      declinedExtensionIds: e.declinedExtensionIds,
      version: e.version,
      createdAt: iso(e.createdAt)!,
      updatedAt: iso(e.updatedAt)!,
      resolvedAt: iso(e.resolvedAt),
    },
    conversation: {
      id: c.id,
      customerId: c.customerId,
      channel: c.channel,
      channelAddress: c.channelAddress,
      stage: c.stage,
      bookingDraft: c.bookingDraft,
      failedAttempts: c.failedAttempts,
      bookingId: c.bookingId,
      lastMessageAt: iso(c.lastMessageAt)!,
      createdAt: iso(c.createdAt)!,
      updatedAt: iso(c.updatedAt)!,
    },
    customer: { id: customer.id, name: customer.name, phone: customer.phone, email: customer.email, createdAt: iso(customer.createdAt)!, updatedAt: iso(customer.updatedAt)! },
    assignedExtension: params.assignedExtension ? extensionToSnapshot(params.assignedExtension) : null,
    takenOverBy: person(takenOverBy),
    handedOverBy: person(handedOverBy),
    routingLog: params.routingLog.map((d) => ({ id: d.id, extensionId: d.extensionId, explanation: d.explanation, createdAt: iso(d.createdAt)! })),
  };
}

const rebuilt = new WeakMap<EscalationEventPayload, Escalation>();

/**
 * The escalation of an event with everything the console asks for attached (its thread, the
 * thread's customer and open escalation, the extension, the holder, the routing log). Built
 * once per event and instance: every subscriber on this instance gets the same objects.
 */
export function escalationFromEvent(payload: EscalationEventPayload): Escalation {
  const cached = rebuilt.get(payload);
  if (cached) return cached;
  const { escalation: e, conversation: c, customer: k } = payload;
  const escalation = Object.assign(new Escalation(), {
    ...e,
    assignedAt: date(e.assignedAt),
    createdAt: new Date(e.createdAt),
    updatedAt: new Date(e.updatedAt),
    resolvedAt: date(e.resolvedAt),
  });
  const conversation = Object.assign(new Conversation(), {
    ...c,
    lastMessageAt: new Date(c.lastMessageAt),
    createdAt: new Date(c.createdAt),
    updatedAt: new Date(c.updatedAt),
  });
  const customer = Object.assign(new Customer(), { ...k, createdAt: new Date(k.createdAt), updatedAt: new Date(k.updatedAt) });
  const assignedExtension = payload.assignedExtension ? extensionFromSnapshot(payload.assignedExtension) : null;
  const takenOverBy = payload.takenOverBy ? Object.assign(new StaffUser(), payload.takenOverBy) : null;
  const handedOverBy = payload.handedOverBy ? Object.assign(new StaffUser(), payload.handedOverBy) : null;
  const routingLog = payload.routingLog.map((d) => Object.assign(new RoutingDecision(), { ...d, escalationId: e.id, createdAt: new Date(d.createdAt) }));
  const open = e.status !== 'RESOLVED';
  preload(escalation, { conversation, assignedExtension, takenOverBy, handedOverBy, routingLog });
  preload(conversation, { customer, openEscalation: open ? escalation : null });
  rebuilt.set(payload, escalation);
  return escalation;
}

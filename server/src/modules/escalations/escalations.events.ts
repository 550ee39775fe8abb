import type { EscalationReason, EscalationStatus } from './escalation.entity';

export interface EscalationEventPayload {
  escalationId: string;
  conversationId: string;
  reason: EscalationReason;
  status: EscalationStatus;
  assignedExtensionId: string | null;
  takenOverById: string | null;
  occurredAt: string;
}

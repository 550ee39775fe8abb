import type { ExtensionStatus } from './extension.entity';
import type { WorkingHoursRangeValue } from './working-hours';

/**
 * Event payloads carry primitives and ISO strings only, so they cross Redis unchanged.
 */
export type ExtensionChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

export interface ExtensionSnapshot {
  id: string;
  number: number;
  employeeName: string;
  role: string;
  phone: string;
  status: ExtensionStatus;
  workingHours: WorkingHoursRangeValue[];
  isPrimaryEscalation: boolean;
  staffUserId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ExtensionUpdatedPayload {
  change: ExtensionChangeKind;
  extension: ExtensionSnapshot;
  occurredAt: string;
}

export const ExtensionTopic = {
  UPDATED: 'EXTENSION_UPDATED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    EXTENSION_UPDATED: ExtensionUpdatedPayload;
  }
}

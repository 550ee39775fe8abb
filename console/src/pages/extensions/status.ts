import type { ExtensionStatus } from '../../graphql/generated/graphql';

export const STATUSES: readonly ExtensionStatus[] = ['AVAILABLE', 'BUSY', 'OFFLINE'];

export const STATUS_LABELS: Record<ExtensionStatus, string> = {
  AVAILABLE: 'Available',
  BUSY: 'Busy',
  OFFLINE: 'Offline',
};

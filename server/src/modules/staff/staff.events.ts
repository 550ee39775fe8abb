/**
 * Credentials that stopped working (a sign-out, a revoked key, a deactivated account): every
 * instance closes the sockets they opened. Ids only, so the payload crosses Redis unchanged.
 */
export interface AccessEndedPayload {
  sessionIds: string[];
  apiKeyIds: string[];
}

export const StaffTopic = {
  ACCESS_ENDED: 'STAFF_ACCESS_ENDED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    STAFF_ACCESS_ENDED: AccessEndedPayload;
  }
}

/** A channel connection was written (created, renewed, or failed); consoles read the connections again. */
export interface ChannelConnectionsChangedPayload {
  provider: string;
  occurredAt: string;
}

export const ChannelConnectionTopic = {
  CHANGED: 'CHANNEL_CONNECTIONS_CHANGED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    CHANNEL_CONNECTIONS_CHANGED: ChannelConnectionsChangedPayload;
  }
}

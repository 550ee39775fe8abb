import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub as InProcessPubSub, type PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';
import type { PubSub as TypeGraphqlPubSub } from 'type-graphql';
import type { Config } from '../../app/config';
import type { Logger } from '../logger';
import type { TopicName, TopicPayloads } from './topics';

/**
 * Live events for subscriptions. With REDIS_URL every instance publishes to and listens on
 * Redis, so an event raised on one instance reaches subscribers on all of them; without it an
 * in-process bus serves a single instance. Channels carry REDIS_KEY_PREFIX so several
 * deployments (or test runs) can share one Redis.
 */
export interface EventBus {
  /** Never throws: the change is already committed, and a lost live event is caught up by re-querying. */
  publish<K extends TopicName>(topic: K, payload: TopicPayloads[K], scope?: string): Promise<void>;
  /** What type-graphql's `@Subscription({ topics })` listens through. */
  readonly forSchema: TypeGraphqlPubSub;
  readonly kind: 'redis' | 'in-process';
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export function createEventBus(config: Config['redis'], logger: Logger): EventBus {
  // A scope narrows a topic to one conversation or chat session: only its subscribers hear it.
  const channel = (topic: string, scope?: unknown) => config.keyPrefix + topic + (scope === undefined ? '' : `:${String(scope)}`);
  let engine: PubSubEngine;
  let isReachable: () => Promise<boolean>;
  let close: () => Promise<void>;

  if (config.kind === 'redis') {
    // The publisher fails fast while Redis is away (no offline queue); the subscriber queues
    // and resubscribes on reconnect, so live events resume without a restart.
    const publisher = new Redis(config.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    const subscriber = new Redis(config.url, { maxRetriesPerRequest: null });
    for (const [role, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
      client.on('error', (error: Error) => logger.warn({ err: error.message, role }, 'redis pub/sub connection error'));
    }
    engine = new RedisPubSub({ publisher, subscriber });
    isReachable = async () => {
      try {
        return (await publisher.ping()) === 'PONG';
      } catch {
        return false;
      }
    };
    close = async () => {
      await Promise.all([closeRedisClient(publisher), closeRedisClient(subscriber)]);
    };
  } else {
    engine = new InProcessPubSub();
    isReachable = async () => true;
    close = async () => undefined;
  }

  return {
    kind: config.kind,
    async publish(topic, payload, scope) {
      try {
        await engine.publish(channel(topic, scope), payload);
      } catch (error) {
        logger.warn({ topic, err: (error as Error).message }, 'live event not delivered; subscribers catch up when they re-query');
      }
    },
    forSchema: {
      publish: (topic, payload) => void engine.publish(channel(topic), payload),
      subscribe: (topic, scope) => engine.asyncIterableIterator(channel(topic, scope)),
    },
    isReachable,
    close,
  };
}

/**
 * Closes a Redis connection: politely (QUIT) when it is up, at once when it is not. QUIT on a
 * connection that is down fails at once (no offline queue) or waits for a reconnect that may
 * never come, and a shutdown must not fail or hang because Redis went away first.
 */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Lost between the check and the command: drop it below.
    }
  }
  client.disconnect();
}

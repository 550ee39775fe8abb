import { RedisPubSub } from 'graphql-redis-subscriptions';
import { EventEmitter } from 'node:events';
import { PubSub as InProcessPubSub } from 'graphql-subscriptions';
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
 *
 * Redis carries one channel per topic, whatever the scopes (a conversation, a chat session):
 * each instance listens to a topic once and hands each event to that scope's subscribers
 * itself. A channel per scope let one client open thousands of Redis channels by subscribing
 * to made-up ids.
 */
export interface EventBus {
  /** Never throws: the change is already committed, and a lost live event is caught up by re-querying. */
  publish<K extends TopicName>(topic: K, payload: TopicPayloads[K], scope?: string): Promise<void>;
  /** What type-graphql's `@Subscription({ topics })` listens through. */
  readonly forSchema: TypeGraphqlPubSub;
  readonly kind: 'redis' | 'in-process';
  isReachable(): Promise<boolean>;
  /** Per topic, the subscriptions on this instance that will hear its next event (live_event_listeners). */
  listenerCounts(): Record<string, number>;
  close(): Promise<void>;
}

export function createEventBus(config: Config['redis'], logger: Logger): EventBus {
  // A scope narrows a topic to one conversation or chat session: only its subscribers hear it.
  const scoped = (topic: string, scope?: unknown) => topic + (scope === undefined ? '' : `:${String(scope)}`);
  // Subscribers are capped per socket; a busy topic may still have more listeners than Node's default warning allows.
  const localEvents = new EventEmitter().setMaxListeners(0);
  const local = new InProcessPubSub({ eventEmitter: localEvents });
  /** Listeners per topic, counting only the topics `isHeard` says events of reach this instance. */
  const listenerCounts = (isHeard: (topic: string) => boolean) => {
    const counts: Record<string, number> = {};
    for (const name of localEvents.eventNames()) {
      const topic = String(name).split(':')[0];
      if (isHeard(topic)) counts[topic] = (counts[topic] ?? 0) + localEvents.listenerCount(name);
    }
    return counts;
  };

  if (config.kind !== 'redis') {
    return {
      kind: config.kind,
      async publish(topic, payload, scope) {
        await local.publish(scoped(topic, scope), payload);
      },
      forSchema: {
        publish: (topic, payload) => void local.publish(topic, payload),
        subscribe: (topic, scope) => local.asyncIterableIterator(scoped(topic, scope)),
      },
      isReachable: async () => true,
      listenerCounts: () => listenerCounts(() => true),
      close: async () => undefined,
    };
  }

  // The publisher fails fast while Redis is away (no offline queue); the subscriber queues
  // and resubscribes on reconnect, so live events resume without a restart.
  // Auto-pipelining: publishes made in the same tick (a transaction's events, concurrent jobs)
  // go out in one socket write, in the order they were made.
  const publisher = new Redis(config.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false, enableAutoPipelining: true });
  const subscriber = new Redis(config.url, { maxRetriesPerRequest: null });
  for (const [role, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
    client.on('error', (error: Error) => logger.warn({ err: error.message, role }, 'redis pub/sub connection error'));
  }
  const redis = new RedisPubSub({ publisher, subscriber });
  const channel = (topic: string) => config.keyPrefix + topic;
  /** Topics this instance listens to on Redis: once each, for as long as it runs. */
  const listening = new Map<string, Promise<number>>();
  /** Topics whose Redis subscription is in place: their events reach this instance. */
  const heard = new Set<string>();
  const listen = (topic: string) => {
    if (listening.has(topic)) return;
    const subscribed = redis.subscribe(channel(topic), (event: ScopedEvent) => void local.publish(scoped(topic, event.scope ?? undefined), event.payload));
    subscribed.then(
      () => heard.add(topic),
      () => undefined,
    );
    subscribed.catch((error: unknown) => {
      listening.delete(topic); // the next subscriber tries again
      logger.warn({ topic, err: (error as Error).message }, 'could not listen for live events');
    });
    listening.set(topic, subscribed);
  };
  const publish = async (topic: string, payload: unknown, scope?: unknown) => {
    const event: ScopedEvent = { scope: scope === undefined ? null : String(scope), payload };
    try {
      await redis.publish(channel(topic), event);
    } catch (error) {
      logger.warn({ topic, err: (error as Error).message }, 'live event not delivered; subscribers catch up when they re-query');
    }
  };

  return {
    kind: config.kind,
    publish,
    forSchema: {
      publish: (topic, payload) => void publish(topic, payload),
      subscribe: (topic, scope) => {
        listen(topic);
        return local.asyncIterableIterator(scoped(topic, scope));
      },
    },
    isReachable: async () => {
      try {
        return (await publisher.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    listenerCounts: () => listenerCounts((topic) => heard.has(topic)),
    close: async () => {
      await Promise.all([closeRedisClient(publisher), closeRedisClient(subscriber)]);
    },
  };
}

/** What crosses Redis: the event and the scope whose subscribers it is for (null: the whole topic). */
interface ScopedEvent {
  scope: string | null;
  payload: unknown;
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

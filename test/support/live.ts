import Redis from 'ioredis';
import { eventually, metricValue } from './fixtures';
import type { Subscription } from './graphql-client';
import type { TestServer } from './test-server';

/**
 * Knowing that a subscription is live. graphql-ws acknowledges the connection, not the
 * subscription: the server starts listening a moment after `subscribe` returns, and an event
 * published before then is simply not heard. Tests wait for one of these signals instead of
 * sleeping:
 *
 * - `untilLive`: trigger a harmless event until every subscription has received one (the whole
 *   path works end to end), then drop those probe events, late ones included.
 * - `untilListening(server, topic, { atLeast })`: the server's own count of subscriptions that
 *   will hear the topic's next event (`live_event_listeners` in /metrics) has reached `atLeast`.
 *   Read `listenersOf` before subscribing and wait for it plus the new ones. Subscribers asking
 *   the same thing share one execution, so they count once.
 * - `untilListening(server, topic, { instances })`: that many server instances listen on the
 *   topic's Redis channel (`<keyPrefix><TOPIC>`: one per topic, whatever the scopes; see
 *   server/src/shared/pubsub/event-bus.ts). An instance keeps listening once it has, so this
 *   proves only an instance's first subscription to the topic.
 */

const LIVE_TIMEOUT_MS = 15_000;

/** Triggers `probe.trigger` until every subscription has received an event `probe.isProbe` recognises; those are dropped from then on. */
export async function untilLive<T>(
  subscriptions: Subscription<T> | Array<Subscription<T>>,
  probe: { trigger: () => Promise<unknown>; isProbe: (event: T) => boolean },
  timeoutMs = LIVE_TIMEOUT_MS,
): Promise<void> {
  const all = Array.isArray(subscriptions) ? subscriptions : [subscriptions];
  await eventually(
    'the subscriptions to receive a probe event',
    async () => {
      if (all.every((subscription) => subscription.pending.some(probe.isProbe))) return true;
      await probe.trigger();
      return false;
    },
    timeoutMs,
    100,
  );
  for (const subscription of all) subscription.ignore(probe.isProbe);
}

/** How many Redis clients (one per server instance) listen on the topic's channel now. */
export async function redisListeners(server: Pick<TestServer, 'redis'>, topic: string): Promise<number> {
  const redis = new Redis(server.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const [, count] = (await redis.call('PUBSUB', 'NUMSUB', channel(server, topic))) as [string, number];
    return Number(count);
  } finally {
    redis.disconnect();
  }
}

/** Subscriptions on the server that will hear the topic's next event. */
export async function listenersOf(server: Pick<TestServer, 'url'>, topic: string): Promise<number> {
  return metricValue(server.url, `live_event_listeners{topic="${topic}"}`);
}

/** Waits until the server has `atLeast` subscriptions listening on the topic, or `instances` servers (sharing one Redis and key prefix) listen on its channel. */
export async function untilListening(server: Pick<TestServer, 'redis' | 'url'>, topic: string, wanted: { atLeast: number } | { instances: number }): Promise<void> {
  if ('atLeast' in wanted) {
    await eventually(`${wanted.atLeast} subscription(s) listening on ${topic}`, async () => (await listenersOf(server, topic)) >= wanted.atLeast, LIVE_TIMEOUT_MS);
    return;
  }
  await eventually(`${wanted.instances} instance(s) listening on ${topic}`, async () => (await redisListeners(server, topic)) >= wanted.instances, LIVE_TIMEOUT_MS);
}

function channel(server: Pick<TestServer, 'redis'>, topic: string): string {
  return server.redis.keyPrefix + topic;
}

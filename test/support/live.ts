import Redis from 'ioredis';
import { eventually } from './fixtures';
import type { Subscription } from './graphql-client';
import type { TestServer } from './test-server';

/**
 * Knowing that a subscription is live. graphql-ws acknowledges the connection, not the
 * subscription: the server starts listening a moment after `subscribe` returns, and an event
 * published before then is simply not heard. Tests wait for one of two signals instead of
 * sleeping:
 *
 * - `untilLive`: trigger a harmless event until every subscription has received one (the whole
 *   path works end to end), then drop those probe events, late ones included.
 * - `untilListening`: the server's Redis subscriber is on the topic's channel
 *   (`<keyPrefix><TOPIC>[:scope]`, see server/src/shared/pubsub/event-bus.ts), so events
 *   published from then on reach the subscription. Each server instance subscribes to a channel
 *   once, however many of its clients listen (and subscribers asking the same thing share one
 *   execution), so this proves only the first subscription of an instance to that channel: use
 *   it for scoped channels only the test listens on, or to see that each instance listens.
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
export async function redisListeners(server: Pick<TestServer, 'redis'>, topic: string, scope?: string): Promise<number> {
  const redis = new Redis(server.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const [, count] = (await redis.call('PUBSUB', 'NUMSUB', channel(server, topic, scope))) as [string, number];
    return Number(count);
  } finally {
    redis.disconnect();
  }
}

/** Waits until `instances` servers (sharing one Redis and key prefix) listen on the topic's channel. */
export async function untilListening(server: Pick<TestServer, 'redis'>, topic: string, options: { scope?: string; instances?: number } = {}): Promise<void> {
  const instances = options.instances ?? 1;
  await eventually(`${instances} instance(s) listening on ${topic}`, async () => (await redisListeners(server, topic, options.scope)) >= instances, LIVE_TIMEOUT_MS);
}

function channel(server: Pick<TestServer, 'redis'>, topic: string, scope?: string): string {
  return server.redis.keyPrefix + topic + (scope === undefined ? '' : `:${scope}`);
}

import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue, webChatCustomer } from './support/fixtures';
import { connected, subscribe, wsClient } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';
import { testRedis } from './support/test-database';

/**
 * Live subscriptions cost memory on the server and channels on Redis, so one socket, or one
 * anonymous chat session, may hold only a few; and however many there are, Redis carries one
 * channel per topic, not one per subscriber.
 */
let server: TestServer;
let redis: Redis;
let keyPrefix: string;

beforeAll(async () => {
  const testRedisConfig = testRedis();
  keyPrefix = testRedisConfig.keyPrefix;
  redis = new Redis(testRedisConfig.url);
  server = await startTestServer({ redis: testRedisConfig });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

/** The Redis pub/sub channels this server listens on. */
const redisChannels = async () => (await redis.pubsub('CHANNELS', `${keyPrefix}*`)) as string[];
const residentMegabytes = async () => Math.round((await metricValue(server.url, 'process_resident_memory_bytes')) / 1e6);

describe('subscriptions per connection', () => {
  it('lets a web-chat socket hold a few subscriptions and refuses the rest with a clear error', async () => {
    const customer = await webChatCustomer(server.url);
    const socket = wsClient(server.url, undefined, { webChatSession: customer.token });
    await connected(socket.client);
    const before = await residentMegabytes();
    // Each with another session token, so none could share one execution.
    const attempts = Array.from({ length: 200 }, (_, i) => subscribe(socket.client, `subscription { webChatReply(sessionToken: "${i === 0 ? customer.token : `wcs_other_${i}`}") { id } }`));
    await expect.poll(() => attempts.filter((attempt) => attempt.errors.length > 0).length, { timeout: 10_000 }).toBe(195);
    const refusal = JSON.stringify(attempts.at(-1)!.errors);
    expect(refusal).toContain('TOO_MANY_SUBSCRIPTIONS');
    expect(refusal).toContain('This connection already has 5 live subscriptions');
    console.log(`web chat socket at its cap: resident memory ${before} MB before, ${await residentMegabytes()} MB after 200 attempts; ${(await redisChannels()).length} Redis channels`);
    await socket.client.dispose();
  });

  it('lets one chat session open only a few sockets', async () => {
    const customer = await webChatCustomer(server.url);
    const sockets = Array.from({ length: 5 }, () => wsClient(server.url, undefined, { webChatSession: customer.token }));
    await Promise.all(sockets.map((socket) => connected(socket.client)));
    const sixth = wsClient(server.url, undefined, { webChatSession: customer.token });
    expect(await sixth.closed).toBe(4403);
    await Promise.all(sockets.map((socket) => socket.client.dispose()));
    // Closing one frees its place.
    const again = wsClient(server.url, undefined, { webChatSession: customer.token });
    await connected(again.client);
    await again.client.dispose();
  });

  it('keeps one Redis channel per topic however many threads staff follow, and caps a staff socket too', async () => {
    const token = await server.login();
    const sockets = Array.from({ length: 5 }, () => wsClient(server.url, `Bearer ${token}`));
    await Promise.all(sockets.map((socket) => connected(socket.client)));
    const before = await residentMegabytes();
    const follows = sockets.flatMap((socket, s) =>
      Array.from({ length: 120 }, (_, i) => subscribe(socket.client, `subscription { conversationMessageAdded(conversationId: "${Buffer.from(`Conversation:00000000-0000-4000-8000-${String(s * 1000 + i).padStart(12, '0')}`).toString('base64url')}") { conversationId } }`)),
    );
    await expect.poll(() => follows.filter((follow) => follow.errors.length > 0).length, { timeout: 20_000 }).toBe(5 * 20);
    expect(JSON.stringify(follows.at(-1)!.errors)).toContain('This connection already has 100 live subscriptions');
    // 500 threads followed live, one channel for their topic.
    await expect.poll(async () => (await redisChannels()).filter((channel) => channel.includes('CONVERSATION_MESSAGE_ADDED')).length, { timeout: 10_000 }).toBe(1);
    const channels = await redisChannels();
    console.log(`5 staff sockets at their cap (500 subscriptions): resident memory ${before} MB before, ${await residentMegabytes()} MB after; ${channels.length} Redis channels in all`);
    expect(channels.length).toBeLessThanOrEqual(20);
    await Promise.all(sockets.map((socket) => socket.client.dispose()));
  });
});

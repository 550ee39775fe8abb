import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { metricValue, webChatCustomer } from './support/fixtures';
import { closeSocket, connected, subscribe, wsClient } from './support/graphql-client';
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

/** A client frame (RFC 6455: clients mask what they send). */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const length = payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([Buffer.from([0x80 | opcode]), length, mask, Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]))]);
}

/**
 * A chat tab on a phone that loses its signal while closing: its close reaches the server and
 * the server answers it, but the connection never finishes closing (the server gives up on it
 * only after its close timeout, 30 s). Written frame by frame, as no WebSocket client stops there.
 */
async function chatSocketLostWhileClosing(baseUrl: string, sessionToken: string): Promise<{ close(): Promise<void>; destroy(): void }> {
  const socket = await new Promise<Socket>((resolve, reject) => {
    const upgrade = request(`${baseUrl}/graphql`, {
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64'), 'sec-websocket-protocol': 'graphql-transport-ws' },
    });
    upgrade.on('upgrade', (_response, upgraded) => {
      // Node would otherwise answer the server's end of the connection with its own.
      upgraded.allowHalfOpen = true;
      resolve(upgraded);
    });
    upgrade.on('response', (response) => reject(new Error(`no WebSocket upgrade: HTTP ${response.statusCode}`)));
    upgrade.on('error', reject);
    upgrade.end();
  });
  let received = Buffer.alloc(0);
  const waiters: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    for (const waiter of waiters.splice(0)) waiter();
  });
  const receivedBytes = (bytes: Buffer) =>
    new Promise<void>((resolve) => {
      const check = () => (received.includes(bytes) ? resolve() : waiters.push(check));
      check();
    });
  socket.write(clientFrame(0x1, Buffer.from(JSON.stringify({ type: 'connection_init', payload: { webChatSession: sessionToken } }))));
  await receivedBytes(Buffer.from('"connection_ack"'));
  return {
    async close() {
      socket.write(clientFrame(0x8, Buffer.from([0x03, 0xe8])));
      // The server's close frame (1000) says it has read ours; this end never ends the TCP connection.
      await receivedBytes(Buffer.from([0x88, 0x02, 0x03, 0xe8]));
    },
    destroy: () => socket.destroy(),
  };
}

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
    await closeSocket(socket);
  });

  it('lets one chat session open only a few sockets', async () => {
    const customer = await webChatCustomer(server.url);
    const sockets = Array.from({ length: 5 }, () => wsClient(server.url, undefined, { webChatSession: customer.token }));
    await Promise.all(sockets.map((socket) => connected(socket.client)));
    const sixth = wsClient(server.url, undefined, { webChatSession: customer.token });
    expect(await sixth.closed).toBe(4403);
    // Closing one frees its place as soon as the server has read the close, and only one place.
    await closeSocket(sockets[0]);
    const again = wsClient(server.url, undefined, { webChatSession: customer.token });
    await connected(again.client);
    const seventh = wsClient(server.url, undefined, { webChatSession: customer.token });
    expect(await seventh.closed).toBe(4403);
    await Promise.all([again, ...sockets.slice(1)].map(closeSocket));
  });

  it("gives a chat session's place back as soon as the server has read a socket's close, before that connection is gone", async () => {
    const customer = await webChatCustomer(server.url);
    const lost = await chatSocketLostWhileClosing(server.url, customer.token);
    onTestFinished(() => lost.destroy());
    const sockets = Array.from({ length: 4 }, () => wsClient(server.url, undefined, { webChatSession: customer.token }));
    await Promise.all(sockets.map((socket) => connected(socket.client)));
    await lost.close();
    const replacement = wsClient(server.url, undefined, { webChatSession: customer.token });
    await connected(replacement.client);
    await Promise.all([replacement, ...sockets].map(closeSocket));
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
    await Promise.all(sockets.map(closeSocket));
  });
});

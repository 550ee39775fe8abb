import { describe, expect, it } from 'vitest';
import { metricValue, untilQueueIdle, useApp } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * Messenger, Instagram and WhatsApp through the one Meta webhook, end to end: the real server
 * verifies X-Hub-Signature-256 on the raw bytes, stores each event once, and the queue threads
 * direct messages, stores comments and records WhatsApp delivery reports. Replies leave through
 * our Send API adapter to a local server speaking Graph's wire format.
 */

const LIVE_MS = 15_000;
// Each test writes from its own sender, so what one test sends or stores is never counted by another.
const IGSID = '17841400000000099';

const app = useApp({
  meta: { whatsapp: true },
  extension101: false,
  env: { JOBS_POLL_SECONDS: '0.5', JOB_RETRY_LIMIT: '3', JOB_RETRY_DELAY_SECONDS: '1' },
});

const sentTo = (recipient: string) =>
  app.meta.sent.filter((sent) => (sent.kind === 'whatsapp' ? sent.body.to === recipient : sent.body.recipient.id === recipient));

async function thread(channel: string, address: string) {
  const { rows } = await app.db.query(
    `SELECT m.channel, m.direction, m.author, m.text, m.provider_message_id, m.delivery_status
       FROM message m JOIN conversation c ON c.id = m.conversation_id
      WHERE c.channel = $1 AND c.channel_address = $2 ORDER BY m.created_at, m.id`,
    [channel, address],
  );
  return rows as Array<{ channel: string; direction: string; author: string; text: string; provider_message_id: string | null; delivery_status: string }>;
}

/** A WhatsApp customer's reply, once it is recorded as sent. */
async function whatsappReplyTo(from: string, id: string) {
  const { meta, server } = app;
  await meta.deliver(server.url, meta.whatsappText({ from, text: 'Hello, hibachi for 10 on Jan 9 at 7pm?', id }));
  await expect.poll(() => sentTo(from).length, { timeout: LIVE_MS }).toBe(1);
  const reply = sentTo(from)[0];
  await expect.poll(async () => (await app.db.query(`SELECT delivery_status FROM message WHERE provider_message_id = $1`, [reply.id])).rows[0]?.delivery_status, { timeout: LIVE_MS }).toBe('SENT');
  return reply;
}

describe('the Meta connection on the Channels page', () => {
  it('names the channels replies go through in words staff use', async () => {
    const connections = await graphql(app.server.url, `{ channelConnections { provider configured sender status } }`, {}, app.adminToken);
    expect(connections.data!.channelConnections.find((connection: { provider: string }) => connection.provider === 'meta')).toEqual({
      provider: 'meta',
      configured: true,
      sender: 'Messenger, Instagram, WhatsApp',
      status: 'ACTIVE',
    });
  });
});

describe('Meta webhook verification', () => {
  it('answers the subscription check with hub.challenge only for the verify token', async () => {
    const { meta, server } = app;
    const good = await meta.verifySubscription(server.url, { challenge: '4242' });
    expect(good).toEqual({ status: 200, text: '4242' });
    const bad = await meta.verifySubscription(server.url, { verifyToken: 'some-other-verify-token', challenge: '4242' });
    expect(bad.status).toBe(403);
    expect(bad.text).not.toContain('4242');
  });

  it('refuses unsigned, tampered and wrongly signed deliveries, counts them, and stores nothing', async () => {
    const { meta, server, db, adminToken } = app;
    const storedEvents = async () => (await db.query(`SELECT count(*)::int AS n FROM webhook_event WHERE provider = 'meta'`)).rows[0].n as number;
    const signatureFailures = async () => (await graphql(server.url, `{ metrics { webhookSignatureFailuresLastHour } }`, {}, adminToken)).data!.metrics.webhookSignatureFailuresLastHour as number;
    const badSignatures = () => metricValue(server.url, 'webhook_rejections_total{provider="meta",reason="bad-signature"}');
    const [storedBefore, failuresBefore, badSignaturesBefore] = [await storedEvents(), await signatureFailures(), await badSignatures()];

    const payload = meta.messengerText({ senderId: '24023423420000101', text: 'hello' });
    expect((await meta.deliver(server.url, payload, { signature: null })).status).toBe(401);
    expect((await meta.deliver(server.url, payload, { tamper: true })).status).toBe(403);
    expect((await meta.deliver(server.url, payload, { secret: 'not-the-app-secret' })).status).toBe(403);
    expect((await meta.deliver(server.url, payload, { signature: 'sha256=zz' })).status).toBe(403);
    expect(await storedEvents()).toBe(storedBefore);

    expect((await signatureFailures()) - failuresBefore).toBe(4);
    expect((await badSignatures()) - badSignaturesBefore).toBe(3);
  });

  it('answers malformed JSON with 400 and an unknown object with 400', async () => {
    const { meta, server } = app;
    expect((await meta.deliver(server.url, null, { rawBody: '{"object": "page", "entry": [' })).status).toBe(400);
    const unknown = await meta.deliver(server.url, { object: 'user', entry: [] });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).error).toMatch(/"user" is not one this server handles/);
  });
});

describe('Messenger and Instagram direct messages', () => {
  it('threads a Messenger message and sends the assistant’s reply through the Send API with the page token', async () => {
    const { meta, server } = app;
    const PSID = '24023423420000201';
    const delivered = await meta.deliver(server.url, meta.messengerText({ senderId: PSID, text: 'Hi! Do you do hibachi for 12 people on Dec 19?', mid: 'm_first' }));
    expect(delivered.status).toBe(200);

    await expect.poll(() => sentTo(PSID).length, { timeout: LIVE_MS }).toBe(1);
    const reply = sentTo(PSID)[0];
    expect(reply.accessToken).toBe(meta.pageAccessToken);
    expect(reply.body).toMatchObject({ recipient: { id: PSID }, messaging_type: 'RESPONSE' });
    expect(reply.body.message.text).toMatch(/time/i);

    await expect.poll(async () => (await thread('MESSENGER', PSID)).at(-1)?.delivery_status, { timeout: LIVE_MS }).toBe('SENT');
    const [inbound, outbound] = await thread('MESSENGER', PSID);
    expect(inbound).toMatchObject({ channel: 'MESSENGER', author: 'CUSTOMER', provider_message_id: 'm_first' });
    expect(outbound).toMatchObject({ channel: 'MESSENGER', author: 'AI', provider_message_id: reply.id });
  });

  it('treats a redelivery as a no-op: one stored message, one reply', async () => {
    const { meta, server, db } = app;
    const PSID = '24023423420000202';
    const payload = meta.messengerText({ senderId: PSID, text: 'At 6pm', mid: 'm_again' });
    expect(JSON.parse((await meta.deliver(server.url, payload)).text)).toMatchObject({ stored: 1, duplicates: 0 });
    expect(JSON.parse((await meta.deliver(server.url, payload)).text)).toMatchObject({ stored: 0, duplicates: 1 });
    await expect.poll(() => sentTo(PSID).length, { timeout: LIVE_MS }).toBe(1);
    // Everything the deliveries could cause has happened: no second reply is on its way.
    await untilQueueIdle(db);
    expect(sentTo(PSID)).toHaveLength(1);
    expect((await thread('MESSENGER', PSID)).filter((message) => message.provider_message_id === 'm_again')).toHaveLength(1);
  });

  it('stores an attachment-only message and asks for words instead of guessing', async () => {
    const { meta, server } = app;
    const PSID = '24023423420000203';
    await meta.deliver(server.url, meta.messengerAttachment({ senderId: PSID, type: 'image', url: 'https://cdn.example.test/yard.jpg', mid: 'm_photo' }));
    await expect.poll(() => sentTo(PSID).length, { timeout: LIVE_MS }).toBe(1);
    expect(sentTo(PSID)[0].body.message.text).toMatch(/can't open attachments/);
    const photo = (await thread('MESSENGER', PSID)).find((message) => message.provider_message_id === 'm_photo');
    expect(photo).toMatchObject({ author: 'CUSTOMER', text: '[image: https://cdn.example.test/yard.jpg]' });
  });

  it('answers Instagram messages, and ignores Instagram’s echo of our own reply (no reply loop)', async () => {
    const { meta, server, db } = app;
    await meta.deliver(server.url, meta.messengerText({ object: 'instagram', senderId: IGSID, text: 'how much is it per person?' }));
    await expect.poll(() => sentTo(IGSID).length, { timeout: LIVE_MS }).toBe(1);
    const reply = sentTo(IGSID)[0];
    await expect.poll(async () => (await thread('INSTAGRAM', IGSID)).at(-1)?.delivery_status, { timeout: LIVE_MS }).toBe('SENT');

    expect((await meta.deliver(server.url, meta.echoOf(reply, { object: 'instagram' }))).status).toBe(200);
    // Everything the echo could cause has happened: no answer to our own words is on its way.
    await untilQueueIdle(db);
    expect(sentTo(IGSID)).toHaveLength(1);
    const messages = await thread('INSTAGRAM', IGSID);
    expect(messages.map((message) => message.author)).toEqual(['CUSTOMER', 'AI']);
  });
});

const THREAD_AS_STAFF_SEE_IT = `query($id: ID!) {
  conversation(id: $id) {
    aiPaused
    heldBy { id }
    openEscalation { reason status takenOverBy { id } assignedExtension { number } handoff { reasonText } }
    messages(first: 100) { edges { node { author direction text via deliveryStatus providerMessageId } } }
  }
}`;

interface ThreadAsStaffSeeIt {
  id: string;
  aiPaused: boolean;
  heldBy: { id: string } | null;
  openEscalation: { reason: string; status: string; takenOverBy: { id: string } | null; assignedExtension: { number: number } | null; handoff: { reasonText: string } } | null;
  messages: Array<{ author: string; direction: string; text: string; via: string | null; deliveryStatus: string; providerMessageId: string | null }>;
}

/** The thread at a Meta address as the console reads it. */
async function threadAsStaffSeeIt(channel: 'MESSENGER' | 'INSTAGRAM', address: string): Promise<ThreadAsStaffSeeIt | null> {
  const { rows } = await app.db.query(`SELECT id FROM conversation WHERE channel = $1 AND channel_address = $2`, [channel, address]);
  if (rows.length === 0) return null;
  const id = Buffer.from(`Conversation:${rows[0].id}`).toString('base64url');
  const response = await graphql(app.server.url, THREAD_AS_STAFF_SEE_IT, { id }, app.adminToken);
  expect(response.errors).toBeUndefined();
  const conversation = response.data!.conversation;
  return { id, ...conversation, messages: conversation.messages.edges.map((edge: { node: unknown }) => edge.node) };
}

const authorsOf = async (channel: 'MESSENGER' | 'INSTAGRAM', address: string) => (await threadAsStaffSeeIt(channel, address))?.messages.map((message) => message.author);

describe('replies typed in Meta’s own inbox', () => {
  it('takes a Page inbox reply into the thread as staff, pauses the assistant without sending anything, and the assistant is back once released', async () => {
    const { meta, server, db, adminToken } = app;
    const PSID = '24023423420000301';
    await meta.deliver(server.url, meta.messengerText({ senderId: PSID, text: 'Hi! Do you do hibachi for 12 people on Dec 19?' }));
    await expect.poll(async () => (await thread('MESSENGER', PSID)).at(-1)?.delivery_status, { timeout: LIVE_MS }).toBe('SENT');
    const ours = sentTo(PSID)[0];

    // Meta echoes our own reply, then the one a person typed in the Page inbox.
    await meta.deliver(server.url, meta.echoOf(ours));
    const personal = 'Hi, Sam here from the team. Dec 19 works, I will call you this afternoon.';
    await meta.deliver(server.url, meta.inboxReply({ recipientId: PSID, text: personal, mid: 'm_page_inbox_1' }));

    await expect.poll(() => authorsOf('MESSENGER', PSID), { timeout: LIVE_MS }).toEqual(['CUSTOMER', 'AI', 'STAFF']);
    const held = (await threadAsStaffSeeIt('MESSENGER', PSID))!;
    expect(held.messages[1].via).toBeNull();
    expect(held.messages[2]).toEqual({ author: 'STAFF', direction: 'OUTBOUND', text: personal, via: 'PAGE_INBOX', deliveryStatus: 'SENT', providerMessageId: 'm_page_inbox_1' });
    expect(held.aiPaused).toBe(true);
    expect(held.heldBy).toBeNull();
    expect(held.openEscalation).toMatchObject({ reason: 'PAGE_INBOX_REPLY', status: 'TAKEN_OVER', takenOverBy: null, assignedExtension: null });
    expect(held.openEscalation!.handoff.reasonText).toMatch(/Page inbox/);

    // The customer answers the person: the assistant stays silent, and nothing was sent on the person's behalf.
    await meta.deliver(server.url, meta.messengerText({ senderId: PSID, text: 'Great, thanks Sam! Talk soon.' }));
    await expect.poll(() => authorsOf('MESSENGER', PSID), { timeout: LIVE_MS }).toEqual(['CUSTOMER', 'AI', 'STAFF', 'CUSTOMER']);
    await untilQueueIdle(db);
    expect(await authorsOf('MESSENGER', PSID)).toEqual(['CUSTOMER', 'AI', 'STAFF', 'CUSTOMER']);
    expect(sentTo(PSID)).toHaveLength(1);

    // Staff hand it back from the console as with any takeover; the assistant answers again.
    const released = await graphql(server.url, `mutation($id: ID!) { releaseConversation(conversationId: $id) { conversation { aiPaused } userErrors { message } } }`, { id: held.id }, adminToken);
    expect(released.data!.releaseConversation).toEqual({ conversation: { aiPaused: false }, userErrors: [] });
    await meta.deliver(server.url, meta.messengerText({ senderId: PSID, text: 'Actually, how much per person?' }));
    await expect.poll(async () => (await authorsOf('MESSENGER', PSID))?.at(-1), { timeout: LIVE_MS }).toBe('AI');
  });

  it('stores a redelivered inbox reply once', async () => {
    const { meta, server, db } = app;
    const PSID = '24023423420000302';
    const reply = meta.inboxReply({ recipientId: PSID, text: 'Hello from the team! Are you still planning the party?', mid: 'm_page_inbox_again' });
    await meta.deliver(server.url, reply);
    await meta.deliver(server.url, reply);
    await expect.poll(() => authorsOf('MESSENGER', PSID), { timeout: LIVE_MS }).toEqual(['STAFF']);
    await untilQueueIdle(db);
    const stored = (await threadAsStaffSeeIt('MESSENGER', PSID))!;
    expect(stored.messages.map((message) => message.providerMessageId)).toEqual(['m_page_inbox_again']);
    expect(stored.openEscalation).toMatchObject({ reason: 'PAGE_INBOX_REPLY', status: 'TAKEN_OVER' });
    expect(sentTo(PSID)).toHaveLength(0);
  });

  it('takes an Instagram app reply in too, and never mistakes our own reply for one, even when its answer was lost', async () => {
    const { meta, server, db } = app;
    const IG_CUSTOMER = '17841400000000301';
    await untilQueueIdle(db); // the lost answer is this test's send's, not another's still on its way
    meta.dropNextAnswer();
    await meta.deliver(server.url, meta.messengerText({ object: 'instagram', senderId: IG_CUSTOMER, text: 'do you travel to Pasadena?' }));
    await expect.poll(async () => (await thread('INSTAGRAM', IG_CUSTOMER)).at(-1)?.delivery_status, { timeout: LIVE_MS }).toBe('UNCONFIRMED');

    // Our reply went after all: Instagram echoes it, with a mid we never heard of.
    await meta.deliver(server.url, meta.echoOf(sentTo(IG_CUSTOMER)[0], { object: 'instagram' }));
    await untilQueueIdle(db);
    expect(await authorsOf('INSTAGRAM', IG_CUSTOMER)).toEqual(['CUSTOMER', 'AI']);
    expect((await threadAsStaffSeeIt('INSTAGRAM', IG_CUSTOMER))!.openEscalation).toBeNull();

    const personal = 'Yes we do! This is Robin, I will DM you our travel fee.';
    await meta.deliver(server.url, meta.inboxReply({ object: 'instagram', recipientId: IG_CUSTOMER, text: personal }));
    await expect.poll(() => authorsOf('INSTAGRAM', IG_CUSTOMER), { timeout: LIVE_MS }).toEqual(['CUSTOMER', 'AI', 'STAFF']);
    const held = (await threadAsStaffSeeIt('INSTAGRAM', IG_CUSTOMER))!;
    expect(held.messages[2]).toMatchObject({ author: 'STAFF', text: personal, via: 'INSTAGRAM_APP' });
    expect(held.openEscalation).toMatchObject({ reason: 'PAGE_INBOX_REPLY', status: 'TAKEN_OVER' });
    await untilQueueIdle(db);
    expect(sentTo(IG_CUSTOMER)).toHaveLength(1);
  });
});

describe('WhatsApp', () => {
  it('threads a WhatsApp message under the sender’s phone and replies through the Cloud API', async () => {
    const { meta, server, adminToken } = app;
    const WHATSAPP_FROM = '15555550177';
    await meta.deliver(server.url, meta.whatsappText({ from: WHATSAPP_FROM, text: 'Hello, hibachi for 10 on Jan 9 at 7pm?', id: 'wamid.first' }));
    await expect.poll(() => sentTo(WHATSAPP_FROM).length, { timeout: LIVE_MS }).toBe(1);
    const reply = sentTo(WHATSAPP_FROM)[0];
    expect(reply.accessToken).toBe(meta.whatsappToken);
    expect(reply.path).toBe(`/v21.0/${meta.whatsappPhoneNumberId}/messages`);
    expect(reply.body).toMatchObject({ messaging_product: 'whatsapp', type: 'text' });

    const conversations = await graphql(
      server.url,
      `{ conversations(first: 50, channel: WHATSAPP) { edges { node { customer { phone } messages { edges { node { providerMessageId } } } } } } }`,
      {},
      adminToken,
    );
    const threads = conversations.data!.conversations.edges.map((edge: { node: any }) => edge.node);
    const withMessage = threads.filter((node: any) => node.messages.edges.some((edge: any) => edge.node.providerMessageId === 'wamid.first'));
    expect(withMessage.map((node: any) => node.customer.phone)).toEqual([`+${WHATSAPP_FROM}`]);
  });

  it('moves the reply’s delivery status forward only, whatever order the reports arrive in', async () => {
    const { meta, server, db } = app;
    const WHATSAPP_FROM = '15555550178';
    const reply = await whatsappReplyTo(WHATSAPP_FROM, 'wamid.status-order');
    const status = async () => (await db.query(`SELECT delivery_status FROM message WHERE provider_message_id = $1`, [reply.id])).rows[0]?.delivery_status;

    await meta.deliver(server.url, meta.whatsappStatus({ id: reply.id, status: 'delivered', recipientId: WHATSAPP_FROM }));
    await expect.poll(status, { timeout: LIVE_MS }).toBe('DELIVERED');
    // "sent" overtaken by "delivered" arrives late: the message stays delivered.
    await meta.deliver(server.url, meta.whatsappStatus({ id: reply.id, status: 'sent', recipientId: WHATSAPP_FROM }));
    await expect
      .poll(async () => (await db.query(`SELECT count(*)::int AS n FROM webhook_event WHERE event_id = $1 AND status = 'APPLIED'`, [`status:${reply.id}:sent`])).rows[0].n, { timeout: LIVE_MS })
      .toBe(1);
    expect(await status()).toBe('DELIVERED');
  });

  it('stores two messages delivered out of order once each, in the same thread', async () => {
    const { meta, server } = app;
    const WHATSAPP_FROM = '15555550179';
    await whatsappReplyTo(WHATSAPP_FROM, 'wamid.first-of-thread');
    const later = meta.whatsappText({ from: WHATSAPP_FROM, text: 'Also, one guest is vegetarian', id: 'wamid.later' });
    const earlier = meta.whatsappText({ from: WHATSAPP_FROM, text: 'My name is Robin Lee', id: 'wamid.earlier' });
    await meta.deliver(server.url, later);
    await meta.deliver(server.url, earlier);
    await meta.deliver(server.url, later);
    await expect
      .poll(async () => (await thread('WHATSAPP', `+${WHATSAPP_FROM}`)).filter((message) => message.direction === 'INBOUND').map((message) => message.provider_message_id).sort(), {
        timeout: LIVE_MS,
      })
      .toEqual(['wamid.earlier', 'wamid.first-of-thread', 'wamid.later']);
  });

  it('follows the opt-out rules: STOP gets one confirmation, then nothing is sent until START', async () => {
    const { meta, server } = app;
    const WHATSAPP_FROM = '15555550180';
    await whatsappReplyTo(WHATSAPP_FROM, 'wamid.before-stop');
    const waiting = async () => (await thread('WHATSAPP', `+${WHATSAPP_FROM}`)).filter((message) => message.delivery_status === 'QUEUED').length;
    await expect.poll(waiting, { timeout: LIVE_MS }).toBe(0); // the earlier replies have gone
    const before = sentTo(WHATSAPP_FROM).length;
    await meta.deliver(server.url, meta.whatsappText({ from: WHATSAPP_FROM, text: 'stop' }));
    await expect.poll(() => sentTo(WHATSAPP_FROM).length, { timeout: LIVE_MS }).toBe(before + 1);
    expect(sentTo(WHATSAPP_FROM).at(-1)!.body.text.body).toMatch(/unsubscribed/i);

    await meta.deliver(server.url, meta.whatsappText({ from: WHATSAPP_FROM, text: 'what time do you arrive?' }));
    await expect.poll(async () => (await thread('WHATSAPP', `+${WHATSAPP_FROM}`)).at(-1)?.delivery_status, { timeout: LIVE_MS }).toBe('FAILED');
    expect(sentTo(WHATSAPP_FROM)).toHaveLength(before + 1);

    await meta.deliver(server.url, meta.whatsappText({ from: WHATSAPP_FROM, text: 'START' }));
    await expect.poll(() => sentTo(WHATSAPP_FROM).length, { timeout: LIVE_MS }).toBe(before + 2);
    expect(sentTo(WHATSAPP_FROM).at(-1)!.body.text.body).toMatch(/resubscribed/i);
  });
});

describe('Send API faults', () => {
  it('retries a rate limit and a 503 and sends the reply once; a permanent refusal is not retried', async () => {
    const { meta, server, db } = app;
    const customer = '24023423420000001';
    await untilQueueIdle(db); // the scripted failures go to this test's sends, not to another's still on its way
    meta.failNextSend({ httpStatus: 400, code: 613 }, { httpStatus: 503, code: 2 });
    await meta.deliver(server.url, meta.messengerText({ senderId: customer, text: 'Do you cater birthdays?' }));
    // Wait for the send to be recorded, not for the fake to have it: the answer still has to travel back.
    const send = async () => (await db.query(`SELECT status, attempts FROM outbound_send WHERE recipient = $1`, [customer])).rows;
    await expect.poll(async () => (await send())[0]?.status, { timeout: LIVE_MS }).toBe('SENT');
    expect(await send()).toEqual([{ status: 'SENT', attempts: 3 }]);
    expect(sentTo(customer)).toHaveLength(1);

    const unreachable = '24023423420000002';
    meta.failNextSend({ httpStatus: 400, code: 551 });
    await meta.deliver(server.url, meta.messengerText({ senderId: unreachable, text: 'hello there' }));
    await expect.poll(async () => (await thread('MESSENGER', unreachable)).at(-1)?.delivery_status, { timeout: LIVE_MS }).toBe('FAILED');
    const failed = await db.query(`SELECT status, attempts, last_error FROM outbound_send WHERE recipient = $1`, [unreachable]);
    expect(failed.rows[0]).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed.rows[0].last_error).toMatch(/551/);
  });
});

describe('page and Instagram comments', () => {
  it('stores comments with their sentiment, and turns a booking question into a lead', async () => {
    const { meta, server, adminToken } = app;
    await meta.deliver(server.url, meta.pageComment({ commentId: '111_222', postId: '111', fromId: '5001', fromName: 'Jordan Park', message: 'How much would a party for 20 people cost in March?' }));
    await meta.deliver(server.url, meta.instagramComment({ id: '1790001', text: 'Worst party ever, the chef was late and rude. Terrible.', fromId: '6001', username: 'unhappy.guest', mediaId: '1800' }));
    await meta.deliver(server.url, meta.pageComment({ commentId: '111_222', postId: '111', fromId: '5001', fromName: 'Jordan Park', message: 'How much would a party for 20 people cost in March?' }));

    const query = `{ socialComments(first: 10) { edges { node { source authorName text sentiment asksAboutBooking } } } leads(first: 10) { edges { node { source contactName text status } } } }`;
    await expect.poll(async () => (await graphql(server.url, query, {}, adminToken)).data?.socialComments.edges.length, { timeout: LIVE_MS }).toBe(2);
    const { data } = await graphql(server.url, query, {}, adminToken);
    const comments = data!.socialComments.edges.map((edge: { node: any }) => edge.node);
    const question = comments.find((comment: any) => comment.source === 'FACEBOOK');
    const complaint = comments.find((comment: any) => comment.source === 'INSTAGRAM');
    expect(question).toMatchObject({ authorName: 'Jordan Park', asksAboutBooking: true });
    expect(complaint).toMatchObject({ authorName: 'unhappy.guest', asksAboutBooking: false });
    expect(complaint.sentiment).toBeLessThan(0);
    expect(data!.leads.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { source: 'FACEBOOK', contactName: 'Jordan Park', text: 'How much would a party for 20 people cost in March?', status: 'NEW' },
    ]);
  });
});

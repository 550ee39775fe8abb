import { describe, expect, it } from 'vitest';
import type { DeliveryReport, InboundDirectMessage, InboundEcho } from '../../modules/channels/inbound-events';
import { DeliveryStatus } from '../../modules/conversations/message.entity';
import { UnknownPayload } from '../../modules/webhooks/webhook-provider';
import { MetaWebhookSource } from './meta.webhook-source';

const messages: InboundDirectMessage[] = [];
const echoes: InboundEcho[] = [];
const reports: DeliveryReport[] = [];
const source = new MetaWebhookSource(
  { appSecret: 'app-secret', verifyToken: 'verify-token' },
  {
    directMessage: async (message) => void messages.push(message),
    echo: async (echo) => void echoes.push(echo),
    deliveryStatus: async (report) => void reports.push(report),
    comment: async () => undefined,
  },
);

describe('Meta deliveries split into inbox events', () => {
  it('keys each event by Meta’s id, a status report by its message and status', async () => {
    const value = {
      messages: [{ from: '15555550100', id: 'wamid.in', timestamp: '1763737200', type: 'text', text: { body: 'Hi' } }],
      statuses: [
        { id: 'wamid.out', status: 'delivered', timestamp: '1763737200' },
        { id: 'wamid.out', status: 'read', timestamp: '1763737260' },
      ],
    };
    const events = source.split({ object: 'whatsapp_business_account', entry: [{ id: 'waba', changes: [{ field: 'messages', value }] }] });
    expect(events.map((e) => [e.eventId, e.kind])).toEqual([
      ['message:wamid.in', 'direct-message'],
      ['status:wamid.out:delivered', 'delivery-status'],
      ['status:wamid.out:read', 'delivery-status'],
    ]);
    // Applied from what the inbox stored (JSON), as the queue does.
    for (const event of events) await source.apply(event.kind, JSON.parse(JSON.stringify(event.payload)));
    expect(messages).toEqual([{ channel: 'WHATSAPP', from: '+15555550100', text: 'Hi', attachments: [], providerMessageId: 'wamid.in' }]);
    expect(reports).toEqual([
      { providerMessageId: 'wamid.out', status: DeliveryStatus.DELIVERED, reportedAt: new Date('2025-11-21T15:00:00.000Z') },
      { providerMessageId: 'wamid.out', status: DeliveryStatus.DELIVERED, reportedAt: new Date('2025-11-21T15:01:00.000Z') },
    ]);
  });

  it('keys an echo by its mid, apart from a customer message with the same id', async () => {
    const messaging = [
      { sender: { id: 'psid-1' }, recipient: { id: 'page' }, message: { mid: 'm-1', text: 'Hi' } },
      { sender: { id: 'page' }, recipient: { id: 'psid-1' }, message: { mid: 'm-2', is_echo: true, text: 'Sam here' } },
    ];
    const events = source.split({ object: 'page', entry: [{ id: 'page', messaging }] });
    expect(events.map((e) => [e.eventId, e.kind])).toEqual([
      ['message:m-1', 'direct-message'],
      ['echo:m-2', 'echo'],
    ]);
    for (const event of events) await source.apply(event.kind, JSON.parse(JSON.stringify(event.payload)));
    expect(echoes).toEqual([{ channel: 'MESSENGER', to: 'psid-1', text: 'Sam here', attachments: [], providerMessageId: 'm-2' }]);
  });

  it('keys a comment by its id', () => {
    const value = { from: { id: 'user-1', name: 'Dana' }, message: 'How much?', post_id: 'p', comment_id: '777_1', created_time: 1763737200, item: 'comment', verb: 'add' };
    expect(source.split({ object: 'page', entry: [{ id: 'page', changes: [{ field: 'feed', value }] }] }).map((e) => [e.eventId, e.kind])).toEqual([['comment:777_1', 'comment']]);
  });

  it('refuses a delivery it does not know', () => {
    expect(() => source.split({ object: 'user', entry: [] })).toThrow(UnknownPayload);
    expect(() => source.split({ hello: 'world' })).toThrow(UnknownPayload);
  });
});

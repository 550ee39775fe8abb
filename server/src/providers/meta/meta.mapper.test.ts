import { describe, expect, it } from 'vitest';
import { DeliveryStatus } from '../../modules/conversations/message.entity';
import { OUR_SEND_METADATA } from './meta.send-api';
import {
  deliveryStatusOf,
  directMessagesOf,
  echoesOf,
  instagramCommentsOf,
  instantOf,
  metaDeliveryOf,
  pageCommentsOf,
  whatsappContentOf,
  whatsappMessagesOf,
  whatsappStatusesOf,
} from './meta.mapper';

const NOW = new Date('2026-11-21T15:00:00.000Z');
const PAGE_ID = '104321987654321';

describe('Messenger and Instagram direct messages', () => {
  const item = (message: unknown, senderId: unknown = 'psid-1') => ({ sender: { id: senderId }, recipient: { id: PAGE_ID }, timestamp: 1763737200000, message });
  it.each([
    ['a text', [item({ mid: 'm-1', text: 'Are you free Saturday?' })], [{ channel: 'MESSENGER', from: 'psid-1', text: 'Are you free Saturday?', attachments: [], providerMessageId: 'm-1' }]],
    [
      'a photo',
      [item({ mid: 'm-2', attachments: [{ type: 'image', payload: { url: 'https://cdn.example/p.jpg' } }] })],
      [{ channel: 'MESSENGER', from: 'psid-1', text: null, attachments: [{ type: 'image', url: 'https://cdn.example/p.jpg' }], providerMessageId: 'm-2' }],
    ],
    [
      'an attachment without a type or address',
      [item({ mid: 'm-3', attachments: [{ payload: {} }] })],
      [{ channel: 'MESSENGER', from: 'psid-1', text: null, attachments: [{ type: 'file' }], providerMessageId: 'm-3' }],
    ],
    [
      'words and a sticker',
      [item({ mid: 'm-4', text: 'Thanks', attachments: [{ type: 'sticker', payload: { url: 'https://cdn.example/s.png', sticker_id: 369239263222822 } }] })],
      [{ channel: 'MESSENGER', from: 'psid-1', text: 'Thanks', attachments: [{ type: 'sticker', url: 'https://cdn.example/s.png' }], providerMessageId: 'm-4' }],
    ],
    ['blank words and nothing else', [item({ mid: 'm-5', text: '   ' })], []],
    ['our own reply echoed', [item({ mid: 'm-6', text: 'Hello!', is_echo: true })], []],
    ['a read receipt', [{ sender: { id: 'psid-1' }, read: { watermark: 1763737200000 } }], []],
    ['a reaction', [{ sender: { id: 'psid-1' }, reaction: { mid: 'm-1', action: 'react', emoji: '👍' } }], []],
    ['no message id', [item({ text: 'Hi' })], []],
    ['an empty message id', [item({ mid: '', text: 'Hi' })], []],
    ['a sender id that is not text', [item({ mid: 'm-7', text: 'Hi' }, 12345)], []],
    ['no sender', [{ message: { mid: 'm-8', text: 'Hi' } }], []],
    ['an item that is not an object', [null, 'x', item({ mid: 'm-9', text: 'Hi' })], [{ channel: 'MESSENGER', from: 'psid-1', text: 'Hi', attachments: [], providerMessageId: 'm-9' }]],
    ['messaging that is not a list', { message: { mid: 'm-10', text: 'Hi' } }, []],
    ['no messaging', undefined, []],
  ])('%s', (_name, messaging, expected) => {
    expect(directMessagesOf({ id: PAGE_ID, time: 1763737200000, messaging }, 'MESSENGER')).toEqual(expected);
  });

  it('names the channel it came on', () => {
    expect(directMessagesOf({ messaging: [item({ mid: 'm-1', text: 'Hi' })] }, 'INSTAGRAM')).toEqual([expect.objectContaining({ channel: 'INSTAGRAM' })]);
  });
});

describe('Messenger and Instagram echoes of what the page sent', () => {
  const echo = (message: unknown, recipientId: unknown = 'psid-1') => ({ sender: { id: PAGE_ID }, recipient: { id: recipientId }, timestamp: 1763737200000, message: { is_echo: true, ...(message as object) } });
  it.each([
    ['a reply typed in the Page inbox', [echo({ mid: 'm-1', app_id: 263902037430900, text: 'Sam here, happy to help' })], [{ channel: 'MESSENGER', to: 'psid-1', text: 'Sam here, happy to help', attachments: [], providerMessageId: 'm-1' }]],
    ['a reply with our marker (ours for certain)', [echo({ mid: 'm-2', app_id: 1517776481860111, metadata: OUR_SEND_METADATA, text: 'What time?' })], []],
    ['another app’s metadata', [echo({ mid: 'm-3', metadata: 'someone-else', text: 'Hi' })], [{ channel: 'MESSENGER', to: 'psid-1', text: 'Hi', attachments: [], providerMessageId: 'm-3' }]],
    ['a photo', [echo({ mid: 'm-4', attachments: [{ type: 'image', payload: { url: 'https://cdn.example/menu.jpg' } }] })], [{ channel: 'MESSENGER', to: 'psid-1', text: null, attachments: [{ type: 'image', url: 'https://cdn.example/menu.jpg' }], providerMessageId: 'm-4' }]],
    ['nothing in it', [echo({ mid: 'm-5', text: ' ' })], []],
    ['no recipient', [{ sender: { id: PAGE_ID }, message: { is_echo: true, mid: 'm-6', text: 'Hi' } }], []],
    ['no message id', [echo({ text: 'Hi' })], []],
    ['a customer’s message (not an echo)', [{ sender: { id: 'psid-1' }, recipient: { id: PAGE_ID }, message: { mid: 'm-7', text: 'Hi' } }], []],
    ['messaging that is not a list', { message: { is_echo: true, mid: 'm-8', text: 'Hi' } }, []],
  ])('%s', (_name, messaging, expected) => {
    expect(echoesOf({ id: PAGE_ID, time: 1763737200000, messaging }, 'MESSENGER')).toEqual(expected);
  });

  it('names the channel it went out on', () => {
    expect(echoesOf({ messaging: [echo({ mid: 'm-1', text: 'Hi' })] }, 'INSTAGRAM')).toEqual([expect.objectContaining({ channel: 'INSTAGRAM', to: 'psid-1' })]);
  });
});

describe('Facebook page comments', () => {
  const value = { from: { id: 'user-1', name: 'Dana Diner' }, message: 'How much for 12 people?', post_id: `${PAGE_ID}_777`, comment_id: '777_1', created_time: 1763737200, item: 'comment', verb: 'add' };
  const comment = { source: 'FACEBOOK', commentId: '777_1', postId: `${PAGE_ID}_777`, authorId: 'user-1', authorName: 'Dana Diner', text: 'How much for 12 people?', at: '2025-11-21T15:00:00.000Z' };
  it.each([
    ['a new comment', [{ field: 'feed', value }], [comment]],
    ['a time in milliseconds', [{ field: 'feed', value: { ...value, created_time: 1763737200000 } }], [comment]],
    ['a time as text', [{ field: 'feed', value: { ...value, created_time: '1763737200' } }], [comment]],
    ['no time', [{ field: 'feed', value: { ...value, created_time: undefined } }], [{ ...comment, at: NOW.toISOString() }]],
    ['a time out of range', [{ field: 'feed', value: { ...value, created_time: 1e20 } }], [{ ...comment, at: NOW.toISOString() }]],
    ['a numeric comment id', [{ field: 'feed', value: { ...value, comment_id: 7771 } }], [{ ...comment, commentId: '7771' }]],
    ['no author', [{ field: 'feed', value: { ...value, from: undefined } }], [{ ...comment, authorId: null, authorName: null }]],
    ['an author without a name', [{ field: 'feed', value: { ...value, from: { id: 'user-1', name: '' } } }], [{ ...comment, authorName: null }]],
    ['no post', [{ field: 'feed', value: { ...value, post_id: undefined } }], [{ ...comment, postId: null }]],
    ['the page answering its own post', [{ field: 'feed', value: { ...value, from: { id: PAGE_ID, name: 'Hibachi' } } }], []],
    ['an edited comment', [{ field: 'feed', value: { ...value, verb: 'edited' } }], []],
    ['a removed comment', [{ field: 'feed', value: { ...value, verb: 'remove' } }], []],
    ['a like', [{ field: 'feed', value: { ...value, item: 'reaction' } }], []],
    ['a comment without words (a photo)', [{ field: 'feed', value: { ...value, message: undefined } }], []],
    ['no comment id', [{ field: 'feed', value: { ...value, comment_id: undefined } }], []],
    ['another field', [{ field: 'mention', value }], []],
    ['a change that is not an object', [null, { field: 'feed', value }], [comment]],
    ['no changes', undefined, []],
  ])('%s', (_name, changes, expected) => {
    expect(pageCommentsOf({ id: PAGE_ID, time: 1763737200, changes }, NOW)).toEqual(expected);
  });
});

describe('Instagram comments', () => {
  const value = { from: { id: 'ig-user-1', username: 'dana.diner' }, media: { id: 'media-1', media_product_type: 'FEED' }, id: 'c-1', text: 'Do you travel to Katy?' };
  const comment = { source: 'INSTAGRAM', commentId: 'c-1', postId: 'media-1', authorId: 'ig-user-1', authorName: 'dana.diner', text: 'Do you travel to Katy?', at: '2025-11-21T15:00:00.000Z' };
  it.each([
    ['a new comment', [{ field: 'comments', value }], 1763737200, [comment]],
    ['the entry time in milliseconds', [{ field: 'comments', value }], 1763737200000, [comment]],
    ['no entry time', [{ field: 'comments', value }], undefined, [{ ...comment, at: NOW.toISOString() }]],
    ['no media', [{ field: 'comments', value: { ...value, media: undefined } }], 1763737200, [{ ...comment, postId: null }]],
    ['no author', [{ field: 'comments', value: { ...value, from: undefined } }], 1763737200, [{ ...comment, authorId: null, authorName: null }]],
    ['the business answering', [{ field: 'comments', value: { ...value, from: { id: 'ig-business', username: 'hibachi' } } }], 1763737200, []],
    ['no comment id', [{ field: 'comments', value: { ...value, id: undefined } }], 1763737200, []],
    ['a numeric comment id', [{ field: 'comments', value: { ...value, id: 17 } }], 1763737200, []],
    ['no words', [{ field: 'comments', value: { ...value, text: undefined } }], 1763737200, []],
    ['a mention', [{ field: 'mentions', value }], 1763737200, []],
  ])('%s', (_name, changes, time, expected) => {
    expect(instagramCommentsOf({ id: 'ig-business', time, changes }, NOW)).toEqual(expected);
  });
});

describe('WhatsApp messages', () => {
  const message = (fields: Record<string, unknown>) => ({ from: '15555550100', id: 'wamid.1', timestamp: '1763737200', ...fields });
  const entry = (messages: unknown, field = 'messages') => ({ id: 'waba', changes: [{ field, value: { messaging_product: 'whatsapp', messages } }] });
  it.each([
    ['a text', [message({ type: 'text', text: { body: 'Hi there' } })], [{ channel: 'WHATSAPP', from: '+15555550100', text: 'Hi there', attachments: [], providerMessageId: 'wamid.1' }]],
    ['a sender already with a plus', [message({ from: '+15555550100', type: 'text', text: { body: 'Hi' } })], [{ channel: 'WHATSAPP', from: '+15555550100', text: 'Hi', attachments: [], providerMessageId: 'wamid.1' }]],
    ['a photo with a caption', [message({ type: 'image', image: { id: 'media-1', caption: 'Our backyard' } })], [{ channel: 'WHATSAPP', from: '+15555550100', text: 'Our backyard', attachments: [{ type: 'image' }], providerMessageId: 'wamid.1' }]],
    ['a voice note', [message({ type: 'audio', audio: { id: 'media-2' } })], [{ channel: 'WHATSAPP', from: '+15555550100', text: null, attachments: [{ type: 'audio' }], providerMessageId: 'wamid.1' }]],
    ['a reaction', [message({ type: 'reaction', reaction: { message_id: 'wamid.0', emoji: '👍' } })], []],
    ['an empty text', [message({ type: 'text', text: { body: '  ' } })], []],
    ['no id', [message({ id: undefined, type: 'text', text: { body: 'Hi' } })], []],
    ['no sender', [message({ from: undefined, type: 'text', text: { body: 'Hi' } })], []],
    ['an empty sender', [message({ from: '', type: 'text', text: { body: 'Hi' } })], []],
    ['messages that are not a list', message({ type: 'text', text: { body: 'Hi' } }), []],
  ])('%s', (_name, messages, expected) => {
    expect(whatsappMessagesOf(entry(messages))).toEqual(expected);
  });

  it('reads only the messages field', () => {
    expect(whatsappMessagesOf(entry([message({ type: 'text', text: { body: 'Hi' } })], 'account_update'))).toEqual([]);
  });

  it.each([
    ['text', { type: 'text', text: { body: 'Hello' } }, { text: 'Hello', attachments: [] }],
    ['button', { type: 'button', button: { text: 'Yes, book it', payload: 'YES' } }, { text: 'Yes, book it', attachments: [] }],
    ['button reply', { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'b1', title: 'Saturday' } } }, { text: 'Saturday', attachments: [] }],
    ['list reply', { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'l1', title: '12 guests' } } }, { text: '12 guests', attachments: [] }],
    ['document', { type: 'document', document: { id: 'media-3', filename: 'menu.pdf' } }, { text: null, attachments: [{ type: 'document' }] }],
    ['video with a caption', { type: 'video', video: { id: 'media-4', caption: 'The grill' } }, { text: 'The grill', attachments: [{ type: 'video' }] }],
    ['sticker', { type: 'sticker', sticker: { id: 'media-5' } }, { text: null, attachments: [{ type: 'sticker' }] }],
    ['location', { type: 'location', location: { latitude: 29.7, longitude: -95.4 } }, { text: null, attachments: [{ type: 'location' }] }],
    ['a type we do not know', { type: 'order', order: {} }, { text: null, attachments: [] }],
    ['no type', { text: { body: 'Hello' } }, { text: null, attachments: [] }],
    ['text without a body', { type: 'text' }, { text: null, attachments: [] }],
  ])('content of %s', (_name, message, expected) => {
    expect(whatsappContentOf(message)).toEqual(expected);
  });
});

describe('WhatsApp statuses', () => {
  it.each([
    ['sent', DeliveryStatus.SENT],
    ['delivered', DeliveryStatus.DELIVERED],
    ['read', DeliveryStatus.DELIVERED],
    ['failed', DeliveryStatus.FAILED],
    ['Delivered', DeliveryStatus.DELIVERED],
    [' READ ', DeliveryStatus.DELIVERED],
    ['deleted', null],
    ['warning', null],
    ['', null],
    [undefined, null],
    [1, null],
    ['constructor', null],
  ])('%j is %s', (status, expected) => {
    expect(deliveryStatusOf(status)).toBe(expected);
  });

  const entry = (statuses: unknown) => ({ id: 'waba', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses } }] });
  it.each([
    ['a delivery report', [{ id: 'wamid.9', status: 'delivered', timestamp: '1763737200', recipient_id: '15555550100' }], [{ providerMessageId: 'wamid.9', status: DeliveryStatus.DELIVERED, at: '2025-11-21T15:00:00.000Z', providerStatus: 'delivered' }]],
    ['a read report, told apart from delivered', [{ id: 'wamid.9', status: 'read', timestamp: 1763737200 }], [{ providerMessageId: 'wamid.9', status: DeliveryStatus.DELIVERED, at: '2025-11-21T15:00:00.000Z', providerStatus: 'read' }]],
    ['odd casing', [{ id: 'wamid.9', status: 'Failed', timestamp: '1763737200' }], [{ providerMessageId: 'wamid.9', status: DeliveryStatus.FAILED, at: '2025-11-21T15:00:00.000Z', providerStatus: 'failed' }]],
    ['no timestamp', [{ id: 'wamid.9', status: 'sent' }], [{ providerMessageId: 'wamid.9', status: DeliveryStatus.SENT, at: NOW.toISOString(), providerStatus: 'sent' }]],
    ['a timestamp that is not a time', [{ id: 'wamid.9', status: 'sent', timestamp: 'yesterday' }], [{ providerMessageId: 'wamid.9', status: DeliveryStatus.SENT, at: NOW.toISOString(), providerStatus: 'sent' }]],
    ['a status we do not record', [{ id: 'wamid.9', status: 'deleted', timestamp: '1763737200' }], []],
    ['no message id', [{ status: 'delivered', timestamp: '1763737200' }], []],
    ['statuses that are not a list', { id: 'wamid.9', status: 'delivered' }, []],
  ])('%s', (_name, statuses, expected) => {
    expect(whatsappStatusesOf(entry(statuses), NOW)).toEqual(expected);
  });
});

describe('Meta times', () => {
  it.each([
    [1763737200, '2025-11-21T15:00:00.000Z'],
    [1763737200000, '2025-11-21T15:00:00.000Z'],
    ['1763737200', '2025-11-21T15:00:00.000Z'],
    [0, NOW.toISOString()],
    [-5, NOW.toISOString()],
    ['', NOW.toISOString()],
    [null, NOW.toISOString()],
    [true, NOW.toISOString()],
    [Number.POSITIVE_INFINITY, NOW.toISOString()],
    [1e20, NOW.toISOString()],
  ])('%j is %s', (value, expected) => {
    expect(instantOf(value, NOW)).toBe(expected);
  });
});

describe('a whole delivery', () => {
  it('reads a page delivery’s messages and comments', () => {
    const delivery = {
      object: 'page',
      entry: [
        { id: PAGE_ID, time: 1763737200000, messaging: [{ sender: { id: 'psid-1' }, message: { mid: 'm-1', text: 'Hi' } }] },
        { id: PAGE_ID, time: 1763737200, changes: [{ field: 'feed', value: { from: { id: 'u' }, message: 'Nice', comment_id: 'c', item: 'comment', verb: 'add', created_time: 1763737200 } }] },
      ],
    };
    const mapped = metaDeliveryOf(delivery, NOW);
    expect(mapped.ok && mapped.delivery.directMessages.map((m) => [m.channel, m.providerMessageId])).toEqual([['MESSENGER', 'm-1']]);
    expect(mapped.ok && mapped.delivery.comments.map((c) => [c.source, c.commentId])).toEqual([['FACEBOOK', 'c']]);
    expect(mapped.ok && mapped.delivery.statuses).toEqual([]);
  });

  it('reads an Instagram delivery’s messages and echoes as Instagram’s', () => {
    const messaging = [
      { sender: { id: 'igsid' }, recipient: { id: 'ig' }, message: { mid: 'm-2', text: 'Hi' } },
      { sender: { id: 'ig' }, recipient: { id: 'igsid' }, message: { mid: 'm-3', is_echo: true, text: 'Hello from the team' } },
    ];
    const mapped = metaDeliveryOf({ object: 'instagram', entry: [{ id: 'ig', messaging }] }, NOW);
    expect(mapped.ok && mapped.delivery.directMessages.map((m) => [m.channel, m.providerMessageId])).toEqual([['INSTAGRAM', 'm-2']]);
    expect(mapped.ok && mapped.delivery.echoes.map((e) => [e.channel, e.to, e.providerMessageId])).toEqual([['INSTAGRAM', 'igsid', 'm-3']]);
  });

  it('reads a WhatsApp delivery’s messages and statuses', () => {
    const value = { messages: [{ from: '15555550100', id: 'wamid.1', type: 'text', text: { body: 'Hi' } }], statuses: [{ id: 'wamid.0', status: 'read', timestamp: '1763737200' }] };
    const mapped = metaDeliveryOf({ object: 'whatsapp_business_account', entry: [{ id: 'waba', changes: [{ field: 'messages', value }] }] }, NOW);
    expect(mapped.ok && mapped.delivery.directMessages.map((m) => m.from)).toEqual(['+15555550100']);
    expect(mapped.ok && mapped.delivery.statuses.map((s) => [s.providerMessageId, s.status])).toEqual([['wamid.0', DeliveryStatus.DELIVERED]]);
  });

  it.each([
    ['not an object', 'hello', 'Not a Meta webhook delivery: object and entry[] are required.'],
    ['nothing', null, 'Not a Meta webhook delivery: object and entry[] are required.'],
    ['no entries', { object: 'page' }, 'Not a Meta webhook delivery: object and entry[] are required.'],
    ['entries that are not a list', { object: 'page', entry: {} }, 'Not a Meta webhook delivery: object and entry[] are required.'],
    ['an object we do not handle', { object: 'user', entry: [] }, 'Meta object "user" is not one this server handles (page, instagram, whatsapp_business_account).'],
    ['no object', { entry: [] }, 'Meta object "undefined" is not one this server handles (page, instagram, whatsapp_business_account).'],
  ])('refuses %s', (_name, body, reason) => {
    expect(metaDeliveryOf(body, NOW)).toEqual({ ok: false, reason });
  });

  it('skips entries that are not objects', () => {
    expect(metaDeliveryOf({ object: 'page', entry: [null, 7, 'x'] }, NOW)).toEqual({ ok: true, delivery: { directMessages: [], echoes: [], comments: [], statuses: [] } });
  });
});

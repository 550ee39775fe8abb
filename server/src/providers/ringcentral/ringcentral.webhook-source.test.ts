import { describe, expect, it } from 'vitest';
import { CallStatus, type CallStatusEvent } from '../../modules/telephony/call-status';
import { RingCentralWebhookSource } from './ringcentral.webhook-source';

const calls: CallStatusEvent[] = [];
const voicemails: string[] = [];
const source = new RingCentralWebhookSource('token-0123456789abcdef', {
  inboundSms: async () => undefined,
  messageStoreChanged: async () => undefined,
  callStatus: async (event) => void calls.push(event),
  voicemail: async (id) => void voicemails.push(id),
});
let deliveries = 0;
const envelope = (event: string, body: unknown) => ({ uuid: `uuid-${++deliveries}`, event, timestamp: '2026-11-21T15:00:00Z', ownerId: '1001', body });

describe('RingCentral notifications about calls and voicemail', () => {
  it('stores a telephony-session event as one call-status event and applies each party', async () => {
    const notification = envelope('/restapi/v1.0/account/1000/extension/1001/telephony/sessions', {
      sequence: 7,
      telephonySessionId: 's-1',
      parties: [
        {
          id: 'p-1',
          extensionId: '1001',
          direction: 'Inbound',
          status: { code: 'Proceeding' },
          from: { phoneNumber: '+15555550100' },
          to: { phoneNumber: '+15555550101' },
          recordings: [{ id: 8812345, active: true }],
        },
        { id: 'p-2', direction: 'Outbound' }, // no status: nothing to record
        { id: 'p-3', direction: 'Inbound', status: { code: 'Parked' } }, // nothing we act on
      ],
    });
    const [event, ...rest] = source.split(notification);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ eventId: notification.uuid, kind: 'call-status' });
    await source.apply(event.kind, JSON.parse(JSON.stringify(event.payload)));
    expect(calls).toEqual([
      {
        telephonySessionId: 's-1',
        partyId: 'p-1',
        sequence: 7,
        status: CallStatus.RINGING,
        providerStatus: 'Proceeding',
        direction: 'INBOUND',
        callerNumber: '+15555550100',
        providerExtensionId: '1001',
        recordingId: '8812345',
      },
    ]);
  });

  it('keys a voicemail by its message id, whether the voicemail event or the message store announces it', async () => {
    const instant = source.split(envelope('/restapi/v1.0/account/1000/extension/1001/voicemail', { id: '700', type: 'VoiceMail', vmTranscriptionStatus: 'InProgress' }));
    const store = source.split(
      envelope('/restapi/v1.0/account/1000/extension/1001/message-store', { changes: [{ type: 'VoiceMail', newCount: 2, newMessageIds: [700, 701] }] }),
    );
    expect(instant.map((e) => e.eventId)).toEqual(['voicemail:700']);
    // Only voicemail changed: no SMS status refresh.
    expect(store.map((e) => [e.eventId, e.kind])).toEqual([
      ['voicemail:700', 'voicemail'],
      ['voicemail:701', 'voicemail'],
    ]);
    for (const event of store) await source.apply(event.kind, JSON.parse(JSON.stringify(event.payload)));
    expect(voicemails).toEqual(['700', '701']);
  });

  it('still refreshes SMS statuses when the message store reports other changes too', () => {
    const events = source.split(
      envelope('/restapi/v1.0/account/1000/extension/1001/message-store', { changes: [{ type: 'SMS', updatedCount: 1 }, { type: 'VoiceMail', newCount: 1, newMessageIds: [702] }] }),
    );
    expect(events.map((e) => e.kind)).toEqual(['message-store-change', 'voicemail']);
  });
});

import { describe, expect, it } from 'vitest';
import { CallStatus } from '../../modules/telephony/call-status';
import {
  callPartyStateOf,
  callStatusEventsOf,
  callStatusOf,
  directionOf,
  inboundSmsOf,
  isInboundSms,
  messageStoreChangesOf,
  smsStatusOf,
  speechToTextResultOf,
  transcriptUriOf,
  voicemailOf,
  voicemailTranscriptionOf,
  type Notification,
} from './ringcentral.mapper';

describe('RingCentral call status codes', () => {
  it.each([
    ['Setup', CallStatus.RINGING],
    ['Proceeding', CallStatus.RINGING],
    ['Answered', CallStatus.ANSWERED],
    ['Hold', CallStatus.ON_HOLD],
    ['VoiceMail', CallStatus.VOICEMAIL],
    ['VoiceMailScreening', CallStatus.VOICEMAIL],
    ['Disconnected', CallStatus.ENDED],
    ['Gone', CallStatus.ENDED],
    // Odd casing and padding.
    ['answered', CallStatus.ANSWERED],
    ['HOLD', CallStatus.ON_HOLD],
    ['voicemail', CallStatus.VOICEMAIL],
    [' Proceeding ', CallStatus.RINGING],
    // Nothing we act on: a parked call waits for a pick-up, a fax is not a conversation.
    ['Parked', null],
    ['FaxReceive', null],
    ['Tds', null],
    ['Ringing', null],
    // Not a code.
    ['', null],
    ['   ', null],
    [undefined, null],
    [null, null],
    [3, null],
    [{ code: 'Answered' }, null],
    ['constructor', null],
    ['toString', null],
  ])('%j is %s', (code, status) => {
    expect(callStatusOf(code)).toBe(status);
  });
});

describe('RingCentral call directions', () => {
  it.each([
    ['Inbound', 'INBOUND'],
    ['Outbound', 'OUTBOUND'],
    ['inbound', 'INBOUND'],
    ['OUTBOUND', 'OUTBOUND'],
    ['Internal', null],
    ['', null],
    [undefined, null],
    [1, null],
  ])('%j is %s', (direction, expected) => {
    expect(directionOf(direction)).toBe(expected);
  });
});

describe('a Call Control party answer', () => {
  it.each([
    ['an answered party', { id: 'p', status: { code: 'Answered' } }, { status: CallStatus.ANSWERED, providerStatus: 'Answered' }],
    ['a party on hold', { status: { code: 'Hold', reason: 'Hold' } }, { status: CallStatus.ON_HOLD, providerStatus: 'Hold' }],
    ['a party gone after a transfer', { status: { code: 'Gone', reason: 'BlindTransfer' } }, { status: CallStatus.ENDED, providerStatus: 'Gone' }],
    ['a parked party: its code kept, no status of ours', { status: { code: 'Parked' } }, { status: null, providerStatus: 'Parked' }],
    ['a padded code', { status: { code: ' Answered ' } }, { status: CallStatus.ANSWERED, providerStatus: 'Answered' }],
    ['no status', { id: 'p' }, null],
    ['an empty code', { status: { code: '' } }, null],
    ['a code that is not text', { status: { code: 7 } }, null],
    ['no answer at all', null, null],
    ['an empty body', undefined, null],
  ])('%s', (_name, party, expected) => {
    expect(callPartyStateOf(party as never)).toEqual(expected);
  });
});

describe('telephony-session notifications', () => {
  const party = {
    id: 'p-1',
    extensionId: '1001',
    direction: 'Inbound',
    status: { code: 'Proceeding' },
    from: { phoneNumber: '+15555550100' },
    to: { phoneNumber: '+15555550101', extensionId: '1002' },
    recordings: [{ id: 8812345, active: true }],
  };
  const event = {
    telephonySessionId: 's-1',
    partyId: 'p-1',
    sequence: 7,
    status: CallStatus.RINGING,
    providerStatus: 'Proceeding',
    direction: 'INBOUND',
    callerNumber: '+15555550100',
    providerExtensionId: '1001',
    recordingId: '8812345',
  };
  const notification = (body: Record<string, unknown>) => ({ ownerId: '1000', body }) as Pick<Notification, 'body' | 'ownerId'>;

  it.each([
    ['a ringing inbound party', { telephonySessionId: 's-1', sequence: 7, parties: [party] }, [event]],
    ['an answered party', { telephonySessionId: 's-1', sequence: 8, parties: [{ ...party, status: { code: 'Answered' } }] }, [{ ...event, sequence: 8, status: CallStatus.ANSWERED, providerStatus: 'Answered' }]],
    ['a numeric party id', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, id: 42 }] }, [{ ...event, partyId: '42' }]],
    ['a lower-case direction', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, direction: 'inbound' }] }, [event]],
    ['an unknown direction', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, direction: 'Sideways' }] }, [{ ...event, direction: null }]],
    ['no direction', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, direction: undefined }] }, [{ ...event, direction: null }]],
    ['a withheld number', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, from: {} }] }, [{ ...event, callerNumber: null }]],
    ['an empty number', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, from: { phoneNumber: '' } }] }, [{ ...event, callerNumber: null }]],
    ['the extension only on the called side', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, extensionId: undefined }] }, [{ ...event, providerExtensionId: '1002' }]],
    [
      'the extension only as the subscription owner',
      { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, extensionId: undefined, to: {} }] },
      [{ ...event, providerExtensionId: '1000' }],
    ],
    ['no recording', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, recordings: [] }] }, [{ ...event, recordingId: null }]],
    ['recordings without an id first', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, recordings: [{ active: true }, { id: '' }, { id: 'r-9' }] }] }, [{ ...event, recordingId: 'r-9' }]],
    ['recordings that are not a list', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, recordings: { id: 'r-9' } }] }, [{ ...event, recordingId: null }]],
    ['no sequence', { telephonySessionId: 's-1', parties: [party] }, [{ ...event, sequence: 0 }]],
    ['a sequence as text', { telephonySessionId: 's-1', sequence: '12', parties: [party] }, [{ ...event, sequence: 12 }]],
    ['a negative sequence', { telephonySessionId: 's-1', sequence: -3, parties: [party] }, [{ ...event, sequence: 0 }]],
    ['a fractional sequence', { telephonySessionId: 's-1', sequence: 1.5, parties: [party] }, [{ ...event, sequence: 0 }]],
    ['a sequence past what is exact', { telephonySessionId: 's-1', sequence: 2 ** 60, parties: [party] }, [{ ...event, sequence: 0 }]],
    ['a party without a status', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, status: undefined }] }, []],
    ['a party without an id', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, id: undefined }] }, []],
    ['a parked party', { telephonySessionId: 's-1', sequence: 7, parties: [{ ...party, status: { code: 'Parked' } }] }, []],
    ['a party that is not an object', { telephonySessionId: 's-1', sequence: 7, parties: [null, 'p-2', party] }, [event]],
    ['no parties', { telephonySessionId: 's-1', sequence: 7 }, []],
    ['parties that are not a list', { telephonySessionId: 's-1', sequence: 7, parties: { id: 'p-1' } }, []],
    ['no session id', { sequence: 7, parties: [party] }, null],
    ['an empty session id', { telephonySessionId: '', sequence: 7, parties: [party] }, null],
  ])('%s', (_name, body, expected) => {
    expect(callStatusEventsOf(notification(body))).toEqual(expected);
  });

  it('gives each party of a session its own event', () => {
    const events = callStatusEventsOf(notification({ telephonySessionId: 's-1', sequence: 7, parties: [party, { ...party, id: 'p-2', status: { code: 'Answered' } }] }));
    expect(events?.map((e) => [e.partyId, e.status])).toEqual([
      ['p-1', CallStatus.RINGING],
      ['p-2', CallStatus.ANSWERED],
    ]);
  });

  it('knows no extension when nobody names one', () => {
    const body = { telephonySessionId: 's-1', parties: [{ ...party, extensionId: undefined, to: undefined }] } as Notification['body'];
    expect(callStatusEventsOf({ body })?.[0].providerExtensionId).toBeNull();
  });
});

describe('instant SMS notifications', () => {
  it.each([
    ['an inbound text', { direction: 'Inbound', type: 'SMS' }, true],
    ['odd casing', { direction: 'inbound', type: 'sms' }, true],
    ['our own text', { direction: 'Outbound', type: 'SMS' }, false],
    ['an inbound fax', { direction: 'Inbound', type: 'Fax' }, false],
    ['an inbound pager message', { direction: 'Inbound', type: 'Pager' }, false],
    ['no direction', { type: 'SMS' }, false],
    ['no type', { direction: 'Inbound' }, false],
  ])('%s is an inbound SMS: %s', (_name, body, expected) => {
    expect(isInboundSms(body)).toBe(expected);
  });

  it.each([
    ['a text', { id: '901', from: { phoneNumber: '+15555550100' }, subject: 'Hi, are you free on Saturday?' }, { from: '+15555550100', text: 'Hi, are you free on Saturday?', attachments: [], providerMessageId: '901' }],
    ['a numeric id', { id: 901, from: { phoneNumber: '+15555550100' }, subject: 'Hi' }, { from: '+15555550100', text: 'Hi', attachments: [], providerMessageId: '901' }],
    ['no id: the notification’s', { from: { phoneNumber: '+15555550100' }, subject: 'Hi' }, { from: '+15555550100', text: 'Hi', attachments: [], providerMessageId: 'uuid-1' }],
    ['no subject', { id: '902', from: { phoneNumber: '+15555550100' } }, { from: '+15555550100', text: '', attachments: [], providerMessageId: '902' }],
    ['a subject that is not text', { id: '903', from: { phoneNumber: '+15555550100' }, subject: 12 }, { from: '+15555550100', text: '', attachments: [], providerMessageId: '903' }],
    [
      'an MMS: a picture and no words',
      { id: '907', from: { phoneNumber: '+15555550100' }, subject: '', attachments: [{ type: 'Text', contentType: 'text/plain' }, { type: 'MmsAttachment', contentType: 'image/jpeg' }] },
      { from: '+15555550100', text: '', attachments: [{ type: 'image' }], providerMessageId: '907' },
    ],
    [
      'an MMS: words, a video, a voice note and a file, any casing',
      {
        id: '908',
        from: { phoneNumber: '+15555550100' },
        subject: 'our backyard',
        attachments: [{ type: 'MMSATTACHMENT', contentType: 'video/mp4' }, { type: 'MmsAttachment', contentType: 'Audio/AMR' }, { type: 'MmsAttachment', contentType: 'application/pdf' }, { type: 'MmsAttachment' }],
      },
      { from: '+15555550100', text: 'our backyard', attachments: [{ type: 'video' }, { type: 'audio' }, { type: 'file' }, { type: 'file' }], providerMessageId: '908' },
    ],
    ['attachments that are not a list', { id: '909', from: { phoneNumber: '+15555550100' }, subject: 'Hi', attachments: 'nope' }, { from: '+15555550100', text: 'Hi', attachments: [], providerMessageId: '909' }],
    ['no sender', { id: '904', subject: 'Hi' }, null],
    ['an empty sender', { id: '905', from: { phoneNumber: '' }, subject: 'Hi' }, null],
    ['a sender that is not text', { id: '906', from: { phoneNumber: 15555550100 }, subject: 'Hi' }, null],
  ])('%s', (_name, body, expected) => {
    expect(inboundSmsOf({ uuid: 'uuid-1', body } as Pick<Notification, 'uuid' | 'body'>)).toEqual(expected);
  });
});

describe('message-store notifications', () => {
  it.each([
    ['one new voicemail', [{ type: 'VoiceMail', newCount: 1, newMessageIds: [700] }], { voicemailIds: ['700'], otherChanges: false }],
    ['voicemail in odd casing', [{ type: 'voicemail', newMessageIds: ['700', '701'] }], { voicemailIds: ['700', '701'], otherChanges: false }],
    ['an SMS status change', [{ type: 'SMS', updatedCount: 1 }], { voicemailIds: [], otherChanges: true }],
    ['both', [{ type: 'SMS', updatedCount: 1 }, { type: 'VoiceMail', newMessageIds: [702] }], { voicemailIds: ['702'], otherChanges: true }],
    ['a voicemail change without ids', [{ type: 'VoiceMail', updatedCount: 1 }], { voicemailIds: [], otherChanges: false }],
    ['ids that are not ids', [{ type: 'VoiceMail', newMessageIds: [null, '', 703, { id: 1 }] }], { voicemailIds: ['703'], otherChanges: false }],
    ['no list of changes', undefined, { voicemailIds: [], otherChanges: true }],
    ['an empty list', [], { voicemailIds: [], otherChanges: true }],
    ['a change without a type', [{ updatedCount: 1 }], { voicemailIds: [], otherChanges: true }],
  ])('%s', (_name, changes, expected) => {
    expect(messageStoreChangesOf({ changes } as Notification['body'])).toEqual(expected);
  });
});

describe('sent text statuses', () => {
  it.each([
    ['Queued', 'QUEUED'],
    ['Sent', 'SENT'],
    ['Delivered', 'DELIVERED'],
    ['DeliveryFailed', 'FAILED'],
    ['SendingFailed', 'FAILED'],
    ['Received', 'DELIVERED'],
    ['delivered', 'DELIVERED'],
    ['DELIVERYFAILED', 'FAILED'],
    ['Read', null],
    ['', null],
    [undefined, null],
    [2, null],
  ])('%j is %s', (messageStatus, expected) => {
    expect(smsStatusOf(messageStatus)).toBe(expected);
  });
});

describe('voicemails in the message store', () => {
  it.each([
    ['InProgress', 'PENDING'],
    ['Completed', 'READY'],
    ['CompletedPartially', 'READY'],
    ['completed', 'READY'],
    ['NotAvailable', 'UNAVAILABLE'],
    ['TimedOut', 'UNAVAILABLE'],
    ['Failed', 'UNAVAILABLE'],
    ['Unknown', 'UNAVAILABLE'],
    [undefined, 'UNAVAILABLE'],
    [5, 'UNAVAILABLE'],
  ])('transcription %j is %s', (status, expected) => {
    expect(voicemailTranscriptionOf(status)).toBe(expected);
  });

  const voicemail = { id: 700, type: 'VoiceMail', from: { phoneNumber: '+15555550100' }, vmTranscriptionStatus: 'Completed' };
  it.each([
    ['a voicemail', voicemail, { providerMessageId: '700', callerNumber: '+15555550100', transcription: 'READY', transcript: null }],
    ['odd casing', { ...voicemail, type: 'voicemail' }, { providerMessageId: '700', callerNumber: '+15555550100', transcription: 'READY', transcript: null }],
    ['a withheld number', { ...voicemail, from: undefined }, { providerMessageId: '700', callerNumber: null, transcription: 'READY', transcript: null }],
    ['no transcription status', { ...voicemail, vmTranscriptionStatus: undefined }, { providerMessageId: '700', callerNumber: '+15555550100', transcription: 'UNAVAILABLE', transcript: null }],
    ['a text', { ...voicemail, type: 'SMS' }, null],
    ['no type', { ...voicemail, type: undefined }, null],
    ['no id', { ...voicemail, id: undefined }, null],
  ])('%s', (_name, record, expected) => {
    expect(voicemailOf(record)).toEqual(expected);
  });

  it.each([
    ['the transcription attachment', [{ id: 1, type: 'AudioRecording', uri: '/audio' }, { id: 2, type: 'AudioTranscription', uri: '/text' }], '/text'],
    ['odd casing', [{ type: 'audiotranscription', uri: '/text' }], '/text'],
    ['only the recording', [{ type: 'AudioRecording', uri: '/audio' }], null],
    ['a transcription without an address', [{ type: 'AudioTranscription' }], null],
    ['no attachments', undefined, null],
    ['attachments that are not a list', { type: 'AudioTranscription', uri: '/text' }, null],
  ])('transcript address: %s', (_name, attachments, expected) => {
    expect(transcriptUriOf({ id: 700, attachments } as never)).toBe(expected);
  });
});

describe('speech-to-text results', () => {
  it.each([
    [
      'speakers told apart, consecutive utterances joined',
      {
        status: 'Success',
        response: {
          transcript: 'ignored',
          utterances: [
            { speakerId: '0', text: 'Hello?' },
            { speakerId: '1', text: 'Hi.' },
            { speakerId: '1', text: ' A chef for Saturday. ' },
            { speakerId: '0', text: '   ' },
            { speakerId: '0', text: 'Sure.' },
          ],
        },
      },
      { jobId: 'job', outcome: 'TRANSCRIBED', text: 'Speaker 1: Hello?\nSpeaker 2: Hi. A chef for Saturday.\nSpeaker 1: Sure.' },
    ],
    ['a named speaker', { status: 'Success', response: { utterances: [{ speakerId: 'A', text: 'Hello' }] } }, { jobId: 'job', outcome: 'TRANSCRIBED', text: 'Speaker A: Hello' }],
    ['a numeric speaker id', { status: 'Success', response: { utterances: [{ speakerId: 1, text: 'Hello' }] } }, { jobId: 'job', outcome: 'TRANSCRIBED', text: 'Speaker 2: Hello' }],
    [
      'a speaker not told apart: the plain transcript',
      { status: 'Success', response: { transcript: ' Call me back. ', utterances: [{ speakerId: '0', text: 'Call' }, { text: 'me back.' }] } },
      { jobId: 'job', outcome: 'TRANSCRIBED', text: 'Call me back.' },
    ],
    ['no utterances', { status: 'Success', response: { transcript: 'Hello' } }, { jobId: 'job', outcome: 'TRANSCRIBED', text: 'Hello' }],
    ['utterances that are not a list', { status: 'Success', response: { transcript: 'Hello', utterances: 'Hello' } }, { jobId: 'job', outcome: 'TRANSCRIBED', text: 'Hello' }],
    ['nothing said', { status: 'Success', response: {} }, { jobId: 'job', outcome: 'TRANSCRIBED', text: '' }],
    ['no response', { status: 'Success' }, { jobId: 'job', outcome: 'TRANSCRIBED', text: '' }],
    ['success in odd casing', { status: 'success', response: { transcript: 'Hello' } }, { jobId: 'job', outcome: 'TRANSCRIBED', text: 'Hello' }],
    [
      'a failure with errors',
      { status: 'Fail', response: { errors: [{ errorCode: 'CAI-105' }, { message: 'Unable to download media' }] } },
      { jobId: 'job', outcome: 'FAILED', error: 'RingCentral could not transcribe the recording (Fail): Unable to download media' },
    ],
    ['a failure with a message', { status: 'Fail', response: { message: 'Too short' } }, { jobId: 'job', outcome: 'FAILED', error: 'RingCentral could not transcribe the recording (Fail): Too short' }],
    ['a failure as a string', { status: 'Fail', error: 'Timeout' }, { jobId: 'job', outcome: 'FAILED', error: 'RingCentral could not transcribe the recording (Fail): Timeout' }],
    ['a failure as an object', { status: 'Fail', error: { message: 'Timeout' } }, { jobId: 'job', outcome: 'FAILED', error: 'RingCentral could not transcribe the recording (Fail): Timeout' }],
    ['a failure without a word', { status: 'Fail' }, { jobId: 'job', outcome: 'FAILED', error: 'RingCentral could not transcribe the recording (Fail).' }],
    ['a status we do not know', { status: 'Pending', response: { transcript: 'Hello' } }, { jobId: 'job', outcome: 'FAILED', error: 'RingCentral could not transcribe the recording (Pending).' }],
  ])('%s', (_name, callback, expected) => {
    expect(speechToTextResultOf('job', callback as never)).toEqual(expected);
  });
});

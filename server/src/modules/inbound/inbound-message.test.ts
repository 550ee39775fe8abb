import { describe, expect, it } from 'vitest';
import { describeInbound } from './inbound-message';

describe('describeInbound', () => {
  it.each([
    { case: 'plain words', text: '  Party of 8 on Friday ', attachments: [], expected: { text: 'Party of 8 on Friday', attachmentsOnly: false } },
    { case: 'a picture with no words (an MMS)', text: '', attachments: [{ type: 'image' }], expected: { text: '[image]', attachmentsOnly: true } },
    { case: 'a picture staff can open', text: '', attachments: [{ type: 'image', url: 'https://cdn.example/p.jpg' }], expected: { text: '[image: https://cdn.example/p.jpg]', attachmentsOnly: true } },
    { case: 'words and a picture', text: 'this is the backyard', attachments: [{ type: 'image' }], expected: { text: 'this is the backyard\n[image]', attachmentsOnly: false } },
    { case: 'nothing at all', text: '   ', attachments: [], expected: { text: '', attachmentsOnly: false } },
    { case: 'control characters only', text: '\u0000\u0001', attachments: [], expected: { text: '', attachmentsOnly: false } },
    { case: 'control characters inside words are dropped, line breaks kept', text: 'hi\u0007 there\nline two', attachments: [], expected: { text: 'hi there\nline two', attachmentsOnly: false } },
  ])('$case', ({ text, attachments, expected }) => {
    expect(describeInbound({ text, attachments })).toEqual(expected);
  });

  it('cuts a message longer than a thread holds instead of refusing it', () => {
    const { text } = describeInbound({ text: 'x'.repeat(5000) });
    expect([...text]).toHaveLength(2000);
    expect(text.endsWith('…')).toBe(true);
  });
});

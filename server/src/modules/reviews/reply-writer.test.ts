import { describe, expect, it } from 'vitest';
import { checkWrittenReply, type ReplyDraftRequest } from './reply-writer.port';

const inquiry: ReplyDraftRequest = {
  templateReply: 'Thanks Zed. Please call us at +1 555 555 0100 or email us at hello@example.test.',
  rating: 1,
  reviewerFirstName: 'Zed',
  comment: 'Awful',
  offerPercent: null,
  mustKeep: ['+1 555 555 0100', 'hello@example.test'],
};

describe('checkWrittenReply', () => {
  it('accepts a reply that keeps the facts', () => {
    expect(checkWrittenReply('Zed, we are so sorry. Call +1 555 555 0100 or write to hello@example.test.', inquiry)).toBeNull();
  });

  it.each([
    ['an invented discount', 'Sorry Zed! Take 20% off. +1 555 555 0100 hello@example.test'],
    ['an invented refund', 'Sorry Zed, we will refund you. +1 555 555 0100 hello@example.test'],
    ['lost contact details', 'Sorry Zed, please reach out.'],
    ['nothing', '   '],
    ['a reply over the limit', `Sorry +1 555 555 0100 hello@example.test ${'x'.repeat(4100)}`],
  ])('refuses %s', (_, reply) => {
    expect(checkWrittenReply(reply, inquiry)).not.toBeNull();
  });

  it('keeps the offer the policy made, exactly', () => {
    const offer = { ...inquiry, offerPercent: 10, mustKeep: [] };
    expect(checkWrittenReply('Please enjoy 10% off your next party.', offer)).toBeNull();
    expect(checkWrittenReply('Please enjoy 15% off your next party.', offer)).toMatch(/10% offer/);
    expect(checkWrittenReply('We are sorry.', offer)).toMatch(/10% offer/);
  });
});

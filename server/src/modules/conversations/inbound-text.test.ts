import { describe, expect, it } from 'vitest';
import { checkInboundText } from './inbound-text';

describe('checkInboundText', () => {
  it.each([
    ['', 'EMPTY_MESSAGE'],
    ['   \n\t ', 'EMPTY_MESSAGE'],
    ['x'.repeat(2001), 'MESSAGE_TOO_LONG'],
    ['hello\u0000\u0001binary', 'UNREADABLE_MESSAGE'],
    ['caf\uFFFD', 'UNREADABLE_MESSAGE'],
  ])('refuses %j with %s', (text, code) => {
    const result = checkInboundText(text);
    expect('failure' in result && result.failure.userErrors[0].code).toBe(code);
  });

  it.each([['  Hi there  ', 'Hi there'], ['🎉🔥', '🎉🔥'], ['x'.repeat(2000), 'x'.repeat(2000)], ['line one\nline two', 'line one\nline two']])(
    'accepts %j',
    (text, expected) => {
      expect(checkInboundText(text)).toEqual({ text: expected });
    },
  );

  it('counts characters, not UTF-16 units, so 2,000 emoji fit', () => {
    expect(checkInboundText('😀'.repeat(2000))).toEqual({ text: '😀'.repeat(2000) });
  });
});

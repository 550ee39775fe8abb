import { describe, expect, it } from 'vitest';
import { consentKeyword } from './consent';

describe('consentKeyword', () => {
  it.each(['STOP', 'stop', ' Stop. ', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit', 'REVOKE', 'optout', 'opt out', 'OPT  OUT!'])('opts out on %j', (text) => {
    expect(consentKeyword(text)).toBe('OPT_OUT');
  });

  it.each(['START', 'unstop', 'Start!'])('opts back in on %j', (text) => {
    expect(consentKeyword(text)).toBe('OPT_IN');
  });

  it('answers HELP', () => {
    expect(consentKeyword(' help ')).toBe('HELP');
  });

  it.each(['please stop texting me', 'cancel my booking', 'stop by at 6', 'I need help with my booking', 'end of the month works'])(
    'leaves %j to the conversation: the keyword must be alone',
    (text) => {
      expect(consentKeyword(text)).toBeNull();
    },
  );
});

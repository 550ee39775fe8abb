import { describe, expect, it } from 'vitest';
import { consentKeyword, readConsent } from './consent';
import { normalise } from './consent-intent';

describe('normalise', () => {
  it.each([
    ['ＳＴＯＰ', [['stop']]],
    ['𝐒𝐓𝐎𝐏', [['stop']]],
    ['STOP 🛑', [['stop']]],
    ['S-T-O-P', [['stop']]],
    ['s.t.o.p', [['stop']]],
    ['STOPPPP!!', [['stop']]],
    ['stop stop stop', [['stop']]],
    ['ST\u200bOP', [['stop']]],
    ['opt-out', [['opt', 'out']]],
    ["Don't text me, call me", [['dont', 'text', 'me'], ['call', 'me']]],
    ['no más mensajes', [['no', 'mas', 'mensajes']]],
    ['Stop at 8:30 🙏 thanks', [['stop', 'at', '830'], ['thanks']]],
  ])('reads %j as %j', (text, clauses) => {
    expect(normalise(text).clauses).toEqual(clauses);
  });
});

describe('consentKeyword', () => {
  it.each(['STOP', 'stop', ' Stop. ', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit', 'REVOKE', 'optout', 'opt out', 'OPT  OUT!', 'ＳＴＯＰ', 'STOP 🛑', 'stop please'])(
    'opts out on the keyword %j',
    (text) => {
      expect(consentKeyword(text)).toBe('OPT_OUT');
    },
  );

  it.each([
    'please take me off your list 🙏',
    'quit sending me these',
    "this isn't me, remove this number",
    'unsub',
    'please stop texting me',
    "Don't text me anymore",
    'no more texts',
    'leave me alone',
    'wrong number',
    'opt me out of these messages',
    // A request not to be texted revokes consent to texting, whatever else it asks for.
    "don't text me, call me",
  ])('opts out on the plain-words request %j', (text) => {
    expect(consentKeyword(text)).toBe('OPT_OUT');
  });

  it.each(['START', 'unstop', 'Start!'])('opts back in on %j', (text) => {
    expect(consentKeyword(text)).toBe('OPT_IN');
  });

  it.each([' help ', 'help?', 'INFO', 'Help!', 'ＨＥＬＰ'])('answers HELP to %j', (text) => {
    expect(consentKeyword(text)).toBe('HELP');
  });

  it.each([
    'stop, I meant Saturday',
    'cancel please',
    "Don't text me before 9am",
    'Stop texting me about the deposit',
    'not interested',
  ])('flags %j for staff instead of opting out', (text) => {
    expect(consentKeyword(text)).toBe('UNCLEAR_OPT_OUT');
  });

  it.each([
    'cancel my booking',
    'stop by at 6',
    'end time 9pm',
    'can we quit at 8',
    'remove the shrimp',
    'take me off the waitlist',
    'I want to opt out of the dessert',
    'Please don’t text my husband, text me instead',
    'I gave you the wrong number, it’s 408-555-0123',
    'I need help with my booking',
    'end of the month works',
    'No more than 20 guests',
  ])('leaves the booking message %j to the conversation', (text) => {
    expect(consentKeyword(text)).toBeNull();
  });

  it('reads a crafted 2,000-character message at once (no pattern backtracks without end)', () => {
    for (const text of ['stop ' + 'all the '.repeat(250), 'i dont want ' + 'any more '.repeat(220), 'stop texting ' + 'me this '.repeat(245)]) {
      const started = performance.now();
      consentKeyword(text);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('says which rule decided', () => {
    expect(readConsent('stop, I meant Saturday')).toEqual({ intent: 'UNCLEAR_OPT_OUT', rule: 'a stop word beside booking details or a correction' });
    expect(readConsent('take me off your list')).toEqual({ intent: 'OPT_OUT', rule: 'asks to be removed' });
  });
});

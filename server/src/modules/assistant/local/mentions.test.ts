import { describe, expect, it } from 'vitest';
import { type Mention, pickMention, roleAt } from './mentions';

function at(text: string, part: string) {
  const start = text.indexOf(part);
  return { start, end: start + part.length };
}

describe('roleAt', () => {
  it.each([
    { text: 'move it from dec 12 to dec 19', part: 'dec 12', role: 'old' },
    { text: 'move it from dec 12 to dec 19', part: 'dec 19', role: 'new' },
    { text: 'start at 5:30 instead of 6', part: '6', role: 'old' },
    { text: 'can you do dec 26 instead?', part: 'dec 26', role: 'new' },
    { text: 'saturday works better than friday', part: 'friday', role: 'old' },
    { text: 'party on dec 20', part: 'dec 20', role: 'plain' },
  ])('$part in "$text" is $role', ({ text, part, role }) => {
    expect(roleAt(text, at(text, part))).toBe(role);
  });
});

describe('pickMention', () => {
  const mention = (value: string, start: number, role: Mention<string>['role'], onlyForChanges = false): Mention<string> => ({
    value, confidence: 0.9, start, end: start + 1, role, onlyForChanges,
  });

  it('never picks the value being replaced', () => {
    expect(pickMention([mention('old', 0, 'old')], true)).toBeUndefined();
    expect(pickMention([mention('old', 0, 'old'), mention('plain', 5, 'plain')], false)?.value).toBe('plain');
  });

  it('picks the marked new value (or the last) for a change, and the first otherwise', () => {
    const mentions = [mention('a', 0, 'plain'), mention('b', 5, 'new'), mention('c', 9, 'plain')];
    expect(pickMention(mentions, true)?.value).toBe('b');
    expect(pickMention(mentions, false)?.value).toBe('a');
    expect(pickMention([mention('a', 0, 'plain'), mention('c', 9, 'plain')], true)?.value).toBe('c');
  });

  it('ignores the end of a range unless the message is a change', () => {
    const range = [mention('17:00', 0, 'plain'), mention('21:00', 5, 'new', true)];
    expect(pickMention(range, false)).toEqual({ value: '17:00', confidence: 0.9 });
    expect(pickMention(range, true)?.value).toBe('21:00');
  });

  it('lowers confidence when the candidates disagree', () => {
    expect(pickMention([mention('a', 0, 'plain'), mention('b', 5, 'plain')], false)!.confidence).toBeLessThan(0.75);
  });
});

import { describe, expect, it } from 'vitest';
import { codeMatches, isExpired, issueCode, lastDigits, readCode, senderIsOnRecord } from './phone-proof';

describe('the one-time code', () => {
  it('is six digits, kept only as a hash that matches that code and no other', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const { code, codeHash, expiresAt } = await issueCode(now);
    expect(code).toMatch(/^\d{6}$/);
    expect(codeHash).not.toContain(code);
    expect(await codeMatches(code, codeHash)).toBe(true);
    const other = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await codeMatches(other, codeHash)).toBe(false);
    expect(expiresAt).toBe('2026-12-01T10:10:00.000Z');
    expect(isExpired(expiresAt, new Date('2026-12-01T10:09:59Z'))).toBe(false);
    expect(isExpired(expiresAt, new Date('2026-12-01T10:10:00Z'))).toBe(true);
  });

  it('two codes issued for the same digits are hashed differently (salted)', async () => {
    const first = await issueCode(new Date());
    const second = await issueCode(new Date());
    expect(first.codeHash).not.toBe(second.codeHash);
  });

  it('is read from a reply as typed', () => {
    expect(readCode('123456')).toBe('123456');
    expect(readCode('my code is 123 456')).toBe('123456');
    expect(readCode('123-456')).toBe('123456');
    expect(readCode('es 004512')).toBe('004512');
    expect(readCode('1234567')).toBeNull();
    expect(readCode('12345')).toBeNull();
    expect(readCode('I did not get it')).toBeNull();
  });

  it('names the phone by its last digits only', () => {
    expect(lastDigits('+19165554101')).toBe('4101');
  });
});

describe('an email sender', () => {
  it('is the customer on record only with the same address, whatever the case', () => {
    expect(senderIsOnRecord('Sam.Lee@Example.test', 'sam.lee@example.test')).toBe(true);
    expect(senderIsOnRecord('someone@example.test', 'sam.lee@example.test')).toBe(false);
    expect(senderIsOnRecord('sam.lee@example.test', null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { signLinkToken, verifyLinkToken } from './tokens';

const KEY = 'a'.repeat(64);

describe('link tokens', () => {
  it('carry their subject until they expire', () => {
    const token = signLinkToken(KEY, { sub: 'booking-1', exp: new Date('2026-05-01T12:15:00Z') });
    expect(token).toMatch(/^hbl_[\w-]+\.[\w-]+$/);
    expect(verifyLinkToken(KEY, token, new Date('2026-05-01T12:14:59Z'))).toBe('booking-1');
    expect(verifyLinkToken(KEY, token, new Date('2026-05-01T12:15:00Z'))).toBeUndefined();
  });

  it('are refused when signed with another key or changed in any part', () => {
    const exp = new Date(Date.now() + 60_000);
    const token = signLinkToken(KEY, { sub: 'booking-1', exp });
    expect(verifyLinkToken('b'.repeat(64), token)).toBeUndefined();
    const [payload, signature] = token.slice(4).split('.');
    const otherPayload = Buffer.from(JSON.stringify({ sub: 'booking-2', exp: Math.floor(exp.getTime() / 1000) })).toString('base64url');
    expect(verifyLinkToken(KEY, `hbl_${otherPayload}.${signature}`)).toBeUndefined();
    expect(verifyLinkToken(KEY, `hbl_${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(verifyLinkToken(KEY, `hbl_${payload}`)).toBeUndefined();
    expect(verifyLinkToken(KEY, 'hbs_session')).toBeUndefined();
  });
});

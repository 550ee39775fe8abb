import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BankTokenUnreadable, TokenCipher } from './token-cipher';

const TOKEN = 'access-sandbox-6f1c2d3e-4b5a-4c3d-9e8f-0a1b2c3d4e5f';
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const cipher = (currentKeyId: string, keys: Record<string, Buffer> = { old: oldKey, new: newKey }) =>
  new TokenCipher({ currentKeyId, keys: new Map(Object.entries(keys)) });

/** What a failure may show anywhere: its message, its fields, its stack. */
const everythingOf = (error: unknown) => JSON.stringify({ ...(error as object), message: (error as Error).message, stack: (error as Error).stack });

function failureOf(run: () => unknown): BankTokenUnreadable {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BankTokenUnreadable);
    expect(everythingOf(error)).not.toContain(TOKEN);
    expect(everythingOf(error)).not.toContain(oldKey.toString('base64'));
    expect(everythingOf(error)).not.toContain(newKey.toString('base64'));
    return error as BankTokenUnreadable;
  }
  throw new Error('expected the token not to open');
}

describe('TokenCipher', () => {
  const rowId = randomUUID();

  it('seals under the current key, with a fresh nonce each time, and opens what it sealed', () => {
    const first = cipher('new').seal(TOKEN, rowId);
    const second = cipher('new').seal(TOKEN, rowId);
    expect(first.keyId).toBe('new');
    expect(first.sealed.equals(second.sealed)).toBe(false);
    expect(first.sealed.toString('latin1')).not.toContain(TOKEN);
    expect(cipher('new').open(first, rowId)).toBe(TOKEN);
  });

  it('fails loudly, saying nothing of the token or key, under a wrong key', () => {
    const sealed = cipher('new').seal(TOKEN, rowId);
    const wrongKey = cipher('new', { new: randomBytes(32) });
    const error = failureOf(() => wrongKey.open(sealed, rowId));
    expect(error.message).toMatch(/could not be decrypted with key "new"/);
    failureOf(() => cipher('old', { old: oldKey }).open(sealed, rowId)); // a key id no longer configured
  });

  it('fails on any flipped bit of the stored bytes', () => {
    const { keyId, sealed } = cipher('new').seal(TOKEN, rowId);
    for (let byte = 0; byte < sealed.length; byte += 1) {
      const flipped = Buffer.from(sealed);
      flipped[byte] ^= 1 << byte % 8;
      failureOf(() => cipher('new').open({ keyId, sealed: flipped }, rowId));
    }
    failureOf(() => cipher('new').open({ keyId, sealed: sealed.subarray(0, sealed.length - 1) }, rowId));
    failureOf(() => cipher('new').open({ keyId, sealed: Buffer.alloc(0) }, rowId));
  });

  it('binds the token to its row and its key id: copied to another row, or relabelled, it does not open', () => {
    const sealed = cipher('new').seal(TOKEN, rowId);
    failureOf(() => cipher('new').open(sealed, randomUUID()));
    // The same key bytes under another id: the key id is part of what was authenticated.
    failureOf(() => cipher('new', { new: newKey, alias: newKey }).open({ ...sealed, keyId: 'alias' }, rowId));
  });

  it('re-wraps a token sealed under an older key to the current key', () => {
    const underOld = cipher('old').seal(TOKEN, rowId);
    const rotated = cipher('new');
    expect(rotated.needsRewrap(underOld)).toBe(true);
    expect(rotated.open(underOld, rowId)).toBe(TOKEN);
    const rewrapped = rotated.rewrap(underOld, rowId);
    expect(rewrapped.keyId).toBe('new');
    expect(rotated.needsRewrap(rewrapped)).toBe(false);
    expect(cipher('new', { new: newKey }).open(rewrapped, rowId)).toBe(TOKEN); // the old key can go now
  });
});

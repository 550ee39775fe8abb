import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * The one-time code a web chat types to prove it holds a booking's phone (issue 15): six random
 * digits texted to the phone, kept only as a salted scrypt hash (a copy of the row does not give
 * the code back within its life), good for `CODE_MINUTES` and `CODE_ATTEMPTS` wrong tries.
 */
export const CODE_MINUTES = 10;
export const CODE_ATTEMPTS = 5;

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_BYTES = 32;

export async function issueCode(now: Date): Promise<{ code: string; codeHash: string; expiresAt: string }> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(16);
  const key = await scryptAsync(code, salt, KEY_BYTES);
  return { code, codeHash: `${salt.toString('base64url')}.${key.toString('base64url')}`, expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString() };
}

export async function codeMatches(code: string, codeHash: string): Promise<boolean> {
  const [salt, expected] = codeHash.split('.');
  if (!salt || !expected) return false;
  const key = await scryptAsync(code, Buffer.from(salt, 'base64url'), KEY_BYTES);
  return timingSafeEqual(key, Buffer.from(expected, 'base64url'));
}

/** The code in a reply: six digits on their own, spaces or a dash between groups allowed ("123 456"). */
export function readCode(text: string): string | null {
  const match = /(?<!\d)(\d{3})[\s-]?(\d{3})(?!\d)/.exec(text.trim());
  return match ? match[1] + match[2] : null;
}

export function isExpired(expiresAt: string, now: Date): boolean {
  return now.getTime() >= Date.parse(expiresAt);
}

/** The end of a number, to say which phone the code went to without repeating it whole. */
export function lastDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

/** Whether an email thread's sender is the customer on record (addresses compare case-insensitively). */
export function senderIsOnRecord(sender: string, onRecord: string | null): boolean {
  return onRecord !== null && onRecord.trim().toLowerCase() === sender.trim().toLowerCase();
}

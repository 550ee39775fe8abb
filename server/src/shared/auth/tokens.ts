import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer tokens are 256 random bits with a readable prefix (hbs_ for sessions, hbk_ for API
 * keys). Only a SHA-256 of a token is stored: with that much entropy a slow hash adds
 * nothing, and the lookup on every request stays one indexed read.
 */
export const SESSION_TOKEN_PREFIX = 'hbs_';
export const API_KEY_PREFIX = 'hbk_';

export function generateToken(prefix: string): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token in an `Authorization: Bearer <token>` value, or undefined when the value has another form. */
export function parseBearer(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

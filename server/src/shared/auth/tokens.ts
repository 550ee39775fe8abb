import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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

/**
 * A short-lived link that carries its own proof: claims (a subject and an expiry) and an
 * HMAC-SHA256 over them with a server key, so a page can be opened from a plain link (a browser
 * sends no bearer token) without storing anything per link. Format:
 * `hbl_<base64url claims>.<base64url signature>`.
 */
export const LINK_TOKEN_PREFIX = 'hbl_';

export function signLinkToken(key: string, claims: { sub: string; exp: Date }): string {
  const payload = Buffer.from(JSON.stringify({ sub: claims.sub, exp: Math.floor(claims.exp.getTime() / 1000) }), 'utf8').toString('base64url');
  return `${LINK_TOKEN_PREFIX}${payload}.${linkSignature(key, payload)}`;
}

/** The subject of a link token signed with `key` that has not expired at `now`, else undefined. */
export function verifyLinkToken(key: string, token: string, now = new Date()): string | undefined {
  if (!token.startsWith(LINK_TOKEN_PREFIX)) return undefined;
  const [payload, signature, ...rest] = token.slice(LINK_TOKEN_PREFIX.length).split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(linkSignature(key, payload), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return undefined;
    return claims.sub;
  } catch {
    return undefined;
  }
}

function linkSignature(key: string, payload: string): string {
  return createHmac('sha256', key).update(`${LINK_TOKEN_PREFIX}${payload}`).digest('base64url');
}

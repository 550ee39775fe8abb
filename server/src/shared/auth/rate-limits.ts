import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../../app/config';

/**
 * Counters that slow down guessing and flooding: failed sign-ins per account and address (a
 * lockout of that pair) and per address (a short wait for that address alone), bearer tokens
 * that match nothing per IP, public web-chat traffic per session and per IP, and refused
 * webhook requests per IP. With Redis the counts are shared by every instance (an attacker
 * cannot spread guesses across them); a memory limiter stands in while Redis is down.
 */
export interface RateLimits {
  /** Keyed `email|address`: guessing from one place never locks the account for anyone else. */
  loginFailuresByAccount: RateLimiterAbstract;
  loginLockoutSeconds: number;
  loginFailuresByIp: RateLimiterAbstract;
  badTokensByIp: RateLimiterAbstract;
  webChatMessagesBySession: RateLimiterAbstract;
  webChatMessagesByIp: RateLimiterAbstract;
  webChatSessionsByIp: RateLimiterAbstract;
  /** One-time codes texted to one phone for a web chat (a chat cannot use someone's phone to flood it with texts). */
  codesByPhone: RateLimiterAbstract;
  /** Webhook requests refused (unverified, malformed) per address: past the allowance, that address gets 429 for a minute. */
  webhookRejectionsByIp: RateLimiterAbstract;
}

/** Enough for a customer who mistyped twice; more is someone else using the number. */
export const CODES_PER_PHONE_PER_HOUR = 3;

export function createRateLimits(config: Config, redis?: Redis): RateLimits {
  const make = (keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract => {
    const options = { keyPrefix: `${config.redis.keyPrefix}rl:${keyPrefix}`, points, duration: durationSeconds };
    if (!redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
  };
  return {
    loginFailuresByAccount: make('login-account', config.loginMaxFailures, config.loginLockoutSeconds),
    loginLockoutSeconds: config.loginLockoutSeconds,
    loginFailuresByIp: make('login-ip', config.loginMaxFailuresPerMinutePerIp, 60),
    badTokensByIp: make('bad-token-ip', config.badTokenMaxPerMinute, 60),
    webChatMessagesBySession: make('chat-session', config.webChat.maxMessagesPerMinute, 60),
    webChatMessagesByIp: make('chat-ip', config.webChat.maxMessagesPerMinutePerIp, 60),
    webChatSessionsByIp: make('chat-start-ip', Math.max(5, Math.ceil(config.webChat.maxMessagesPerMinutePerIp / 4)), 60),
    webhookRejectionsByIp: make('webhook-rejections-ip', config.webhooks.maxRejectionsPerMinute, 60),
    codesByPhone: make('code-phone', CODES_PER_PHONE_PER_HOUR, 3600),
  };
}

/** Milliseconds until `key` may try again, or 0 when it is not blocked. */
export async function msUntilAllowed(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const state = await limiter.get(key);
  return state && state.consumedPoints >= limiter.points ? state.msBeforeNext : 0;
}

/** Counts one failure; resolves to the milliseconds of the block this failure reached or started, or 0. */
export async function countFailure(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    const state = await limiter.consume(key);
    return state.remainingPoints <= 0 ? state.msBeforeNext : 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
    throw rejection;
  }
}

/**
 * Counts one failure; the one that uses up the allowance locks the key for `lockSeconds` from
 * now (not just for what is left of the window the first failure opened). Resolves to the
 * milliseconds of the lock, or 0.
 */
export async function countFailureAndLock(limiter: RateLimiterAbstract, key: string, lockSeconds: number): Promise<number> {
  if ((await countFailure(limiter, key)) === 0) return 0;
  await limiter.block(key, lockSeconds);
  return lockSeconds * 1000;
}

/** Takes one of the key's allowed requests; false once the allowance for the window is used up. */
export async function takeAllowance(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

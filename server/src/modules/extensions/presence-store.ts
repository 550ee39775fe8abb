import type Redis from 'ioredis';

/**
 * Which staff logins have the console open, across every server instance. Each open socket is
 * a member with an expiry its instance keeps pushing forward; a closed one is kept with the
 * time it closed, so "when was this person last seen" is known even when an instance died
 * without closing its sockets (their expiry passes). Logins that have had a console are
 * "watched" until presence has decided they are gone. With REDIS_URL every instance shares
 * this; without it (one instance) it lives in memory.
 */
export interface PresenceStore {
  /** Adds or refreshes an open connection, counted until `expiresAt` (epoch ms) unless refreshed. */
  keep(staffUserId: string, connectionId: string, expiresAt: number): Promise<void>;
  /** A connection closed at `at`: no longer counted, remembered as last seen then. */
  drop(staffUserId: string, connectionId: string, at: number): Promise<void>;
  /** Open connections of this login, and when it was last seen (the latest close or expiry); null when never. */
  seen(staffUserId: string, now: number): Promise<{ open: number; lastSeen: number | null }>;
  /** Logins that had a console and are not yet decided gone. */
  watched(): Promise<string[]>;
  /** Presence decided the login is gone: forget its connections and stop watching it; `tookOffline` marks that presence took its extension offline. */
  settleGone(staffUserId: string, tookOffline: boolean): Promise<void>;
  /** Whether it was marked gone, forgetting the mark. */
  takeGone(staffUserId: string): Promise<boolean>;
}

/** How long a login's record outlives its last connection. */
const RECORD_TTL_MS = 24 * 3600_000;

export class RedisPresenceStore implements PresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  private connections(staffUserId: string): string {
    return `${this.keyPrefix}presence:connections:${staffUserId}`;
  }

  private gone(staffUserId: string): string {
    return `${this.keyPrefix}presence:gone:${staffUserId}`;
  }

  private get watchedKey(): string {
    return `${this.keyPrefix}presence:watched`;
  }

  async keep(staffUserId: string, connectionId: string, expiresAt: number): Promise<void> {
    const key = this.connections(staffUserId);
    await this.redis.multi().zadd(key, expiresAt, connectionId).pexpireat(key, expiresAt + RECORD_TTL_MS).sadd(this.watchedKey, staffUserId).exec();
  }

  async drop(staffUserId: string, connectionId: string, at: number): Promise<void> {
    await this.redis.zadd(this.connections(staffUserId), 'XX', at, connectionId);
  }

  async seen(staffUserId: string, now: number): Promise<{ open: number; lastSeen: number | null }> {
    const key = this.connections(staffUserId);
    const [open, latest] = await Promise.all([this.redis.zcount(key, `(${now}`, '+inf'), this.redis.zrevrange(key, 0, 0, 'WITHSCORES')]);
    return { open, lastSeen: latest.length === 2 ? Number(latest[1]) : null };
  }

  watched(): Promise<string[]> {
    return this.redis.smembers(this.watchedKey);
  }

  async settleGone(staffUserId: string, tookOffline: boolean): Promise<void> {
    const steps = this.redis.multi().srem(this.watchedKey, staffUserId).del(this.connections(staffUserId));
    if (tookOffline) steps.set(this.gone(staffUserId), '1', 'PX', RECORD_TTL_MS * 30);
    await steps.exec();
  }

  async takeGone(staffUserId: string): Promise<boolean> {
    return (await this.redis.getdel(this.gone(staffUserId))) !== null;
  }
}

export class MemoryPresenceStore implements PresenceStore {
  private readonly connections = new Map<string, Map<string, number>>();
  private readonly gone = new Set<string>();

  async keep(staffUserId: string, connectionId: string, expiresAt: number): Promise<void> {
    const own = this.connections.get(staffUserId) ?? new Map<string, number>();
    own.set(connectionId, expiresAt);
    this.connections.set(staffUserId, own);
  }

  async drop(staffUserId: string, connectionId: string, at: number): Promise<void> {
    const own = this.connections.get(staffUserId);
    if (own?.has(connectionId)) own.set(connectionId, at);
  }

  async seen(staffUserId: string, now: number): Promise<{ open: number; lastSeen: number | null }> {
    const times = [...(this.connections.get(staffUserId)?.values() ?? [])];
    return { open: times.filter((expiresAt) => expiresAt > now).length, lastSeen: times.length > 0 ? Math.max(...times) : null };
  }

  async watched(): Promise<string[]> {
    return [...this.connections.keys()];
  }

  async settleGone(staffUserId: string, tookOffline: boolean): Promise<void> {
    if (tookOffline) this.gone.add(staffUserId);
    this.connections.delete(staffUserId);
  }

  async takeGone(staffUserId: string): Promise<boolean> {
    return this.gone.delete(staffUserId);
  }
}

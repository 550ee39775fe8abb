import type Redis from 'ioredis';

/**
 * Which staff logins have the console open, across every server instance: each open socket is
 * a member with an expiry its instance keeps pushing forward, so the sockets of an instance
 * that died stop counting once their expiry passes. With REDIS_URL every instance shares the
 * counts; without it (one instance) they live in memory.
 */
export interface PresenceStore {
  /** Adds or refreshes a connection, counted until `expiresAt` (epoch ms) unless refreshed. */
  keep(staffUserId: string, connectionId: string, expiresAt: number): Promise<void>;
  drop(staffUserId: string, connectionId: string): Promise<void>;
  /** Connections of this login that have not expired. */
  count(staffUserId: string, now: number): Promise<number>;
  /** Remembers that presence took the login's extension offline because the console was gone. */
  markGone(staffUserId: string): Promise<void>;
  /** Whether it was marked gone, forgetting the mark. */
  takeGone(staffUserId: string): Promise<boolean>;
}

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

  async keep(staffUserId: string, connectionId: string, expiresAt: number): Promise<void> {
    const key = this.connections(staffUserId);
    await this.redis.multi().zadd(key, expiresAt, connectionId).pexpireat(key, expiresAt).exec();
  }

  async drop(staffUserId: string, connectionId: string): Promise<void> {
    await this.redis.zrem(this.connections(staffUserId), connectionId);
  }

  async count(staffUserId: string, now: number): Promise<number> {
    return this.redis.zcount(this.connections(staffUserId), `(${now}`, '+inf');
  }

  async markGone(staffUserId: string): Promise<void> {
    await this.redis.set(this.gone(staffUserId), '1', 'EX', 30 * 24 * 3600);
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

  async drop(staffUserId: string, connectionId: string): Promise<void> {
    this.connections.get(staffUserId)?.delete(connectionId);
  }

  async count(staffUserId: string, now: number): Promise<number> {
    return [...(this.connections.get(staffUserId)?.values() ?? [])].filter((expiresAt) => expiresAt > now).length;
  }

  async markGone(staffUserId: string): Promise<void> {
    this.gone.add(staffUserId);
  }

  async takeGone(staffUserId: string): Promise<boolean> {
    return this.gone.delete(staffUserId);
  }
}

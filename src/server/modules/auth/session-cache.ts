import type { Actor } from '../../context.ts';

export type CachedPrincipal = {
  actor: Actor;
  /** Absolute end of the session or token. */
  expiresAt: Date | null;
  /** Last activity, for the idle time-out (sessions only). */
  lastSeenAt: Date | null;
  /** When the database row was last touched, so activity is written at most once a minute. */
  lastWrittenAt: Date;
  cachedAt: number;
};

/**
 * Sessions and API tokens resolved once and kept in memory, so a signed-in request costs no
 * database round trip. Revocation is instant: sign-out, deactivation and role changes drop the
 * entries here, and (on a PostgreSQL server, where several processes may run) a NOTIFY tells the
 * other processes to drop theirs. A short TTL bounds the damage if a notification were lost.
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedPrincipal>();
  private readonly byUser = new Map<string, Set<string>>();
  private broadcaster: ((userId: string) => void) | null = null;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  setBroadcaster(fn: ((userId: string) => void) | null): void {
    this.broadcaster = fn;
  }

  get(key: string, nowMs: number): CachedPrincipal | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (nowMs - e.cachedAt > this.ttlMs) {
      this.delete(key);
      return undefined;
    }
    return e;
  }

  set(key: string, entry: CachedPrincipal): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    this.entries.set(key, entry);
    let keys = this.byUser.get(entry.actor.userId);
    if (!keys) this.byUser.set(entry.actor.userId, (keys = new Set()));
    keys.add(key);
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.byUser.get(e.actor.userId)?.delete(key);
  }

  /** Drops every cached session and token of a user here, and tells other processes to do the same. */
  revokeUser(userId: string): void {
    this.dropUserLocally(userId);
    this.broadcaster?.(userId);
  }

  dropUserLocally(userId: string): void {
    for (const key of this.byUser.get(userId) ?? []) this.entries.delete(key);
    this.byUser.delete(userId);
  }

  clear(): void {
    this.entries.clear();
    this.byUser.clear();
  }
}

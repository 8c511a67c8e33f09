import type { ChangeBus } from "../live/bus";
import type { AccessStore, StoredSession } from "../services/access-store";
import type { ChartGrant } from "./principal";

/**
 * The access lookups every request makes — its session or token, and its grant on the
 * chart — kept in memory, so a GET of an unchanged chart needs no database query (each one
 * cost about a millisecond of this process's CPU on the embedded database). Every change of
 * access passes through the wrapped store's methods here and drops what it makes stale
 * before and after it is written, so sign-out, a revoked link or token, a removed member or
 * account are seen by the next request of this process. Rights are still computed on every
 * request (`accessLevelOf`, link expiry, session idle time) from what is kept.
 *
 * `soleUser`: this process is the database's only user (the embedded database, which one
 * process holds by its lock), so what is kept stays true until this process changes it.
 * Otherwise (a PostgreSQL server shared by several processes) a session or token is kept
 * `sharedTtlMs` at most, bus events of the others drop theirs sooner, and grants are read
 * every time.
 */
export interface AccessCacheOptions {
  soleUser: boolean;
  sharedTtlMs?: number;
  /** Entries of each kind, least recently used dropped first. */
  capacity?: number;
  now?: () => number;
  /**
   * Where other processes' changes are heard. Subscribe before anyone who re-checks access
   * on the same events (the live hub), so they read past what was dropped.
   */
  bus?: ChangeBus;
}

type Token = NonNullable<Awaited<ReturnType<AccessStore["findToken"]>>>;

interface Entry<T> {
  value: T;
  at: number;
}

const DEFAULT_TTL_MS = 5_000;
const DEFAULT_CAPACITY = 10_000;

/** A bounded map in recency order whose entries may expire. */
function boundedMap<T>(capacity: number, ttlMs: number, now: () => number) {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key: string): T | undefined {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (now() - entry.at > ttlMs) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key: string, value: T) {
      entries.delete(key);
      entries.set(key, { value, at: now() });
      for (const oldest of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
      }
    },
    /** Changes kept values (their age stays). */
    updateWhere(test: (key: string, value: T) => boolean, change: (value: T) => T) {
      for (const [key, entry] of entries)
        if (test(key, entry.value)) entry.value = change(entry.value);
    },
    deleteWhere(test: (key: string, value: T) => boolean) {
      for (const [key, entry] of entries) if (test(key, entry.value)) entries.delete(key);
    },
    delete: (key: string) => entries.delete(key),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

export function cacheAccessStore(store: AccessStore, options: AccessCacheOptions) {
  const now = options.now ?? Date.now;
  const ttl = options.soleUser ? Number.POSITIVE_INFINITY : (options.sharedTtlMs ?? DEFAULT_TTL_MS);
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const sessions = boundedMap<StoredSession>(capacity, ttl, now);
  const tokens = boundedMap<Token>(capacity, ttl, now);
  const grants = boundedMap<ChartGrant>(capacity, ttl, now);
  /**
   * Bumped by every change: a read that was under way meanwhile may have seen the old rows,
   * so its answer is used but not kept.
   */
  let generation = 0;

  /** Reads through the cache; undefined answers (nothing found) are not kept. */
  const readThrough = async <T>(
    kept: ReturnType<typeof boundedMap<T>>,
    key: string,
    read: () => Promise<T | undefined>,
  ): Promise<T | undefined> => {
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    const started = generation;
    const value = await read();
    if (value !== undefined && started === generation) kept.set(key, value);
    return value;
  };

  /** Drops what a change makes stale, before it is written and again once it is. */
  const changing = async <T>(drop: () => void, write: () => Promise<T>): Promise<T> => {
    generation += 1;
    drop();
    try {
      return await write();
    } finally {
      generation += 1;
      drop();
    }
  };

  const grantKey = (chartId: string, accountId: string | undefined) =>
    `${chartId}|${accountId ?? ""}`;
  const dropChart = (chartId: string) => {
    // A scenario's grant holds its original's owner and members: they go with the original's.
    grants.deleteWhere(
      (key, grant) => key.startsWith(`${chartId}|`) || grant.original?.id === chartId,
    );
    sessions.deleteWhere((_, s) => s.kind === "guest" && s.link.chartId === chartId);
  };
  const dropAll = () => {
    sessions.clear();
    tokens.clear();
    grants.clear();
  };

  const cached: AccessStore = {
    ...store,

    findSession: (idHash) => readThrough(sessions, idHash, () => store.findSession(idHash)),
    async touchSession(idHash, at) {
      await store.touchSession(idHash, at);
      sessions.updateWhere(
        (key) => key === idHash,
        (session) => ({ ...session, lastSeenAt: at }),
      );
    },
    deleteSession: (idHash) =>
      changing(
        () => sessions.delete(idHash),
        () => store.deleteSession(idHash),
      ),

    findToken: (tokenHash) => readThrough(tokens, tokenHash, () => store.findToken(tokenHash)),
    async touchToken(id, at) {
      await store.touchToken(id, at);
      tokens.updateWhere(
        (_, token) => token.id === id,
        (token) => ({ ...token, lastUsedAt: at }),
      );
    },
    deleteToken: (accountId, id) =>
      changing(
        () => tokens.deleteWhere((_, token) => token.id === id),
        () => store.deleteToken(accountId, id),
      ),

    chartGrant: (chartId, accountId) =>
      options.soleUser
        ? readThrough(grants, grantKey(chartId, accountId), () =>
            store.chartGrant(chartId, accountId),
          )
        : store.chartGrant(chartId, accountId),
    setMember: (chartId, accountId, access) =>
      changing(
        () => dropChart(chartId),
        () => store.setMember(chartId, accountId, access),
      ),
    removeMember: (chartId, accountId) =>
      changing(
        () => dropChart(chartId),
        () => store.removeMember(chartId, accountId),
      ),
    revokeLink: (chartId, linkId, at) =>
      changing(
        () => dropChart(chartId),
        () => store.revokeLink(chartId, linkId, at),
      ),
    // Owners change (charts pass to the heir, or to the first account): rare, so all goes.
    removeAccount: (id, heirId) => changing(dropAll, () => store.removeAccount(id, heirId)),
    createOwner: (account) => changing(dropAll, () => store.createOwner(account)),
  };

  const cache = {
    store: cached,
    /**
     * A chart was removed (here or, heard on the bus, by another process), or another
     * process changed its members or links: its grants and guests go.
     */
    forgetChart(chartId: string) {
      generation += 1;
      dropChart(chartId);
    },
    /** Another process signed a session out (the bus's `sessionEnded`). */
    forgetSession(idHash: string) {
      generation += 1;
      sessions.delete(idHash);
    },
    /** The bus was lost for a while: anything may have changed. */
    forgetAll() {
      generation += 1;
      dropAll();
    },
    size: () => ({ sessions: sessions.size, tokens: tokens.size, grants: grants.size }),
  };
  options.bus?.subscribe((event) => {
    if (event.type === "access" || event.type === "removed") cache.forgetChart(event.chart);
    else if (event.type === "sessionEnded") cache.forgetSession(event.session);
  });
  options.bus?.onReconnect(() => cache.forgetAll());
  return cache;
}

export type AccessCache = ReturnType<typeof cacheAccessStore>;

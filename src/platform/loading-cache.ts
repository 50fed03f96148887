// An in-memory cache in front of a loader (no Redis): LRU-bounded, TTL'd, short negative caching,
// one load in flight per key, and invalidation that also discards a load already in flight (its
// result may predate the change being invalidated for).

export type LoadingCacheOptions = {
  ttlMs: number;
  /** Misses are remembered briefly, so a flood of unknown keys cannot hammer the loader. */
  negativeTtlMs?: number;
  max: number;
};

type Entry<V> = { value: V | undefined; expiresAt: number };

export function createLoadingCache<V>({ ttlMs, negativeTtlMs = 2000, max }: LoadingCacheOptions) {
  const entries = new Map<string, Entry<V>>(); // insertion order = recency order
  const loading = new Map<string, Promise<V | undefined>>();
  const counters = { hits: 0, misses: 0 };

  function remember(key: string, value: V | undefined) {
    entries.delete(key);
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, {
      value,
      expiresAt: Date.now() + (value === undefined ? Math.min(ttlMs, negativeTtlMs) : ttlMs),
    });
  }

  return {
    async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > Date.now()) {
        counters.hits++;
        entries.delete(key); // refresh recency
        entries.set(key, entry);
        return entry.value;
      }
      counters.misses++;
      let pending = loading.get(key);
      if (!pending) {
        const current: Promise<V | undefined> = load().then((value) => {
          if (loading.get(key) === current) remember(key, value); // not invalidated meanwhile
          return value;
        }).finally(() => {
          if (loading.get(key) === current) loading.delete(key);
        });
        loading.set(key, pending = current);
      }
      return await pending;
    },
    invalidate(key: string): void {
      entries.delete(key);
      loading.delete(key);
    },
    clear(): void {
      entries.clear();
      loading.clear();
    },
    stats: () => ({ size: entries.size, ...counters }),
  };
}

export type LoadingCache<V> = ReturnType<typeof createLoadingCache<V>>;

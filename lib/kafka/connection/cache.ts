// A short-lived cache with in-flight de-duplication: while one request for a key is under way every
// other caller shares its promise, and the answer is reused for a couple of seconds. It keeps a page
// that ten people open at once from sending ten identical metadata requests, without showing data
// older than the TTL. Failures are never cached. getMany does the same per key for batched loads
// (watermarks per partition, descriptions per group): keys fresh or in flight are shared, only the
// rest go into one batch, so pages that overlap never ask twice.
import 'server-only';
/** A key of one cached value of type T (build keys with cache-keys.ts, never by hand). */
export interface CacheKey<T> {
  readonly key: string;
  /** Carries T for the type checker only. */
  readonly _type?: T;
}
/** A family of keys of the same type, one per argument (a partition's watermarks, a group's description). */
export interface CacheFamily<A, T> {
  readonly prefix: string;
  id(arg: A): string;
  readonly _type?: T;
}
/** A prefix of keys to forget at once. */
export interface CacheScope {
  readonly prefix: string;
}

export class TtlCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 200_000,
  ) {}

  /** Values of the family for `args`, loading the missing ones with a single `load(missing)`, which
   * answers by `family.id(arg)`; an argument the batch does not answer is absent from the result
   * (and cached as such for the TTL). The result is keyed by `family.id(arg)`. */
  async getMany<A, T>(family: CacheFamily<A, T>, args: Iterable<A>, load: (missing: A[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
    const now = Date.now();
    const found: [string, Promise<unknown>][] = [];
    const missing: A[] = [];
    const seen = new Set<string>();
    for (const arg of args) {
      const id = family.id(arg);
      if (seen.has(id)) continue;
      seen.add(id);
      const hit = this.entries.get(family.prefix + id);
      if (hit && now - hit.at < this.ttlMs) found.push([id, hit.value]);
      else missing.push(arg);
    }
    if (missing.length > 0) {
      const batch = load(missing);
      const ids = missing.map((a) => family.id(a));
      for (const id of ids) {
        const value = batch.then((m) => m.get(id));
        this.entries.set(family.prefix + id, { at: now, value });
        found.push([id, value]);
      }
      batch.catch(() => {
        for (const id of ids) if (this.entries.get(family.prefix + id)?.at === now) this.entries.delete(family.prefix + id);
      });
      if (this.entries.size > this.maxEntries) this.sweep(now);
    }
    const values = await Promise.all(found.map(([, v]) => v));
    const out = new Map<string, T>();
    found.forEach(([id], i) => {
      // The only cast of this cache: a family's entries were all stored from its own typed loads.
      if (values[i] !== undefined) out.set(id, values[i] as T);
    });
    return out;
  }

  get<T>(key: CacheKey<T>, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key.key);
    // Entries under a key are only ever stored by get() with that key's type.
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key.key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key.key)?.value === value) this.entries.delete(key.key);
    });
    if (this.entries.size > this.maxEntries) this.sweep(now);
    return value;
  }

  invalidate(scope: CacheScope): void {
    for (const k of this.entries.keys()) if (k.startsWith(scope.prefix)) this.entries.delete(k);
  }

  private sweep(now: number): void {
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
    // Still too many fresh entries: drop the oldest half.
    if (this.entries.size > this.maxEntries) {
      const keys = [...this.entries.keys()].slice(0, Math.floor(this.entries.size / 2));
      for (const k of keys) this.entries.delete(k);
    }
  }
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping the input order in the result. */
export async function mapBounded<I, O>(items: readonly I[], limit: number, fn: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const out = new Array<O>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Rejects with `onTimeout()` when `promise` has not settled within `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

// A short-lived cache with in-flight de-duplication: while one request for a key is under way every
// other caller shares its promise, and the answer is reused for a couple of seconds. It keeps a page
// that ten people open at once from sending ten identical metadata requests, without showing data
// older than the TTL. Failures are never cached. getMany does the same per key for batched loads
// (watermarks per partition, descriptions per group): keys fresh or in flight are shared, only the
// rest go into one batch, so pages that overlap never ask twice.
export class TtlCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 200_000,
  ) {}

  /** Values of `keys`, loading the missing ones with a single `load(missing)`; a key the batch does
   * not answer is undefined (and cached as such for the TTL). */
  async getMany<V extends T>(keys: Iterable<string>, load: (missing: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    const now = Date.now();
    const found: [string, Promise<T>][] = [];
    const missing: string[] = [];
    for (const k of new Set(keys)) {
      const hit = this.entries.get(k);
      if (hit && now - hit.at < this.ttlMs) found.push([k, hit.value]);
      else missing.push(k);
    }
    if (missing.length > 0) {
      const batch = load(missing);
      for (const k of missing) {
        const value = batch.then((m) => m.get(k) as T);
        this.entries.set(k, { at: now, value });
        found.push([k, value]);
      }
      batch.catch(() => {
        for (const k of missing) if (this.entries.get(k)?.at === now) this.entries.delete(k);
      });
      if (this.entries.size > this.maxEntries) this.sweep(now);
    }
    const values = await Promise.all(found.map(([, v]) => v));
    const out = new Map<string, V>();
    found.forEach(([k], i) => {
      if (values[i] !== undefined) out.set(k, values[i] as V);
    });
    return out;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) this.sweep(now);
    return value;
  }

  invalidate(prefix = ''): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
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

// Merging partitions by timestamp for the "all partitions" view. Each partition's records are
// consumed strictly in offset order — at every step the head (or, backwards, the tail) with the
// earliest (latest) timestamp is taken — so what a page takes from a partition is always a contiguous
// run, and the cursors can continue exactly where the page stopped.
import 'server-only';

export interface Timed {
  partition: number;
  offset: bigint;
}

/** Takes up to `limit` records, oldest first, from per-partition lists sorted by offset ascending. */
export function mergeForward<T extends Timed>(lists: T[][], limit: number, ts: (r: T) => number): T[] {
  const heads = lists.map(() => 0);
  const out: T[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const r = lists[i]![heads[i]!];
      if (!r) continue;
      const b = best >= 0 ? lists[best]![heads[best]!]! : undefined;
      if (!b || ts(r) < ts(b) || (ts(r) === ts(b) && r.partition < b.partition)) best = i;
    }
    if (best < 0) break;
    out.push(lists[best]![heads[best]!]!);
    heads[best]!++;
  }
  return out;
}

/** Takes up to `limit` records, newest first, from per-partition lists sorted by offset ascending. */
export function mergeBackward<T extends Timed>(lists: T[][], limit: number, ts: (r: T) => number): T[] {
  const tails = lists.map((l) => l.length - 1);
  const out: T[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const r = lists[i]![tails[i]!];
      if (!r) continue;
      const b = best >= 0 ? lists[best]![tails[best]!]! : undefined;
      if (!b || ts(r) > ts(b) || (ts(r) === ts(b) && r.partition > b.partition)) best = i;
    }
    if (best < 0) break;
    out.push(lists[best]![tails[best]!]!);
    tails[best]!--;
  }
  return out;
}

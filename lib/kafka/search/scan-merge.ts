// The order in which a search hands out its matches: the view's order, merged across partitions by
// timestamp, while the partitions are scanned in parallel and at different speeds. It is the browse
// merge (reading/merge.ts) run on streams: every scanned record (matching or not) enters its
// partition's queue in scan order, and a record leaves only when every partition still scanning has
// a record queued to compare it with — so a match is never handed out before an older (or, newest
// first, a newer) match of a slower partition. What each partition has handed out is a contiguous
// run from where it started, which is what makes a resume cursor exact: it holds, per partition, the
// position after the last record that left. Pure: no I/O, no clock.
import 'server-only';
import type { Dir } from '../reading/range';

export interface ScanEntry<M> {
  offset: bigint;
  ts: number;
  /** The match, or null for a record that did not match. */
  match: M | null;
}

interface Queue<M> {
  items: ScanEntry<M>[];
  head: number;
  finished: boolean;
  /** Matches queued and not yet handed out. */
  matches: number;
  /** Offset of the last entry handed out. */
  last: bigint | null;
}

export class ScanMerge<M> {
  private readonly queues = new Map<number, Queue<M>>();

  constructor(
    partitions: readonly number[],
    private readonly dir: Dir,
  ) {
    for (const p of partitions) this.queues.set(p, { items: [], head: 0, finished: false, matches: 0, last: null });
  }

  /** Entries of one partition, in scan order (ascending offsets forwards, descending backwards). */
  push(partition: number, entries: ScanEntry<M>[]): void {
    const q = this.queues.get(partition)!;
    if (q.head > 4096 && q.head * 2 > q.items.length) {
      q.items = q.items.slice(q.head);
      q.head = 0;
    }
    for (const e of entries) {
      q.items.push(e);
      if (e.match !== null) q.matches++;
    }
  }

  /** Matches of the partition queued and not yet handed out. Once a partition holds as many as are
   * still wanted, nothing it scans later can be among them: it may stop scanning. */
  queuedMatches(partition: number): number {
    return this.queues.get(partition)!.matches;
  }

  /** The partition has nothing more to scan. */
  finish(partition: number): void {
    this.queues.get(partition)!.finished = true;
  }

  /** Entries queued and not yet handed out. */
  queued(partition: number): number {
    const q = this.queues.get(partition)!;
    return q.items.length - q.head;
  }

  /** Whether every partition is finished and every entry handed out. */
  exhausted(): boolean {
    for (const q of this.queues.values()) if (!q.finished || q.head < q.items.length) return false;
    return true;
  }

  /** Offset of the last entry handed out of the partition (null before the first). */
  last(partition: number): bigint | null {
    return this.queues.get(partition)!.last;
  }

  /** Hands out entries in merged order while it can and `more()` says so; an entry not handed out
   * stays queued (and out of the resume position). */
  drain(onMatch: (match: M) => void, more: () => boolean): void {
    const fwd = this.dir === 'fwd';
    const queues = [...this.queues].sort(([a], [b]) => a - b);
    while (more()) {
      let best: Queue<M> | null = null;
      let bestEntry: ScanEntry<M> | null = null;
      for (const [, q] of queues) {
        const e = q.items[q.head];
        if (!e) {
          if (q.finished) continue;
          return; // This partition has not scanned far enough to compare.
        }
        // Ties go to the lower partition forwards and the higher backwards, as in browsing.
        if (!bestEntry || (fwd ? e.ts < bestEntry.ts : e.ts >= bestEntry.ts)) {
          best = q;
          bestEntry = e;
        }
      }
      if (!best || !bestEntry) return;
      best.head++;
      best.last = bestEntry.offset;
      if (bestEntry.match !== null) {
        best.matches--;
        onMatch(bestEntry.match);
      }
    }
  }
}

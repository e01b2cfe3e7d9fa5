// Lag in seconds without reading records: for each partition, a short table of (time, log end)
// points from the samples, so "when was offset N written?" is answered by finding the two samples
// whose log ends bracket N and interpolating between their times. The lag in seconds of a group on a
// partition is then the time of the newest record (when the log end last moved) minus the time of
// the record at the committed offset. Reading the record at each committed offset instead would be a
// Fetch per partition per round: 100,000 of them at 10,000 groups x 10 partitions.
//
// It is an estimate: exact to a sample interval for recent offsets, coarser for old ones. A table
// holds POINTS points per partition; a flat stretch (nothing produced) costs at most one point; when
// full, every other point of the older half is dropped, so resolution falls with age while the
// oldest point stays (coverage grows as the table ages). An offset older than the table, or a log
// end that has not moved since sampling began, gives no estimate (null): the metric is then left out.
// All tables live in two shared typed arrays (16 bytes a point), not one object per partition.
import 'server-only';

export const POINTS = 16;

export class OffsetTimes {
  private times = new Float64Array(0);
  private offsets = new BigInt64Array(0);
  private counts = new Uint8Array(0);
  /** The last observation of each partition, which a flat stretch does not store until it ends. */
  private seenAt = new Float64Array(0);

  /** Room for partitions 0..capacity-1. */
  ensure(capacity: number): void {
    if (capacity <= this.counts.length) return;
    const grow = <T extends Float64Array | BigInt64Array | Uint8Array>(a: T, make: (n: number) => T, n: number): T => {
      const next = make(n);
      next.set(a as never);
      return next;
    };
    this.times = grow(this.times, (n) => new Float64Array(n), capacity * POINTS);
    this.offsets = grow(this.offsets, (n) => new BigInt64Array(n), capacity * POINTS);
    this.counts = grow(this.counts, (n) => new Uint8Array(n), capacity);
    this.seenAt = grow(this.seenAt, (n) => new Float64Array(n), capacity);
  }

  clear(p: number): void {
    this.counts[p] = 0;
  }

  /** Records that partition `p`'s log end was `logEnd` at time `t` (ms). */
  observe(p: number, t: number, logEnd: bigint): void {
    const n = this.counts[p]!;
    const base = p * POINTS;
    if (n > 0) {
      const last = this.offsets[base + n - 1]!;
      if (logEnd === last) {
        this.seenAt[p] = t;
        return;
      }
      if (logEnd < last || t <= this.times[base + n - 1]!) {
        // The log went backwards (topic recreated) or time did: start again.
        this.counts[p] = 0;
      } else if (this.seenAt[p]! > this.times[base + n - 1]!) {
        // The end of the flat stretch: records after `last` were written after this time.
        this.push(p, this.seenAt[p]!, last);
      }
    }
    this.push(p, t, logEnd);
    this.seenAt[p] = t;
  }

  private push(p: number, t: number, offset: bigint): void {
    const base = p * POINTS;
    let n = this.counts[p]!;
    if (n === POINTS) n = this.thin(p);
    this.times[base + n] = t;
    this.offsets[base + n] = offset;
    this.counts[p] = n + 1;
  }

  /** Drops every other point of the older half (never the oldest); returns the new count. */
  private thin(p: number): number {
    const base = p * POINTS;
    const half = POINTS / 2;
    let w = 1;
    for (let r = 1; r < POINTS; r++) {
      if (r <= half && r % 2 === 1) continue;
      this.times[base + w] = this.times[base + r]!;
      this.offsets[base + w] = this.offsets[base + r]!;
      w++;
    }
    return w;
  }

  /** When the record at `offset` was written (ms), or null when the table does not reach it. */
  timeOf(p: number, offset: bigint): number | null {
    const n = this.counts[p] ?? 0;
    const base = p * POINTS;
    // The first point whose log end is past `offset`: the record was written between it and the one before.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.offsets[base + mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    if (lo === 0 || lo === n) return null;
    const e0 = this.offsets[base + lo - 1]!;
    const e1 = this.offsets[base + lo]!;
    const t0 = this.times[base + lo - 1]!;
    const t1 = this.times[base + lo]!;
    // A fraction in millionths, computed in bigint: offsets never pass through Number.
    const fraction = Number(((offset - e0 + 1n) * 1_000_000n) / (e1 - e0)) / 1_000_000;
    return t0 + fraction * (t1 - t0);
  }

  /** Seconds from the record at `committed` to the newest record, or null when not known. */
  lagSeconds(p: number, committed: bigint, logEnd: bigint): number | null {
    if (committed > logEnd) return null;
    if (committed === logEnd) return 0;
    const newest = this.timeOf(p, logEnd - 1n);
    const at = this.timeOf(p, committed);
    if (newest === null || at === null) return null;
    return Math.max(0, (newest - at) / 1000);
  }

  /** Bytes held (for the cost measurement). */
  get bytes(): number {
    return this.times.byteLength + this.offsets.byteLength + this.counts.byteLength + this.seenAt.byteLength;
  }
}

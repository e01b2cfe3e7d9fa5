// The sparse indexes of one segment, held in memory and mirrored to Kafka-style files:
//   .index      int32 relative offset, int32 file position      (8 bytes an entry)
//   .timeindex  int64 timestamp, int32 relative offset          (12 bytes an entry)
// An entry is taken every ~4 KB of log, at a batch start. The time entry beside each offset entry
// holds the largest timestamp of all batches BEFORE that batch in the segment, so "every record
// before here is older than T" — which is what a timestamp lookup needs to pick a starting batch.

import type { Blob } from './backend';

export const INDEX_INTERVAL_BYTES = 4096;
const OFFSET_ENTRY = 8;
const TIME_ENTRY = 12;

export class SegmentIndex {
  count = 0;
  rel = new Int32Array(64);
  pos = new Int32Array(64);
  tsBefore = new BigInt64Array(64);
  bytesSinceEntry = 0;

  constructor(
    private offsetFile: Blob | null,
    private timeFile: Blob | null,
  ) {}

  /** Called for each appended batch (also while rebuilding, with `persist` false). */
  onBatch(relOffset: number, position: number, size: number, maxTsBefore: bigint, persist = true): void {
    if (this.count === 0 || this.bytesSinceEntry >= INDEX_INTERVAL_BYTES) {
      this.push(relOffset, position, maxTsBefore);
      if (persist) this.persistEntry(this.count - 1);
      this.bytesSinceEntry = 0;
    }
    this.bytesSinceEntry += size;
  }

  private push(relOffset: number, position: number, tsBefore: bigint): void {
    if (this.count === this.rel.length) {
      const grow = <T extends Int32Array | BigInt64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a as never);
        return b;
      };
      this.rel = grow(this.rel);
      this.pos = grow(this.pos);
      this.tsBefore = grow(this.tsBefore);
    }
    this.rel[this.count] = relOffset;
    this.pos[this.count] = position;
    this.tsBefore[this.count] = tsBefore;
    this.count++;
  }

  private persistEntry(i: number): void {
    if (!this.offsetFile || !this.timeFile) return;
    const o = Buffer.allocUnsafe(OFFSET_ENTRY);
    o.writeInt32BE(this.rel[i]!, 0);
    o.writeInt32BE(this.pos[i]!, 4);
    this.offsetFile.append(o);
    const t = Buffer.allocUnsafe(TIME_ENTRY);
    t.writeBigInt64BE(this.tsBefore[i]!, 0);
    t.writeInt32BE(this.rel[i]!, 8);
    this.timeFile.append(t);
  }

  /** Index of the last entry whose relative offset is <= rel, or -1. */
  floorByOffset(rel: number): number {
    let lo = 0;
    let hi = this.count - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.rel[mid]! <= rel) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** Index of the last entry whose "max timestamp before" is < ts, or -1. Entries are monotonic. */
  floorByTime(ts: bigint): number {
    let lo = 0;
    let hi = this.count - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.tsBefore[mid]! < ts) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** Drops entries at or past `position` (after a tail truncation). */
  truncateToPosition(position: number): void {
    while (this.count > 0 && this.pos[this.count - 1]! >= position) this.count--;
    this.offsetFile?.truncate(this.count * OFFSET_ENTRY);
    this.timeFile?.truncate(this.count * TIME_ENTRY);
    this.bytesSinceEntry = INDEX_INTERVAL_BYTES; // next batch starts a fresh entry
  }

  /** Rewrites both files from the in-memory entries (after a rebuild). */
  writeAll(): void {
    if (!this.offsetFile || !this.timeFile) return;
    this.offsetFile.truncate(0);
    this.timeFile.truncate(0);
    const o = Buffer.allocUnsafe(this.count * OFFSET_ENTRY);
    const t = Buffer.allocUnsafe(this.count * TIME_ENTRY);
    for (let i = 0; i < this.count; i++) {
      o.writeInt32BE(this.rel[i]!, i * OFFSET_ENTRY);
      o.writeInt32BE(this.pos[i]!, i * OFFSET_ENTRY + 4);
      t.writeBigInt64BE(this.tsBefore[i]!, i * TIME_ENTRY);
      t.writeInt32BE(this.rel[i]!, i * TIME_ENTRY + 8);
    }
    this.offsetFile.append(o);
    this.timeFile.append(t);
  }

  /** Loads the files; false when they are missing pieces or inconsistent (caller rebuilds). */
  load(logSize: number): boolean {
    if (!this.offsetFile || !this.timeFile) return false;
    const os = this.offsetFile.size;
    const ts = this.timeFile.size;
    if (os % OFFSET_ENTRY !== 0 || ts % TIME_ENTRY !== 0 || os / OFFSET_ENTRY !== ts / TIME_ENTRY) return false;
    const n = os / OFFSET_ENTRY;
    if (n === 0) return logSize === 0;
    const o = this.offsetFile.readAt(0, os);
    const t = this.timeFile.readAt(0, ts);
    this.count = 0;
    for (let i = 0; i < n; i++) {
      const rel = o.readInt32BE(i * OFFSET_ENTRY);
      const pos = o.readInt32BE(i * OFFSET_ENTRY + 4);
      const tsBefore = t.readBigInt64BE(i * TIME_ENTRY);
      if (t.readInt32BE(i * TIME_ENTRY + 8) !== rel) return false;
      if (pos < 0 || pos >= logSize || rel < 0) return false;
      if (i === 0 ? pos !== 0 : rel <= this.rel[i - 1]! || pos <= this.pos[i - 1]! || tsBefore < this.tsBefore[i - 1]!) return false;
      this.push(rel, pos, tsBefore);
    }
    return true;
  }

  reset(): void {
    this.count = 0;
    this.bytesSinceEntry = 0;
  }

  closeFiles(): void {
    this.offsetFile?.close();
    this.timeFile?.close();
  }
}

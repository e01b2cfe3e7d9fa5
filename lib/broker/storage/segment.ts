// One segment of a partition log: `<20-digit baseOffset>.log` holding whole record batches back to
// back, exactly as stored, plus its sparse offset and time indexes. Knows how to find the batch
// holding an offset, read a span of whole batches with one read, and recover itself on open.
// Also knows when it started, for segment.ms: the wall-clock time of its first append, or for a
// segment found on disk, its first batch's timestamp (clamped to now). Kafka goes by the first
// batch's timestamp even when appending; the clock is used here so that a producer replaying old
// CreateTimes does not get one segment (and three open files) per batch.

import * as path from 'node:path';
import * as H from '../records/batch-header';
import { decodeRecords } from '../records/decode';
import type { Backend, Blob } from './backend';
import { scanBatches } from './batch-scanner';
import { SegmentIndex } from './segment-index';

export const NO_TIMESTAMP = -(2n ** 63n);

export function segmentName(baseOffset: bigint): string {
  return baseOffset.toString().padStart(20, '0');
}

export interface SegmentOpenReport {
  truncatedBytes: number;
  /** Where the kept data ends (the file's new size) when bytes were truncated. */
  truncatedAt?: number;
  reason?: string;
  indexRebuilt: boolean;
}

export class Segment {
  nextOffset: bigint;
  maxTimestamp = NO_TIMESTAMP;
  readonly log: Blob;
  readonly index: SegmentIndex;
  /** When the segment started (ms), for segment.ms; null while empty or not yet looked up. */
  private startedMs: bigint | null = null;

  private constructor(
    private readonly backend: Backend,
    readonly dir: string,
    readonly baseOffset: bigint,
  ) {
    const stem = path.join(dir, segmentName(baseOffset));
    this.log = backend.open(`${stem}.log`);
    this.index = new SegmentIndex(backend.open(`${stem}.index`), backend.open(`${stem}.timeindex`));
    this.nextOffset = baseOffset;
  }

  static create(backend: Backend, dir: string, baseOffset: bigint): Segment {
    return new Segment(backend, dir, baseOffset);
  }

  /** Opens an existing segment. Index files are trusted when consistent, except for the last
   * segment after an unclean shutdown: that one is checked batch by batch, CRC included, and a torn
   * tail is cut off. Whenever an index must be rebuilt, the last segment's CRCs are checked too. */
  static open(
    backend: Backend,
    dir: string,
    baseOffset: bigint,
    opts: { isLast: boolean; cleanShutdown: boolean },
  ): { segment: Segment; report: SegmentOpenReport } {
    const s = new Segment(backend, dir, baseOffset);
    const trustIndex = !opts.isLast || opts.cleanShutdown;
    if (trustIndex && s.index.load(s.log.size) && s.resumeFromIndex()) {
      return { segment: s, report: { truncatedBytes: 0, indexRebuilt: false } };
    }
    const report = s.rebuild(opts.isLast);
    return { segment: s, report };
  }

  get size(): number {
    return this.log.size;
  }

  /** Trusting a loaded index: check its last entry and scan the (short) tail after it. */
  private resumeFromIndex(): boolean {
    const last = this.index.count - 1;
    if (last < 0) return this.log.size === 0;
    const pos = this.index.pos[last]!;
    const head = this.log.readAt(pos, H.BATCH_HEADER_SIZE);
    if (head.length < H.BATCH_HEADER_SIZE || H.baseOffsetOf(head) !== this.baseOffset + BigInt(this.index.rel[last]!)) return false;
    this.maxTimestamp = this.index.tsBefore[last]!;
    let bytes = 0;
    const end = scanBatches(this.log, pos, (b) => {
      this.noteBatch(b.buf, b.at);
      bytes += b.size;
    });
    if (end.torn) return false;
    this.index.bytesSinceEntry = bytes;
    return true;
  }

  private rebuild(verifyCrc: boolean): SegmentOpenReport {
    this.index.reset();
    this.nextOffset = this.baseOffset;
    this.maxTimestamp = NO_TIMESTAMP;
    let outOfOrder = false;
    const end = scanBatches(
      this.log,
      0,
      (b) => {
        const base = H.baseOffsetOf(b.buf, b.at);
        if (base < this.nextOffset || base - this.baseOffset > 0x7fffffffn) {
          outOfOrder = true;
          return false;
        }
        this.index.onBatch(Number(base - this.baseOffset), b.pos, b.size, this.maxTimestamp, false);
        this.noteBatch(b.buf, b.at);
      },
      { verifyCrc },
    );
    const cut = end.torn || outOfOrder ? this.log.size - end.pos : 0;
    if (cut > 0) this.log.truncate(end.pos);
    this.index.writeAll();
    return {
      truncatedBytes: cut,
      truncatedAt: cut > 0 ? end.pos : undefined,
      reason: end.torn ? end.reason : outOfOrder ? 'offsets go backwards' : undefined,
      indexRebuilt: true,
    };
  }

  private noteBatch(buf: Buffer, at: number): void {
    this.nextOffset = H.lastOffsetOf(buf, at) + 1n;
    const ts = buf.readBigInt64BE(at + H.MAX_TIMESTAMP);
    if (ts > this.maxTimestamp) this.maxTimestamp = ts;
  }

  /** Appends a batch whose baseOffset has already been assigned, at wall-clock time `nowMs`. */
  append(batch: Buffer, nowMs: bigint): void {
    if (this.log.size === 0) this.startedMs = nowMs;
    const rel = Number(H.baseOffsetOf(batch) - this.baseOffset);
    this.index.onBatch(rel, this.log.size, batch.length, this.maxTimestamp);
    this.log.append(batch);
    this.noteBatch(batch, 0);
  }

  /** Position of the first batch whose last offset is >= offset, or -1 when there is none. */
  locate(offset: bigint): number {
    if (offset >= this.nextOffset) return -1;
    const rel = offset - this.baseOffset;
    const e = rel <= 0n ? -1 : this.index.floorByOffset(Number(rel));
    let found = -1;
    scanBatches(this.log, e < 0 ? 0 : this.index.pos[e]!, (b) => {
      if (H.lastOffsetOf(b.buf, b.at) >= offset) {
        found = b.pos;
        return false;
      }
    });
    return found;
  }

  /** Whole batches from `pos`: the first one even when larger than maxBytes, then more while the
   * total stays within maxBytes. One read in the common case, into a buffer from `alloc` if given. */
  readFrom(pos: number, maxBytes: number, alloc?: (n: number) => Buffer): Buffer {
    const avail = this.log.size - pos;
    if (avail <= 0) return Buffer.alloc(0);
    let buf = this.log.readAt(pos, Math.min(avail, Math.max(maxBytes, H.BATCH_HEADER_SIZE)), alloc);
    const first = H.batchSize(buf, 0);
    if (first >= buf.length) return first === buf.length ? buf : this.log.readAt(pos, first, alloc);
    let end = first;
    while (end + H.LOG_OVERHEAD <= buf.length) {
      const next = end + H.batchSize(buf, end);
      if (next > buf.length) break;
      end = next;
    }
    buf = buf.subarray(0, end);
    return buf;
  }

  /** First record at or after `minOffset` with timestamp >= ts in this segment, or null. */
  findTimestamp(ts: bigint, minOffset: bigint): { offset: bigint; timestamp: bigint } | null {
    if (this.maxTimestamp < ts) return null;
    const e = this.index.floorByTime(ts);
    let result: { offset: bigint; timestamp: bigint } | null = null;
    scanBatches(this.log, e < 0 ? 0 : this.index.pos[e]!, (b) => {
      if (H.lastOffsetOf(b.buf, b.at) < minOffset || b.buf.readBigInt64BE(b.at + H.MAX_TIMESTAMP) < ts) return true;
      const whole = b.at + b.size <= b.buf.length ? b.buf.subarray(b.at, b.at + b.size) : this.log.readAt(b.pos, b.size);
      for (const r of decodeRecords(whole).records) {
        if (r.offset >= minOffset && r.timestamp >= ts) {
          result = { offset: r.offset, timestamp: r.timestamp };
          return false;
        }
      }
      return true;
    });
    return result;
  }

  /** Every whole batch of the segment, in order (compaction, producer-state rebuild). */
  forEachBatch(visit: (batch: Buffer, pos: number) => void, headersOnly = false): void {
    scanBatches(this.log, 0, (b) => {
      if (headersOnly) visit(b.buf.subarray(b.at, Math.min(b.buf.length, b.at + b.size)), b.pos);
      else visit(b.at + b.size <= b.buf.length ? b.buf.subarray(b.at, b.at + b.size) : this.log.readAt(b.pos, b.size), b.pos);
    });
  }

  /** When the segment started, for segment.ms (null when empty): its first append's time, or for a
   * segment opened from disk its first batch's max timestamp — now, when that is missing or ahead. */
  startedAtMs(): bigint | null {
    if (this.log.size === 0) return null;
    if (this.startedMs === null) {
      const now = BigInt(Date.now());
      const head = this.log.readAt(0, H.BATCH_HEADER_SIZE);
      const ts = head.length === H.BATCH_HEADER_SIZE ? head.readBigInt64BE(H.MAX_TIMESTAMP) : -1n;
      this.startedMs = ts > 0n && ts < now ? ts : now;
    }
    return this.startedMs;
  }

  /** Largest timestamp, or the file's modification time when no batch carries one (Kafka's rule). */
  retentionTimestamp(): bigint {
    return this.maxTimestamp > 0n ? this.maxTimestamp : BigInt(Math.floor(this.log.mtimeMs()));
  }

  sync(): void {
    this.log.sync();
  }

  syncInBackground(done: (err: Error | null) => void): void {
    this.log.syncInBackground(done);
  }

  close(): void {
    this.log.close();
    this.index.closeFiles();
  }

  /** Closes and deletes the segment's files. */
  remove(): void {
    this.close();
    const stem = path.join(this.dir, segmentName(this.baseOffset));
    for (const ext of ['.log', '.index', '.timeindex']) this.backend.remove(stem + ext);
  }
}

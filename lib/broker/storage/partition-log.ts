// One partition's log: an ordered list of segments, the log start offset, and the idempotent
// producer state. Appends and reads work per batch only — no record is decoded or decompressed on
// either path; retention, DeleteRecords and compaction work on whole segments. The active segment
// rolls by size (segment.bytes) and by age (segment.ms, checked at each append and by the retention
// pass), so retention.ms can reach the data of a partition that never fills a segment. Recovery
// logs one line for every damaged tail it cuts off.

import * as path from 'node:path';
import * as H from '../records/batch-header';
import { setLogAppendTime } from '../records/log-append-time';
import { ErrorCode } from '../../common/kafka-error-codes';
import type { Backend } from './backend';
import { compactBatch, latestOffsetsByKey } from './compaction';
import { lastSequence, ProducerState } from './producer-state';
import { Segment, segmentName, type SegmentOpenReport } from './segment';
import type { AppendOutcome, FsyncPolicy, LogConfig, PartitionLog } from './types';

const SEGMENT_FILE = /^(\d{20})\.log$/;
const LOG_START_FILE = 'log-start-offset';
/** Written by close() after an fsync; its presence on open means the last segment needs no CRC scan. */
const CLEAN_SHUTDOWN_FILE = 'clean-shutdown';
const INT32_MAX = 0x7fffffffn;
/** segment.ms when the config does not say (Kafka's log.roll.hours = 168). */
const DEFAULT_SEGMENT_MS = 604_800_000;

export interface RecoveryReport {
  segments: number;
  truncated: { baseOffset: bigint; position: number; bytes: number; reason: string }[];
  indexesRebuilt: bigint[];
}

export class SegmentedPartitionLog implements PartitionLog {
  private segments: Segment[] = [];
  private startOffset = 0n;
  private producers = new ProducerState();
  private closed = false;
  /** True when appended data has not been fsynced yet. */
  dirty = false;
  /** A background fsync is in flight. */
  private syncing = false;
  readonly recovery: RecoveryReport = { segments: 0, truncated: [], indexesRebuilt: [] };

  constructor(
    private readonly backend: Backend,
    readonly dir: string,
    private config: LogConfig,
    private readonly fsync: FsyncPolicy,
    private readonly log: (line: string) => void = () => {},
  ) {
    backend.mkdirp(dir);
    this.recover();
  }

  get logStartOffset(): bigint {
    return this.startOffset;
  }

  get logEndOffset(): bigint {
    return this.active.nextOffset;
  }

  private get active(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  private recover(): void {
    const names = this.backend.list(this.dir);
    for (const n of names) if (n.endsWith('.cleaned') || n.endsWith('.tmp')) this.backend.remove(path.join(this.dir, n));
    const bases = names
      .map((n) => SEGMENT_FILE.exec(n)?.[1])
      .filter((b): b is string => b !== undefined)
      .map((b) => BigInt(b))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const logs = new Set(bases.map((b) => segmentName(b)));
    for (const n of names) {
      const m = /^(\d{20})\.(index|timeindex)$/.exec(n);
      if (m && !logs.has(m[1]!)) this.backend.remove(path.join(this.dir, n)); // orphan index
    }
    const markerPath = path.join(this.dir, CLEAN_SHUTDOWN_FILE);
    const clean = this.backend.exists(markerPath);
    this.backend.remove(markerPath);
    bases.forEach((base, i) => {
      const { segment, report } = Segment.open(this.backend, this.dir, base, { isLast: i === bases.length - 1, cleanShutdown: clean });
      this.segments.push(segment);
      this.noteRecovery(base, report);
    });
    if (this.segments.length === 0) this.segments.push(Segment.create(this.backend, this.dir, 0n));
    this.recovery.segments = this.segments.length;
    const saved = this.backend.readText(path.join(this.dir, LOG_START_FILE));
    const checkpoint = saved !== null && /^\d+$/.test(saved.trim()) ? BigInt(saved.trim()) : 0n;
    const first = this.segments[0]!.baseOffset;
    this.startOffset = checkpoint > first ? checkpoint : first;
    if (this.startOffset > this.logEndOffset) this.startOffset = this.logEndOffset;
    this.rebuildProducerState();
  }

  private noteRecovery(base: bigint, r: SegmentOpenReport): void {
    if (r.indexRebuilt) this.recovery.indexesRebuilt.push(base);
    if (r.truncatedBytes > 0) {
      const position = r.truncatedAt ?? 0;
      const reason = r.reason ?? 'torn';
      this.recovery.truncated.push({ baseOffset: base, position, bytes: r.truncatedBytes, reason });
      const file = path.join(this.dir, `${segmentName(base)}.log`);
      this.log(
        `recovery of partition ${path.basename(this.dir)}: truncated damaged tail of ${file} at byte ${position}, ` +
          `dropped ${r.truncatedBytes} bytes (${reason})`,
      );
    }
  }

  private rebuildProducerState(): void {
    this.producers.clear();
    for (const s of this.segments) {
      s.forEachBatch((b) => {
        const pid = b.readBigInt64BE(H.PRODUCER_ID);
        const seq = b.readInt32BE(H.BASE_SEQUENCE);
        if (pid < 0n || seq < 0) return;
        const base = H.baseOffsetOf(b);
        const delta = b.readInt32BE(H.LAST_OFFSET_DELTA);
        const attrs = b.readInt16BE(H.ATTRIBUTES);
        this.producers.record(pid, b.readInt16BE(H.PRODUCER_EPOCH), {
          firstSeq: seq,
          lastSeq: lastSequence(seq, delta),
          baseOffset: base,
          lastOffset: base + BigInt(delta),
          logAppendTime: H.isLogAppendTime(attrs) ? b.readBigInt64BE(H.MAX_TIMESTAMP) : -1n,
        });
      }, true);
    }
  }

  append(batch: Buffer, leaderEpoch: number, nowMs: bigint): AppendOutcome {
    if (this.closed) return { ok: false, errorCode: ErrorCode.KAFKA_STORAGE_ERROR, message: 'Partition log is closed' };
    const lastDelta = batch.readInt32BE(H.LAST_OFFSET_DELTA);
    const producerId = batch.readBigInt64BE(H.PRODUCER_ID);
    const epoch = batch.readInt16BE(H.PRODUCER_EPOCH);
    const firstSeq = batch.readInt32BE(H.BASE_SEQUENCE);
    const idempotent = producerId >= 0n && firstSeq >= 0;
    const lastSeq = idempotent ? lastSequence(firstSeq, lastDelta) : -1;
    if (idempotent) {
      const c = this.producers.check(producerId, epoch, firstSeq, lastSeq);
      if (c.kind === 'error') return { ok: false, errorCode: c.errorCode, message: c.message };
      if (c.kind === 'duplicate') return { ok: true, baseOffset: c.baseOffset, lastOffset: c.lastOffset, logAppendTime: c.logAppendTime };
    }
    const baseOffset = this.logEndOffset;
    const active = this.active;
    if (
      active.size > 0 &&
      (active.size + batch.length > this.config.segmentBytes || baseOffset + BigInt(lastDelta) - active.baseOffset > INT32_MAX || this.rollDue(nowMs))
    ) {
      this.roll();
    }
    H.setBaseOffset(batch, baseOffset);
    H.setPartitionLeaderEpoch(batch, leaderEpoch);
    let logAppendTime = -1n;
    if (this.config.messageTimestampType === 'LogAppendTime') {
      setLogAppendTime(batch, nowMs);
      logAppendTime = nowMs;
    }
    try {
      this.active.append(batch, nowMs);
      if (this.fsync === 'always') this.active.sync();
      else this.dirty = true;
    } catch (e) {
      return { ok: false, errorCode: ErrorCode.KAFKA_STORAGE_ERROR, message: `Append failed: ${(e as Error).message}` };
    }
    const lastOffset = baseOffset + BigInt(lastDelta);
    if (idempotent) this.producers.record(producerId, epoch, { firstSeq, lastSeq, baseOffset, lastOffset, logAppendTime });
    return { ok: true, baseOffset, lastOffset, logAppendTime };
  }

  /** segment.ms has passed since the active segment's first batch. */
  private rollDue(nowMs: bigint): boolean {
    const started = this.active.startedAtMs();
    return started !== null && nowMs - started > BigInt(this.config.segmentMs ?? DEFAULT_SEGMENT_MS);
  }

  private roll(): void {
    const old = this.active;
    // 'always' has synced every append already; 'interval' must not stall the append path on a disk.
    if (this.fsync === 'interval') old.syncInBackground(() => {});
    else if (this.fsync === 'always') old.sync();
    this.segments.push(Segment.create(this.backend, this.dir, old.nextOffset));
  }

  read(fetchOffset: bigint, maxBytes: number, alloc?: (n: number) => Buffer): Buffer {
    if (fetchOffset >= this.logEndOffset) return Buffer.alloc(0);
    const offset = fetchOffset < this.startOffset ? this.startOffset : fetchOffset;
    for (let i = this.segmentIndexFor(offset); i < this.segments.length; i++) {
      const s = this.segments[i]!;
      const pos = s.locate(offset);
      if (pos >= 0) return s.readFrom(pos, maxBytes, alloc);
    }
    return Buffer.alloc(0);
  }

  /** Index of the last segment whose baseOffset <= offset (0 when none). */
  private segmentIndexFor(offset: bigint): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  offsetForTimestamp(ts: bigint): { offset: bigint; timestamp: bigint } | null {
    for (const s of this.segments) {
      if (s.nextOffset <= this.startOffset) continue;
      const hit = s.findTimestamp(ts, this.startOffset);
      if (hit) return hit;
    }
    return null;
  }

  deleteRecordsBefore(offset: bigint): void {
    const target = offset > this.logEndOffset ? this.logEndOffset : offset;
    if (target <= this.startOffset) return;
    this.startOffset = target;
    if (this.active.size > 0 && this.active.nextOffset <= target) this.roll();
    while (this.segments.length > 1 && this.segments[0]!.nextOffset <= target) this.segments.shift()!.remove();
    this.backend.writeTextAtomic(path.join(this.dir, LOG_START_FILE), `${target}\n`);
  }

  enforceRetention(nowMs: bigint): void {
    if (this.closed) return;
    if (this.rollDue(nowMs)) this.roll();
    if (!this.config.cleanupPolicy.includes('delete')) return;
    const { retentionMs, retentionBytes } = this.config;
    let total = this.size();
    while (this.segments.length > 1) {
      const s = this.segments[0]!;
      const byTime = retentionMs >= 0 && nowMs - s.retentionTimestamp() > BigInt(retentionMs);
      const bySize = retentionBytes >= 0 && total - s.size >= retentionBytes;
      if (!byTime && !bySize) break;
      total -= s.size;
      this.segments.shift()!.remove();
    }
    const first = this.segments[0]!.baseOffset;
    if (first > this.startOffset) this.startOffset = first;
  }

  compact(nowMs: bigint): void {
    if (!this.config.cleanupPolicy.includes('compact') || this.segments.length < 2) return;
    const latest = latestOffsetsByKey(this.segments);
    const cutoff = nowMs - BigInt(this.config.deleteRetentionMs);
    for (let i = 0; i < this.segments.length - 1; i++) {
      const s = this.segments[i]!;
      const stem = path.join(this.dir, segmentName(s.baseOffset));
      const cleanedPath = `${stem}.log.cleaned`;
      this.backend.remove(cleanedPath);
      const cleaned = this.backend.open(cleanedPath);
      let changed = false;
      s.forEachBatch((batch) => {
        const out = compactBatch(batch, latest, cutoff);
        if (out !== batch) changed = true;
        if (out) cleaned.append(out);
      });
      if (!changed) {
        cleaned.close();
        this.backend.remove(cleanedPath);
        continue;
      }
      if (this.fsync !== 'never') cleaned.sync();
      cleaned.close();
      s.close();
      this.backend.remove(`${stem}.index`);
      this.backend.remove(`${stem}.timeindex`);
      this.backend.rename(cleanedPath, `${stem}.log`);
      this.segments[i] = Segment.open(this.backend, this.dir, s.baseOffset, { isLast: false, cleanShutdown: true }).segment;
    }
  }

  updateConfig(config: LogConfig): void {
    this.config = config;
  }

  size(): number {
    let n = 0;
    for (const s of this.segments) n += s.size;
    return n;
  }

  /** Number of segments (for tests and metrics). */
  segmentCount(): number {
    return this.segments.length;
  }

  flush(): void {
    if (!this.dirty || this.closed) return;
    this.active.sync();
    this.dirty = false;
  }

  /** flush() without blocking the event loop (fsync 'interval'): the fsync runs on libuv's thread
   * pool while requests keep being served; appends made meanwhile stay dirty for the next round. */
  flushInBackground(): void {
    if (!this.dirty || this.closed || this.syncing) return;
    this.dirty = false;
    this.syncing = true;
    this.active.syncInBackground((err) => {
      this.syncing = false;
      if (err && !this.closed) this.dirty = true;
    });
  }

  close(): void {
    if (this.closed) return;
    this.active.sync();
    this.dirty = false;
    for (const s of this.segments) s.close();
    this.closed = true;
    this.backend.writeTextAtomic(path.join(this.dir, CLEAN_SHUTDOWN_FILE), '');
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

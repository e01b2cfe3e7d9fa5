// The storage API the broker handlers program against: a Store of partition logs, each a sequence
// of record batches kept exactly as producers sent them. Offsets are bigint throughout.

export type FsyncPolicy = 'always' | 'interval' | 'never';

export interface LogConfig {
  segmentBytes: number;
  /** segment.ms: the active segment rolls once its first batch is this old (default 7 days). */
  segmentMs?: number;
  /** -1 = forever */
  retentionMs: number;
  /** -1 = unlimited */
  retentionBytes: number;
  /** Kafka's list syntax; any spelling containing "compact" / "delete" enables that policy. */
  cleanupPolicy: 'delete' | 'compact' | 'compact,delete' | (string & {});
  deleteRetentionMs: number;
  messageTimestampType: 'CreateTime' | 'LogAppendTime';
}

export interface StoreOptions {
  /** null = in-memory mode: same behaviour, no files. */
  dataDir: string | null;
  fsync: FsyncPolicy;
  /** For fsync 'interval'; default 1000. */
  fsyncIntervalMs?: number;
  /** Where recovery reports what it had to repair (a truncated tail); silent when absent. */
  log?: (line: string) => void;
}

export interface Store {
  /** Creates or opens a partition's log; recovery runs here. Opening an open partition returns it. */
  openPartition(topic: string, partition: number, config: LogConfig): PartitionLog;
  /** What exists in the store (for restart). */
  listPartitions(): { topic: string; partition: number }[];
  /** Closes and removes the topic's partition logs. */
  deleteTopic(topic: string): void;
  /** Small metadata documents (cluster/topic metadata JSON written by the broker). */
  readMeta(name: string): string | null;
  /** Atomic: temp file + fsync + rename. */
  writeMeta(name: string, content: string): void;
  /** Appends to a metadata document (creating it) and fsyncs: for journals of small changes. A crash
   * may leave a torn tail, so the reader must tolerate one. */
  appendMeta(name: string, content: string): void;
  flush(): void;
  close(): void;
}

export interface AppendResult {
  baseOffset: bigint;
  lastOffset: bigint;
  /** -1n when the topic uses CreateTime. */
  logAppendTime: bigint;
}

export type AppendOutcome = ({ ok: true } & AppendResult) | { ok: false; errorCode: number; message: string };

export interface PartitionLog {
  readonly logStartOffset: bigint;
  /** Also the high watermark: there is one copy of the data. */
  readonly logEndOffset: bigint;
  /** Appends one validated batch (rewriting only baseOffset and partitionLeaderEpoch, plus the
   * timestamps for LogAppendTime topics). Synchronous; with fsync 'always' the data is on disk when
   * it returns. Idempotent-producer duplicates return the original offsets without appending. */
  append(batch: Buffer, leaderEpoch: number, nowMs: bigint): AppendOutcome;
  /** Stored batches from the one containing fetchOffset: at least one whole batch even past
   * maxBytes, then whole batches while the total stays within maxBytes. Empty at or past the end.
   * `alloc` supplies the buffer the bytes are read into (the Fetch path reuses buffers). */
  read(fetchOffset: bigint, maxBytes: number, alloc?: (n: number) => Buffer): Buffer;
  /** The first record with timestamp >= ts, or null. */
  offsetForTimestamp(ts: bigint): { offset: bigint; timestamp: bigint } | null;
  /** DeleteRecords: advances logStartOffset; whole segments below it are removed. */
  deleteRecordsBefore(offset: bigint): void;
  /** Rolls the active segment once segment.ms has passed since its first batch, then removes
   * closed segments past retention.ms (by their max timestamp) or beyond retention.bytes. */
  enforceRetention(nowMs: bigint): void;
  /** cleanup.policy=compact: keeps the last record per key in closed segments; offsets preserved. */
  compact(nowMs: bigint): void;
  updateConfig(config: LogConfig): void;
  /** Bytes of stored batches. */
  size(): number;
  close(): void;
}

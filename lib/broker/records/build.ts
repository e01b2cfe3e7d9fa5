// Builds record batches from plain records: the broker's own internal records (control batches,
// metadata it writes to a topic) and tests that need real batches.

import type { CompressionCodec } from './batch-header';
import { CONTROL_BIT, TIMESTAMP_TYPE_BIT, TRANSACTIONAL_BIT } from './batch-header';
import { encodeBatch } from './encode-batch';

export interface RecordInput {
  key: Buffer | null;
  value: Buffer | null;
  headers?: { key: string; value: Buffer | null }[];
  /** Milliseconds since the epoch; defaults to now. */
  timestamp?: bigint;
}

export interface BuildOptions {
  compression?: CompressionCodec;
  producerId?: bigint;
  producerEpoch?: number;
  baseSequence?: number;
  baseOffset?: bigint;
  isControl?: boolean;
  isTransactional?: boolean;
  timestampType?: 0 | 1;
  partitionLeaderEpoch?: number;
}

export function buildRecordBatch(records: readonly RecordInput[], opts: BuildOptions = {}): Buffer {
  if (records.length === 0) throw new Error('a record batch holds at least one record');
  const now = BigInt(Date.now());
  const stamps = records.map((r) => r.timestamp ?? now);
  const baseTimestamp = stamps[0]!;
  const maxTimestamp = stamps.reduce((a, b) => (b > a ? b : a));
  const attributes =
    (opts.compression ?? 0) |
    (opts.timestampType === 1 ? TIMESTAMP_TYPE_BIT : 0) |
    (opts.isTransactional ? TRANSACTIONAL_BIT : 0) |
    (opts.isControl ? CONTROL_BIT : 0);
  return encodeBatch(
    {
      baseOffset: opts.baseOffset ?? 0n,
      partitionLeaderEpoch: opts.partitionLeaderEpoch ?? -1,
      attributes,
      lastOffsetDelta: records.length - 1,
      baseTimestamp,
      maxTimestamp,
      producerId: opts.producerId ?? -1n,
      producerEpoch: opts.producerEpoch ?? -1,
      baseSequence: opts.baseSequence ?? -1,
    },
    records.map((r, i) => ({
      offsetDelta: i,
      timestampDelta: stamps[i]! - baseTimestamp,
      key: r.key,
      value: r.value,
      headers: r.headers ?? [],
    })),
  );
}

// Log compaction (cleanup.policy=compact): keep only the newest record of each key, drop tombstones
// once they are older than delete.retention.ms. Offsets never change: a rewritten batch keeps its
// baseOffset and lastOffsetDelta, and its surviving records keep their offset deltas, so readers see
// gaps, as with Kafka. Batches that lose nothing are copied byte for byte.

import { canCompress } from '../../codecs/compression';
import * as H from '../records/batch-header';
import { decodeRecords } from '../records/decode';
import { encodeBatch } from '../records/encode-batch';
import type { Segment } from './segment';

/** Latest offset per key over the given segments (keys as binary strings). */
export function latestOffsetsByKey(segments: readonly Segment[]): Map<string, bigint> {
  const latest = new Map<string, bigint>();
  for (const s of segments) {
    s.forEachBatch((batch) => {
      if (H.isControl(batch.readInt16BE(H.ATTRIBUTES))) return;
      for (const r of decodeRecords(batch).records) if (r.key !== null) latest.set(r.key.toString('latin1'), r.offset);
    });
  }
  return latest;
}

/** The batch with superseded records and expired tombstones removed: the same Buffer when nothing
 * goes, null when everything goes. */
export function compactBatch(batch: Buffer, latest: ReadonlyMap<string, bigint>, tombstoneCutoff: bigint): Buffer | null {
  const attributes = batch.readInt16BE(H.ATTRIBUTES);
  if (H.isControl(attributes) || H.isTransactional(attributes)) return batch;
  const { header, records } = decodeRecords(batch);
  const kept = records.filter((r) => {
    if (r.key === null) return true;
    if (latest.get(r.key.toString('latin1')) !== r.offset) return false;
    return !(r.value === null && r.timestamp < tombstoneCutoff);
  });
  if (kept.length === records.length) return batch;
  if (kept.length === 0) return null;
  const codec = H.compressionOf(attributes);
  const logAppendTime = H.isLogAppendTime(attributes);
  return encodeBatch(
    {
      baseOffset: header.baseOffset,
      partitionLeaderEpoch: header.partitionLeaderEpoch,
      attributes: canCompress(codec) ? attributes : attributes & ~H.COMPRESSION_MASK,
      lastOffsetDelta: header.lastOffsetDelta,
      baseTimestamp: header.baseTimestamp,
      maxTimestamp: header.maxTimestamp,
      producerId: header.producerId,
      producerEpoch: header.producerEpoch,
      baseSequence: header.baseSequence,
    },
    kept.map((r) => ({
      offsetDelta: Number(r.offset - header.baseOffset),
      timestampDelta: logAppendTime ? 0n : r.timestamp - header.baseTimestamp,
      key: r.key,
      value: r.value,
      headers: r.headers,
    })),
  );
}

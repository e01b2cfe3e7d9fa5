// `__consumer_offsets` as a log: the coordinator's records become uncompressed record batches
// appended to partition `partitionForGroup(group, n)` — the very place Kafka puts them, so tools that
// read the topic understand it — and at start-up every partition is read back for replay.
import type { Cluster, PartitionState, TopicState } from '../cluster/cluster';
import { partitionForGroup, type OffsetsBackend, type OffsetsRecord } from '../coordinator';
import { batchSize, isControl, lastOffsetOf, readBatchHeader } from '../records/batch-header';
import { buildRecordBatch } from '../records/build';
import { decodeRecords } from '../records/decode';

export const OFFSETS_TOPIC = '__consumer_offsets';

/** Kafka's offsets.topic.segment.bytes: the offsets topic rolls at 100 MiB. */
const OFFSETS_SEGMENT_BYTES = '104857600';

/** The offsets topic, created compacted like Kafka's when it does not exist yet. */
export async function ensureOffsetsTopic(cluster: Cluster, partitions: number, replicationFactor: number): Promise<TopicState> {
  const existing = cluster.topic(OFFSETS_TOPIC);
  if (existing) return existing;
  const rf = Math.max(1, Math.min(replicationFactor, cluster.liveNodes().length || cluster.nodes.length));
  return cluster.createTopic({
    name: OFFSETS_TOPIC,
    numPartitions: partitions,
    replicationFactor: rf,
    configs: { 'cleanup.policy': 'compact', 'segment.bytes': OFFSETS_SEGMENT_BYTES },
  });
}

/** The coordinator's durable writes: one uncompressed batch per call, through the partition's leader. */
export class OffsetsLog implements OffsetsBackend {
  constructor(
    private readonly cluster: Cluster,
    private readonly topic: TopicState,
  ) {}

  get partitionCount(): number {
    return this.topic.partitions.length;
  }

  partitionOf(groupId: string): PartitionState {
    return this.topic.partitions[partitionForGroup(groupId, this.topic.partitions.length)]!;
  }

  append(records: OffsetsRecord[]): void {
    const first = records[0];
    if (first === undefined) return;
    const p = this.partitionOf(first.groupId);
    if (this.cluster.leaderOf(p) < 0) throw new Error(`${OFFSETS_TOPIC}-${p.index} has no leader`);
    const batch = buildRecordBatch(records.map((r) => ({ key: r.key, value: r.value })));
    const result = this.cluster.append(p, batch, Date.now());
    if (!result.ok) throw new Error(`${OFFSETS_TOPIC}-${p.index}: ${result.message}`);
  }

  /** Every record of every partition, in offset order per partition (what `GroupCoordinator.load` wants). */
  *replay(): Iterable<{ key: Buffer; value: Buffer | null }> {
    for (const p of this.topic.partitions) yield* readPartition(p);
  }
}

function* readPartition(p: PartitionState): Iterable<{ key: Buffer; value: Buffer | null }> {
  let offset = BigInt(p.log.logStartOffset);
  const end = BigInt(p.log.logEndOffset);
  while (offset < end) {
    const chunk = p.log.read(offset, 1 << 20);
    if (chunk.length === 0) return;
    let pos = 0;
    let next = offset;
    while (pos + 12 <= chunk.length) {
      const size = batchSize(chunk, pos);
      if (pos + size > chunk.length) break;
      const batch = chunk.subarray(pos, pos + size);
      pos += size;
      next = lastOffsetOf(batch) + 1n;
      if (isControl(readBatchHeader(batch).attributes)) continue;
      for (const r of decodeRecords(batch).records) {
        if (r.offset < offset || r.key === null) continue;
        yield { key: r.key, value: r.value };
      }
    }
    if (next <= offset) return;
    offset = next;
  }
}

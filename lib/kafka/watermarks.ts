// Offsets by time for many partitions at once: one ListOffsets request per partition leader (not one
// per partition, nor per topic), in parallel, each partition's answer cached for a couple of seconds.
// A leader that is down leaves its partitions unknown (null) instead of failing the whole answer.
import { mapBounded } from './cache';
import type { KafkaClients } from './clients';
import { EARLIEST, LATEST, READ_UNCOMMITTED } from './kafkajs-types';
import { loadMetadata } from './metadata';
import { brokerFor } from './reader-pool';

export interface TP {
  topic: string;
  partition: number;
}
export interface Watermarks {
  low: bigint;
  high: bigint;
}
const tpKey = (tp: TP) => `${tp.topic}\u0000${tp.partition}`;

/** Offsets for `timestamp` (EARLIEST, LATEST or ms since the epoch), batched per leader. A result of
 * -1 for a timestamp means no record at or after it. Unknown partitions are absent from the map. */
export async function listOffsets(clients: KafkaClients, tps: readonly TP[], timestamp: number): Promise<Map<string, bigint>> {
  const meta = await loadMetadata(clients);
  const byLeader = new Map<number, TP[]>();
  for (const tp of tps) {
    const leader = meta.topics.get(tp.topic)?.partitions.find((p) => p.partition === tp.partition)?.leader ?? -1;
    if (leader < 0) continue;
    byLeader.set(leader, [...(byLeader.get(leader) ?? []), tp]);
  }
  const out = new Map<string, bigint>();
  await clients.readers.use(async (cluster) => {
    await mapBounded([...byLeader], 8, async ([leader, list]) => {
      const topics = new Map<string, { partition: number; timestamp: number }[]>();
      for (const tp of list) topics.set(tp.topic, [...(topics.get(tp.topic) ?? []), { partition: tp.partition, timestamp }]);
      try {
        const broker = await brokerFor(cluster, leader);
        const res = await broker.listOffsets({
          isolationLevel: READ_UNCOMMITTED,
          topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
        });
        for (const t of res.responses) {
          for (const p of t.partitions) if (p.errorCode === 0) out.set(tpKey({ topic: t.topic, partition: p.partition }), BigInt(p.offset));
        }
      } catch {
        // This leader is unreachable or refused: its partitions stay unknown.
      }
    });
  });
  return out;
}

/** Low and high watermarks of the partitions; absent when the partition's leader did not answer. */
export async function getWatermarks(clients: KafkaClients, tps: readonly TP[]): Promise<Map<string, Watermarks>> {
  const wanted = [...new Map(tps.map((tp) => [tpKey(tp), tp])).values()];
  // Partitions asked for within the TTL share one batched request; the rest are fetched together.
  const batchKey = `wm:${wanted.map(tpKey).sort().join('\u0001')}`;
  return clients.cache.get(batchKey, async () => {
    const [low, high] = await Promise.all([listOffsets(clients, wanted, EARLIEST), listOffsets(clients, wanted, LATEST)]);
    const out = new Map<string, Watermarks>();
    for (const tp of wanted) {
      const l = low.get(tpKey(tp));
      const h = high.get(tpKey(tp));
      if (l !== undefined && h !== undefined) out.set(tpKey(tp), { low: l, high: h });
    }
    return out;
  }) as Promise<Map<string, Watermarks>>;
}

export function watermarkOf(map: Map<string, Watermarks>, topic: string, partition: number): Watermarks | undefined {
  return map.get(tpKey({ topic, partition }));
}

export { tpKey };

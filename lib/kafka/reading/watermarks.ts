// Offsets by time for many partitions at once: one ListOffsets request per partition leader (not one
// per partition, nor per topic), in parallel, each partition's answer cached for a couple of seconds.
// A leader that is down leaves its partitions unknown (null) instead of failing the whole answer.
import 'server-only';
import { mapBounded } from '../connection/cache';
import { cacheKeys } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { tpKey, type TP } from './topic-partition';
import { EARLIEST, LATEST, READ_UNCOMMITTED } from '../connection/kafkajs-types';
import { loadMetadata } from './metadata';
import { brokerFor } from '../connection/captured-cluster';

export interface Watermarks {
  low: bigint;
  high: bigint;
}

/** Offsets for `timestamp` (EARLIEST, LATEST or ms since the epoch), batched per leader. A result of
 * -1 for a timestamp means no record at or after it. Unknown partitions are absent from the map. */
export async function listOffsets(clients: ClusterClients, tps: readonly TP[], timestamp: number): Promise<Map<string, bigint>> {
  const meta = await loadMetadata(clients);
  const byLeader = new Map<number, TP[]>();
  for (const tp of tps) {
    const parts = meta.topics.get(tp.topic)?.partitions ?? [];
    // Partitions are numbered 0..n-1 and kept sorted, so the index is the id; find() is the fallback.
    const p = parts[tp.partition]?.partition === tp.partition ? parts[tp.partition] : parts.find((x) => x.partition === tp.partition);
    const leader = p?.leader ?? -1;
    if (leader < 0) continue;
    const list = byLeader.get(leader);
    if (list) list.push(tp);
    else byLeader.set(leader, [tp]);
  }
  const out = new Map<string, bigint>();
  await clients.lanes.interactive.run(async (cluster) => {
    await mapBounded([...byLeader], 8, async ([leader, list]) => {
      const topics = new Map<string, { partition: number; timestamp: number }[]>();
      for (const tp of list) {
        const parts = topics.get(tp.topic);
        if (parts) parts.push({ partition: tp.partition, timestamp });
        else topics.set(tp.topic, [{ partition: tp.partition, timestamp }]);
      }
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

/** Low and high watermarks of the partitions; absent when the partition's leader did not answer.
 * Each partition is cached on its own for a couple of seconds: a page asks only for what it shows,
 * and partitions already fetched (or in flight) for another page are not asked for again. */
export async function getWatermarks(clients: ClusterClients, tps: readonly TP[]): Promise<Map<string, Watermarks>> {
  return clients.cache.getMany(cacheKeys.watermarks, tps, async (wanted) => {
    const [low, high] = await Promise.all([listOffsets(clients, wanted, EARLIEST), listOffsets(clients, wanted, LATEST)]);
    const out = new Map<string, Watermarks>();
    for (const tp of wanted) {
      const l = low.get(tpKey(tp));
      const h = high.get(tpKey(tp));
      if (l !== undefined && h !== undefined) out.set(tpKey(tp), { low: l, high: h });
    }
    return out;
  });
}

export function watermarkOf(map: Map<string, Watermarks>, topic: string, partition: number): Watermarks | undefined {
  return map.get(tpKey({ topic, partition }));
}

export { tpKey, type TP };

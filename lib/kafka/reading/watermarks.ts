// Offsets by time for many partitions at once: one ListOffsets request per partition leader (not one
// per partition, nor per topic), in parallel, each partition's answer cached for a couple of seconds.
// A leader that is down leaves its partitions unknown (null) instead of failing the whole answer, and
// a partition answered with an error leaves only itself unknown (the request is written and read by
// hand: connection/list-offsets.ts).
// Both watermarks are asked on the same reader at once (see offsetsAt).
import 'server-only';
import { mapBounded } from '../connection/cache';
import { cacheKeys } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { tpKey, type TP } from './topic-partition';
import { EARLIEST, LATEST, READ_UNCOMMITTED, type RawBroker } from '../connection/kafkajs-types';
import { leadersFor } from './metadata-subsets';
import { brokerOn } from './reader-broker';
import { listOffsetsOn } from '../connection/raw-requests';

export interface Watermarks {
  low: bigint;
  high: bigint;
}

/** Offsets of `tps` for each of `timestamps`, all on one reader: per leader, one ListOffsets per
 * timestamp, in flight together. One reader, not one per timestamp: a second reader would be a
 * second set of connections to open on a cold request. Each answer is handed to `found` with the
 * timestamp's index; unknown partitions are never handed over. */
async function offsetsAt(clients: ClusterClients, tps: readonly TP[], timestamps: readonly number[], found: (i: number, key: string, offset: bigint) => void): Promise<void> {
  if (tps.length === 0) return;
  // Leaders from the cluster snapshot when recent, else from the metadata of these topics only.
  const leaderOf = await leadersFor(clients, tps);
  const byLeader = new Map<number, Map<string, number[]>>();
  for (const tp of tps) {
    const leader = leaderOf(tp.topic, tp.partition);
    if (leader < 0) continue;
    let topics = byLeader.get(leader);
    if (!topics) byLeader.set(leader, (topics = new Map()));
    const list = topics.get(tp.topic);
    if (list) list.push(tp.partition);
    else topics.set(tp.topic, [tp.partition]);
  }
  if (byLeader.size === 0) return;
  await clients.lanes.interactive.run(async (cluster) => {
    await mapBounded([...byLeader], 8, async ([leader, topics]) => {
      let broker: RawBroker;
      try {
        broker = await brokerOn(cluster, leader);
      } catch {
        return; // This leader is unreachable: its partitions stay unknown.
      }
      await Promise.all(
        timestamps.map(async (timestamp, i) => {
          try {
            const ask = { isolationLevel: READ_UNCOMMITTED, topics, timestamp };
            const sent = await listOffsetsOn(broker, ask, (topic, partition, errorCode, offset) => {
              if (errorCode === 0) found(i, tpKey({ topic, partition }), offset);
            });
            if (sent) return;
            // A broker older than Kafka 0.10.1 (ListOffsets v0): kafkajs' own request.
            const res = await broker.listOffsets({
              isolationLevel: READ_UNCOMMITTED,
              topics: [...topics].map(([topic, partitions]) => ({ topic, partitions: partitions.map((partition) => ({ partition, timestamp })) })),
            });
            for (const t of res.responses) {
              for (const p of t.partitions) if (p.errorCode === 0) found(i, tpKey({ topic: t.topic, partition: p.partition }), BigInt(p.offset));
            }
          } catch {
            // This leader refused or went away: its partitions stay unknown.
          }
        }),
      );
    });
  });
}

/** Offsets for `timestamp` (EARLIEST, LATEST or ms since the epoch), batched per leader. A result of
 * -1 for a timestamp means no record at or after it. Unknown partitions are absent from the map. */
export async function listOffsets(clients: ClusterClients, tps: readonly TP[], timestamp: number): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  await offsetsAt(clients, tps, [timestamp], (_, key, offset) => out.set(key, offset));
  return out;
}

/** Low and high watermarks of the partitions; absent when the partition's leader did not answer.
 * Each partition is cached on its own for a couple of seconds: a page asks only for what it shows,
 * and partitions already fetched (or in flight) for another page are not asked for again. Both
 * answers go straight into one map (watermarks are never negative, so -1 marks the one not yet
 * answered): at 10,000 partitions every map of that size is half a megabyte. */
export async function getWatermarks(clients: ClusterClients, tps: readonly TP[]): Promise<Map<string, Watermarks>> {
  return clients.cache.getMany(cacheKeys.watermarks, tps, async (wanted) => {
    const out = new Map<string, Watermarks>();
    await offsetsAt(clients, wanted, [EARLIEST, LATEST], (i, key, offset) => {
      let w = out.get(key);
      if (!w) out.set(key, (w = { low: -1n, high: -1n }));
      if (i === 0) w.low = offset;
      else w.high = offset;
    });
    for (const [key, w] of out) if (w.low < 0n || w.high < 0n) out.delete(key);
    return out;
  });
}

/** No partition has it: topic names are never empty. */
const GENERATION_MARK: TP = { topic: '', partition: -1 };

/** A token that stays the same object while the watermark cache holds the same data: it is replaced
 * when watermarks are invalidated (records produced or purged, offsets reset, topics changed) and
 * when the cache's TTL has passed since it was made, exactly as a cached partition would be. What is
 * derived from many watermarks (every topic's message count) is kept per token instead of being
 * rebuilt from 10,000 cached entries on every request. */
export async function watermarkGeneration(clients: ClusterClients): Promise<object> {
  const key = tpKey(GENERATION_MARK);
  const found = await clients.cache.getMany(cacheKeys.watermarks, [GENERATION_MARK], async () => new Map([[key, { low: 0n, high: 0n }]]));
  return found.get(key)!;
}

export function watermarkOf(map: Map<string, Watermarks>, topic: string, partition: number): Watermarks | undefined {
  return map.get(tpKey({ topic, partition }));
}

export { tpKey, type TP };

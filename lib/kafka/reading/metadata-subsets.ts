// Parts of the cluster's metadata, for callers that need only the brokers (listing groups) or the
// leaders of some partitions (watermarks). At 50,000 topics, reading all 200,000 partitions costs
// about half a second; a group list sorted by lag needs the brokers and the leaders of the
// partitions groups commit on, nothing more. Both use the full snapshot (metadata.ts) while it is
// recent (as long as a cached snapshot lives) and holds what is asked; otherwise:
// - brokers: a Metadata request that names no real topic (reader-broker.ts), shared for as long;
// - leaders: one Metadata request naming only the topics asked about, not kept (the next caller
//   asks about other topics, and a page that shows topics has loaded the full snapshot anyway), and
//   read for the leaders alone: no partition objects for the 10,000 topics a lag sort names.
import 'server-only';
import { CACHE_TTL_MS, type ClusterClients } from '../connection/clients';
import { leadersOf } from '../connection/metadata-response';
import { recentMetadata, toClusterMeta, type ClusterMeta, type PartitionMeta } from './metadata';
import { fetchBrokersOnly, fetchTopicsMetadata } from './reader-broker';
import type { TP } from './topic-partition';

const brokerLists = new WeakMap<ClusterClients, { at: number; value: Promise<ClusterMeta> }>();

/** The brokers, controller and cluster id; `topics` may be empty. */
export function loadBrokers(clients: ClusterClients): Promise<ClusterMeta> {
  const recent = recentMetadata(clients, CACHE_TTL_MS);
  if (recent) return Promise.resolve(recent);
  const hit = brokerLists.get(clients);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.value;
  const value = clients.lanes.interactive.run(async (cluster) => toClusterMeta(await fetchBrokersOnly(cluster)));
  brokerLists.set(clients, { at: Date.now(), value });
  value.catch(() => {
    if (brokerLists.get(clients)?.value === value) brokerLists.delete(clients);
  });
  return value;
}

/** Partition `partition` of `topic` in a snapshot. Partitions are numbered 0..n-1 and kept sorted,
 * so the index is the id; find() is the fallback. */
function partitionIn(meta: ClusterMeta, topic: string, partition: number): PartitionMeta | undefined {
  const parts = meta.topics.get(topic)?.partitions;
  if (!parts) return undefined;
  return parts[partition]?.partition === partition ? parts[partition] : parts.find((p) => p.partition === partition);
}

const covers = (meta: ClusterMeta, tps: readonly TP[]) => tps.every((tp) => partitionIn(meta, tp.topic, tp.partition) !== undefined);

/** The leader of each of the partitions `tps` (-1 when unknown or leaderless). */
export async function leadersFor(clients: ClusterClients, tps: readonly TP[]): Promise<(topic: string, partition: number) => number> {
  const recent = recentMetadata(clients, CACHE_TTL_MS);
  if (recent && covers(recent, tps)) return (topic, partition) => partitionIn(recent, topic, partition)?.leader ?? -1;
  const topics = [...new Set(tps.map((tp) => tp.topic))];
  const raw = await clients.lanes.interactive.run((cluster) => fetchTopicsMetadata(cluster, topics));
  const leaders = new Map<string, Int32Array>();
  for (const t of raw.topicMetadata) leaders.set(t.topic, leadersOf(t));
  return (topic, partition) => leaders.get(topic)?.[partition] ?? -1;
}
